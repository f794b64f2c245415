// The forecast's specialist supply line (decision 026): expected new specialists per year from training posts'
// expected ends, per profession and specialty, and the projected specialist share. Counts only; ".." where small
// counts are hidden (the region's view).
import { Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import { useNamespaceT } from '../../../../platform/web/i18n/namespace-t.ts';
import type { ForecastDto } from '../forecast.contracts.ts';
import type { forecastSv } from './forecast.sv.ts';

const percent = (v: number | null, locale: string) =>
  v === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);

export function SpecialistSupplyTable({
  supply,
  professionName,
  language,
}: {
  supply: NonNullable<ForecastDto['specialistSupply']>;
  professionName: (key: string) => string;
  language: 'sv' | 'en';
}) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const headingId = useId();
  const locale = language === 'en' ? 'en-GB' : 'sv-SE';
  if (supply.professions.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} id={headingId}>
        {ft('specialists.title')}
      </Title>
      <Text size="sm">{supply.suppressed ? ft('specialists.introSuppressed') : ft('specialists.intro')}</Text>
      <DataTable label={ft('specialists.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{ft('specialists.line')}</Table.Th>
            {supply.years.map((y) => (
              <Table.Th scope="col" key={y} ta="right">
                {y}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {supply.professions.flatMap((p) => [
            <Table.Tr key={`${p.key}-total`} data-testid={`supply-${p.key}`}>
              <Table.Th scope="row">{ft('specialists.newOf', { profession: professionName(p.key) })}</Table.Th>
              {p.perYear.map((v, i) => (
                <Table.Td key={supply.years[i]} ta="right">
                  {v}
                </Table.Td>
              ))}
            </Table.Tr>,
            ...p.bySpecialty.map((s) => (
              <Table.Tr key={`${p.key}-${s.key ?? 'none'}`}>
                <Table.Th scope="row" fw={400} pl="lg">
                  {s.name}
                </Table.Th>
                {s.perYear.map((v, i) => (
                  <Table.Td key={supply.years[i]} ta="right">
                    {v}
                  </Table.Td>
                ))}
              </Table.Tr>
            )),
            <Table.Tr key={`${p.key}-share`}>
              <Table.Th scope="row" fw={400}>
                {ft('specialists.share', { profession: professionName(p.key) })}
              </Table.Th>
              {p.share.map((v, i) => (
                <Table.Td key={supply.years[i]} ta="right">
                  {percent(v, locale)}
                </Table.Td>
              ))}
            </Table.Tr>,
          ])}
        </Table.Tbody>
      </DataTable>
    </Stack>
  );
}
