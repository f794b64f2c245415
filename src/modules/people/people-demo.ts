// The demo's staff register: for each of the 15 demo municipalities a unit tree (förvaltning → område → enhet) and
// about 40 invented staff with plausible professions, ages, employment forms and start dates placed relative to the
// demo's "now", some of them ended. Names come from lists of common Swedish first and last names and are marked
// "(demo)". Skövde's demo manager manages "Hälso- och sjukvård Skövde"; the demo employee has a record of their own.
import { inArray } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import type { DemoContext } from '../../platform/server/module.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import type { EmploymentForm, UnitKind } from './people.contracts.ts';
import { peoplePerson, peoplePersonEvent, peopleUnit, peopleUnitManager } from './people.table.ts';
import { personSearchText } from './people-text.ts';

const FIRST_NAMES = [
  'Anna',
  'Eva',
  'Maria',
  'Karin',
  'Sara',
  'Lena',
  'Kerstin',
  'Emma',
  'Ingrid',
  'Malin',
  'Linnéa',
  'Elin',
  'Sofia',
  'Johanna',
  'Hanna',
  'Ida',
  'Fatima',
  'Amina',
  'Åsa',
  'Märta',
  'Lars',
  'Mikael',
  'Johan',
  'Erik',
  'Anders',
  'Karl',
  'Per',
  'Ali',
  'Ahmed',
  'Jonas',
  'Björn',
  'Oskar',
];
const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Jakobsson',
  'Magnusson',
  'Lindström',
  'Olofsson',
  'Lindqvist',
  'Lindgren',
  'Berg',
  'Axelsson',
  'Bergström',
  'Lundberg',
  'Lind',
  'Mohammed',
  'Åberg',
  'Öberg',
  'Ali',
];
const HOUSING = ['Ekedal', 'Björkhagen', 'Solbacken', 'Lindgården', 'Furuhem', 'Ängsgården', 'Rosenlund', 'Tallbacken'];

type DemoUnit = { key: string; name: string; parent: string | null; kind: UnitKind; code: string };

/** The tree of one municipality; unit names hold the municipality's name, so each is unique in it. */
export function demoUnits(municipality: string, code: string, index: number): DemoUnit[] {
  const homes = [HOUSING[index % HOUSING.length], HOUSING[(index + 3) % HOUSING.length]] as string[];
  return [
    {
      key: 'admin',
      name: `Vård- och omsorgsförvaltningen ${municipality}`,
      parent: null,
      kind: 'other',
      code: `${code}-VOF`,
    },
    { key: 'elder', name: `Äldreomsorg ${municipality}`, parent: 'admin', kind: 'other', code: `${code}-AO` },
    {
      key: 'homeNorth',
      name: `Hemtjänst Norr ${municipality}`,
      parent: 'elder',
      kind: 'home_care',
      code: `${code}-HTN`,
    },
    {
      key: 'homeSouth',
      name: `Hemtjänst Söder ${municipality}`,
      parent: 'elder',
      kind: 'home_care',
      code: `${code}-HTS`,
    },
    {
      key: 'housing1',
      name: `Särskilt boende ${homes[0]}`,
      parent: 'elder',
      kind: 'special_housing',
      code: `${code}-SB1`,
    },
    {
      key: 'housing2',
      name: `Särskilt boende ${homes[1]}`,
      parent: 'elder',
      kind: 'special_housing',
      code: `${code}-SB2`,
    },
    { key: 'health', name: `Hälso- och sjukvård ${municipality}`, parent: 'admin', kind: 'other', code: `${code}-HS` },
    {
      key: 'homeHealth',
      name: `Hemsjukvården ${municipality}`,
      parent: 'health',
      kind: 'home_health_care',
      code: `${code}-HSV`,
    },
    { key: 'rehab', name: `Rehab ${municipality}`, parent: 'health', kind: 'rehabilitation', code: `${code}-REH` },
  ];
}

/** Professions by share of a municipality's staff, and the units each works in. */
const MIX: { key: string; weight: number; units: string[] }[] = [
  { key: 'underskoterska', weight: 16, units: ['homeNorth', 'homeSouth', 'housing1', 'housing2'] },
  { key: 'vardbitrade', weight: 6, units: ['homeNorth', 'homeSouth', 'housing1', 'housing2'] },
  { key: 'bitrade', weight: 3, units: ['housing1', 'housing2'] },
  { key: 'specialistunderskoterska', weight: 2, units: ['housing1', 'housing2', 'homeHealth'] },
  { key: 'sjukskoterska', weight: 7, units: ['homeHealth'] },
  { key: 'arbetsterapeut', weight: 3, units: ['rehab'] },
  { key: 'fysioterapeut', weight: 3, units: ['rehab'] },
];

/** A small deterministic generator, so the demo is the same every time for the same "now". */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;

export type DemoPerson = {
  unitKey: string;
  firstName: string;
  lastName: string;
  professionKey: string;
  employmentForm: EmploymentForm;
  employmentRate: number | null;
  employmentStart: string;
  employmentEnd: string | null;
  birthYear: number;
  employeeNumber: string;
};

/** About 40 staff of one municipality (38–42), some ended (a few long enough ago for the retention rule). */
export function demoPersons(code: string, index: number, now: Date): DemoPerson[] {
  const next = random(7919 * (index + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const total = MIX.reduce((sum, m) => sum + m.weight, 0);
  const count = 38 + (index % 5);
  const thisYear = now.getUTCFullYear();
  const persons: DemoPerson[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next() * total;
    let mix = MIX[0] as (typeof MIX)[number];
    for (let sum = 0, k = 0; k < MIX.length; k++) {
      sum += (MIX[k] as (typeof MIX)[number]).weight;
      if (roll < sum) {
        mix = MIX[k] as (typeof MIX)[number];
        break;
      }
    }
    const age = 20 + Math.floor(next() * 46);
    const yearsEmployed = Math.min(age - 19, Math.floor(next() ** 2 * 25));
    const start = new Date(now.getTime() - (yearsEmployed * 365 + Math.floor(next() * 300) + 20) * DAY);
    const form: EmploymentForm = next() < 0.72 ? 'permanent' : next() < 0.6 ? 'fixed_term' : 'hourly';
    const rate = form === 'hourly' ? null : pick([100, 100, 100, 90, 80, 75, 87.5]);
    // One in eight has ended: most recently, every third of them more than two years ago.
    let end: string | null = null;
    if (i % 8 === 5) {
      const daysAgo = i % 3 === 0 ? 800 + Math.floor(next() * 200) : 15 + Math.floor(next() * 300);
      const endDate = new Date(now.getTime() - daysAgo * DAY);
      end = swedishDate(endDate < start ? new Date(start.getTime() + 30 * DAY) : endDate);
    } else if (form === 'fixed_term') {
      end = swedishDate(new Date(now.getTime() + (30 + Math.floor(next() * 300)) * DAY));
    }
    persons.push({
      unitKey: pick(mix.units),
      firstName: pick(FIRST_NAMES),
      lastName: `${pick(LAST_NAMES)} (demo)`,
      professionKey: mix.key,
      employmentForm: form,
      employmentRate: rate,
      employmentStart: swedishDate(start),
      employmentEnd: end !== null && end < swedishDate(start) ? null : end,
      birthYear: thisYear - age,
      employeeNumber: `${code}-${1000 + i}`,
    });
  }
  return persons;
}

export const DEMO_MANAGER = { email: 'chef.skovde@demo.example', municipality: 'Skövde', unitKey: 'health' };
export const DEMO_EMPLOYEE = { email: 'medarbetare.skovde@demo.example', municipality: 'Skövde' };

export async function seedPeopleDemo(tx: Db, demo: DemoContext): Promise<void> {
  const municipalities = [...demo.municipalities.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const users = await tx
    .select({ id: user.id, email: user.email, name: user.name })
    .from(user)
    .where(inArray(user.email, [DEMO_MANAGER.email, DEMO_EMPLOYEE.email]));
  const userOf = (email: string) => users.find((u) => u.email === email);
  for (const [index, m] of municipalities.entries()) {
    const code = m.code ?? String(9000 + index);
    const ids = new Map<string, string>();
    for (const unit of demoUnits(m.name, code, index)) {
      const [row] = await tx
        .insert(peopleUnit)
        .values({
          organisationId: m.id,
          parentId: unit.parent ? (ids.get(unit.parent) ?? null) : null,
          name: unit.name,
          code: unit.code,
          kind: unit.kind,
        })
        .returning({ id: peopleUnit.id });
      if (row) ids.set(unit.key, row.id);
    }
    const persons = demoPersons(code, index, demo.now).map(({ unitKey, ...p }) => ({
      ...p,
      organisationId: m.id,
      unitId: ids.get(unitKey) as string,
      searchText: personSearchText(p),
    }));
    if (m.name === DEMO_EMPLOYEE.municipality) {
      const employee = userOf(DEMO_EMPLOYEE.email);
      if (employee) {
        const [first = employee.name, ...rest] = employee.name.split(' ');
        persons.push({
          organisationId: m.id,
          unitId: ids.get('housing1') as string,
          firstName: first,
          lastName: rest.join(' ') || '(demo)',
          professionKey: 'underskoterska',
          employmentForm: 'permanent',
          employmentRate: 100,
          employmentStart: swedishDate(new Date(demo.now.getTime() - 60 * DAY)),
          employmentEnd: null,
          birthYear: demo.now.getUTCFullYear() - 24,
          employeeNumber: `${code}-0999`,
          ...{ email: DEMO_EMPLOYEE.email, userId: employee.id },
          searchText: personSearchText({
            firstName: first,
            lastName: rest.join(' ') || '(demo)',
            employeeNumber: `${code}-0999`,
            email: DEMO_EMPLOYEE.email,
          }),
        } as (typeof persons)[number]);
      }
      const manager = userOf(DEMO_MANAGER.email);
      const unitId = ids.get(DEMO_MANAGER.unitKey);
      if (manager && unitId) await tx.insert(peopleUnitManager).values({ unitId, userId: manager.id });
    }
    const created = await tx
      .insert(peoplePerson)
      .values(persons)
      .returning({ id: peoplePerson.id, at: peoplePerson.createdAt });
    await tx
      .insert(peoplePersonEvent)
      .values(created.map((c) => ({ personId: c.id, kind: 'created' as const, at: c.at, changes: {} })));
  }
}
