// /further-education: the steering group's overview — how many municipalities are at each step of each model, and
// the expected new specialists per year over the region (counts, small ones hidden).
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { MAP_STATUSES } from './adoption-map.ts';
import { optionsQuery, overviewQuery } from './further-education-api.ts';
import { useFurtherEducationT } from './further-education-t.ts';

export function OverviewPage() {
  const ft = useFurtherEducationT();
  const overview = useQuery(overviewQuery());
  const options = useQuery(optionsQuery());
  const professionName = (key: string) =>
    key === 'all' ? ft('overview.all') : (options.data?.professions.find((p) => p.key === key)?.name ?? key);
  const dto = overview.data;
  return (
    <Page title={ft('overview.title')}>
      <Text>{ft('overview.intro')}</Text>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {dto ? (
        <>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h3">
                {ft('overview.adoptionTitle')}
              </Title>
              <RouterAnchor to="/further-education/map">{ft('overview.openMap')}</RouterAnchor>
            </Group>
            <DataTable label={ft('overview.adoptionTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{ft('overview.model')}</Table.Th>
                  {MAP_STATUSES.map((s) => (
                    <Table.Th scope="col" key={s} ta="right">
                      {ft(`status.${s}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dto.models.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Th scope="row" fw={400}>
                      <RouterAnchor to="/further-education/map" search={{ modelId: m.id }}>
                        {m.name}
                      </RouterAnchor>
                    </Table.Th>
                    {MAP_STATUSES.map((s) => (
                      <Table.Td key={s} ta="right">
                        {s === 'none' ? m.notStarted : (m.counts[s] ?? 0)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {ft('overview.specialistsTitle')}
            </Title>
            <Text size="sm">{ft('overview.specialistsIntro')}</Text>
            <DataTable label={ft('overview.specialistsTitle')} empty={dto.specialists.professions.length <= 1}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{ft('overview.profession')}</Table.Th>
                  {dto.specialists.years.map((y) => (
                    <Table.Th scope="col" key={y} ta="right">
                      {y}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dto.specialists.professions.map((p) => (
                  <Table.Tr key={p.key}>
                    <Table.Th scope="row" fw={p.key === 'all' ? 700 : 400}>
                      {professionName(p.key)}
                    </Table.Th>
                    {p.perYear.map((v, i) => (
                      <Table.Td key={dto.specialists.years[i]} ta="right">
                        {v}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </Stack>
        </>
      ) : null}
    </Page>
  );
}
