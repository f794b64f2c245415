// Further education through the API, on one app with every role signed in: the role × route matrix
// (further-education.access.ts), then an adoption's history of steps (one at a time, never dated backwards,
// documents attached with their step), the bad inputs of the issue refused with nothing changed, training posts only
// for the own municipality's persons, and the expected new specialists the forecast's source counts.
import { beforeAll, describe, expect, it } from 'vitest';
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { countStoredFiles } from '../../platform/server/files/stored-files.ts';
import { buildPerson } from '../people/people.factories.ts';
import { accessMatrix, modelPayload, PDF, pdfForm } from './further-education.access.ts';
import { expectedSpecialists } from './further-education-lookup.service.ts';

const fixture = runAccessMatrix(accessMatrix, { ipPrefix: '10.26.0' });
const WHO = { adminA: 'municipal_admin', adminB: 'other_municipal_admin', region: 'regional_admin' } as const;
const as = (who: keyof typeof WHO) => fixture().as(WHO[who]);
const ids = { a: '', b: '', model: '', personA: '', personB: '' };
const api = '/api/further-education';

async function prepare() {
  if (ids.model) return;
  const fx = fixture();
  ids.a = fx.a.id;
  ids.b = fx.b.id;
  ids.personA = (await buildPerson(fx.t.db, { municipality: fx.a, professionKey: 'sjukskoterska' })).person.id;
  ids.personB = (await buildPerson(fx.t.db, { municipality: fx.b, professionKey: 'sjukskoterska' })).person.id;
  ids.model = (
    await as('region')({ method: 'POST', url: `${api}/models`, payload: modelPayload('AST (test)') })
  ).json().id;
}

describe('an adoption', () => {
  beforeAll(prepare);
  let adoptionId = '';
  const step = (payload: object, who: keyof typeof WHO = 'adminA') =>
    as(who)({ method: 'POST', url: `${api}/adoptions/${adoptionId}/steps`, payload });
  const current = async () => (await as('adminA')({ method: 'GET', url: `${api}/adoptions/${adoptionId}` })).json();

  it('starts as proposed with its first step, and moves one dated step at a time keeping every step', async () => {
    const created = await as('adminA')({
      method: 'POST',
      url: `${api}/adoptions`,
      payload: {
        modelId: ids.model,
        municipalityId: ids.a,
        form: 'local_collective_agreement',
        date: '2026-01-10',
        decisionBody: 'Socialchefsgruppen',
        contactName: 'Karin Kontakt',
        contactEmail: 'karin@example.org',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    adoptionId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'proposed', next: ['decided', 'declined'], canEdit: true });
    expect((await step({ status: 'decided', date: '2026-02-01', decisionBody: 'Socialnämnden' })).statusCode).toBe(201);
    // The same day as the step before is allowed; a document comes with the signing.
    const upload = await as('adminA')({
      method: 'POST',
      url: `${api}/adoptions/${adoptionId}/documents`,
      ...pdfForm(),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const signed = await step({
      status: 'signed',
      date: '2026-02-01',
      decisionBody: 'HR-chef och Vårdförbundet',
      documentIds: [upload.json().id],
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const body = signed.json();
    expect(body.status).toBe('signed');
    expect(body.statusDate).toBe('2026-02-01');
    expect(body.steps.map((s: { status: string; date: string }) => [s.status, s.date])).toEqual([
      ['proposed', '2026-01-10'],
      ['decided', '2026-02-01'],
      ['signed', '2026-02-01'],
    ]);
    expect(body.steps[2].documents.map((d: { id: string; kind: string }) => [d.id, d.kind])).toEqual([
      [upload.json().id, 'agreement'],
    ]);
    const pdf = await as('region')({ method: 'GET', url: `${api}/documents/${upload.json().id}` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a skipped step, a step dated before the previous one and a second adoption: nothing changed', async () => {
    const before = await current();
    const skipped = await step({ status: 'proposed', date: '2026-03-01', decisionBody: 'x' });
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json().error.fields[0]).toMatchObject({ path: 'status' });
    expect(skipped.json().error.fields[0].message).toContain('I drift');
    const backwards = await step({ status: 'in_operation', date: '2026-01-31', decisionBody: 'Förvaltningen' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0]).toMatchObject({ path: 'date' });
    expect(backwards.json().error.fields[0].message).toContain('2026-02-01');
    const twice = await as('adminA')({
      method: 'POST',
      url: `${api}/adoptions`,
      payload: { modelId: ids.model, municipalityId: ids.a, date: '2026-03-01', decisionBody: 'x' },
    });
    expect(twice.statusCode).toBe(409);
    expect(await current()).toEqual(before);
  });

  it('refuses a non-PDF and an oversized document, and an upload another municipality’s admin tries', async () => {
    const files = await countStoredFiles(fixture().t.db, 'further_education.adoption');
    const text = await as('adminA')({
      method: 'POST',
      url: `${api}/adoptions/${adoptionId}/documents`,
      ...pdfForm(Buffer.from('Det här är ingen PDF'), 'avtal.pdf'),
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toContain('PDF');
    const big = await as('adminA')({
      method: 'POST',
      url: `${api}/adoptions/${adoptionId}/documents`,
      ...pdfForm(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)])),
    });
    expect(big.statusCode).toBe(413);
    const other = await as('adminB')({ method: 'POST', url: `${api}/adoptions/${adoptionId}/documents`, ...pdfForm() });
    expect(other.statusCode).toBe(404);
    expect(await countStoredFiles(fixture().t.db, 'further_education.adoption')).toBe(files);
  });

  it('a refused step leaves its uploaded document unattached; the step after takes it', async () => {
    const upload = await as('adminA')({
      method: 'POST',
      url: `${api}/adoptions/${adoptionId}/documents`,
      ...pdfForm(),
    });
    const refused = await step({
      status: 'in_operation',
      date: '2025-12-31',
      decisionBody: 'Förvaltningen',
      documentIds: [upload.json().id],
    });
    expect(refused.statusCode).toBe(400);
    expect((await current()).steps.flatMap((s: { documents: unknown[] }) => s.documents)).toHaveLength(1);
    const ok = await step({
      status: 'in_operation',
      date: '2026-04-01',
      decisionBody: 'Förvaltningen',
      documentIds: [upload.json().id],
      documentKind: 'decision',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().next).toEqual([]);
    expect(ok.json().steps.at(-1).documents).toHaveLength(1);
    const after = await step({ status: 'declined', date: '2026-05-01', decisionBody: 'x' });
    expect(after.statusCode).toBe(400);
  });

  it('shows the same status in the overview (the table and the map) as on the adoption', async () => {
    const overview = (await as('adminB')({ method: 'GET', url: `${api}/adoptions?modelId=${ids.model}` })).json();
    const row = overview.municipalities.find((m: { municipalityId: string }) => m.municipalityId === ids.a);
    expect(row).toMatchObject({ status: 'in_operation', statusDate: '2026-04-01', documents: 2, canEdit: false });
    expect(overview.municipalities.find((m: { municipalityId: string }) => m.municipalityId === ids.b)).toMatchObject({
      status: null,
      canEdit: true,
    });
    expect(overview.counts.in_operation).toBe(1);
  });
});

describe('training posts', () => {
  beforeAll(prepare);
  const post = (who: keyof typeof WHO, payload: object) => as(who)({ method: 'POST', url: `${api}/posts`, payload });
  const valid = () => ({
    personId: ids.personA,
    professionKey: 'sjukskoterska',
    programme: 'Specialistsjuksköterska, vård av äldre',
    specialtyKey: 'vard_av_aldre',
    modelId: ids.model,
    startDate: '2026-01-15',
    expectedEnd: '2027-06-15',
    pacePercent: 50,
  });
  const countPosts = async () =>
    (await fixture().t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM further_education_post'))[0]?.n;

  it('refuses a person of another municipality, an end before the start and an unknown specialty', async () => {
    const before = await countPosts();
    const other = await post('adminB', valid());
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields[0].path).toBe('personId');
    const backwards = await post('adminA', { ...valid(), expectedEnd: '2026-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0].path).toBe('expectedEnd');
    const specialty = await post('adminA', { ...valid(), specialtyKey: 'neurologi' });
    expect(specialty.statusCode).toBe(400);
    expect(specialty.json().error.fields[0].path).toBe('specialtyKey');
    expect(await countPosts()).toBe(before);
  });

  it('keeps a post seen by its municipality and the region, and counts it by its expected end', async () => {
    // The matrix made posts in A already; the count is compared with what was there before.
    const count = async () => {
      const rows = await expectedSpecialists(fixture().t.db, {
        municipalityIds: [ids.a, ids.b],
        fromYear: 2026,
        toYear: 2030,
      });
      return new Map(
        rows.map((r) => [`${r.municipalityId === ids.a ? 'A' : 'B'} ${r.year} ${r.specialtyKey}`, r.count]),
      );
    };
    const before = await count();
    const postsOf = async (who: keyof typeof WHO) =>
      (await as(who)({ method: 'GET', url: `${api}/posts` })).json().posts as { id: string; municipalityId: string }[];
    const created = await post('adminA', valid());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ personName: expect.stringContaining('Test'), status: 'in_training' });
    await post('adminA', { ...valid(), specialtyKey: null, expectedEnd: '2027-12-01' });
    const inB = await post('region', { ...valid(), personId: ids.personB, expectedEnd: '2028-03-01' });
    const own = await postsOf('adminA');
    expect(own.some((p) => p.id === created.json().id)).toBe(true);
    expect(own.every((p) => p.municipalityId === ids.a)).toBe(true);
    expect((await postsOf('adminB')).map((p) => p.id)).toEqual([inB.json().id]);
    expect((await postsOf('region')).map((p) => p.id)).toEqual(
      expect.arrayContaining([created.json().id, inB.json().id]),
    );
    expect((await as('adminB')({ method: 'GET', url: `${api}/posts?municipalityId=${ids.a}` })).statusCode).toBe(404);
    // An interrupted post is no future specialist.
    const interrupted = await post('adminA', { ...valid(), expectedEnd: '2027-02-01' });
    await as('adminA')({
      method: 'PATCH',
      url: `${api}/posts/${interrupted.json().id}`,
      payload: { status: 'interrupted' },
    });
    const after = await count();
    const added = [...after].flatMap(([key, n]) =>
      n - (before.get(key) ?? 0) > 0 ? [[key, n - (before.get(key) ?? 0)]] : [],
    );
    expect(added.sort()).toEqual([
      ['A 2027 null', 1],
      ['A 2027 vard_av_aldre', 1],
      ['B 2028 vard_av_aldre', 1],
    ]);
  });
});
