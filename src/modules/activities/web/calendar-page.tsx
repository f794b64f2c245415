// /activities: the calendar of occasions — coming ones, or a month — filtered by kind, network, profession and
// municipality, with seats, waiting list and status in words; organisers start a new activity here.
import { Anchor, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { PagePagination } from '../../../platform/web/components/page-pagination.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { ACTIVITY_KINDS } from '../activities.contracts.ts';
import {
  formatWhen,
  type OccasionSearch,
  occasionsQuery,
  optionsQuery,
  STATUS_TONE,
  useActivitiesT,
} from './activities-api.ts';
import { ActivityFormModal } from './activity-forms.tsx';

/** The current month and the next eleven, as YYYY-MM with a Swedish (or English) name. */
function months(locale: string) {
  const now = new Date();
  return Array.from({ length: 15 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3 + i, 1));
    const value = d.toISOString().slice(0, 7);
    const label = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(d);
    return { value, label };
  });
}

export function CalendarPage({ search }: { search: OccasionSearch }) {
  const at = useActivitiesT();
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const options = useQuery(optionsQuery());
  const query = useQuery(occasionsQuery({ ...search, page: search.page ?? 1 }));
  const set = (patch: Partial<OccasionSearch>) =>
    void navigate({ to: '/activities', search: { ...search, ...patch, page: undefined } });
  const canCreate = hasPermission(me, 'activities:organise');
  const municipalityFeed = me.organisation.kind === 'municipality' ? me.organisation : null;
  return (
    <Page
      title={at('calendar.title')}
      actions={canCreate ? <Button onClick={() => setCreating(true)}>{at('calendar.newActivity')}</Button> : undefined}
    >
      <Text>{at('calendar.intro')}</Text>
      <SimpleGrid cols={{ base: 2, md: 5 }} role="search" aria-label={at('calendar.filters')}>
        <Select
          label={at('calendar.month')}
          data={[{ value: '', label: at('calendar.anyMonth') }, ...months(me.locale)]}
          value={search.month ?? ''}
          onChange={(v) => set({ month: v || undefined })}
        />
        <Select
          label={at('calendar.kind')}
          data={[
            { value: '', label: at('calendar.anyKind') },
            ...ACTIVITY_KINDS.map((k) => ({ value: k, label: at(`kind.${k}`) })),
          ]}
          value={search.kind ?? ''}
          onChange={(v) => set({ kind: (v || undefined) as OccasionSearch['kind'] })}
        />
        <Select
          label={at('calendar.network')}
          data={[
            { value: '', label: at('calendar.anyNetwork') },
            ...(options.data?.networks ?? []).map((n) => ({ value: n.id, label: n.name })),
          ]}
          value={search.networkId ?? ''}
          onChange={(v) => set({ networkId: v || undefined })}
        />
        <Select
          label={at('calendar.profession')}
          searchable
          data={[
            { value: '', label: at('calendar.anyProfession') },
            ...(options.data?.professions ?? []).map((p) => ({ value: p.key, label: p.name })),
          ]}
          value={search.profession ?? ''}
          onChange={(v) => set({ profession: v || undefined })}
        />
        <Select
          label={at('calendar.municipality')}
          searchable
          data={[
            { value: '', label: at('calendar.anyMunicipality') },
            ...(options.data?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name })),
          ]}
          value={search.municipalityId ?? ''}
          onChange={(v) => set({ municipalityId: v || undefined })}
        />
      </SimpleGrid>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        query.data.items.length === 0 ? (
          <Text role="status">{at('calendar.none')}</Text>
        ) : (
          <Stack gap="sm">
            {/* Phones: one card per occasion, the title first; wider screens: the table. */}
            <Stack
              gap="xs"
              hiddenFrom="sm"
              component="ul"
              aria-label={at('calendar.table')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {query.data.items.map((o) => (
                <Paper component="li" key={o.id} withBorder p="sm">
                  <RouterAnchor to="/activities/occasions/$occasionId" params={{ occasionId: o.id }} fw={600}>
                    {o.title}
                  </RouterAnchor>
                  <Text size="sm">{formatWhen(o.startsAt, o.endsAt, me.locale)}</Text>
                  <Text size="sm" c="dimmed">
                    {at(`kind.${o.kind}`)} · {o.organiser} · {o.place ?? (o.onlineUrl ? at('calendar.digital') : '')}
                  </Text>
                  <Group gap="xs" mt={4}>
                    <StatusBadge tone={STATUS_TONE[o.status]}>{at(`status.${o.status}`)}</StatusBadge>
                    <Text size="sm">
                      {at('calendar.seatsText', { registered: o.registered, capacity: o.capacity })}
                      {o.waitlisted > 0 ? ` · ${at('calendar.waiting', { count: o.waitlisted })}` : ''}
                    </Text>
                  </Group>
                </Paper>
              ))}
            </Stack>
            <Box visibleFrom="sm">
              <DataTable label={at('calendar.table')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{at('calendar.when')}</Table.Th>
                    <Table.Th scope="col">{at('calendar.activity')}</Table.Th>
                    <Table.Th scope="col">{at('calendar.place')}</Table.Th>
                    <Table.Th scope="col">{at('calendar.seats')}</Table.Th>
                    <Table.Th scope="col">{at('calendar.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatWhen(o.startsAt, o.endsAt, me.locale)}
                      </Table.Td>
                      <Table.Th scope="row" fw={400}>
                        <RouterAnchor to="/activities/occasions/$occasionId" params={{ occasionId: o.id }} fw={600}>
                          {o.title}
                        </RouterAnchor>
                        <Text size="sm" c="dimmed">
                          {at(`kind.${o.kind}`)} · {o.organiser}
                          {o.network ? ` · ${o.network}` : ''}
                        </Text>
                      </Table.Th>
                      <Table.Td>{o.place ?? (o.onlineUrl ? at('calendar.digital') : '')}</Table.Td>
                      <Table.Td>
                        {at('calendar.seatsText', { registered: o.registered, capacity: o.capacity })}
                        {o.waitlisted > 0 ? (
                          <Text size="sm">{at('calendar.waiting', { count: o.waitlisted })}</Text>
                        ) : null}
                        {o.freeForMe !== null && (o.status === 'open' || o.status === 'full') ? (
                          <Text size="sm">{at('calendar.freeForMe', { count: o.freeForMe })}</Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge tone={STATUS_TONE[o.status]}>{at(`status.${o.status}`)}</StatusBadge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </DataTable>
            </Box>
            <PagePagination
              total={query.data.total}
              page={query.data.page}
              pageSize={query.data.pageSize}
              onChange={(page) => void navigate({ to: '/activities', search: { ...search, page } })}
            />
          </Stack>
        )
      ) : null}
      <Group gap="md">
        <Text fw={600}>{at('calendar.feeds')}:</Text>
        {municipalityFeed ? (
          <Anchor href={`/api/public/activities/municipalities/${municipalityFeed.id}.ics`}>
            {at('calendar.municipalityFeed', { name: municipalityFeed.name })}
          </Anchor>
        ) : null}
        {search.networkId ? (
          <Anchor href={`/api/public/activities/networks/${search.networkId}.ics`}>{at('calendar.networkFeed')}</Anchor>
        ) : null}
        <RouterAnchor to="/activities/mine">{at('mine.feedTitle')}</RouterAnchor>
      </Group>
      {creating ? <ActivityFormModal opened onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}
