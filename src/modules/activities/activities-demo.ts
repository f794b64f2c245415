// Demo activities (all invented, marked "(demo)"), placed relative to the demo's "now": held occasions with
// attendance and evaluation answers (one with too few answers to show), coming ones open for registration, one full
// with a waiting list, one not yet open, one cancelled, and one whose reserved seats are released to the region.
// Participants are the staff register's demo persons, found through its lookup.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { user, userRole } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import type { DemoContext } from '../../platform/server/module.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import { fromStockholmLocal, toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { findPersons, type PersonRef } from '../people/people-lookup.service.ts';
import type { ActivityKind, AttendanceState } from './activities.contracts.ts';
import {
  activity,
  activityOccasion,
  activityRegistration,
  activitySeat,
  surveyInvitation,
  surveyResponse,
} from './activities.table.ts';
import { hoursBetween } from './activities-scope.ts';
import { ensureStandardTemplate } from './surveys.service.ts';

const DAY = 86_400_000;

/** A Swedish wall-clock time `days` from now's date, at hh:mm. */
function at(now: Date, days: number, hhmm: string): Date {
  const date = toStockholmLocal(new Date(now.getTime() + days * DAY)).slice(0, 10);
  return fromStockholmLocal(`${date}T${hhmm}`) ?? new Date(now.getTime() + days * DAY);
}

type DemoOccasion = {
  days: number;
  from: string;
  to: string;
  place?: string;
  online?: boolean;
  capacity: number;
  status: 'planned' | 'open' | 'cancelled' | 'held';
  cancelReason?: string;
  /** Reserved seats per municipality name. */
  seats?: Record<string, number>;
  /** Days before the start the reserved seats are released (null: never). */
  releaseDaysBefore?: number;
  /** Registrations per municipality name (in that order of arrival); beyond the seats they wait. */
  registrations?: Record<string, number>;
  /** For held occasions: attendance and the survey's answers. */
  attended?: boolean;
  answers?: number;
};

type DemoActivity = {
  title: string;
  description: string;
  kind: ActivityKind;
  organiser: string | 'region';
  network?: string;
  professions: string[];
  selfRegistration?: boolean;
  survey: boolean;
  occasions: DemoOccasion[];
};

const ACTIVITIES: DemoActivity[] = [
  {
    title: 'Palliativ vård – fördjupning för sjuksköterskor (demo)',
    description:
      'Två halvdagar om symtomlindring, brytpunktssamtal och samverkan kring den döende patienten. Gemensam utbildning beslutad i sjuksköterskechefsnätverket.',
    kind: 'course',
    organiser: 'region',
    network: 'Sjuksköterskechefsnätverket',
    professions: ['sjukskoterska'],
    survey: true,
    occasions: [
      {
        days: -42,
        from: '08:30',
        to: '12:00',
        place: 'Skövde, Stadshuset, sal Billingen',
        capacity: 20,
        status: 'held',
        seats: { Skövde: 5, Lidköping: 5, Falköping: 4, Mariestad: 4 },
        registrations: { Skövde: 5, Lidköping: 4, Falköping: 4, Mariestad: 3 },
        attended: true,
        answers: 11,
      },
      {
        days: 23,
        from: '08:30',
        to: '12:00',
        place: 'Lidköping, Folkets hus',
        capacity: 20,
        status: 'open',
        seats: { Skövde: 5, Lidköping: 5, Falköping: 4, Mariestad: 4 },
        releaseDaysBefore: 10,
        registrations: { Skövde: 3, Lidköping: 2, Götene: 1 },
      },
    ],
  },
  {
    title: 'Demensvård i praktiken (demo)',
    description: 'Digital föreläsning om bemötande, BPSD och miljöns betydelse. Öppen för alla kommuner i Skaraborg.',
    kind: 'lecture',
    organiser: 'Skövde',
    professions: ['underskoterska', 'vardbitrade', 'specialistunderskoterska'],
    selfRegistration: true,
    survey: true,
    occasions: [
      {
        days: -20,
        from: '13:00',
        to: '15:00',
        online: true,
        capacity: 30,
        status: 'held',
        registrations: { Skövde: 6, Tibro: 2, Hjo: 2 },
        attended: true,
        answers: 2,
      },
      {
        days: 10,
        from: '13:00',
        to: '15:00',
        online: true,
        capacity: 8,
        status: 'open',
        registrations: { Skövde: 5, Tibro: 2, Hjo: 2, Karlsborg: 2 },
      },
    ],
  },
  {
    title: 'Hospitation: rehabilitering i hemmet (demo)',
    description: 'Arbetsterapeuter och fysioterapeuter följer hemrehabteamet i Lidköping en dag.',
    kind: 'hospitation',
    organiser: 'Lidköping',
    network: 'Rehabchefsnätverket',
    professions: ['arbetsterapeut', 'fysioterapeut'],
    survey: false,
    occasions: [
      { days: 36, from: '08:00', to: '16:00', place: 'Lidköping, Rehab Lidköping', capacity: 4, status: 'planned' },
    ],
  },
  {
    title: 'Läkemedelshantering och delegering (demo)',
    description: 'För undersköterskor som tar emot delegering: ansvar, dokumentation och avvikelser.',
    kind: 'course',
    organiser: 'region',
    professions: ['underskoterska', 'specialistunderskoterska'],
    selfRegistration: true,
    survey: true,
    occasions: [
      {
        days: 14,
        from: '09:00',
        to: '12:00',
        place: 'Falköping, Kommunhuset',
        capacity: 25,
        status: 'cancelled',
        cancelReason: 'Föreläsaren är sjuk; nytt tillfälle i början av nästa år.',
        registrations: { Falköping: 4, Vara: 3 },
      },
      {
        days: 49,
        from: '09:00',
        to: '12:00',
        place: 'Falköping, Kommunhuset',
        capacity: 25,
        status: 'open',
        seats: { Falköping: 6, Vara: 6, Skövde: 6 },
        releaseDaysBefore: 14,
        registrations: { Skövde: 2 },
      },
    ],
  },
  {
    title: 'Mentorsträff för nya sjuksköterskor (demo)',
    description: 'Månatlig gruppträff för nyanställda sjuksköterskor och deras mentorer.',
    kind: 'mentor_meeting',
    organiser: 'Falköping',
    professions: ['sjukskoterska'],
    survey: false,
    occasions: [
      {
        days: -28,
        from: '14:00',
        to: '16:00',
        place: 'Falköping, Hälsans hus',
        capacity: 12,
        status: 'held',
        registrations: { Falköping: 6 },
        attended: true,
      },
      {
        days: 3,
        from: '14:00',
        to: '16:00',
        place: 'Falköping, Hälsans hus',
        capacity: 12,
        status: 'open',
        registrations: { Falköping: 6 },
      },
    ],
  },
];

/** A deterministic choice of answers (the same demo every time for the same "now"). */
function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

export async function seedActivitiesDemo(db: Db, demo: DemoContext): Promise<void> {
  const { now } = demo;
  const template = await ensureStandardTemplate(db);
  const [admin] = await db
    .select({ id: user.id })
    .from(user)
    .innerJoin(userRole, eq(userRole.userId, user.id))
    .where(eq(userRole.role, 'regional_admin'))
    .limit(1);
  if (!admin) return;
  const actor: Actor = {
    kind: 'user',
    userId: admin.id,
    tokenId: null,
    sessionId: null,
    organisationId: demo.regionId,
    organisationKind: 'region',
    roles: ['regional_admin'],
    locale: 'sv',
  };
  const orgId = (name: string) => (name === 'region' ? demo.regionId : demo.municipalities.get(name)?.id);
  // Each municipality's persons of the professions asked for, handed out in order so nobody is used twice at once.
  const pools = new Map<string, PersonRef[]>();
  async function personsOf(municipality: string, professions: string[], n: number, occasionKey: string) {
    const id = orgId(municipality);
    if (!id) return [];
    const key = `${municipality}|${professions.join(',')}`;
    if (!pools.has(key)) {
      const all: PersonRef[] = [];
      for (const professionKey of professions) {
        all.push(
          ...(await findPersons(db, actor, {
            municipalityId: id,
            professionKey,
            employedOn: toStockholmLocal(now).slice(0, 10),
            limit: 40,
          })),
        );
      }
      pools.set(key, all);
    }
    const pool = pools.get(key) ?? [];
    const offset = [...occasionKey].reduce((s, c) => s + c.charCodeAt(0), 0) % Math.max(1, pool.length);
    return [...pool.slice(offset), ...pool.slice(0, offset)].slice(0, n);
  }

  for (const def of ACTIVITIES) {
    const organiserId = orgId(def.organiser);
    if (!organiserId) continue;
    const [a] = await db
      .insert(activity)
      .values({
        title: def.title,
        description: def.description,
        kind: def.kind,
        organiserId,
        networkId: def.network ? (demo.networks.get(def.network) ?? null) : null,
        targetProfessions: def.professions,
        selfRegistration: def.selfRegistration ?? false,
        surveyTemplateId: def.survey ? template.id : null,
        createdBy: admin.id,
        createdAt: new Date(now.getTime() - 120 * DAY),
      })
      .returning();
    if (!a) continue;
    for (const [index, occ] of def.occasions.entries()) {
      const startsAt = at(now, occ.days, occ.from);
      const endsAt = at(now, occ.days, occ.to);
      const [o] = await db
        .insert(activityOccasion)
        .values({
          activityId: a.id,
          startsAt,
          endsAt,
          place: occ.place ?? null,
          onlineUrl: occ.online ? 'https://meet.example/demo-demensvard' : null,
          capacity: occ.capacity,
          registrationDeadline: new Date(startsAt.getTime() - 7 * DAY),
          seatsReleaseAt: occ.releaseDaysBefore ? new Date(startsAt.getTime() - occ.releaseDaysBefore * DAY) : null,
          status: occ.status,
          cancelReason: occ.cancelReason ?? null,
          reminderSentAt: occ.days < 2 ? new Date(startsAt.getTime() - 2 * DAY) : null,
          surveySentAt: occ.status === 'held' && def.survey ? new Date(endsAt.getTime() + DAY) : null,
          createdAt: new Date(now.getTime() - 90 * DAY),
          updatedAt: new Date(now.getTime() - 30 * DAY),
        })
        .returning();
      if (!o) continue;
      for (const [name, seats] of Object.entries(occ.seats ?? {})) {
        const id = orgId(name);
        if (id) await db.insert(activitySeat).values({ occasionId: o.id, organisationId: id, seats });
      }
      // Registrations in arrival order; the seat rule decides who waits (here: beyond capacity or own seats).
      const registeredPer = new Map<string, number>();
      let registered = 0;
      const length = hoursBetween(startsAt, endsAt);
      let attendee = 0;
      for (const [name, n] of Object.entries(occ.registrations ?? {})) {
        const id = orgId(name);
        if (!id) continue;
        for (const p of await personsOf(name, def.professions, n, `${def.title}${index}`)) {
          const own = occ.seats?.[name] ?? 0;
          const openTotal = occ.capacity - Object.values(occ.seats ?? {}).reduce((s, x) => s + x, 0);
          let openUsed = 0;
          for (const [m, c] of registeredPer) openUsed += Math.max(0, c - (occ.seats?.[m] ?? 0));
          const mine = registeredPer.get(id) ?? 0;
          const gets = registered < occ.capacity && (mine < own || openUsed < openTotal);
          const state = occ.status === 'cancelled' ? 'registered' : gets ? 'registered' : 'waitlisted';
          if (state === 'registered') {
            registered += 1;
            registeredPer.set(id, mine + 1);
          }
          const attendance: AttendanceState | null =
            occ.attended && state === 'registered'
              ? pick(['present', 'present', 'present', 'partial', 'present', 'absent'], attendee++)
              : null;
          await db.insert(activityRegistration).values({
            occasionId: o.id,
            personId: p.id,
            organisationId: id,
            state,
            registeredBy: admin.id,
            registeredAt: new Date(startsAt.getTime() - (30 - (attendee % 20)) * DAY),
            attendance,
            hours: attendance === 'present' ? length : attendance === 'partial' ? Math.round(length * 50) / 100 : null,
            attendanceBy: attendance ? admin.id : null,
            attendanceAt: attendance ? endsAt : null,
          });
        }
      }
      if (occ.status === 'held' && def.survey) await seedAnswers(db, o.id, template.id, occ.answers ?? 0, endsAt);
    }
  }
}

/** Invitations for those who attended (the first `answers` of them answered) and their answers, kept apart. */
export async function seedAnswers(db: Db, occasionId: string, templateId: string, answers: number, endsAt: Date) {
  const attendees = await db
    .select({ id: activityRegistration.id, attendance: activityRegistration.attendance })
    .from(activityRegistration)
    .where(eq(activityRegistration.occasionId, occasionId));
  let answered = 0;
  for (const [i, r] of attendees.entries()) {
    if (r.attendance !== 'present' && r.attendance !== 'partial') continue;
    const yes = answered < answers;
    await db.insert(surveyInvitation).values({
      occasionId,
      registrationId: r.id,
      // A hash of nothing anyone holds: the demo's links cannot be opened.
      tokenHash: createHash('sha256').update(`demo-${occasionId}-${i}`).digest('hex'),
      sentAt: new Date(endsAt.getTime() + DAY),
      answered: yes,
      expiresAt: new Date(endsAt.getTime() + 31 * DAY),
    });
    if (!yes) continue;
    answered += 1;
    await db.insert(surveyResponse).values({
      occasionId,
      templateId,
      answers: {
        relevance: pick([5, 4, 5, 4, 3, 5, 4], i),
        quality: pick([4, 5, 4, 4, 5, 3, 4], i),
        usefulness: pick([5, 4, 4, 5, 4, 3, 5], i),
        recommend: pick([true, true, true, false, true], i),
        ...(i % 3 === 0
          ? {
              comment: pick(
                ['Bra fall att diskutera.', 'Mer tid för frågor, tack.', 'Mycket användbart i hemsjukvården.'],
                i,
              ),
            }
          : {}),
      },
      receivedOn: new Date(endsAt.getTime() + (2 + (i % 5)) * DAY).toISOString().slice(0, 10),
    });
  }
}
