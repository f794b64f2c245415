// Further education's demo (all invented, marked "(demo)"; dates relative to the demo's now): the two default
// models; the 15 municipalities at different steps of AST (a few in operation, some signed, some decided or proposed,
// one declined) and some of the OT/PT post, with invented PDF documents; about 30 training posts for persons of the
// staff register's demo (read through people's lookup). Lidköping's AST is decided, not yet signed: the browser
// journey signs it.
import { eq } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { storeFile } from '../../platform/server/files/stored-files.ts';
import type { DemoContext } from '../../platform/server/module.ts';
import type { Actor } from '../../platform/server/policy.ts';
import { findPersons } from '../people/people-lookup.service.ts';
import { ADOPTION_FILES } from './adoptions.service.ts';
import type { AdoptionStatus } from './further-education.contracts.ts';
import { STATUS_ORDER } from './further-education.contracts.ts';
import {
  furtherEducationAdoption,
  furtherEducationAdoptionDocument,
  furtherEducationAdoptionStep,
  furtherEducationModel,
  furtherEducationPost,
} from './further-education.table.ts';
import { DEFAULT_MODELS } from './models.service.ts';

/** AST's status per demo municipality (the rest have not started). */
const AST: Record<string, AdoptionStatus> = {
  Skövde: 'in_operation',
  Falköping: 'in_operation',
  Mariestad: 'in_operation',
  Lidköping: 'decided',
  Skara: 'signed',
  Götene: 'signed',
  Tidaholm: 'signed',
  Hjo: 'decided',
  Vara: 'proposed',
  Tibro: 'proposed',
  Töreboda: 'proposed',
  Grästorp: 'declined',
  Karlsborg: 'proposed',
};
const OT_PT: Record<string, AdoptionStatus> = {
  Skövde: 'signed',
  Lidköping: 'proposed',
  Falköping: 'decided',
  Mariestad: 'proposed',
};
const BODIES: Record<AdoptionStatus, string> = {
  proposed: 'Socialchefsgruppen (demo)',
  decided: 'Socialnämnden (demo)',
  signed: 'HR-chef och Vårdförbundet (demo)',
  in_operation: 'Förvaltningsledningen (demo)',
  declined: 'Socialnämnden (demo)',
};

const day = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** A small valid PDF (one page of text), invented for the demo; the byte offsets of its cross-reference table are exact. */
export function demoPdf(lines: readonly string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const text = lines.map((l, i) => `BT /F1 12 Tf 56 ${780 - i * 18} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function seedFurtherEducationDemo(db: Db, demo: DemoContext): Promise<void> {
  const models = await db
    .insert(furtherEducationModel)
    .values(DEFAULT_MODELS.map((m, i) => ({ ...m, name: `${m.name}`, sort: i * 10 })))
    .returning({ id: furtherEducationModel.id, key: furtherEducationModel.key });
  const modelId = (key: string) => models.find((m) => m.key === key)?.id as string;
  const [admin] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'regionadmin@demo.example'));
  const ctx = { actor: null, requestId: 'demo', ip: '' };

  let n = 0;
  for (const [key, plan] of [
    ['ast', AST],
    ['ot_pt_post', OT_PT],
  ] as const) {
    for (const [name, status] of Object.entries(plan)) {
      const municipality = demo.municipalities.get(name);
      if (!municipality) continue;
      n++;
      const path: AdoptionStatus[] =
        status === 'declined' ? ['proposed', 'declined'] : STATUS_ORDER.slice(0, STATUS_ORDER.indexOf(status) + 1);
      const [adoption] = await db
        .insert(furtherEducationAdoption)
        .values({
          modelId: modelId(key),
          municipalityId: municipality.id,
          form: n % 3 === 0 ? 'employer_agreement' : 'local_collective_agreement',
          status,
          contactName: `Kontaktperson ${name} (demo)`,
          contactEmail: `kontakt.${municipality.code ?? n}@demo.example`,
        })
        .returning({ id: furtherEducationAdoption.id });
      if (!adoption) continue;
      // The steps lie behind now, about two months apart, the last one 10–60 days ago.
      let when = -(path.length * 60 + (n % 5) * 10);
      for (const step of path) {
        when += 60;
        const date = day(demo.now, Math.min(when, -10));
        const [row] = await db
          .insert(furtherEducationAdoptionStep)
          .values({
            adoptionId: adoption.id,
            status: step,
            date,
            decisionBody: BODIES[step],
            note: '',
            createdBy: admin?.id ?? null,
            createdByName: 'Regionadmin (demo)',
            createdAt: new Date(`${date}T10:00:00Z`),
          })
          .returning({ id: furtherEducationAdoptionStep.id });
        if (!row || (step !== 'decided' && step !== 'signed')) continue;
        const title = step === 'signed' ? 'Undertecknat avtal' : 'Protokollsutdrag, beslut';
        const file = await storeFile(db, ctx, {
          owner: ADOPTION_FILES,
          ownerId: adoption.id,
          organisationId: municipality.id,
          fileName: `${title} ${key.toUpperCase()} ${name} (demo).pdf`,
          content: demoPdf([
            `${title} (demo)`,
            `Modell: ${key === 'ast' ? 'AST' : 'Specialistutbildningstjanst AT/FT'}`,
            `Kommun: ${name}`,
            `Datum: ${date}`,
            'Pahittat dokument for demonstration. Inget verkligt avtal.',
          ]),
          types: ['pdf'],
        });
        await db.insert(furtherEducationAdoptionDocument).values({
          adoptionId: adoption.id,
          stepId: row.id,
          fileId: file.id,
          kind: step === 'signed' ? 'agreement' : 'decision',
        });
      }
    }
  }

  // About 30 training posts: two per municipality (a nurse in AST, and an OT or PT where there is one).
  const region: Actor = {
    kind: 'user',
    userId: admin?.id ?? 'demo',
    tokenId: null,
    sessionId: null,
    organisationId: demo.regionId,
    organisationKind: 'region',
    roles: ['regional_admin'],
    locale: 'sv',
  };
  const specialties = ['vard_av_aldre', 'distrikt', 'demens', 'palliativ', null] as const;
  let i = 0;
  const posts: (typeof furtherEducationPost.$inferInsert)[] = [];
  for (const municipality of demo.municipalities.values()) {
    const nurses = await findPersons(db, region, {
      municipalityId: municipality.id,
      professionKey: 'sjukskoterska',
      limit: 2,
    });
    const rehab = [
      ...(await findPersons(db, region, {
        municipalityId: municipality.id,
        professionKey: 'arbetsterapeut',
        limit: 1,
      })),
      ...(await findPersons(db, region, { municipalityId: municipality.id, professionKey: 'fysioterapeut', limit: 1 })),
    ].slice(0, 1);
    for (const person of [...nurses.slice(0, 1), ...rehab]) {
      i++;
      const nurse = person.professionKey === 'sjukskoterska';
      const specialty = nurse ? specialties[i % specialties.length] : 'aldre';
      const start = day(demo.now, -((i * 47) % 600) - 30);
      const months = nurse ? 24 : 36;
      posts.push({
        municipalityId: municipality.id,
        personId: person.id,
        professionKey: person.professionKey ?? 'sjukskoterska',
        programme: nurse
          ? `Specialistsjuksköterska${specialty === 'distrikt' ? ', distriktssköterska' : specialty === 'vard_av_aldre' ? ', vård av äldre' : ''} (demo)`
          : 'Specialistutbildning, äldres hälsa (demo)',
        specialtyKey: specialty,
        modelId: modelId(nurse ? 'ast' : 'ot_pt_post'),
        startDate: start,
        expectedEnd: day(new Date(`${start}T12:00:00Z`), months * 30),
        pacePercent: nurse ? 50 : 25,
        status: i % 11 === 0 ? 'interrupted' : 'in_training',
        updatedBy: admin?.id ?? null,
      });
    }
  }
  if (posts.length > 0) await db.insert(furtherEducationPost).values(posts);
}
