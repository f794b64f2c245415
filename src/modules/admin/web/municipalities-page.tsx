// /admin/municipalities: the region's member municipalities — add, rename, recode, deactivate, reactivate.
import { Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { useMe } from '../../../platform/web/api/me-query.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { SortableTh, useSortedRows } from '../../../platform/web/components/sortable-table.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { notifyError, notifySuccess } from '../../../platform/web/notify.ts';
import type { OrganisationDto } from '../admin.contracts.ts';
import { adminApi, organisationsQuery } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';
import { MunicipalityFormModal } from './municipality-form-modal.tsx';

const COLUMNS = {
  name: (org: OrganisationDto) => org.name,
  code: (org: OrganisationDto) => org.code ?? '',
  users: (org: OrganisationDto) => org.userCount,
  status: (org: OrganisationDto) => (org.active ? 0 : 1),
};

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; org: OrganisationDto }
  | { kind: 'deactivate'; org: OrganisationDto };

export function MunicipalitiesPage() {
  const { t } = useTranslation();
  const at = useAdminT();
  const me = useMe();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const query = useQuery(organisationsQuery(showInactive));
  const municipalities = useMemo(() => (query.data ?? []).filter((org) => org.kind === 'municipality'), [query.data]);
  const { sorted, sort } = useSortedRows(municipalities, COLUMNS, 'name');

  const setActive = useMutation({
    mutationFn: ({ org, active }: { org: OrganisationDto; active: boolean }) =>
      adminApi.updateOrganisation(org.id, { active }),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifySuccess(at(org.active ? 'municipalities.reactivated' : 'municipalities.deactivated', { name: org.name }));
      setDialog(null);
    },
  });

  return (
    <Page
      title={at('municipalities.title')}
      actions={<Button onClick={() => setDialog({ kind: 'create' })}>{at('municipalities.create')}</Button>}
    >
      <Text>{at('municipalities.intro', { region: me.region.name })}</Text>
      <Checkbox
        label={t('common.showInactive')}
        checked={showInactive}
        onChange={(event) => setShowInactive(event.currentTarget.checked)}
      />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <DataTable label={at('municipalities.title')} empty={sorted.length === 0}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh column="name" label={at('municipalities.name')} sort={sort} />
              <SortableTh column="code" label={at('municipalities.code')} sort={sort} />
              <SortableTh column="users" label={at('municipalities.users')} sort={sort} />
              <SortableTh column="status" label={t('common.status')} sort={sort} />
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((org) => (
              <Table.Tr key={org.id}>
                <Table.Td fw={600}>{org.name}</Table.Td>
                <Table.Td>{org.code ?? t('common.none')}</Table.Td>
                <Table.Td>{format.number(org.userCount)}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={org.active ? 'positive' : 'neutral'}>
                    {org.active ? t('common.active') : t('common.inactive')}
                  </StatusBadge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${t('common.edit')} ${org.name}`}
                      onClick={() => setDialog({ kind: 'edit', org })}
                    >
                      {t('common.edit')}
                    </Button>
                    {org.active ? (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${t('common.deactivate')} ${org.name}`}
                        onClick={() => {
                          setActive.reset();
                          setDialog({ kind: 'deactivate', org });
                        }}
                      >
                        {t('common.deactivate')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${t('common.reactivate')} ${org.name}`}
                        loading={setActive.isPending && setActive.variables.org.id === org.id}
                        onClick={() =>
                          setActive.mutate(
                            { org, active: true },
                            { onError: (error) => notifyError(errorMessage(error)) },
                          )
                        }
                      >
                        {t('common.reactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      ) : null}
      {dialog?.kind === 'create' ? <MunicipalityFormModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? (
        <MunicipalityFormModal municipality={dialog.org} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'deactivate' ? (
        <ConfirmDialog
          opened
          title={at('municipalities.deactivateTitle', { name: dialog.org.name })}
          text={at('municipalities.deactivateText')}
          confirmLabel={t('common.deactivate')}
          loading={setActive.isPending}
          error={setActive.isError ? errorMessage(setActive.error) : null}
          onCancel={() => setDialog(null)}
          onConfirm={() => setActive.mutate({ org: dialog.org, active: false })}
        />
      ) : null}
    </Page>
  );
}
