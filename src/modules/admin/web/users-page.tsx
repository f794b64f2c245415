// /admin/users: users and their roles — filter, page through, invite, edit, deactivate, send links again.
import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../platform/shared/roles.ts';
import { hasPermission, managesAllOrganisations, useMe } from '../../../platform/web/api/me-query.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { PagePagination } from '../../../platform/web/components/page-pagination.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import type { UserDto } from '../admin.contracts.ts';
import { usersQuery } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';
import { PAGE_SIZE } from './admin-validation.ts';
import { useOrganisationOptions } from './organisation-options.ts';
import { UserFormModal } from './user-form-modal.tsx';
import { UserRowActions } from './user-row-actions.tsx';

export type UsersSearch = { q?: string; organisationId?: string; role?: Role; inactive?: boolean; page?: number };

type Dialog = { kind: 'invite' } | { kind: 'edit'; user: UserDto };

export function UsersPage({ search }: { search: UsersSearch }) {
  const { t } = useTranslation();
  const at = useAdminT();
  const me = useMe();
  const navigate = useNavigate({ from: '/admin/users' });
  const canManage = hasPermission(me, 'user:manage');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const page = search.page ?? 1;
  const query = useQuery({
    ...usersQuery({
      q: search.q,
      organisationId: search.organisationId,
      role: search.role,
      includeInactive: search.inactive,
      page,
    }),
    placeholderData: keepPreviousData,
  });

  const setSearch = (changes: Partial<UsersSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes, page: changes.page }), replace: true });

  return (
    <Page
      title={at('users.title')}
      actions={canManage ? <Button onClick={() => setDialog({ kind: 'invite' })}>{at('users.invite')}</Button> : null}
    >
      <UserFilters search={search} onChange={setSearch} />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <Text fw={600} role="status">
            {at('users.count', { count: query.data.total })}
          </Text>
          <DataTable label={at('users.title')} empty={query.data.items.length === 0}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{at('users.name')}</Table.Th>
                <Table.Th>{at('users.email')}</Table.Th>
                <Table.Th>{at('users.organisation')}</Table.Th>
                <Table.Th>{at('users.roles')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                {canManage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td fw={600}>{user.name}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{user.organisationName}</Table.Td>
                  <Table.Td>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</Table.Td>
                  <Table.Td>
                    <UserStatus user={user} />
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <UserRowActions
                        user={user}
                        isSelf={user.id === me.id}
                        onEdit={() => setDialog({ kind: 'edit', user })}
                      />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
          <PagePagination
            total={query.data.total}
            page={page}
            pageSize={PAGE_SIZE}
            onChange={(next) => void setSearch({ page: next })}
          />
        </>
      ) : null}
      {dialog?.kind === 'invite' ? <UserFormModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <UserFormModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
    </Page>
  );
}

function UserStatus({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const at = useAdminT();
  if (!user.active) return <StatusBadge tone="neutral">{t('common.inactive')}</StatusBadge>;
  if (!user.hasPassword) return <StatusBadge tone="attention">{at('users.invitedNoPassword')}</StatusBadge>;
  return <StatusBadge tone="positive">{t('common.active')}</StatusBadge>;
}

/** The filter choice "all" (Mantine's Select needs a value for it). */
const ALL = 'all';

type UserFiltersProps = { search: UsersSearch; onChange: (changes: Partial<UsersSearch>) => void };

function UserFilters({ search, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const at = useAdminT();
  const me = useMe();
  const organisations = useOrganisationOptions(me);
  const [text, setText] = useState(search.q ?? '');
  const searchFor = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }), 300);

  return (
    <Paper withBorder p="md" component="section" aria-label={at('users.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" style={{ alignItems: 'end' }}>
        <TextInput
          label={at('users.search')}
          description={at('users.searchHelp')}
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            searchFor(event.currentTarget.value);
          }}
        />
        {managesAllOrganisations(me) ? (
          <Select
            label={at('users.filterOrganisation')}
            searchable
            allowDeselect={false}
            nothingFoundMessage={at('users.noOrganisationFound')}
            data={[
              { value: ALL, label: t('common.all') },
              ...organisations.options.map(({ value, label }) => ({ value, label })),
            ]}
            value={search.organisationId ?? ALL}
            onChange={(value) => onChange({ organisationId: value && value !== ALL ? value : undefined })}
          />
        ) : null}
        <Select
          label={at('users.filterRole')}
          allowDeselect={false}
          data={[
            { value: ALL, label: t('common.all') },
            ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
          ]}
          value={search.role ?? ALL}
          onChange={(value) => onChange({ role: ROLES.find((role) => role === value) })}
        />
        <Group align="flex-end" pb={8}>
          <Checkbox
            label={t('common.showInactive')}
            checked={search.inactive ?? false}
            onChange={(event) => onChange({ inactive: event.currentTarget.checked || undefined })}
          />
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
