// The heat map: municipalities × key ratios, each cell coloured by where the value lies against the region's median,
// with the value, a symbol and (for screen readers) the words printed too, so nothing is told by colour alone.
import { Box, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useMemo } from 'react';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import { compareSwedish } from '../../../../platform/web/i18n/format.ts';
import type { Cell, ComparisonDto } from '../../staffing.contracts.ts';
import { RATIO_DEFS, type RatioDef } from '../../staffing-measures.ts';
import { useLang } from '../../web/reporting-format.ts';
import { type StatisticsT, useStatisticsT } from '../../web/staffing-t.ts';
import {
  HEAT_COLOURS,
  HEAT_STEPS,
  HEAT_SYMBOLS,
  HEAT_TEXT_COLOUR,
  HEAT_TONES,
  type HeatStep,
  heatStep,
  heatTone,
} from './heat-map-scale.ts';
import { cellNumber, useCellFormat } from './statistics-format.ts';
import { MunicipalityRowHeader, NUMERIC_CELL, REGION_ROWS } from './statistics-table.tsx';

type HeatMapProps = { dto: ComparisonDto; label: string; withProfileLinks: boolean };

export function HeatMap({ dto, label, withProfileLinks }: HeatMapProps) {
  const st = useStatisticsT();
  const language = useLang();
  const rows = useMemo(() => [...dto.rows].sort((a, b) => compareSwedish(a.name, b.name)), [dto.rows]);
  return (
    <Stack gap="md">
      <Text>{st('heatMap.intro')}</Text>
      <HeatMapLegend />
      <DataTable label={label} empty={rows.length === 0}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{st('table.municipality')}</Table.Th>
            {RATIO_DEFS.map((def) => (
              <Table.Th key={def.key} style={{ verticalAlign: 'bottom' }}>
                {def.label[language]}
                <DirectionNote def={def} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.municipalityId}>
              <MunicipalityRowHeader dto={dto} row={row} withProfileLink={withProfileLinks} />
              {RATIO_DEFS.map((def) => (
                <HeatCell key={def.key} def={def} cell={row.ratios[def.key]} median={dto.median.ratios[def.key]} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot style={REGION_ROWS}>
          <Table.Tr bg="gray.1">
            <Table.Th scope="row">{st('table.regionMedian')}</Table.Th>
            {RATIO_DEFS.map((def) => (
              <PlainCell key={def.key} def={def} cell={dto.median.ratios[def.key]} />
            ))}
          </Table.Tr>
          <Table.Tr bg="gray.1">
            <Table.Th scope="row">{st('table.regionTotal')}</Table.Th>
            {RATIO_DEFS.map((def) => (
              <PlainCell key={def.key} def={def} cell={dto.total.ratios[def.key]} />
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </DataTable>
    </Stack>
  );
}

function DirectionNote({ def }: { def: RatioDef }) {
  const st = useStatisticsT();
  if (def.direction === 'neutral') return null;
  return (
    <Text size="xs" fw={400} c="dimmed">
      ({st(def.direction === 'higher_better' ? 'heatMap.higherBetter' : 'heatMap.lowerBetter')})
    </Text>
  );
}

function HeatCell({ def, cell, median }: { def: RatioDef; cell: Cell | undefined; median: Cell | undefined }) {
  const st = useStatisticsT();
  const format = useCellFormat();
  const value = cellNumber(cell);
  const middle = cellNumber(median);
  const text = format.ratio(def.key, cell);
  if (value === null || middle === null) {
    return (
      <Table.Td ta="right" style={NUMERIC_CELL}>
        {text}
        <VisuallyHidden>, {st('heatMap.noValue')}</VisuallyHidden>
      </Table.Td>
    );
  }
  const step = heatStep(value, middle);
  const tone = heatTone(step, def.direction);
  const judged = tone !== 'near' && tone !== 'unjudged';
  return (
    <Table.Td
      ta="right"
      style={{ ...NUMERIC_CELL, background: HEAT_COLOURS[tone], color: HEAT_TEXT_COLOUR }}
      data-step={step}
      data-tone={tone}
    >
      {text}{' '}
      <span aria-hidden="true" style={{ display: 'inline-block', minWidth: '2.2em', textAlign: 'left' }}>
        {HEAT_SYMBOLS[step]}
      </span>
      <VisuallyHidden>
        , {stepText(st, step)}
        {judged ? `, ${st(tone.startsWith('better') ? 'heatMap.better' : 'heatMap.worse')}` : ''}
      </VisuallyHidden>
    </Table.Td>
  );
}

function PlainCell({ def, cell }: { def: RatioDef; cell: Cell | undefined }) {
  const format = useCellFormat();
  return (
    <Table.Td ta="right" fw={700} style={NUMERIC_CELL}>
      {format.ratio(def.key, cell)}
      <span aria-hidden="true" style={{ display: 'inline-block', minWidth: '2.2em' }} />
    </Table.Td>
  );
}

function stepText(st: StatisticsT, step: HeatStep): string {
  return st(`heatMap.step${step}`);
}

function HeatMapLegend() {
  const st = useStatisticsT();
  const headingId = useId();
  const swatch = (background: string | undefined, content: string) => (
    <Box
      aria-hidden="true"
      px={8}
      py={2}
      style={{
        background,
        color: HEAT_TEXT_COLOUR,
        border: '1px solid var(--mantine-color-gray-5)',
        borderRadius: 4,
        minWidth: '2.6em',
        textAlign: 'center',
      }}
    >
      {content}
    </Box>
  );
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {st('heatMap.legendTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {st('heatMap.legendColours')}
      </Text>
      <Group component="ul" gap="sm" m={0} mb="xs" p={0} style={{ listStyle: 'none' }}>
        {HEAT_TONES.map((tone) => (
          <Group component="li" key={tone} gap={6} wrap="nowrap">
            {swatch(HEAT_COLOURS[tone], '\u00a0')}
            <Text size="sm">{st(`heatMap.tone.${tone}`)}</Text>
          </Group>
        ))}
      </Group>
      <Text size="sm" mb="xs">
        {st('heatMap.legendSymbols')}
      </Text>
      <Group component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {HEAT_STEPS.map((step) => (
          <Group component="li" key={step} gap={6} wrap="nowrap">
            {swatch(undefined, HEAT_SYMBOLS[step])}
            <Text size="sm">{stepText(st, step)}</Text>
          </Group>
        ))}
        <Group component="li" gap={6} wrap="nowrap">
          {swatch(undefined, '..')}
          <Text size="sm">{st('heatMap.noValue')}</Text>
        </Group>
      </Group>
    </Box>
  );
}
