// /training-plan/follow-up: the annual follow-up for the steering group — per network's plan and per municipality,
// needed → decided → ordered → delivered → attended → evaluated → cost, a bar chart (hidden from screen readers: the
// table beside it has the same figures) and the report as XLSX and accessible PDF.
import { TableScroll } from '../../../platform/web/components/table-scroll.tsx';
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Box, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { cyclesQuery, followUpFileUrl, followUpQuery, optionsQuery, useTpT } from './training-plan-api.ts';

/** Colours with at least 3:1 against white (WCAG 1.4.11); the legend names each series. */
const COLOURS = { needs: 'blue.8', decided: 'teal.9', ordered: 'orange.9', delivered: 'violet.8' } as const;

export function FollowUpRoute() {
  return <FollowUpPage />;
}

export function FollowUpPage() {
  const tt = useTpT();
  const f = useFormat();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [networkId, setNetworkId] = useState('');
  const options = useQuery(optionsQuery());
  const search = { year, networkId: networkId || undefined };
  const q = useQuery(followUpQuery(search));
  const show = (v: number | string | null) => (typeof v === 'number' ? f.number(v) : (v ?? '–'));
  // The years that have a plan, and this year.
  const cycles = useQuery(cyclesQuery());
  const years = [...new Set([thisYear, ...(cycles.data?.cycles ?? []).map((c) => c.year)])]
    .sort((a, b) => b - a)
    .map(String);
  return (
    <Page title={tt('followUp.title')}>
      <Text>{tt('followUp.intro')}</Text>
      <Group align="flex-end">
        <NativeSelect
          label={tt('followUp.year')}
          value={String(year)}
          data={years}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
        />
        <NativeSelect
          label={tt('followUp.network')}
          value={networkId}
          onChange={(e) => setNetworkId(e.currentTarget.value)}
          data={[
            { value: '', label: tt('followUp.all') },
            ...(options.data?.networks ?? []).map((n) => ({ value: n.id, label: n.name })),
          ]}
        />
        <Anchor href={followUpFileUrl(search, 'xlsx')}>{tt('followUp.xlsx')}</Anchor>
        <Anchor href={followUpFileUrl(search, 'pdf')}>{tt('followUp.pdf')}</Anchor>
      </Group>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? (
        <Stack gap="lg">
          {q.data.cycles.length === 0 ? <Text role="status">{tt('common.none')}</Text> : null}
          {q.data.cycles.length > 0 ? (
            <Box component="figure" m={0}>
              <Text component="figcaption" fw={700} mb="xs">
                {tt('followUp.chart')}{' '}
                <Text span size="sm" fw={400}>
                  ({tt('followUp.chartAlt')})
                </Text>
              </Text>
              <Box aria-hidden="true">
                <BarChart
                  h={80 + q.data.cycles.length * 90}
                  data={q.data.cycles.map((c) => ({
                    label: c.network,
                    needs: c.needs,
                    decided: c.decided,
                    ordered: c.ordered,
                    delivered: c.delivered,
                  }))}
                  dataKey="label"
                  orientation="vertical"
                  yAxisProps={{ width: 200 }}
                  withLegend
                  accessibilityLayer={false}
                  textColor="gray.8"
                  series={(['needs', 'decided', 'ordered', 'delivered'] as const).map((k) => ({
                    name: k,
                    label: tt(`followUp.${k}`),
                    color: COLOURS[k],
                  }))}
                />
              </Box>
            </Box>
          ) : null}
          <Title order={2}>{tt('followUp.plans')}</Title>
          <TableScroll minWidth={900} label={tt('followUp.plans')}>
            <Table>
              <Table.Caption>{tt('followUp.plans')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tt('followUp.network')}</Table.Th>
                  {(
                    [
                      'needs',
                      'decided',
                      'ordered',
                      'delivered',
                      'occasions',
                      'attended',
                      'answers',
                      'rating',
                      'cost',
                    ] as const
                  ).map((k) => (
                    <Table.Th key={k} ta="right">
                      {tt(`followUp.${k}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.cycles.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.title}</Table.Td>
                    <Table.Td ta="right">{c.needs}</Table.Td>
                    <Table.Td ta="right">{c.decided}</Table.Td>
                    <Table.Td ta="right">{c.ordered}</Table.Td>
                    <Table.Td ta="right">{c.delivered}</Table.Td>
                    <Table.Td ta="right">{c.occasions}</Table.Td>
                    <Table.Td ta="right">{show(c.attended)}</Table.Td>
                    <Table.Td ta="right">{c.answered}</Table.Td>
                    <Table.Td ta="right">{c.meanRating ?? '–'}</Table.Td>
                    <Table.Td ta="right">{f.number(c.cost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Title order={2}>{tt('followUp.municipalities')}</Title>
          <TableScroll minWidth={640} label={tt('followUp.municipalities')}>
            <Table>
              <Table.Caption>{tt('followUp.municipalities')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tt('common.municipality')}</Table.Th>
                  <Table.Th ta="right">{tt('followUp.needed')}</Table.Th>
                  <Table.Th ta="right">{tt('followUp.orderedParticipants')}</Table.Th>
                  <Table.Th ta="right">{tt('followUp.seats')}</Table.Th>
                  <Table.Th ta="right">{tt('followUp.attended')}</Table.Th>
                  <Table.Th ta="right">{tt('followUp.cost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.municipalities.map((m) => (
                  <Table.Tr key={m.organisation.id}>
                    <Table.Td>{m.organisation.name}</Table.Td>
                    <Table.Td ta="right">{m.needed}</Table.Td>
                    <Table.Td ta="right">{m.ordered}</Table.Td>
                    <Table.Td ta="right">{m.seats}</Table.Td>
                    <Table.Td ta="right">{show(m.attended)}</Table.Td>
                    <Table.Td ta="right">{show(m.cost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Text size="sm">{tt('common.suppressed', { k: q.data.minCount })}</Text>
        </Stack>
      ) : null}
    </Page>
  );
}
