// The default configuration as a DTO without a database (deterministic ids): for unit tests and benchmarks
// that need the lists a fresh region starts with (the same defaults the migration seeds).
import type { StaffingConfigDto } from './staffing.contracts.ts';
import {
  DEFAULT_ABSENCE_KINDS,
  DEFAULT_AGE_BANDS,
  DEFAULT_COMPETENCES,
  DEFAULT_PROFESSIONS,
  DEFAULT_SPECIALTIES,
} from './staffing-measures.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function defaultStaffingConfig(minCount = 3): StaffingConfigDto {
  let next = 1;
  const professions = DEFAULT_PROFESSIONS.map((p, i) => ({
    id: id(next++),
    key: p.key,
    name: p.sv,
    nameEn: p.en,
    licensed: p.licensed,
    sort: i * 10,
    active: true,
  }));
  const item =
    (kind: StaffingConfigDto['items'][number]['kind'], professionId: string | null) =>
    (x: { key: string; sv: string; en: string; minAge?: number; maxAge?: number | null }, i: number) => ({
      id: id(next++),
      kind,
      professionId,
      key: x.key,
      name: x.sv,
      nameEn: x.en,
      minAge: x.minAge ?? null,
      maxAge: x.maxAge ?? null,
      sort: i * 10,
      active: true,
    });
  const items = [
    ...professions.flatMap((p) => (DEFAULT_SPECIALTIES[p.key] ?? []).map(item('specialty', p.id))),
    ...DEFAULT_COMPETENCES.map(item('competence', null)),
    ...DEFAULT_AGE_BANDS.map(item('age_band', null)),
    ...DEFAULT_ABSENCE_KINDS.map(item('absence_kind', null)),
  ];
  return { professions, items, minCount };
}
