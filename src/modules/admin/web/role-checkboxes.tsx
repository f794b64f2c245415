// The roles of a user or an API token as checkboxes with Swedish names, limited to what the organisation may hold.
import { Checkbox, SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../platform/shared/roles.ts';
import { useAdminT } from './admin-t.ts';
import { type OrganisationKind, rolesAllowedFor } from './organisation-options.ts';

type RoleCheckboxesProps = {
  kind: OrganisationKind;
  value: Role[];
  onChange: (value: Role[]) => void;
  error?: ReactNode;
};

export function RoleCheckboxes({ kind, value, onChange, error }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  const at = useAdminT();
  const allowed = rolesAllowedFor(kind);
  return (
    <Checkbox.Group
      label={t('roles.label')}
      description={kind === 'region' ? at('users.rolesHelpRegion') : at('users.rolesHelpMunicipality')}
      value={value}
      onChange={(next) => onChange(allowed.filter((role) => next.includes(role)))}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {allowed.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
