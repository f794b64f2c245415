// The model a region starts from: Göteborgsregionen's career path model for elderly care as the Favo conference
// described it (seed projekt-favo-karriarvagsmodell.txt), with the national requirements the spec names. Every
// education requirement is marked "to verify" with its source: the region confirms or corrects it before it
// publishes the model. The task matrix is a starting point for the region's own differentiation, not a rule.
import type { CareerModel, CellValue, Task } from './career-paths.contracts.ts';

const FAVO = 'GR:s karriärvägsmodell för äldreomsorgen (Projekt Favo, karriarvagar.se)';
const SKOLVERKET = 'Skolverket: nationella yrkespaket inom vård- och omsorgsprogrammet (komvux)';

export const DEFAULT_ROLES: CareerModel['roles'] = [
  {
    key: 'bitrade',
    name: 'Biträde',
    nameEn: 'Assistant',
    professionKey: 'bitrade',
    protectedTitle: false,
    licensed: false,
    areas: [],
    education: {
      text: 'Ingen formell utbildning krävs. Introduktion och grundläggande kurs i service och bemötande.',
      points: null,
      pointsUnit: null,
      toVerify: true,
      source: FAVO,
    },
    inMatrix: true,
  },
  {
    key: 'vardbitrade',
    name: 'Vårdbiträde',
    nameEn: 'Care assistant',
    professionKey: 'vardbitrade',
    protectedTitle: false,
    licensed: false,
    areas: [],
    education: {
      text: 'Nationellt yrkespaket vårdbiträde.',
      points: 800,
      pointsUnit: 'gymnasiepoang',
      toVerify: true,
      source: SKOLVERKET,
    },
    inMatrix: true,
  },
  {
    key: 'underskoterska',
    name: 'Undersköterska',
    nameEn: 'Assistant nurse',
    professionKey: 'underskoterska',
    protectedTitle: true,
    licensed: false,
    areas: [],
    education: {
      text: 'Nationellt yrkespaket undersköterska (eller vård- och omsorgsprogrammet). Skyddad yrkestitel sedan 1 juli 2023, bevis från Socialstyrelsen.',
      points: 1500,
      pointsUnit: 'gymnasiepoang',
      toVerify: true,
      source: `${SKOLVERKET}; Socialstyrelsen om skyddad yrkestitel undersköterska`,
    },
    inMatrix: true,
  },
  {
    key: 'specialistunderskoterska',
    name: 'Specialistundersköterska',
    nameEn: 'Specialist assistant nurse',
    professionKey: 'specialistunderskoterska',
    protectedTitle: false,
    licensed: false,
    areas: ['Demens', 'Palliativ vård', 'Psykiatri', 'Rehabilitering'],
    education: {
      text: 'Yrkeshögskoleutbildning till specialistundersköterska inom ett område, efter undersköterskeexamen.',
      points: 200,
      pointsUnit: 'yh_poang',
      toVerify: true,
      source: `${FAVO}; Myndigheten för yrkeshögskolan`,
    },
    inMatrix: true,
  },
  {
    key: 'sjukskoterska',
    name: 'Sjuksköterska',
    nameEn: 'Registered nurse',
    professionKey: 'sjukskoterska',
    protectedTitle: true,
    licensed: true,
    areas: [],
    education: {
      text: 'Sjuksköterskeexamen och legitimation från Socialstyrelsen.',
      points: 180,
      pointsUnit: 'hogskolepoang',
      toVerify: true,
      source: 'Högskoleförordningen; Socialstyrelsen (legitimation)',
    },
    inMatrix: true,
  },
  {
    key: 'specialistsjukskoterska',
    name: 'Specialistsjuksköterska',
    nameEn: 'Specialist nurse',
    professionKey: 'sjukskoterska',
    protectedTitle: true,
    licensed: true,
    areas: ['Vård av äldre', 'Distriktssköterska', 'Psykiatri'],
    education: {
      text: 'Specialistsjuksköterskeexamen (t.ex. vård av äldre 60 hp, distriktssköterska 75 hp), gärna som AST.',
      points: 60,
      pointsUnit: 'hogskolepoang',
      toVerify: true,
      source: 'Högskoleförordningen; Socialstyrelsen',
    },
    inMatrix: false,
  },
  {
    key: 'arbetsterapeut',
    name: 'Arbetsterapeut',
    nameEn: 'Occupational therapist',
    professionKey: 'arbetsterapeut',
    protectedTitle: true,
    licensed: true,
    areas: [],
    education: {
      text: 'Arbetsterapeutexamen och legitimation.',
      points: 180,
      pointsUnit: 'hogskolepoang',
      toVerify: true,
      source: 'Högskoleförordningen; Socialstyrelsen (legitimation)',
    },
    inMatrix: false,
  },
  {
    key: 'fysioterapeut',
    name: 'Fysioterapeut',
    nameEn: 'Physiotherapist',
    professionKey: 'fysioterapeut',
    protectedTitle: true,
    licensed: true,
    areas: [],
    education: {
      text: 'Fysioterapeutexamen och legitimation.',
      points: 180,
      pointsUnit: 'hogskolepoang',
      toVerify: true,
      source: 'Högskoleförordningen; Socialstyrelsen (legitimation)',
    },
    inMatrix: false,
  },
];

export const DEFAULT_WAYS: CareerModel['ways'] = [
  {
    from: 'bitrade',
    to: 'vardbitrade',
    via: 'Yrkespaket vårdbiträde (800 gymnasiepoäng), t.ex. med Äldreomsorgslyftet',
  },
  { from: 'bitrade', to: 'underskoterska', via: 'Yrkespaket undersköterska (1 500 gymnasiepoäng) direkt' },
  {
    from: 'vardbitrade',
    to: 'underskoterska',
    via: 'Komplettering till yrkespaket undersköterska och bevis om titeln',
  },
  {
    from: 'underskoterska',
    to: 'specialistunderskoterska',
    via: 'YH-utbildning inom ett område (demens, palliativ vård, psykiatri, rehabilitering) efter några års erfarenhet',
  },
  { from: 'underskoterska', to: 'sjukskoterska', via: 'Sjuksköterskeprogrammet (180 hp), t.ex. med studielön' },
  { from: 'sjukskoterska', to: 'specialistsjukskoterska', via: 'Specialistutbildning, t.ex. AST med bibehållen lön' },
];

export const DEFAULT_GROUPS: CareerModel['taskGroups'] = [
  { key: 'household', name: 'Service och hushåll', nameEn: 'Service and household' },
  { key: 'personal_care', name: 'Personlig omvårdnad', nameEn: 'Personal care' },
  { key: 'delegated_care', name: 'Hälso- och sjukvård på delegering', nameEn: 'Health care by delegation' },
  { key: 'documentation', name: 'Dokumentation', nameEn: 'Documentation' },
  { key: 'social', name: 'Social samvaro och aktivering', nameEn: 'Social life and activity' },
  { key: 'coordination', name: 'Samordning, handledning och ombud', nameEn: 'Coordination, supervision and agents' },
];

/** Matrix columns in order: biträde, vårdbiträde, undersköterska, specialistundersköterska, sjuksköterska. */
const COLUMNS = ['bitrade', 'vardbitrade', 'underskoterska', 'specialistunderskoterska', 'sjukskoterska'] as const;
const CODE: Record<string, CellValue> = { J: 'does', D: 'delegated', N: 'does_not' };
const DELEGATION_NOTE = 'Kräver skriftlig delegering från legitimerad personal.';

/** [key, group, name, J/D/N per column]. */
const TASK_ROWS: [string, string, string, string][] = [
  ['stadning', 'household', 'Städning i den enskildes bostad', 'JJJJN'],
  ['tvatt', 'household', 'Tvätt och klädvård', 'JJJJN'],
  ['inkop', 'household', 'Inköp och ärenden', 'JJJJN'],
  ['maltid_tillagning', 'household', 'Tillagning och uppvärmning av måltid', 'JJJJN'],
  ['disk', 'household', 'Disk och enklare hushållsgöromål', 'JJJJN'],
  ['ledsagning', 'household', 'Promenad, utevistelse och ledsagning', 'JJJJN'],
  ['hygien', 'personal_care', 'Personlig hygien och dusch', 'NJJJN'],
  ['pakladning', 'personal_care', 'På- och avklädning', 'NJJJN'],
  ['maltidsstod', 'personal_care', 'Stöd vid måltid och matning', 'NJJJN'],
  ['forflyttning', 'personal_care', 'Förflyttning med hjälpmedel', 'NJJJN'],
  ['toalett', 'personal_care', 'Toalettbesök och inkontinenshjälpmedel', 'NJJJN'],
  ['munvard', 'personal_care', 'Munvård', 'NJJJN'],
  ['sangliggande', 'personal_care', 'Omvårdnad av sängliggande', 'NJJJN'],
  ['hudobservation', 'personal_care', 'Observation av hud och trycksår', 'NNJJJ'],
  ['lakemedel', 'delegated_care', 'Överlämna läkemedel ur dosett eller dospåse', 'NDDDJ'],
  ['insulin', 'delegated_care', 'Ge insulin med penna', 'NNDDJ'],
  ['sarvard', 'delegated_care', 'Enklare sårvård', 'NNDDJ'],
  ['stodstrumpor', 'delegated_care', 'Stödstrumpor', 'NDDDJ'],
  ['blodsocker', 'delegated_care', 'Blodsockermätning', 'NNDDJ'],
  ['ogondroppar', 'delegated_care', 'Ögondroppar och salvor', 'NDDDJ'],
  ['kateter', 'delegated_care', 'Skötsel av urinkateter', 'NNDDJ'],
  ['vitalparametrar', 'delegated_care', 'Mätning av puls, blodtryck och NEWS', 'NNDJJ'],
  ['traning', 'delegated_care', 'Träning enligt arbetsterapeutens eller fysioterapeutens ordination', 'NDDJN'],
  ['social_dokumentation', 'documentation', 'Social dokumentation', 'NJJJN'],
  ['signering', 'documentation', 'Signering av delegerade insatser', 'NDDDJ'],
  ['avvikelse', 'documentation', 'Rapportera avvikelser', 'JJJJJ'],
  ['genomforandeplan', 'documentation', 'Upprätta och följa upp genomförandeplan', 'NNJJN'],
  ['riskbedomning', 'documentation', 'Riskbedömningar (t.ex. Senior alert)', 'NNJJJ'],
  ['aktivering', 'social', 'Social aktivitet och aktivering', 'JJJJN'],
  ['samtal', 'social', 'Samtal och socialt stöd', 'JJJJJ'],
  ['anhoriga', 'social', 'Kontakt med anhöriga', 'NJJJJ'],
  ['kontaktperson', 'coordination', 'Fast omsorgskontakt / kontaktmannaskap', 'NNJJN'],
  ['handledning', 'coordination', 'Handleda nya kollegor och elever', 'NNJJJ'],
  ['ombud', 'coordination', 'Ombudsroller (demens-, hygien-, palliativombud)', 'NNJJN'],
  ['specialiststod', 'coordination', 'Stöd och råd till arbetsgruppen inom specialistområdet', 'NNNJJ'],
  ['palliativ', 'coordination', 'Vård i livets slutskede enligt vårdplan', 'NNJJJ'],
  ['bpsd', 'coordination', 'Bemötande och BPSD-registrering vid demens', 'NNJJJ'],
];

export const DEFAULT_TASKS: Task[] = TASK_ROWS.map(([key, group, name, codes]) => ({
  key,
  group,
  name,
  note: '',
  cells: Object.fromEntries(
    COLUMNS.map((role, i) => {
      const value = CODE[codes[i] ?? 'N'] ?? 'does_not';
      return [role, { value, note: value === 'delegated' ? DELEGATION_NOTE : '' }];
    }),
  ),
}));

export const DEFAULT_CHECKLIST: CareerModel['checklist'] = [
  {
    key: 'plan_owner',
    step: 'plan',
    title: 'Utse modellens ägare i förvaltningsledningen',
    description:
      'En namngiven roll, inte en person som kan sluta: annars stannar arbetet när de som drev det går vidare.',
  },
  { key: 'plan_group', step: 'plan', title: 'Utse lokal projektledare och projektgrupp', description: '' },
  { key: 'plan_unions', step: 'plan', title: 'Förankra med de fackliga parterna', description: '' },
  { key: 'plan_politics', step: 'plan', title: 'Informera och förankra hos nämnden', description: '' },
  {
    key: 'plan_baseline',
    step: 'plan',
    title: 'Kartlägg personal per roll (nuläge)',
    description: 'Antal per roll ur bemanningsstatistiken.',
  },
  { key: 'plan_target', step: 'plan', title: 'Besluta målbild för fördelningen mellan roller', description: '' },
  { key: 'impl_matrix', step: 'implement', title: 'Besluta lokala avvikelser i uppgiftsmatrisen', description: '' },
  {
    key: 'impl_titles',
    step: 'implement',
    title: 'Inför titlarna biträde och specialistundersköterska',
    description: 'Befattningar, AID-koder och lönesättning.',
  },
  {
    key: 'impl_dialogue',
    step: 'implement',
    title: 'Medarbetardialog på alla enheter',
    description: 'Alla behövs – ett pussel, inte en trappa.',
  },
  { key: 'impl_plans', step: 'implement', title: 'Utvecklingsplaner för berörda medarbetare', description: '' },
  { key: 'impl_schedule', step: 'implement', title: 'Anpassa schemaläggningen efter kompetens', description: '' },
  { key: 'eval_mix', step: 'evaluate', title: 'Följ upp fördelningen mellan roller mot målbilden', description: '' },
  { key: 'eval_staff', step: 'evaluate', title: 'Utvärdera med medarbetare och chefer', description: '' },
  { key: 'eval_report', step: 'evaluate', title: 'Rapportera till socialchefsgruppen', description: '' },
  { key: 'eval_revise', step: 'evaluate', title: 'Revidera den lokala planen', description: '' },
];

export const DEFAULT_MODEL: CareerModel = {
  roles: DEFAULT_ROLES,
  ways: DEFAULT_WAYS,
  taskGroups: DEFAULT_GROUPS,
  tasks: DEFAULT_TASKS,
  checklist: DEFAULT_CHECKLIST,
};
