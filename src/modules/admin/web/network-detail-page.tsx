// /networks/:id: a network's description and members; regional admins add and remove members.
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { adminApi, type NetworkDetail, networkQuery } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';
import { NetworkFormModal } from './network-form-modal.tsx';
import { NetworkMemberAdd } from './network-member-add.tsx';

type Member = NetworkDetail['members'][number];

export function NetworkDetailPage({ networkId }: { networkId: string }) {
  const at = useAdminT();
  const query = useQuery(networkQuery(networkId));

  if (!query.isSuccess) {
    return (
      <Page title={at('networks.title')}>
        <RouterAnchor to="/networks">{at('networks.back')}</RouterAnchor>
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : <Loading />}
      </Page>
    );
  }
  return <NetworkView network={query.data} />;
}

function NetworkView({ network }: { network: NetworkDetail }) {
  const { t } = useTranslation();
  const at = useAdminT();
  const me = useMe();
  const queryClient = useQueryClient();
  const canManage = hasPermission(me, 'network:manage');
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const memberIds = useMemo(() => new Set(network.members.map((m) => m.userId)), [network.members]);

  const remove = useMutation({
    mutationFn: (member: Member) => adminApi.removeMember(network.id, member.userId),
    onSuccess: async (_result, member) => {
      await queryClient.invalidateQueries({ queryKey: ['networks'] });
      notifySuccess(at('networks.memberRemoved', { name: member.name }));
      setRemoving(null);
    },
  });

  return (
    <Page
      title={network.name}
      actions={
        canManage ? (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <RouterAnchor to="/networks">{at('networks.back')}</RouterAnchor>
      <Group gap="sm">
        <Text fw={600}>{at(`networkKinds.${network.kind}`)}</Text>
        <StatusBadge tone={network.active ? 'positive' : 'neutral'}>
          {network.active ? t('common.active') : t('common.inactive')}
        </StatusBadge>
      </Group>
      <Text style={{ whiteSpace: 'pre-line' }}>{network.description || at('networks.noDescription')}</Text>

      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={2} size="h3">
            {at('networks.membersTitle')}
          </Title>
          <Text>{at('networks.memberCount', { count: network.memberCount })}</Text>
          {network.members.length < network.memberCount ? <Text c="dimmed">{at('networks.hiddenMembers')}</Text> : null}
          {canManage ? <NetworkMemberAdd networkId={network.id} memberIds={memberIds} /> : null}
          {network.members.length === 0 ? (
            <Text>{at('networks.noMembers')}</Text>
          ) : (
            <DataTable label={at('networks.membersTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.name')}</Table.Th>
                  <Table.Th>{at('networks.organisation')}</Table.Th>
                  {canManage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {network.members.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Td>{member.name}</Table.Td>
                    <Table.Td>{member.organisationName}</Table.Td>
                    {canManage ? (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={at('networks.removeMember', { name: member.name })}
                          onClick={() => {
                            remove.reset();
                            setRemoving(member);
                          }}
                        >
                          {at('networks.remove')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          )}
        </Stack>
      </Paper>

      {editing ? <NetworkFormModal network={network} onClose={() => setEditing(false)} /> : null}
      {removing ? (
        <ConfirmDialog
          opened
          title={at('networks.removeTitle', { name: removing.name })}
          text={at('networks.removeText')}
          confirmLabel={at('networks.remove')}
          loading={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onCancel={() => setRemoving(null)}
          onConfirm={() => remove.mutate(removing)}
        />
      ) : null}
    </Page>
  );
}
