// The demo region: Skaraborg's 15 municipalities with their SCB codes, four networks and a demo user per role.
// Everything here is invented and labelled as demo data.
import { eq } from 'drizzle-orm';
import type { Role } from '../shared/roles.ts';
import type { Db } from './db.ts';
import { buildMunicipality, buildRegion, buildUser } from './factories.ts';
import type { DemoContext, ServerModule } from './module.ts';
import { network, networkMember, organisation } from './organisation.table.ts';

export const DEMO_REGION_NAME = 'Skaraborgs kommunalförbund (demo)';
export const DEMO_PASSWORD = 'Demo-Kompetensnav-2026';

export const DEMO_MUNICIPALITIES: [name: string, code: string][] = [
  ['Essunga', '1445'],
  ['Falköping', '1499'],
  ['Grästorp', '1444'],
  ['Gullspång', '1447'],
  ['Götene', '1471'],
  ['Hjo', '1497'],
  ['Karlsborg', '1446'],
  ['Lidköping', '1494'],
  ['Mariestad', '1493'],
  ['Skara', '1495'],
  ['Skövde', '1496'],
  ['Tibro', '1472'],
  ['Tidaholm', '1498'],
  ['Töreboda', '1473'],
  ['Vara', '1470'],
];

export const DEMO_NETWORKS = [
  { name: 'MAS-nätverket', kind: 'network' as const, description: 'Medicinskt ansvariga sjuksköterskor och MAR.' },
  {
    name: 'Rehabchefsnätverket',
    kind: 'network' as const,
    description: 'Chefer för arbetsterapeuter och fysioterapeuter.',
  },
  { name: 'Sjuksköterskechefsnätverket', kind: 'network' as const, description: 'Chefer för sjuksköterskor.' },
  {
    name: 'Socialchefsgruppen',
    kind: 'steering_group' as const,
    description: 'Socialcheferna i Skaraborg – styrgrupp.',
  },
];

/** One demo user per role (two MAS): e-mail, name, municipality (none = the region's office), networks. */
export const DEMO_USERS: { role: Role; email: string; name: string; municipality?: string; networks: string[] }[] = [
  { role: 'regional_admin', email: 'regionadmin@demo.example', name: 'Rebecka Region (demo)', networks: [] },
  {
    role: 'municipal_admin',
    email: 'kommunadmin.skovde@demo.example',
    name: 'Kim Kommunadmin (demo)',
    municipality: 'Skövde',
    networks: [],
  },
  {
    role: 'municipal_admin',
    email: 'kommunadmin.lidkoping@demo.example',
    name: 'Lina Kommunadmin (demo)',
    municipality: 'Lidköping',
    networks: [],
  },
  {
    role: 'reporter',
    email: 'rapportor.skovde@demo.example',
    name: 'Rasmus Rapportör (demo)',
    municipality: 'Skövde',
    networks: [],
  },
  {
    role: 'manager',
    email: 'chef.skovde@demo.example',
    name: 'Cecilia Chef (demo)',
    municipality: 'Skövde',
    networks: ['Sjuksköterskechefsnätverket', 'Rehabchefsnätverket'],
  },
  {
    role: 'mas',
    email: 'mas.lidkoping@demo.example',
    name: 'Maria MAS (demo)',
    municipality: 'Lidköping',
    networks: ['MAS-nätverket'],
  },
  {
    // A second MAS, so the network's review work is shared (issue 20).
    role: 'mas',
    email: 'mas.skovde@demo.example',
    name: 'Magnus MAS (demo)',
    municipality: 'Skövde',
    networks: ['MAS-nätverket'],
  },
  {
    role: 'broker',
    email: 'utbildningsmaklare.skovde@demo.example',
    name: 'Ulf Utbildningsmäklare (demo)',
    municipality: 'Skövde',
    networks: [],
  },
  {
    role: 'steering',
    email: 'styrgrupp.falkoping@demo.example',
    name: 'Stina Socialchef (demo)',
    municipality: 'Falköping',
    networks: ['Socialchefsgruppen'],
  },
  {
    role: 'employee',
    email: 'medarbetare.skovde@demo.example',
    name: 'Elias Medarbetare (demo)',
    municipality: 'Skövde',
    networks: [],
  },
];

/**
 * Seeds the demo region unless a region exists already, then each module's demo in list order, all in one
 * transaction. Returns false when nothing was done.
 */
export async function seedDemo(db: Db, modules: readonly ServerModule[]): Promise<boolean> {
  const [existing] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.kind, 'region'));
  if (existing) return false;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const region = await buildRegion(tx, DEMO_REGION_NAME);
    const municipalities = new Map<string, Awaited<ReturnType<typeof buildMunicipality>>>();
    for (const [name, code] of DEMO_MUNICIPALITIES)
      municipalities.set(name, await buildMunicipality(tx, { name, code }));
    const networks = new Map<string, string>();
    for (const n of DEMO_NETWORKS) {
      const [row] = await tx.insert(network).values(n).returning({ id: network.id });
      if (row) networks.set(n.name, row.id);
    }
    for (const u of DEMO_USERS) {
      const org = u.municipality ? municipalities.get(u.municipality) : region;
      const built = await buildUser(tx, {
        role: u.role,
        organisation: org,
        name: u.name,
        email: u.email,
        password: DEMO_PASSWORD,
      });
      for (const n of u.networks) {
        const networkId = networks.get(n);
        if (networkId) await tx.insert(networkMember).values({ networkId, userId: built.id });
      }
    }
    const demo: DemoContext = {
      regionId: region.id,
      municipalities: new Map([...municipalities].map(([name, m]) => [name, { id: m.id, name: m.name, code: m.code }])),
      networks,
      now: new Date(),
    };
    for (const module of modules) await module.seedDemo?.(tx, demo);
  });
  return true;
}

export function demoCredentialsText(): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  return [
    'Demo users (invented demo data), all with the password:',
    `  ${DEMO_PASSWORD}`,
    ...DEMO_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.role}${u.municipality ? ` (${u.municipality})` : ''}`),
  ].join('\n');
}
