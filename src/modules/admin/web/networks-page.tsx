// /networks: the collaboration's networks and groups. Everyone reads; regional admins create, edit and deactivate.
import { Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { SortableTh, useSortedRows } from '../../../platform/web/components/sortable-table.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { notifyError, notifySuccess } from '../../../platform/web/notify.ts';
import type { NetworkDto } from '../admin.contracts.ts';
import { adminApi, networksQuery } from './admin-api.ts';
import { adminT, useAdminT } from './admin-t.ts';
import { NetworkFormModal } from './network-form-modal.tsx';

const COLUMNS = {
  name: (network: NetworkDto) => network.name,
  kind: (network: NetworkDto) => adminT(`networkKinds.${network.kind}`),
  members: (network: NetworkDto) => network.memberCount,
  status: (network: NetworkDto) => (network.active ? 0 : 1),
};

type Dialog = { kind: 'create' } | { kind: 'edit'; network: NetworkDto } | { kind: 'deactivate'; network: NetworkDto };

export function NetworksPage() {
  const { t } = useTranslation();
  const at = useAdminT();
  const me = useMe();
  const format = useFormat();
  const queryClient = useQueryClient();
  const canManage = hasPermission(me, 'network:manage');
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const query = useQuery(networksQuery(canManage && showInactive));
  const { sorted, sort } = useSortedRows(query.data ?? [], COLUMNS, 'name');

  const setActive = useMutation({
    mutationFn: ({ network, active }: { network: NetworkDto; active: boolean }) =>
      adminApi.updateNetwork(network.id, { active }),
    onSuccess: async (network) => {
      await queryClient.invalidateQueries({ queryKey: ['networks'] });
      notifySuccess(at(network.active ? 'networks.reactivated' : 'networks.deactivated', { name: network.name }));
      setDialog(null);
    },
  });

  return (
    <Page
      title={at('networks.title')}
      actions={
        canManage ? <Button onClick={() => setDialog({ kind: 'create' })}>{at('networks.create')}</Button> : null
      }
    >
      <Text>{at('networks.intro')}</Text>
      {canManage ? (
        <Checkbox
          label={t('common.showInactive')}
          checked={showInactive}
          onChange={(event) => setShowInactive(event.currentTarget.checked)}
        />
      ) : null}
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <DataTable label={at('networks.title')} empty={sorted.length === 0}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh column="name" label={at('networks.name')} sort={sort} />
              <SortableTh column="kind" label={at('networks.kind')} sort={sort} />
              <SortableTh column="members" label={at('networks.members')} sort={sort} />
              <SortableTh column="status" label={t('common.status')} sort={sort} />
              {canManage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((network) => (
              <Table.Tr key={network.id}>
                <Table.Td>
                  <RouterAnchor to="/networks/$networkId" params={{ networkId: network.id }} fw={600}>
                    {network.name}
                  </RouterAnchor>
                </Table.Td>
                <Table.Td>{at(`networkKinds.${network.kind}`)}</Table.Td>
                <Table.Td>{format.number(network.memberCount)}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={network.active ? 'positive' : 'neutral'}>
                    {network.active ? t('common.active') : t('common.inactive')}
                  </StatusBadge>
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${t('common.edit')} ${network.name}`}
                        onClick={() => setDialog({ kind: 'edit', network })}
                      >
                        {t('common.edit')}
                      </Button>
                      {network.active ? (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${t('common.deactivate')} ${network.name}`}
                          onClick={() => {
                            setActive.reset();
                            setDialog({ kind: 'deactivate', network });
                          }}
                        >
                          {t('common.deactivate')}
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${t('common.reactivate')} ${network.name}`}
                          loading={setActive.isPending && setActive.variables.network.id === network.id}
                          onClick={() =>
                            setActive.mutate(
                              { network, active: true },
                              { onError: (error) => notifyError(errorMessage(error)) },
                            )
                          }
                        >
                          {t('common.reactivate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      ) : null}
      {dialog?.kind === 'create' ? <NetworkFormModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <NetworkFormModal network={dialog.network} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'deactivate' ? (
        <ConfirmDialog
          opened
          title={at('networks.deactivateTitle', { name: dialog.network.name })}
          text={at('networks.deactivateText')}
          confirmLabel={t('common.deactivate')}
          loading={setActive.isPending}
          error={setActive.isError ? errorMessage(setActive.error) : null}
          onCancel={() => setDialog(null)}
          onConfirm={() => setActive.mutate({ network: dialog.network, active: false })}
        />
      ) : null}
    </Page>
  );
}
