// The demo's career paths (all invented, marked demo): the region's model in two decided versions (the first without
// the specialist nurse and with a shorter task matrix, so an old decision shows what was decided then), the seven
// Favo-like demo municipalities at different steps of their checklists, local deviations, target mixes and cost
// inputs, and development plans for some demo staff — among them the demo employee's own, some of their education
// linked to the demo activities' occasions (a held one as completed, an open one as planned). Dates relative to `now`.
import { eq } from 'drizzle-orm';
import { user, userRole } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import type { DemoContext } from '../../platform/server/module.ts';
import type { Actor } from '../../platform/server/policy.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { searchAttendableOccasions } from '../activities/activities-lookup.service.ts';
import { findPersons, type PersonRef, personOfUser } from '../people/people-lookup.service.ts';
import { catalogueItemsByTitles } from '../trainings/items-lookup.service.ts';
import { DEFAULT_MODEL } from './career-model-defaults.ts';
import type { BudgetInputs, CareerModel, Step } from './career-paths.contracts.ts';
import {
  careerChecklistItem,
  careerImplementation,
  careerLocalDeviation,
  careerModelVersion,
  careerPlan,
  careerPlanEducation,
} from './career-paths.table.ts';

const DAY = 86_400_000;

/** The seven municipalities of the demo's Favo-like project and how far each has come (done items per step). */
export const DEMO_CAREER_MUNICIPALITIES: {
  name: string;
  adopted: boolean;
  done: Record<Step, number>;
  owner: string;
  leader: string;
}[] = [
  {
    name: 'Hjo',
    adopted: true,
    done: { plan: 6, implement: 5, evaluate: 1 },
    owner: 'Socialchef',
    leader: 'Anna Lindqvist (demo)',
  },
  {
    name: 'Skövde',
    adopted: true,
    done: { plan: 6, implement: 3, evaluate: 0 },
    owner: 'Förvaltningschef, vård och omsorg',
    leader: 'Johan Berg (demo)',
  },
  {
    name: 'Falköping',
    adopted: true,
    done: { plan: 6, implement: 1, evaluate: 0 },
    owner: 'Verksamhetschef äldreomsorg',
    leader: 'Sara Holm (demo)',
  },
  {
    name: 'Tidaholm',
    adopted: true,
    done: { plan: 2, implement: 0, evaluate: 0 },
    owner: 'Socialchef',
    leader: 'Per Ek (demo)',
  },
  {
    name: 'Skara',
    adopted: true,
    done: { plan: 4, implement: 0, evaluate: 0 },
    owner: 'Förvaltningschef',
    leader: 'Malin Åberg (demo)',
  },
  {
    name: 'Mariestad',
    adopted: true,
    done: { plan: 0, implement: 0, evaluate: 0 },
    owner: '',
    leader: 'Erik Nord (demo)',
  },
  {
    name: 'Lidköping',
    adopted: false,
    done: { plan: 0, implement: 0, evaluate: 0 },
    owner: 'Sektorschef vård och omsorg',
    leader: '',
  },
];

/** The first decided version: before the specialist nurse role and the coordination tasks were added. */
export function firstDemoVersion(): CareerModel {
  return {
    ...DEFAULT_MODEL,
    roles: DEFAULT_MODEL.roles.filter((r) => r.key !== 'specialistsjukskoterska'),
    ways: DEFAULT_MODEL.ways.filter((w) => w.to !== 'specialistsjukskoterska'),
    tasks: DEFAULT_MODEL.tasks.filter((t) => t.group !== 'coordination'),
  };
}

export async function seedCareerPathsDemo(db: Db, demo: DemoContext): Promise<void> {
  const now = demo.now;
  const date = (days: number) => swedishDate(new Date(now.getTime() + days * DAY));
  const year = now.getFullYear();
  const [admin] = await db
    .select({ id: user.id })
    .from(user)
    .innerJoin(userRole, eq(userRole.userId, user.id))
    .where(eq(userRole.role, 'regional_admin'))
    .limit(1);
  if (!admin) return;
  await db.insert(careerModelVersion).values([
    {
      version: 1,
      status: 'published',
      decisionDate: date(-430),
      decisionNote: 'Socialchefsgruppen, beslut om gemensam karriärvägsmodell (demo)',
      model: firstDemoVersion(),
      publishedAt: new Date(now.getTime() - 430 * DAY),
      publishedBy: admin.id,
      createdBy: admin.id,
    },
    {
      version: 2,
      status: 'published',
      decisionDate: date(-60),
      decisionNote: 'Socialchefsgruppen: specialistsjuksköterska och samordningsuppgifter tillagda (demo)',
      model: DEFAULT_MODEL,
      publishedAt: new Date(now.getTime() - 60 * DAY),
      publishedBy: admin.id,
      createdBy: admin.id,
    },
  ]);

  const idOf = (name: string) => demo.municipalities.get(name)?.id;
  for (const [index, m] of DEMO_CAREER_MUNICIPALITIES.entries()) {
    const id = idOf(m.name);
    if (!id) continue;
    const budget: BudgetInputs = {
      startYear: year + 1,
      years: 3,
      monthlySalary: { bitrade: 25_500, vardbitrade: 27_800, underskoterska: 30_900, specialistunderskoterska: 33_500 },
      onCostPercent: 40,
      extraMoves: [
        {
          fromRole: 'vardbitrade',
          toRole: 'underskoterska',
          year: year + 2,
          count: 3 + index,
          educationCost: 35_000,
          funded: 35_000,
        },
      ],
    };
    await db.insert(careerImplementation).values({
      organisationId: id,
      ownerTitle: m.owner,
      ownerName: m.owner ? `${m.owner} i ${m.name} (demo)` : '',
      projectLeader: m.leader,
      projectGroup: m.leader
        ? 'Enhetschef hemtjänst (demo)\nEnhetschef särskilt boende (demo)\nHR-specialist (demo)\nFacklig representant, Kommunal (demo)'
        : '',
      adoptedVersion: m.adopted ? (m.name === 'Hjo' || m.name === 'Skövde' ? 1 : 2) : null,
      adoptedAt: m.adopted ? new Date(now.getTime() - (300 - index * 30) * DAY) : null,
      targetMix: { bitrade: 10, vardbitrade: 20, underskoterska: 60, specialistunderskoterska: 10 },
      targetYear: year + 3,
      budget,
    });
    if (!m.adopted) continue;
    const steps: Step[] = ['plan', 'implement', 'evaluate'];
    const items = steps.flatMap((step) =>
      DEFAULT_MODEL.checklist
        .filter((t) => t.step === step)
        .map((t, i) => {
          const done = i < m.done[step];
          return {
            organisationId: id,
            step,
            position: i + 1,
            title: t.title,
            description: t.description,
            templateKey: t.key,
            owner: done || i === m.done[step] ? (i % 2 === 0 ? m.owner || 'Projektledaren' : 'Projektledaren') : '',
            dueDate: date((i + 1) * 30 - (done ? 200 : 0)),
            status: done ? ('done' as const) : i === m.done[step] ? ('in_progress' as const) : ('todo' as const),
            evidenceUrl: done ? `https://intranat.example.org/${m.name.toLowerCase()}/karriarvagar/${t.key}` : null,
            evidenceNote: done ? 'Protokoll och beslut (demo)' : '',
            completedAt: done ? new Date(now.getTime() - (200 - i * 10) * DAY) : null,
          };
        }),
    );
    await db.insert(careerChecklistItem).values(items);
  }
  // Local deviations: Skövde and Hjo differentiate delegated medication more strictly than the region.
  for (const [name, rows] of [
    [
      'Skövde',
      [
        ['lakemedel', 'vardbitrade', 'does_not', 'Vårdbiträden får inte delegering för läkemedel i Skövde (demo).'],
        ['vitalparametrar', 'underskoterska', 'does', 'Ingår i undersköterskans grunduppdrag efter utbildning (demo).'],
      ],
    ],
    ['Hjo', [['stodstrumpor', 'vardbitrade', 'does', 'Kräver ingen delegering i Hjo (demo).']]],
  ] as const) {
    const id = idOf(name);
    if (!id) continue;
    await db
      .insert(careerLocalDeviation)
      .values(rows.map(([taskKey, roleKey, value, note]) => ({ organisationId: id, taskKey, roleKey, value, note })));
  }

  // Development plans for some demo staff.
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
  const userId = async (email: string) =>
    (await db.select({ id: user.id }).from(user).where(eq(user.email, email)))[0]?.id ?? null;
  const manager = await userId('chef.skovde@demo.example');
  const skovdeAdmin = await userId('kommunadmin.skovde@demo.example');
  const employeeUser = await userId('medarbetare.skovde@demo.example');
  const catalogue = await catalogueItemsByTitles(db, [
    'Demens i vardagen',
    'Palliativ vård i livets slutskede',
    'Delegering av läkemedel',
    'Basala hygienrutiner',
  ]);
  const taken = new Set<string>();
  const pick = async (municipality: string, professionKey: string, n: number) => {
    const id = idOf(municipality);
    if (!id) return [];
    const found = await findPersons(db, actor, { municipalityId: id, professionKey, employedOn: date(0), limit: 20 });
    const free = found.filter((p) => !taken.has(p.id) && p.userId === null).slice(0, n);
    for (const p of free) taken.add(p.id);
    return free;
  };
  type Plan = {
    person: PersonRef;
    from: string;
    to: string;
    stage: (typeof careerPlan.$inferInsert)['bennerStage'];
    manager: string | null;
    review: number;
    target: number | null;
    funding: (typeof careerPlan.$inferInsert)['fundingSource'];
    educations: {
      title: string;
      catalogue?: string;
      /** An occasion of the demo activities with this title: a held one (completed) or an upcoming one (planned). */
      occasion?: 'held' | 'upcoming';
      done?: number;
      year?: number;
      cost: number;
      funded: number;
    }[];
  };
  /** The demo activities' occasion of that title the municipality's staff can attend, held or upcoming. */
  const occasionFor = async (municipalityId: string, title: string, when: 'held' | 'upcoming') => {
    const found = await searchAttendableOccasions(db, municipalityId, {
      q: title,
      since: new Date(now.getTime() - 365 * DAY),
      now,
      limit: 10,
    });
    return found.find((o) => (when === 'held' ? o.status === 'held' : o.endsAt > now && o.status !== 'held'));
  };
  const plans: Plan[] = [];
  const employeePerson = employeeUser ? await personOfUser(db, employeeUser) : null;
  if (employeePerson) {
    taken.add(employeePerson.id);
    plans.push({
      person: employeePerson,
      from: 'underskoterska',
      to: 'specialistunderskoterska',
      stage: 'competent',
      manager: skovdeAdmin,
      review: 40,
      target: year + 2,
      funding: 'aldreomsorgslyftet',
      educations: [
        { title: 'Demens i vardagen', catalogue: 'Demens i vardagen', done: -90, cost: 0, funded: 0 },
        { title: 'Demensvård i praktiken (demo)', occasion: 'upcoming', cost: 0, funded: 0 },
        {
          title: 'YH Specialistundersköterska demens, 200 YH-poäng (demo)',
          year: year + 1,
          cost: 60_000,
          funded: 60_000,
        },
      ],
    });
  }
  for (const p of await pick('Skövde', 'sjukskoterska', 2)) {
    plans.push({
      person: p,
      from: 'sjukskoterska',
      to: 'specialistsjukskoterska',
      stage: 'proficient',
      manager,
      review: 10,
      target: year + 2,
      funding: 'employer',
      educations: [
        { title: 'Specialistsjuksköterska vård av äldre, 60 hp (demo)', year: year + 1, cost: 120_000, funded: 40_000 },
      ],
    });
  }
  for (const p of await pick('Skövde', 'vardbitrade', 3)) {
    plans.push({
      person: p,
      from: 'vardbitrade',
      to: 'underskoterska',
      stage: 'advanced_beginner',
      manager: skovdeAdmin,
      review: 25,
      target: year + 1,
      funding: 'aldreomsorgslyftet',
      educations: [
        { title: 'Delegering av läkemedel', catalogue: 'Delegering av läkemedel', done: -30, cost: 0, funded: 0 },
        { title: 'Demensvård i praktiken (demo)', occasion: 'held', done: -20, cost: 0, funded: 0 },
        { title: 'Läkemedelshantering och delegering (demo)', occasion: 'upcoming', cost: 0, funded: 0 },
        { title: 'Yrkespaket undersköterska, komvux (demo)', year: year + 1, cost: 45_000, funded: 45_000 },
      ],
    });
  }
  for (const p of await pick('Skövde', 'bitrade', 1)) {
    plans.push({
      person: p,
      from: 'bitrade',
      to: 'vardbitrade',
      stage: 'novice',
      manager: skovdeAdmin,
      review: 70,
      target: year + 1,
      funding: 'aldreomsorgslyftet',
      educations: [{ title: 'Basala hygienrutiner', catalogue: 'Basala hygienrutiner', year, cost: 0, funded: 0 }],
    });
  }
  for (const [name, n] of [
    ['Hjo', 4],
    ['Falköping', 2],
    ['Skara', 1],
  ] as const) {
    for (const p of await pick(name, 'vardbitrade', n)) {
      plans.push({
        person: p,
        from: 'vardbitrade',
        to: 'underskoterska',
        stage: 'competent',
        manager: null,
        review: 50,
        target: year + 1,
        funding: 'aldreomsorgslyftet',
        educations: [],
      });
    }
    for (const p of await pick(name, 'underskoterska', 1)) {
      plans.push({
        person: p,
        from: 'underskoterska',
        to: 'specialistunderskoterska',
        stage: 'proficient',
        manager: null,
        review: 90,
        target: year + 2,
        funding: 'employer',
        educations: [
          {
            title: 'Palliativ vård i livets slutskede',
            catalogue: 'Palliativ vård i livets slutskede',
            done: -120,
            cost: 0,
            funded: 0,
          },
        ],
      });
    }
  }
  for (const p of plans) {
    const [row] = await db
      .insert(careerPlan)
      .values({
        organisationId: p.person.organisationId,
        personId: p.person.id,
        currentRoleKey: p.from,
        targetRoleKey: p.to,
        bennerStage: p.stage,
        targetYear: p.target,
        fundingSource: p.funding,
        fundingNote: p.funding === 'aldreomsorgslyftet' ? 'Ansökt inom Äldreomsorgslyftet (demo)' : '',
        nextReview: date(p.review),
        note: 'Utvecklingssamtal genomfört; målet är överenskommet (demo).',
        managerUserId: p.manager,
        createdBy: p.manager ?? admin.id,
      })
      .returning({ id: careerPlan.id });
    if (!row || p.educations.length === 0) continue;
    const values = [];
    for (const e of p.educations) {
      const item = e.catalogue ? catalogue.get(e.catalogue) : undefined;
      const occasion = e.occasion ? await occasionFor(p.person.organisationId, e.title, e.occasion) : undefined;
      if (e.occasion && !occasion) continue;
      // A held occasion counts as completed on the day it ended.
      const completedOn =
        occasion && e.done !== undefined ? swedishDate(occasion.endsAt) : e.done !== undefined ? date(e.done) : null;
      values.push({
        planId: row.id,
        kind: occasion ? ('occasion' as const) : item ? ('catalogue' as const) : ('other' as const),
        refId: occasion?.id ?? item?.id ?? null,
        title: occasion?.title ?? item?.title ?? e.title,
        status: completedOn ? ('completed' as const) : ('planned' as const),
        year: e.year ?? (occasion ? Number(swedishDate(occasion.startsAt).slice(0, 4)) : null),
        completedOn,
        cost: e.cost,
        funded: e.funded,
      });
    }
    if (values.length) await db.insert(careerPlanEducation).values(values);
  }
}
