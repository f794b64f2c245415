// The organisation of a new user or API token: a searchable list (the region's office and its municipalities).
import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useAdminT } from './admin-t.ts';
import type { OrganisationOption } from './organisation-options.ts';

type OrganisationSelectProps = {
  options: OrganisationOption[];
  value: string;
  onChange: (organisationId: string) => void;
  error?: ReactNode;
  disabled?: boolean;
};

export function OrganisationSelect({ options, value, onChange, error, disabled }: OrganisationSelectProps) {
  const at = useAdminT();
  return (
    <Select
      label={at('users.organisation')}
      placeholder={at('users.chooseOrganisation')}
      required
      searchable
      allowDeselect={false}
      disabled={disabled}
      nothingFoundMessage={at('users.noOrganisationFound')}
      data={options.map(({ value: id, label }) => ({ value: id, label }))}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      error={error}
    />
  );
}
