// What the entry form shows, as data: a section for the municipality's context and one per active profession, each in
// blocks of fields and groups (a group is a measure broken down by a list: specialties, age bands, absence kinds).
// The pages render it; the error summary uses it to name a field and to find the section to open.
import type { ConfigItemDto, StaffingConfigDto } from '../../staffing.contracts.ts';
import { type Lang, nameIn } from '../../staffing-labels.ts';
import {
  type BreakdownKind,
  CONTEXT,
  CONTEXT_MEASURES,
  factKey,
  MEASURE_BY_KEY,
  type MeasureDef,
} from '../../staffing-measures.ts';

export type FieldModel = {
  path: string;
  label: string;
  help: string | null;
  /** Said to screen readers after the label, so "Föräldraledighet" in two groups gets two names. */
  hiddenSuffix: string | null;
  /** Persons are whole numbers; FTE and positions may have two decimals. */
  decimals: boolean;
};
export type GroupModel = {
  path: string;
  title: string;
  help: string;
  fields: FieldModel[];
  /** For the age bands: the running sum is shown against the headcount at this path. */
  sumAgainst: string | null;
};
export type BlockModel = { title: string; fields: FieldModel[]; groups: GroupModel[] };
export type SectionModel = { key: string; title: string; blocks: BlockModel[] };
export type FormModel = {
  context: SectionModel;
  professions: SectionModel[];
  /** Which section a field or group path belongs to, and its name for the error summary. */
  where: Map<string, { section: string; label: string }>;
};

export type BlockTitles = {
  context: string;
  employees: string;
  specialists: string;
  competences: string;
  ages: string;
  employment: string;
  positions: string;
  absence: string;
};

const bySort = (a: { sort: number; name: string }, b: { sort: number; name: string }) =>
  a.sort - b.sort || a.name.localeCompare(b.name, 'sv');

export function buildFormModel(config: StaffingConfigDto, lang: Lang, titles: BlockTitles): FormModel {
  const where = new Map<string, { section: string; label: string }>();
  const measure = (key: string): MeasureDef => {
    const def = MEASURE_BY_KEY.get(key);
    if (!def) throw new Error(`Unknown measure ${key}`);
    return def;
  };
  const field = (section: string, sectionTitle: string, def: MeasureDef, item?: ConfigItemDto): FieldModel => {
    const path = factKey({ profession: section, measure: def.key, breakdown: item?.key ?? '' });
    const label = item ? nameIn(item, lang) : def.label[lang];
    const described = item ? `${def.label[lang]} – ${label}` : label;
    where.set(path, { section, label: section === CONTEXT ? described : `${sectionTitle} – ${described}` });
    return {
      path,
      label,
      help: item ? null : def.help[lang],
      hiddenSuffix: item ? def.label[lang] : null,
      decimals: def.kind === 'fte' || def.kind === 'positions',
    };
  };
  const activeItems = (kind: BreakdownKind, professionId?: string) =>
    config.items
      .filter((i) => i.kind === kind && i.active && (kind !== 'specialty' || i.professionId === professionId))
      .sort(bySort);

  const contextSection: SectionModel = {
    key: CONTEXT,
    title: titles.context,
    blocks: [
      { title: titles.context, fields: CONTEXT_MEASURES.map((d) => field(CONTEXT, titles.context, d)), groups: [] },
    ],
  };

  const professions = config.professions
    .filter((p) => p.active)
    .sort(bySort)
    .map((profession): SectionModel => {
      const p = profession.key;
      const title = nameIn(profession, lang);
      const fields = (...keys: string[]) => keys.map((k) => field(p, title, measure(k)));
      const group = (key: string, items: ConfigItemDto[], sumAgainst: string | null = null): GroupModel => {
        const def = measure(key);
        const path = `${p}.${key}`;
        where.set(path, { section: p, label: `${title} – ${def.label[lang]}` });
        return {
          path,
          title: def.label[lang],
          help: def.help[lang],
          fields: items.map((item) => field(p, title, def, item)),
          sumAgainst,
        };
      };
      const specialties = activeItems('specialty', profession.id);
      const competences = activeItems('competence');
      const ageBands = activeItems('age_band');
      const absenceKinds = activeItems('absence_kind');
      const blocks: BlockModel[] = [
        {
          title: titles.employees,
          fields: fields('headcount', 'headcount_permanent', 'headcount_fixed_term'),
          groups: [],
        },
        {
          title: titles.specialists,
          fields: fields('specialist_headcount'),
          groups: specialties.length > 0 ? [group('specialty_headcount', specialties)] : [],
        },
        {
          title: titles.competences,
          fields: [],
          groups: competences.length > 0 ? [group('competence_headcount', competences)] : [],
        },
        {
          title: titles.ages,
          fields: [],
          groups: ageBands.length > 0 ? [group('age_headcount', ageBands, `${p}.headcount`)] : [],
        },
        { title: titles.employment, fields: fields('contracted_fte', 'worked_fte', 'fulltime_headcount'), groups: [] },
        {
          title: titles.positions,
          fields: fields('positions_budgeted', 'positions_filled', 'positions_vacant'),
          groups: [],
        },
        {
          title: titles.absence,
          fields: [],
          groups:
            absenceKinds.length > 0
              ? [group('absence_headcount', absenceKinds), group('absence_fte', absenceKinds)]
              : [],
        },
      ];
      return { key: p, title, blocks: blocks.filter((b) => b.fields.length > 0 || b.groups.length > 0) };
    });

  return { context: contextSection, professions, where };
}
