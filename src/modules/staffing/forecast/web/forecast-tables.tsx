// The forecast's tables: one profession's (or all professions') years — demand, today's staff remaining,
// retirements, other leavers, need and cumulated need — and, for the region, the municipalities with their needs
// and a link to open those the viewer may open.
import { Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import { useNamespaceT } from '../../../../platform/web/i18n/namespace-t.ts';
import { useLang } from '../../web/reporting-format.ts';
import type { ForecastDto } from '../forecast.contracts.ts';
import type { forecastSv } from './forecast.sv.ts';
import { formatPersons, type ProfessionForecastDto } from './forecast-data.ts';
import type { ForecastSearch } from './forecast-search.ts';

const YEAR_COLUMNS = ['demand', 'staffRemaining', 'retirements', 'turnoverLeavers', 'need', 'cumulativeNeed'] as const;
const YEAR_HEADERS = {
  demand: 'years.demand',
  staffRemaining: 'years.staffRemaining',
  retirements: 'years.retirements',
  turnoverLeavers: 'years.turnover',
  need: 'years.need',
  cumulativeNeed: 'years.cumulativeNeed',
} as const;

type YearTableProps = { forecast: ProfessionForecastDto; baseYear: number; caption: string };

export function YearTable({ forecast, baseYear, caption }: YearTableProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const language = useLang();
  const captionId = useId();
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={720}>
        <Table striped captionSide="top" aria-labelledby={captionId}>
          <Table.Caption id={captionId}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{ft('years.year')}</Table.Th>
              {YEAR_COLUMNS.map((column) => (
                <Table.Th key={column} scope="col" ta="right">
                  {ft(YEAR_HEADERS[column])}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {forecast.years.map((year) => (
              <Table.Tr key={year.year}>
                <Table.Th scope="row">{year.year}</Table.Th>
                {YEAR_COLUMNS.map((column) => (
                  <Table.Td key={column} ta="right">
                    {formatPersons(year[column], language)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">
        {ft('years.today', { year: baseYear, count: formatPersons(forecast.baseHeadcount, language) })}
      </Text>
    </Stack>
  );
}

type MunicipalityTableProps = { dto: ForecastDto; search: ForecastSearch };

export function MunicipalityTable({ dto, search }: MunicipalityTableProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const language = useLang();
  const captionId = useId();
  const need = (value: number | null, m: ForecastDto['municipalities'][number]) => {
    if (value !== null) return formatPersons(value, language);
    return m.included && !m.canOpen ? ft('municipalities.notShown') : '–';
  };
  const hidden = dto.municipalities.some((m) => m.included && !m.canOpen);
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={720}>
        <Table striped captionSide="top" aria-labelledby={captionId}>
          <Table.Caption id={captionId}>{ft('municipalities.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{ft('municipalities.name')}</Table.Th>
              <Table.Th scope="col">{ft('municipalities.included')}</Table.Th>
              <Table.Th scope="col">{ft('municipalities.population')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {ft('municipalities.need5')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {ft('municipalities.need10')}
              </Table.Th>
              <Table.Th scope="col">
                <Text span size="sm" fw={700}>
                  {ft('municipalities.open')}
                </Text>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dto.municipalities.map((m) => (
              <Table.Tr key={m.municipalityId}>
                <Table.Th scope="row">{m.name}</Table.Th>
                <Table.Td>{m.included ? ft('municipalities.yes') : ft('municipalities.no')}</Table.Td>
                <Table.Td>
                  {m.populationSource === 'projection'
                    ? ft('municipalities.populationSource.projection', { years: m.projectionYears })
                    : ft(`municipalities.populationSource.${m.populationSource}`)}
                </Table.Td>
                <Table.Td ta="right">{need(m.need5, m)}</Table.Td>
                <Table.Td ta="right">{need(m.need10, m)}</Table.Td>
                <Table.Td>
                  {m.canOpen && m.included ? (
                    <RouterAnchor
                      to="/staffing/forecast"
                      search={{ ...search, municipalityId: m.municipalityId }}
                      aria-label={ft('municipalities.openLabel', { name: m.name })}
                    >
                      {ft('municipalities.open')}
                    </RouterAnchor>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hidden ? <Text size="sm">{ft('municipalities.hiddenHelp')}</Text> : null}
    </Stack>
  );
}
