// Pieces the staff register's pages share: the regional admin's choice of municipality, profession names in the
// interface language, and a person's employment in words.
import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/web/api/me-query.ts';
import { activeOrganisationsQuery } from '../../../platform/web/api/organisations-query.ts';
import { compareSwedish } from '../../../platform/web/i18n/format.ts';
import type { UnitTreeDto } from '../people.contracts.ts';

export type Professions = UnitTreeDto['professions'];

/** Whether the signed-in user works across municipalities (the region's office). */
export function useIsRegion(): boolean {
  return useMe().organisation.kind === 'region';
}

export function useProfessionName(professions: Professions | undefined) {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (key: string) => {
    const p = professions?.find((x) => x.key === key);
    return p ? (english ? p.nameEn : p.name) : key;
  };
}

type MunicipalitySelectProps = {
  label: string;
  value: string | undefined;
  onChange: (municipalityId: string | undefined) => void;
  /** The text of the empty choice ("Alla kommuner"); none: a municipality must be chosen. */
  emptyLabel?: string;
};

/** The regional admin's municipality (the others work on their own, and never see this). */
export function MunicipalitySelect({ label, value, onChange, emptyLabel }: MunicipalitySelectProps) {
  const organisations = useQuery(activeOrganisationsQuery);
  const options = (organisations.data ?? [])
    .filter((o) => o.kind === 'municipality')
    .sort((a, b) => compareSwedish(a.name, b.name))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <NativeSelect
      label={label}
      maw={320}
      data={[{ value: '', label: emptyLabel ?? '—' }, ...options]}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || undefined)}
    />
  );
}
