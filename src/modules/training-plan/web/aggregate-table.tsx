// The aggregated ranking as a table: Borda place and points (ties marked in words, not only by colour), first places,
// how many ranked it, the Schulze place, the Condorcet winner, and each municipality's place for each need.

import { Stack, Table, Text } from '@mantine/core';
import { TableScroll } from '../../../platform/web/components/table-scroll.tsx';
import type { AggregateDto, AggregateMunicipalitiesDto } from '../training-plan.contracts.ts';
import { useTpT } from './training-plan-api.ts';

export function AggregateTable({
  aggregate,
  municipalities,
}: {
  aggregate: AggregateDto;
  municipalities?: AggregateMunicipalitiesDto | undefined;
}) {
  const tt = useTpT();
  const winner = aggregate.rows.find((r) => r.needId === aggregate.condorcetWinner);
  // Each municipality's place (1 = first) for each need it ranked.
  const byMunicipality = municipalities?.byMunicipality ?? [];
  const places = byMunicipality.map(
    (m) => new Map(m.ranking.map((row, k) => [municipalities?.needIds[row] ?? '', k + 1])),
  );
  return (
    <Stack gap="xs">
      <Text fw={600}>{winner ? tt('cycle.condorcet', { title: winner.title }) : tt('cycle.noCondorcet')}</Text>
      <TableScroll minWidth={640} label={tt('cycle.aggregate')}>
        <Table>
          <Table.Caption>{tt('cycle.aggregate')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">{tt('cycle.place')}</Table.Th>
              <Table.Th>{tt('cycle.title')}</Table.Th>
              <Table.Th ta="right">{tt('cycle.points')}</Table.Th>
              <Table.Th ta="right">{tt('cycle.firsts')}</Table.Th>
              <Table.Th ta="right">{tt('cycle.rankedBy')}</Table.Th>
              <Table.Th ta="right">{tt('cycle.schulze')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {aggregate.rows.map((r) => (
              <Table.Tr key={r.needId}>
                <Table.Td ta="right">
                  {r.place}
                  {r.tied ? ` (${tt('cycle.tie')})` : ''}
                </Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td ta="right">{r.points}</Table.Td>
                <Table.Td ta="right">{r.firsts}</Table.Td>
                <Table.Td ta="right">{r.rankedBy}</Table.Td>
                <Table.Td ta="right">
                  {r.schulzePlace}
                  {r.schulzeTied ? ` (${tt('cycle.tie')})` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {byMunicipality.length ? (
        <TableScroll minWidth={480} label={tt('cycle.byMunicipality')}>
          <Table>
            <Table.Caption>{tt('cycle.byMunicipality')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tt('cycle.title')}</Table.Th>
                {byMunicipality.map((m) => (
                  <Table.Th key={m.organisation.id} ta="right">
                    {m.organisation.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {aggregate.rows.map((r) => (
                <Table.Tr key={r.needId}>
                  <Table.Td>{r.title}</Table.Td>
                  {byMunicipality.map((m, mi) => (
                    <Table.Td key={m.organisation.id} ta="right">
                      {places[mi]?.get(r.needId) ?? '–'}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Stack>
  );
}
