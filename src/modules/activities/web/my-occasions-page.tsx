// /activities/mine — the occasions the signed-in person is registered for (or waiting for), those they organise,
// and their personal calendar address (made or renewed here, shown once).
import { Alert, Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { useMe } from '../../../platform/web/api/me-query.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import type { OccasionSummary, RegistrationState } from '../activities.contracts.ts';
import {
  activitiesApi,
  feedQuery,
  formatDateTime,
  formatWhen,
  mineQuery,
  STATUS_TONE,
  useActivitiesT,
} from './activities-api.ts';

function OccasionTable({ label, rows }: { label: string; rows: (OccasionSummary & { state?: RegistrationState })[] }) {
  const at = useActivitiesT();
  const me = useMe();
  if (rows.length === 0) return <Text>{at('mine.none')}</Text>;
  return (
    <DataTable label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{at('calendar.when')}</Table.Th>
          <Table.Th scope="col">{at('calendar.activity')}</Table.Th>
          <Table.Th scope="col">{at('calendar.place')}</Table.Th>
          <Table.Th scope="col">{at('calendar.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWhen(o.startsAt, o.endsAt, me.locale)}</Table.Td>
            <Table.Th scope="row" fw={400}>
              <RouterAnchor to="/activities/occasions/$occasionId" params={{ occasionId: o.id }}>
                {o.title}
              </RouterAnchor>
            </Table.Th>
            <Table.Td>{o.place ?? at('calendar.digital')}</Table.Td>
            <Table.Td>
              <StatusBadge tone={o.state === 'waitlisted' ? 'attention' : STATUS_TONE[o.status]}>
                {o.state && o.state !== 'registered' ? at(`state.${o.state}`) : at(`status.${o.status}`)}
              </StatusBadge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

export function MyOccasionsPage() {
  const at = useActivitiesT();
  const query = useQuery(mineQuery());
  return (
    <Page title={at('mine.title')}>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <Title order={2}>{at('mine.registered')}</Title>
          {query.data.hasPersonRecord ? (
            <OccasionTable
              label={at('mine.registered')}
              rows={query.data.registered.filter((r) => r.state !== 'cancelled')}
            />
          ) : (
            <Alert color="gray">{at('mine.noRecord')}</Alert>
          )}
          {query.data.organised.length > 0 ? (
            <>
              <Title order={2}>{at('mine.organised')}</Title>
              <OccasionTable label={at('mine.organised')} rows={query.data.organised} />
            </>
          ) : null}
        </>
      ) : null}
      <Feed />
    </Page>
  );
}

function Feed() {
  const at = useActivitiesT();
  const queryClient = useQueryClient();
  const status = useQuery(feedQuery());
  const [url, setUrl] = useState<string | null>(null);
  const renew = useMutation({
    mutationFn: () => activitiesApi.renewFeed(),
    onSuccess: async (res) => {
      setUrl(res.url);
      await queryClient.invalidateQueries({ queryKey: feedQuery().queryKey });
    },
  });
  return (
    <Stack gap="xs">
      <Title order={2}>{at('mine.feedTitle')}</Title>
      <Text>{at('mine.feedIntro')}</Text>
      {url ? (
        <Stack gap={4} role="status">
          <Text fw={600}>{at('mine.feedUrl')}</Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {url}
          </Code>
        </Stack>
      ) : status.data?.exists && status.data.createdAt ? (
        <Text>{at('mine.feedExists', { date: formatDateTime(status.data.createdAt) })}</Text>
      ) : (
        <Text>{at('mine.feedNone')}</Text>
      )}
      <div>
        <Button
          variant={status.data?.exists ? 'default' : 'filled'}
          onClick={() => renew.mutate()}
          loading={renew.isPending}
        >
          {status.data?.exists ? at('mine.feedRenew') : at('mine.feedCreate')}
        </Button>
      </div>
      <FormError message={renew.isError ? errorMessage(renew.error) : null} />
    </Stack>
  );
}
