// /training-plan: the networks' training plans per year; the region's admin starts one and registers external
// providers.

import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { TableScroll } from '../../../platform/web/components/table-scroll.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { CycleDetail } from '../training-plan.contracts.ts';
import { cyclesQuery, optionsQuery, providersQuery, tpApi, useTpT } from './training-plan-api.ts';

export function CyclesPage() {
  const tt = useTpT();
  const me = useMe();
  const f = useFormat();
  const list = useQuery(cyclesQuery());
  const providers = useQuery(providersQuery());
  const manage = hasPermission(me, 'training_plan:manage');
  const [creating, setCreating] = useState(false);
  const [addingProvider, setAddingProvider] = useState(false);
  return (
    <Page
      title={tt('cycles.title')}
      actions={
        <Group gap="xs">
          <RouterAnchor to="/training-plan/follow-up">{tt('cycles.followUp')}</RouterAnchor>
          {manage ? <Button onClick={() => setCreating(true)}>{tt('cycles.create')}</Button> : null}
        </Group>
      }
    >
      <Text>{tt('cycles.intro')}</Text>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.cycles.length === 0 ? <Text role="status">{tt('common.none')}</Text> : null}
      {list.data && list.data.cycles.length > 0 ? (
        <TableScroll minWidth={720} label={tt('nav.cycles')}>
          <Table>
            <Table.Caption>{tt('nav.cycles')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tt('nav.cycles')}</Table.Th>
                <Table.Th>{tt('cycles.phase')}</Table.Th>
                <Table.Th>{tt('cycles.needsDeadline')}</Table.Th>
                <Table.Th>{tt('cycles.meetingDate')}</Table.Th>
                <Table.Th ta="right">{tt('cycles.needs')}</Table.Th>
                <Table.Th ta="right">{tt('cycles.rankings')}</Table.Th>
                <Table.Th ta="right">{tt('cycles.orders')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.cycles.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <RouterAnchor to="/training-plan/cycles/$cycleId" params={{ cycleId: c.id }}>
                      {c.title}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{tt(`phase.${c.phase}`)}</Table.Td>
                  <Table.Td>{f.date(c.needsDeadline)}</Table.Td>
                  <Table.Td>{f.date(c.meetingDate)}</Table.Td>
                  <Table.Td ta="right">{c.needs}</Table.Td>
                  <Table.Td ta="right">{c.rankings}</Table.Td>
                  <Table.Td ta="right">{c.orders}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2}>{tt('cycles.providers')}</Title>
          {manage ? (
            <Button variant="light" onClick={() => setAddingProvider(true)}>
              {tt('cycles.addProvider')}
            </Button>
          ) : null}
        </Group>
        {providers.data && providers.data.length === 0 ? <Text>{tt('common.none')}</Text> : null}
        {providers.data && providers.data.length > 0 ? (
          <ul>
            {providers.data.map((p) => (
              <li key={p.id}>
                {p.name} – {p.contactName} ({p.contactEmail})
              </li>
            ))}
          </ul>
        ) : null}
      </Stack>
      <AppModal opened={creating} onClose={() => setCreating(false)} title={tt('cycles.create')}>
        {creating ? <CreateCycleForm onDone={() => setCreating(false)} /> : null}
      </AppModal>
      <AppModal opened={addingProvider} onClose={() => setAddingProvider(false)} title={tt('cycles.addProvider')}>
        {addingProvider ? <ProviderForm onDone={() => setAddingProvider(false)} /> : null}
      </AppModal>
    </Page>
  );
}

function CreateCycleForm({ onDone }: { onDone: () => void }) {
  const tt = useTpT();
  const options = useQuery(optionsQuery());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (options.isPending) return <Loading />;
  if (options.isError) return <ErrorAlert error={options.error} />;
  const none = { value: '', label: tt('common.choose') };
  return (
    <FieldForm
      columns={2}
      submitLabel={tt('cycles.create')}
      fields={[
        {
          name: 'networkId',
          label: tt('cycles.network'),
          kind: 'select',
          required: true,
          options: [none, ...options.data.networks.map((n) => ({ value: n.id, label: n.name }))],
        },
        {
          name: 'year',
          label: tt('cycles.year'),
          kind: 'number',
          required: true,
          initial: new Date().getFullYear() + 1,
        },
        { name: 'needsDeadline', label: tt('cycles.needsDeadline'), kind: 'date', required: true },
        { name: 'meetingDate', label: tt('cycles.meetingDate'), kind: 'date', required: true },
        { name: 'forumDate', label: tt('cycles.forumDate'), kind: 'date', required: true },
        {
          name: 'coordinatorUserId',
          label: tt('cycles.coordinator'),
          kind: 'select',
          emptyAsNull: true,
          options: [none, ...options.data.users.map((u) => ({ value: u.id, label: u.name }))],
        },
      ]}
      onSubmit={async (body) => {
        const made = await tpApi.post<CycleDetail>('/cycles', body);
        await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
        notifySuccess(tt('cycles.created'));
        onDone();
        await navigate({ to: '/training-plan/cycles/$cycleId', params: { cycleId: made.cycle.id } });
      }}
    />
  );
}

function ProviderForm({ onDone }: { onDone: () => void }) {
  const tt = useTpT();
  const queryClient = useQueryClient();
  return (
    <FieldForm
      submitLabel={tt('common.save')}
      fields={[
        { name: 'name', label: tt('cycles.providerName'), required: true },
        { name: 'contactName', label: tt('cycles.contactName'), required: true },
        { name: 'contactEmail', label: tt('cycles.contactEmail'), required: true },
      ]}
      onSubmit={async (body) => {
        await tpApi.post('/providers', body);
        await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
        notifySuccess(tt('cycles.providerAdded'));
        onDone();
      }}
    />
  );
}
