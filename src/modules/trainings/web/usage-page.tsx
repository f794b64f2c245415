// /trainings/usage "Användning": how the public catalogue is used, for the region and the MAS network (decision 029)
// — a period, its totals, the most and least viewed trainings, views per profession tab, the searches that found
// nothing (gaps to fill) and an Excel download. Counters only; nothing on the page says who looked or searched.
import {
  Alert,
  Box,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { SWEDISH_TIME_ZONE } from '../../../platform/shared/stockholm-time.ts';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import {
  USAGE_PERIODS,
  type UsageDto,
  type UsageItemDto,
  type UsagePeriod,
  usagePeriodDays,
} from '../catalogue-usage.contracts.ts';
import { usageExportUrl, usageQuery } from './trainings-api.ts';
import { formatDay, useTrainingsLang } from './trainings-labels.ts';
import { useTrainingsT } from './trainings-t.ts';

export type UsageSearch = { period?: UsagePeriod; from?: string; to?: string };

/** Today in Sweden, as the counters' days are. */
const swedishToday = () =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: SWEDISH_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** The period's days: a chosen period ends today; a custom one as typed (today's last 6 months until both are). */
function daysOf(search: UsageSearch, today: string) {
  const period = search.period ?? '6m';
  if (period === 'custom' && search.from && search.to) return { period, from: search.from, to: search.to };
  return { period, ...usagePeriodDays(period === 'custom' ? '6m' : period, today) };
}

const number = (n: number, lang: 'sv' | 'en') => n.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE');

export function UsagePage({ search }: { search: UsageSearch }) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  const navigate = useNavigate({ from: '/trainings/usage' });
  const today = swedishToday();
  const { period, from, to } = daysOf(search, today);
  const usage = useQuery(usageQuery(from, to));
  const [custom, setCustom] = useState({ from, to });
  useEffect(() => setCustom({ from, to }), [from, to]);

  const choose = (value: string) => {
    const next = USAGE_PERIODS.find((p) => p === value) ?? '6m';
    void navigate({ search: next === 'custom' ? { period: next, from, to } : { period: next } });
  };
  const showCustom = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: { period: 'custom', from: custom.from, to: custom.to } });
  };
  const shown = tt('usage.shown', { from: formatDay(from, lang), to: formatDay(to, lang) });

  return (
    <Page
      title={tt('usage.title')}
      actions={
        <Button component="a" href={usageExportUrl(from, to, lang)} download variant="default">
          {tt('usage.download')}
        </Button>
      }
    >
      <Text maw={720}>{tt('usage.intro')}</Text>
      <Stack gap="sm">
        <NativeSelect
          label={tt('usage.period')}
          value={period}
          onChange={(e) => choose(e.currentTarget.value)}
          data={USAGE_PERIODS.map((p) => ({ value: p, label: tt(`usage.periods.${p}`) }))}
          maw={320}
        />
        {period === 'custom' ? (
          <form onSubmit={showCustom}>
            <Group align="flex-end" gap="sm">
              <TextInput
                type="date"
                label={tt('usage.from')}
                value={custom.from}
                max={today}
                onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
                required
              />
              <TextInput
                type="date"
                label={tt('usage.to')}
                value={custom.to}
                max={today}
                onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
                required
              />
              <Button type="submit">{tt('usage.show')}</Button>
            </Group>
          </form>
        ) : null}
        <Text role="status" fw={600}>
          {shown}
        </Text>
      </Stack>
      {usage.isPending ? <Loading /> : null}
      {usage.isError ? <ErrorAlert error={usage.error} onRetry={() => void usage.refetch()} /> : null}
      {usage.data ? <UsageReport data={usage.data} /> : null}
    </Page>
  );
}

function UsageReport({ data }: { data: UsageDto }) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  const period = { from: formatDay(data.from, lang), to: formatDay(data.to, lang) };
  const label = (what: string) => tt('usage.tableLabel', { what, ...period });
  const totals: [string, number][] = [
    [tt('usage.itemViews'), data.totals.itemViews],
    [tt('usage.searches'), data.totals.searches],
    [tt('usage.searchesWithoutResult'), data.totals.searchesWithoutResult],
    [tt('usage.opens'), data.totals.opens],
  ];
  return (
    <Stack gap="xl">
      {data.demo ? (
        <Alert color="yellow" title="Demo">
          {tt('usage.demo')}
        </Alert>
      ) : null}
      <section>
        <Title order={2} size="h3" id="usage-totals" mb="sm">
          {tt('usage.totals')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          {totals.map(([name, value]) => (
            <Paper key={name} withBorder p="sm" radius="md">
              <Text component="dt" size="sm">
                {name}
              </Text>
              <Text component="dd" m={0} fw={700} fz="xl">
                {number(value, lang)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>

      <section>
        <Title order={2} size="h3" id="usage-most" mb="sm">
          {tt('usage.mostUsed')}
        </Title>
        {data.mostUsed.length === 0 ? (
          <Text>{tt('usage.mostUsedNone')}</Text>
        ) : (
          <ItemTable label={label(tt('usage.mostUsed'))} items={data.mostUsed} />
        )}
      </section>

      <section>
        <Title order={2} size="h3" id="usage-least" mb="sm">
          {tt('usage.leastUsed')}
        </Title>
        <Text mb="sm">
          {tt('usage.leastUsedHelp', { count: data.approvedWithoutViews, total: data.approvedItems })}
        </Text>
        {data.leastUsed.length > 0 ? <ItemTable label={label(tt('usage.leastUsed'))} items={data.leastUsed} /> : null}
      </section>

      <section>
        <Title order={2} size="h3" id="usage-gaps" mb="sm">
          {tt('usage.gaps')}
        </Title>
        <Text mb="sm" maw={720}>
          {tt('usage.gapsHelp')}
        </Text>
        {data.gaps.length === 0 ? (
          <Text>{tt('usage.gapsNone')}</Text>
        ) : (
          <Region label={label(tt('usage.gaps'))}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{tt('usage.searchWords')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {tt('usage.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.gaps.map((gap) => (
                <Table.Tr key={gap.text}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{gap.text}</Table.Td>
                  <Table.Td ta="right">{number(gap.count, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Region>
        )}
        {data.gapsWithoutText > 0 ? (
          <Text size="sm" mt="xs">
            {tt('usage.gapsWithoutText', { count: data.gapsWithoutText })}
          </Text>
        ) : null}
      </section>

      <section>
        <Title order={2} size="h3" id="usage-tabs" mb="sm">
          {tt('usage.tabs')}
        </Title>
        <Region label={label(tt('usage.tabs'))}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{tt('usage.tab')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {tt('usage.views')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.tabs.map((tab) => (
              <Table.Tr key={tab.key}>
                <Table.Td>
                  {tab.key === '' ? tt('usage.allProfessions') : lang === 'en' ? tab.nameEn : tab.name}
                </Table.Td>
                <Table.Td ta="right">{number(tab.views, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Region>
      </section>
    </Stack>
  );
}

/** A narrow table in a named region that may be scrolled with the keyboard; it never widens a phone's page. */
function Region({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', position: 'relative' }}>
      <Table aria-label={label} striped verticalSpacing="xs">
        {children}
      </Table>
    </Box>
  );
}

function ItemTable({ label, items }: { label: string; items: UsageItemDto[] }) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  return (
    <Region label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{tt('usage.training')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {tt('usage.views')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {tt('usage.linkOpens')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Text fw={600} size="sm">
                {item.title}
              </Text>
              <Text size="xs">
                {item.provider} · {tt('usage.added', { date: formatDay(item.addedOn, lang) })}
                {item.status === 'approved' ? '' : ` · ${tt(`usage.status.${item.status}`)}`}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{number(item.views, lang)}</Table.Td>
            <Table.Td ta="right">{number(item.opens, lang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Region>
  );
}
