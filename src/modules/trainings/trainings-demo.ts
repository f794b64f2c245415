// The demo's web trainings: about 40 invented items across professions and topics, from invented providers marked
// "(demo)" with example.org links. Most are approved with a review date; a few wait as suggested or need a change.
// Two review rounds of the MAS network: one finished (closed, every item reviewed) and one open with some items done.
import { asc, eq, inArray } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { normaliseTrainingUrl } from './training-link.ts';
import type { TrainingFormat, TrainingLanguage, TrainingStatus } from './trainings.contracts.ts';
import { searchTextOf } from './trainings.service.ts';
import {
  trainingItem,
  trainingItemProfession,
  trainingItemTopic,
  trainingItemTransition,
  trainingReviewAssignment,
  trainingReviewRound,
  trainingTopic,
} from './trainings.table.ts';

const PROVIDERS = [
  'Vårdakademin (demo)',
  'Kunskapsportalen Väst (demo)',
  'Äldrecentrum Exempel (demo)',
  'Rehabforum (demo)',
];
const LICENSED = ['sjukskoterska', 'arbetsterapeut', 'fysioterapeut'];
const CARE = ['underskoterska', 'vardbitrade', 'specialistunderskoterska', 'bitrade'];

/** [title, topic keys, professions, minutes, format, language] */
const ITEMS: [string, string[], string[], number, TrainingFormat, TrainingLanguage][] = [
  ['Hjärtsvikt hos äldre – grunderna', ['hjartsvikt'], ['sjukskoterska', 'underskoterska'], 45, 'course', 'sv'],
  ['Egenvård vid hjärtsvikt', ['hjartsvikt'], ['sjukskoterska'], 15, 'video', 'sv'],
  ['Fysisk aktivitet vid hjärtsvikt', ['hjartsvikt', 'rehabilitering'], ['fysioterapeut'], 30, 'video', 'sv'],
  ['Palliativ vård i livets slutskede', ['palliativ-vard'], [...LICENSED, 'underskoterska'], 60, 'course', 'sv'],
  ['Samtal om döden – en podd om palliativa samtal', ['palliativ-vard', 'bemotande'], CARE, 35, 'podcast', 'sv'],
  ['Symtomlindring i palliativ vård', ['palliativ-vard', 'lakemedel'], ['sjukskoterska'], 90, 'course', 'sv'],
  ['Demens i vardagen', ['demens', 'bemotande'], [...CARE], 25, 'video', 'sv'],
  ['Demenssjukdomar – diagnostik och behandling', ['demens'], ['sjukskoterska', 'arbetsterapeut'], 120, 'course', 'sv'],
  [
    'Personcentrerad demensvård',
    ['demens', 'bemotande'],
    ['underskoterska', 'specialistunderskoterska'],
    50,
    'course',
    'sv',
  ],
  ['Dementia care essentials', ['demens'], ['sjukskoterska', 'underskoterska'], 40, 'course', 'en'],
  [
    'Läkemedelshantering i kommunal hälso- och sjukvård',
    ['lakemedel'],
    ['sjukskoterska', 'underskoterska'],
    60,
    'course',
    'sv',
  ],
  ['Delegering av läkemedel', ['lakemedel'], ['underskoterska', 'vardbitrade'], 20, 'video', 'sv'],
  ['Läkemedel och äldre – vanliga risker', ['lakemedel'], ['sjukskoterska'], 30, 'document', 'sv'],
  ['Diabetes typ 2 hos äldre', ['diabetes'], ['sjukskoterska', 'underskoterska'], 45, 'course', 'sv'],
  ['Fotvård vid diabetes', ['diabetes', 'sarvard'], CARE, 12, 'video', 'sv'],
  ['Nutrition och undernäring hos äldre', ['nutrition'], [...LICENSED, 'underskoterska'], 40, 'course', 'sv'],
  ['Måltiden som vårdinsats', ['nutrition', 'bemotande'], CARE, 10, 'podcast', 'sv'],
  ['Fallprevention i hemmet', ['fallprevention'], ['fysioterapeut', 'arbetsterapeut'], 30, 'course', 'sv'],
  [
    'Balansträning för äldre',
    ['fallprevention', 'rehabilitering'],
    ['fysioterapeut', 'underskoterska'],
    15,
    'video',
    'sv',
  ],
  ['Falls prevention in older adults', ['fallprevention'], ['fysioterapeut'], 55, 'course', 'en'],
  ['Basala hygienrutiner', ['vardhygien'], [...LICENSED, ...CARE], 15, 'video', 'sv'],
  ['Vårdhygien för hela teamet', ['vardhygien'], CARE, 45, 'course', 'sv'],
  ['Smittspridning på särskilt boende', ['vardhygien'], ['sjukskoterska'], 25, 'podcast', 'sv'],
  [
    'Vardagsrehabilitering',
    ['rehabilitering'],
    ['arbetsterapeut', 'fysioterapeut', 'underskoterska'],
    40,
    'course',
    'sv',
  ],
  ['Rehabilitering efter stroke', ['rehabilitering'], ['fysioterapeut', 'arbetsterapeut'], 75, 'course', 'sv'],
  ['Förflyttningsteknik', ['rehabilitering', 'hjalpmedel'], ['fysioterapeut', ...CARE], 20, 'video', 'sv'],
  ['Förskrivning av hjälpmedel', ['hjalpmedel'], ['arbetsterapeut', 'fysioterapeut'], 60, 'course', 'sv'],
  ['Hjälpmedel i hemmet – en guide', ['hjalpmedel'], ['arbetsterapeut'], 20, 'document', 'sv'],
  ['Psykisk ohälsa hos äldre', ['psykisk-ohalsa'], ['sjukskoterska', 'underskoterska'], 50, 'course', 'sv'],
  ['Depression och ensamhet – en podd', ['psykisk-ohalsa', 'bemotande'], CARE, 30, 'podcast', 'sv'],
  ['Trycksår – förebygga och behandla', ['sarvard'], ['sjukskoterska', 'underskoterska'], 35, 'course', 'sv'],
  ['Sårbedömning steg för steg', ['sarvard'], ['sjukskoterska'], 14, 'video', 'sv'],
  ['Dokumentation enligt SOL och HSL', ['dokumentation'], [...LICENSED, 'underskoterska'], 40, 'course', 'sv'],
  [
    'Avvikelsehantering i praktiken',
    ['dokumentation'],
    ['sjukskoterska', 'arbetsterapeut', 'fysioterapeut'],
    25,
    'document',
    'sv',
  ],
  ['Bemötande och lågaffektivt förhållningssätt', ['bemotande', 'demens'], CARE, 45, 'course', 'sv'],
  ['Kommunikation med anhöriga', ['bemotande'], [...LICENSED, ...CARE], 20, 'podcast', 'sv'],
  ['Arbetsterapi vid kognitiv svikt', ['demens', 'hjalpmedel'], ['arbetsterapeut'], 35, 'video', 'sv'],
  ['Mobilisering på korttidsboende', ['rehabilitering'], ['fysioterapeut'], 10, 'video', 'sv'],
  ['Nutrition assessment basics', ['nutrition'], ['sjukskoterska'], 25, 'document', 'en'],
  [
    'Tecken på försämring – NEWS för omvårdnadspersonal',
    ['dokumentation'],
    ['underskoterska', 'sjukskoterska'],
    18,
    'video',
    'other',
  ],
];

/** Which items are not (yet) in the public catalogue: by index. */
const NOT_APPROVED: Record<number, { status: TrainingStatus; comment?: string }> = {
  5: { status: 'suggested' },
  12: { status: 'suggested' },
  27: { status: 'needs_change', comment: 'Länken leder till en startsida; ange kursens egen sida. (demo)' },
  33: { status: 'needs_change', comment: 'Längden stämmer inte med leverantörens uppgift. (demo)' },
};

/**
 * The demo's link health (issue 20): most links checked fine a few hours ago, a few in each other state — moved,
 * broken (failing twice), not answering once, and a site that refuses checks. The nightly check leaves the demo's
 * example.org links alone (link-check.ts), so these states stay as seeded.
 */
function demoLinkState(index: number, url: string): Partial<typeof trainingItem.$inferInsert> {
  const linkCheckedAt = new Date(Date.now() - 3 * 3_600_000);
  if (index % 10 === 3) return { linkCheckedAt, linkOutcome: 'moved', linkHttpStatus: 301, linkNewUrl: `${url}-ny` };
  if (index % 10 === 6) return { linkCheckedAt, linkOutcome: 'failing', linkHttpStatus: 404, linkFailures: 2 };
  if (index % 10 === 8) return { linkCheckedAt, linkOutcome: 'timeout', linkFailures: 1 };
  if (index === 9) return { linkCheckedAt, linkOutcome: 'blocked', linkHttpStatus: 403 };
  return { linkCheckedAt, linkOutcome: 'ok', linkHttpStatus: 200 };
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function seedTrainingsDemo(tx: Db, now: Date): Promise<void> {
  const [suggester] = await tx.select().from(user).where(eq(user.email, 'medarbetare.skovde@demo.example'));
  const [reviewer] = await tx.select().from(user).where(eq(user.email, 'mas.lidkoping@demo.example'));
  const topics = new Map((await tx.select().from(trainingTopic)).map((t) => [t.key, t]));
  for (const [index, [title, topicKeys, professions, minutes, format, language]] of ITEMS.entries()) {
    const url = `https://utbildning.example.org/${slug(title)}`;
    const target = NOT_APPROVED[index] ?? { status: 'approved' as const };
    // Review dates spread over the half year before the last round (the MAS network reviews twice a year).
    const reviewed = new Date(now.getTime() - (40 + (index % 6) * 30 + (index % 27)) * DAY);
    const added = new Date(reviewed.getTime() - 20 * DAY);
    const itemTopics = topicKeys.map((k) => topics.get(k)).filter((t) => t !== undefined);
    const description = `Kostnadsfri webbutbildning om ${itemTopics.map((t) => t.name.toLowerCase()).join(' och ')}. Påhittad demo-post.`;
    const [row] = await tx
      .insert(trainingItem)
      .values({
        title,
        provider: PROVIDERS[index % PROVIDERS.length] as string,
        url,
        urlKey: normaliseTrainingUrl(url) as string,
        description,
        lengthMinutes: minutes,
        format,
        language,
        status: target.status,
        searchText: searchTextOf(
          { title, provider: '', description },
          itemTopics.map((t) => t.name),
        ),
        addedBy: suggester?.id ?? null,
        addedByOrganisationId: suggester?.organisationId ?? null,
        addedAt: added,
        lastReviewedAt: target.status === 'suggested' ? null : reviewed.toISOString().slice(0, 10),
        ...demoLinkState(index, url),
      })
      .returning({ id: trainingItem.id });
    if (!row) throw new Error('insert returned no row');
    await tx
      .insert(trainingItemProfession)
      .values([...new Set(professions)].map((professionKey) => ({ itemId: row.id, professionKey })));
    if (itemTopics.length)
      await tx.insert(trainingItemTopic).values(itemTopics.map((t) => ({ itemId: row.id, topicId: t.id })));
    const history: Omit<typeof trainingItemTransition.$inferInsert, 'itemId'>[] = [
      {
        fromStatus: null,
        toStatus: 'suggested',
        actorUserId: suggester?.id ?? null,
        actorOrganisationId: suggester?.organisationId ?? null,
        at: added,
        comment: null,
      },
    ];
    if (target.status !== 'suggested') {
      history.push({
        fromStatus: 'suggested',
        toStatus: 'approved',
        actorUserId: reviewer?.id ?? null,
        actorOrganisationId: reviewer?.organisationId ?? null,
        at: reviewed,
        comment: null,
      });
    }
    if (target.status === 'needs_change') {
      history.push({
        fromStatus: 'approved',
        toStatus: 'needs_change',
        actorUserId: reviewer?.id ?? null,
        actorOrganisationId: reviewer?.organisationId ?? null,
        at: new Date(reviewed.getTime() + DAY),
        comment: target.comment ?? null,
      });
    }
    await tx.insert(trainingItemTransition).values(history.map((h) => ({ ...h, itemId: row.id })));
  }
  const [admin] = await tx.select().from(user).where(eq(user.email, 'regionadmin@demo.example'));
  const [second] = await tx.select().from(user).where(eq(user.email, 'mas.skovde@demo.example'));
  await seedReviewRounds(tx, now, reviewer, second, admin?.id ?? null);
}

const DAY = 86_400_000;

/** A term's name as the network says it: "VT 2027" (spring, January to June) or "HT 2026" (autumn). */
export function termName(at: Date): string {
  return `${at.getUTCMonth() < 6 ? 'VT' : 'HT'} ${at.getUTCFullYear()}`;
}

/** The names of the demo's two review rounds, the closed one and the open one, for a demo seeded at `now`. */
export function demoRoundNames(now: Date): { closed: string; open: string } {
  const { closed, open } = demoRoundDates(now);
  return {
    closed: `Granskning ${termName(closed.openedAt)} (demo)`,
    open: `Granskning ${termName(open.dueAt)} (demo)`,
  };
}

/** The rounds' dates, relative to the demo's now: a round closed a month ago, and one opened three weeks ago. */
function demoRoundDates(now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  return {
    closed: { openedAt: at(-47), dueAt: at(-26), closedAt: at(-30), reviewsFrom: at(-38) },
    open: { openedAt: at(-20), dueAt: at(115), reviewsFrom: at(-19) },
  };
}

/**
 * A closed round in the autumn where every item was reviewed, and an open one. The two MAS of the network share the
 * work (every other item, issue 20): the second has finished their share of the open round, the first about a third.
 */
async function seedReviewRounds(
  tx: Db,
  now: Date,
  first: typeof user.$inferSelect | undefined,
  second: typeof user.$inferSelect | undefined,
  adminId: string | null,
) {
  if (!first) return;
  const items = await tx
    .select({ id: trainingItem.id, status: trainingItem.status })
    .from(trainingItem)
    .where(inArray(trainingItem.status, ['approved', 'needs_change']))
    .orderBy(asc(trainingItem.title), asc(trainingItem.id));
  const dates = demoRoundDates(now);
  const names = demoRoundNames(now);
  const [closed] = await tx
    .insert(trainingReviewRound)
    .values({
      name: names.closed,
      dueDate: dates.closed.dueAt.toISOString().slice(0, 10),
      assignBy: 'even',
      status: 'closed',
      openedBy: adminId,
      openedAt: dates.closed.openedAt,
      closedBy: adminId,
      closedAt: dates.closed.closedAt,
    })
    .returning({ id: trainingReviewRound.id });
  const [open] = await tx
    .insert(trainingReviewRound)
    .values({
      name: names.open,
      dueDate: dates.open.dueAt.toISOString().slice(0, 10),
      assignBy: 'even',
      openedBy: adminId,
      openedAt: dates.open.openedAt,
    })
    .returning({ id: trainingReviewRound.id });
  if (!closed || !open) throw new Error('insert returned no row');
  for (const [index, item] of items.entries()) {
    const reviewer = second && index % 2 === 1 ? second : first;
    const by = { actorUserId: reviewer.id, actorOrganisationId: reviewer.organisationId };
    const closedAt = new Date(dates.closed.reviewsFrom.getTime() + (index % 8) * DAY);
    const approve = item.status === 'approved';
    await tx.insert(trainingReviewAssignment).values({
      roundId: closed.id,
      itemId: item.id,
      reviewerUserId: reviewer.id,
      outcome: approve ? 'approved' : 'needs_change',
      comment: approve ? null : 'Behöver fortfarande ändras. (demo)',
      reviewedBy: reviewer.id,
      reviewedAt: closedAt,
    });
    if (approve) {
      await tx.insert(trainingItemTransition).values({
        ...by,
        itemId: item.id,
        fromStatus: 'approved',
        toStatus: 'approved',
        reviewRoundId: closed.id,
        at: closedAt,
      });
    }
    // In the open round about a third of the approved items are done already.
    const done = approve && (reviewer === second || index % 3 === 0);
    // The second MAS has finished their share: an item that still needs a change is reviewed as such.
    const stillNeedsChange = !approve && reviewer === second;
    const openAt = new Date(dates.open.reviewsFrom.getTime() + (index % 4) * DAY);
    await tx.insert(trainingReviewAssignment).values({
      roundId: open.id,
      itemId: item.id,
      reviewerUserId: reviewer.id,
      ...(done ? { outcome: 'approved' as const, reviewedBy: reviewer.id, reviewedAt: openAt } : {}),
      ...(stillNeedsChange
        ? {
            outcome: 'needs_change' as const,
            comment: 'Behöver fortfarande ändras. (demo)',
            reviewedBy: reviewer.id,
            reviewedAt: openAt,
          }
        : {}),
    });
    if (done) {
      await tx.insert(trainingItemTransition).values({
        ...by,
        itemId: item.id,
        fromStatus: 'approved',
        toStatus: 'approved',
        reviewRoundId: open.id,
        at: openAt,
      });
    }
    if (approve) {
      await tx
        .update(trainingItem)
        .set({ lastReviewedAt: (done ? openAt : closedAt).toISOString().slice(0, 10) })
        .where(eq(trainingItem.id, item.id));
    }
  }
}
