// The demo's introduction lists: two invented lists of Skövde (demo), for a new nurse and a new assistant nurse,
// made of demo catalogue items (by title) and local items, and one introduction given to the demo employee with some
// entries done. Everything is invented and labelled demo; the personal link's token is random and never shown.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { hashToken } from '../../platform/server/actor.ts';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { catalogueItemsByTitles } from '../trainings/items-lookup.service.ts';
import { INTRO_LIMITS } from './introductions.contracts.ts';
import { introAssignment, introAssignmentEntry, introList, introListEntry } from './introductions.table.ts';

const DAY = 86_400_000;

type DemoEntry = { catalogue: string } | { title: string; url?: string; description?: string };

export const DEMO_INTRO_LISTS: { name: string; professionKey: string; description: string; entries: DemoEntry[] }[] = [
  {
    name: 'Introduktion ny sjuksköterska (demo)',
    professionKey: 'sjukskoterska',
    description: 'De första veckorna som sjuksköterska i kommunal hälso- och sjukvård. (demo)',
    entries: [
      { title: 'Hämta ut nycklar, passerkort och arbetsklädsel', description: 'Hos enhetens administratör. (demo)' },
      {
        title: 'Läs rutinen för läkemedelshantering',
        url: 'https://intranat.example.org/skovde/rutiner/lakemedelshantering',
        description: 'Kommunens egen rutin (demo).',
      },
      { catalogue: 'Läkemedelshantering i kommunal hälso- och sjukvård' },
      { catalogue: 'Basala hygienrutiner' },
      { catalogue: 'Tecken på försämring – NEWS för omvårdnadspersonal' },
      { catalogue: 'Palliativ vård i livets slutskede' },
      { title: 'Gå bredvid en erfaren kollega två pass', description: 'Boka med din chef. (demo)' },
      { catalogue: 'Dokumentation enligt SOL och HSL' },
    ],
  },
  {
    name: 'Introduktion ny undersköterska (demo)',
    professionKey: 'underskoterska',
    description: 'Introduktion för undersköterskor i hemtjänst och på särskilt boende. (demo)',
    entries: [
      { title: 'Träffa din chef för ett introduktionssamtal' },
      { catalogue: 'Basala hygienrutiner' },
      { catalogue: 'Delegering av läkemedel' },
      {
        title: 'Läs rutinen för avvikelser',
        url: 'https://intranat.example.org/skovde/rutiner/avvikelser',
      },
      { catalogue: 'Demens i vardagen' },
      { catalogue: 'Förflyttningsteknik' },
    ],
  },
];

export const DEMO_INTRO_EMPLOYEE = 'medarbetare.skovde@demo.example';

/** Seeds the demo lists in Skövde and one introduction with progress; needs the demo users and catalogue. */
export async function seedIntroductionsDemo(tx: Db): Promise<void> {
  const [skovde] = await tx
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.kind, 'municipality'), eq(organisation.name, 'Skövde')));
  if (!skovde) return;
  const [manager] = await tx.select({ id: user.id }).from(user).where(eq(user.email, 'chef.skovde@demo.example'));
  const items = await catalogueItemsByTitles(
    tx,
    DEMO_INTRO_LISTS.flatMap((l) => l.entries.flatMap((e) => ('catalogue' in e ? [e.catalogue] : []))),
  );
  const lists: { id: string; name: string; professionKey: string; entries: (typeof introListEntry.$inferInsert)[] }[] =
    [];
  for (const demo of DEMO_INTRO_LISTS) {
    const [list] = await tx
      .insert(introList)
      .values({
        organisationId: skovde.id,
        name: demo.name,
        professionKey: demo.professionKey,
        description: demo.description,
        createdBy: manager?.id ?? null,
      })
      .returning();
    if (!list) throw new Error('insert returned no row');
    const entries = demo.entries.flatMap((e): (typeof introListEntry.$inferInsert)[] => {
      if ('catalogue' in e) {
        const item = items.get(e.catalogue);
        return item
          ? [{ listId: list.id, position: 0, kind: 'catalogue', trainingItemId: item.id, title: item.title }]
          : [];
      }
      return [
        {
          listId: list.id,
          position: 0,
          kind: 'local',
          title: e.title,
          url: e.url ?? null,
          description: e.description ?? '',
        },
      ];
    });
    entries.forEach((e, i) => {
      e.position = i + 1;
    });
    await tx.insert(introListEntry).values(entries);
    lists.push({ id: list.id, name: list.name, professionKey: list.professionKey, entries });
  }

  // The demo employee started three weeks ago on the nurse list and has done the first three entries.
  const [employee] = await tx.select({ id: user.id }).from(user).where(eq(user.email, DEMO_INTRO_EMPLOYEE));
  const nurse = lists[0];
  if (!employee || !nurse) return;
  const started = new Date(Date.now() - 21 * DAY);
  const [assignment] = await tx
    .insert(introAssignment)
    .values({
      organisationId: skovde.id,
      listId: nurse.id,
      listName: nurse.name,
      professionKey: nurse.professionKey,
      email: DEMO_INTRO_EMPLOYEE,
      name: 'Elias Medarbetare (demo)',
      userId: employee.id,
      tokenHash: hashToken(randomBytes(32).toString('base64url')),
      tokenExpiresAt: new Date(started.getTime() + INTRO_LIMITS.linkDays * DAY),
      createdBy: manager?.id ?? null,
      createdAt: started,
      lastSentAt: started,
      lastActivityAt: new Date(started.getTime() + 9 * DAY),
    })
    .returning();
  if (!assignment) throw new Error('insert returned no row');
  await tx.insert(introAssignmentEntry).values(
    nurse.entries.map((e, i) => {
      const item = e.trainingItemId ? [...items.values()].find((x) => x.id === e.trainingItemId) : undefined;
      return {
        assignmentId: assignment.id,
        position: i + 1,
        kind: e.kind,
        trainingItemId: e.trainingItemId ?? null,
        title: e.title,
        url: e.kind === 'local' ? (e.url ?? null) : (item?.url ?? null),
        description: e.description ?? '',
        doneAt: i < 3 ? new Date(started.getTime() + (i * 4 + 1) * DAY) : null,
      };
    }),
  );
}
