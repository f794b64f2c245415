// /admin/municipalities: the region's member municipalities — add, rename, recode, deactivate, reactivate; and
// /admin/providers: the external education providers the networks order from — the same, without a code.
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
import { OrganisationFormModal } from './organisation-form-modal.tsx';

const COLUMNS = {
  name: (org: OrganisationDto) => org.name,
  code: (org: OrganisationDto) => org.code ?? '',
  users: (org: OrganisationDto) => org.userCount,
  status: (org: OrganisationDto) => (org.active ? 0 : 1),
};

type Kind = 'municipality' | 'provider';
/** Each kind's texts: admin.sv.ts's "municipalities" and "providers" have the same keys (the providers' no code). */
const TEXTS = { municipality: 'municipalities', provider: 'providers' } as const;

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; org: OrganisationDto }
  | { kind: 'deactivate'; org: OrganisationDto };

export function MunicipalitiesPage() {
  return <OrganisationsPage kind="municipality" />;
}

export function ProvidersPage() {
  return <OrganisationsPage kind="provider" />;
}

function OrganisationsPage({ kind }: { kind: Kind }) {
  const texts = TEXTS[kind];
  const { t } = useTranslation();
  const at = useAdminT();
  const me = useMe();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const query = useQuery(organisationsQuery(showInactive));
  const organisations = useMemo(() => (query.data ?? []).filter((org) => org.kind === kind), [query.data, kind]);
  const { sorted, sort } = useSortedRows(organisations, COLUMNS, 'name');

  const setActive = useMutation({
    mutationFn: ({ org, active }: { org: OrganisationDto; active: boolean }) =>
      adminApi.updateOrganisation(org.id, { active }),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifySuccess(at(org.active ? `${texts}.reactivated` : `${texts}.deactivated`, { name: org.name }));
      setDialog(null);
    },
  });

  return (
    <Page
      title={at(`${texts}.title`)}
      actions={<Button onClick={() => setDialog({ kind: 'create' })}>{at(`${texts}.create`)}</Button>}
    >
      <Text>{at(`${texts}.intro`, { region: me.region.name })}</Text>
      <Checkbox
        label={t('common.showInactive')}
        checked={showInactive}
        onChange={(event) => setShowInactive(event.currentTarget.checked)}
      />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <DataTable label={at(`${texts}.title`)} empty={sorted.length === 0}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh column="name" label={at(`${texts}.name`)} sort={sort} />
              {kind === 'municipality' ? (
                <SortableTh column="code" label={at('municipalities.code')} sort={sort} />
              ) : null}
              <SortableTh column="users" label={at(`${texts}.users`)} sort={sort} />
              <SortableTh column="status" label={t('common.status')} sort={sort} />
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((org) => (
              <Table.Tr key={org.id}>
                <Table.Td fw={600}>{org.name}</Table.Td>
                {kind === 'municipality' ? <Table.Td>{org.code ?? t('common.none')}</Table.Td> : null}
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
      {dialog?.kind === 'create' ? <OrganisationFormModal kind={kind} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? (
        <OrganisationFormModal kind={kind} organisation={dialog.org} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'deactivate' ? (
        <ConfirmDialog
          opened
          title={at(`${texts}.deactivateTitle`, { name: dialog.org.name })}
          text={at(`${texts}.deactivateText`)}
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
