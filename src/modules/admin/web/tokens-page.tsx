// /admin/tokens: API tokens for integrations — list, create (the token is shown once) and revoke.
import { Button, Code, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { SortableTh, useSortedRows } from '../../../platform/web/components/sortable-table.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { ApiTokenDto } from '../admin.contracts.ts';
import { adminApi, tokensQuery } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';
import { TokenCreateModal } from './token-create-modal.tsx';

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: ApiTokenDto): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

const COLUMNS = {
  name: (token: ApiTokenDto) => token.name,
  organisation: (token: ApiTokenDto) => token.organisationName,
  created: (token: ApiTokenDto) => token.createdAt,
  status: (token: ApiTokenDto) => ['active', 'expired', 'revoked'].indexOf(statusOf(token)),
};

export function TokensPage() {
  const { t } = useTranslation();
  const at = useAdminT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const query = useQuery(tokensQuery());
  const { sorted, sort } = useSortedRows(query.data ?? [], COLUMNS, 'created', 'desc');

  const revoke = useMutation({
    mutationFn: (token: ApiTokenDto) => adminApi.revokeToken(token.id),
    onSuccess: async (token) => {
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
      notifySuccess(at('tokens.revoked', { name: token.name }));
      setRevoking(null);
    },
  });

  const statusText: Record<TokenStatus, string> = {
    active: at('tokens.statusActive'),
    revoked: at('tokens.statusRevoked'),
    expired: at('tokens.statusExpired'),
  };

  return (
    <Page title={at('tokens.title')} actions={<Button onClick={() => setCreating(true)}>{at('tokens.create')}</Button>}>
      <Text>{at('tokens.intro')}</Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <DataTable label={at('tokens.title')} empty={sorted.length === 0}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh column="name" label={at('tokens.name')} sort={sort} />
              <SortableTh column="organisation" label={at('tokens.organisation')} sort={sort} />
              <Table.Th>{at('tokens.roles')}</Table.Th>
              <Table.Th>{at('tokens.prefix')}</Table.Th>
              <SortableTh column="created" label={at('tokens.created')} sort={sort} />
              <Table.Th>{at('tokens.expires')}</Table.Th>
              <Table.Th>{at('tokens.lastUsed')}</Table.Th>
              <SortableTh column="status" label={t('common.status')} sort={sort} />
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((token) => {
              const status = statusOf(token);
              return (
                <Table.Tr key={token.id}>
                  <Table.Td fw={600}>{token.name}</Table.Td>
                  <Table.Td>{token.organisationName}</Table.Td>
                  <Table.Td>{token.roles.map((role) => t(`roles.${role}`)).join(', ')}</Table.Td>
                  <Table.Td>
                    <Code>{token.tokenPrefix}…</Code>
                  </Table.Td>
                  <Table.Td>{format.date(token.createdAt)}</Table.Td>
                  <Table.Td>{token.expiresAt ? format.date(token.expiresAt) : at('tokens.noExpiry')}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : at('tokens.never')}</Table.Td>
                  <Table.Td>
                    <StatusBadge tone={status === 'active' ? 'positive' : 'neutral'}>{statusText[status]}</StatusBadge>
                  </Table.Td>
                  <Table.Td>
                    {status === 'active' ? (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={at('tokens.revokeFor', { name: token.name })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(token);
                        }}
                      >
                        {at('tokens.revoke')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </DataTable>
      ) : null}
      {creating ? <TokenCreateModal onClose={() => setCreating(false)} /> : null}
      {revoking ? (
        <ConfirmDialog
          opened
          title={at('tokens.revokeTitle', { name: revoking.name })}
          text={at('tokens.revokeText')}
          confirmLabel={at('tokens.revoke')}
          loading={revoke.isPending}
          error={revoke.isError ? errorMessage(revoke.error) : null}
          onCancel={() => setRevoking(null)}
          onConfirm={() => revoke.mutate(revoking)}
        />
      ) : null}
    </Page>
  );
}
