// The profile's charts: the municipality against the region's total (and median), as bars or as a line over time,
// each with its text alternative — the drawing is hidden from screen readers (it repeats the table beside it), its
// caption says so, and a note tells when values shown as ".." or "–" are missing from the drawing.
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Cell } from '../../staffing.contracts.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { cellNumber, useCellFormat } from './statistics-format.ts';

/** Chart colours with at least 3:1 against white (WCAG 1.4.11); the lines also differ in dash pattern. */
const SERIES_COLOURS = {
  municipality: 'blue.8',
  regionTotal: 'gray.7',
  regionMedian: 'orange.9',
} as const;

type SeriesName = keyof typeof SERIES_COLOURS;

/** One bar group or one point in time: its label and the three values as the statistics give them. */
export type ChartRow = { label: string } & Partial<Record<SeriesName, Cell | undefined>>;

type ProfileChartProps = {
  type: 'bar' | 'line';
  caption: string;
  /** The municipality's name, for its series. */
  name: string;
  rows: readonly ChartRow[];
  /** Whether the region's median is drawn beside its total. */
  withMedian: boolean;
  /** The values are shares 0..1, drawn as percentages. */
  percent: boolean;
  height: number;
  /** The width of the bar labels' column. */
  labelWidth?: number;
  /** The same values as a table, unless the table is already beside the figure. */
  table?: ReactNode;
};

export function ProfileChart(props: ProfileChartProps) {
  const { type, caption, name, rows, withMedian, percent, height, labelWidth, table } = props;
  const st = useStatisticsT();
  const format = useCellFormat();
  const shown: SeriesName[] = withMedian
    ? ['municipality', 'regionTotal', 'regionMedian']
    : ['municipality', 'regionTotal'];
  const scale = percent ? 100 : 1;
  const data = rows.map((row) => {
    const point: { label: string } & Partial<Record<SeriesName, number | null>> = { label: row.label };
    for (const series of shown) {
      const n = cellNumber(row[series]);
      point[series] = n === null ? null : n * scale;
    }
    return point;
  });
  const hasGaps = data.some((point) => shown.some((series) => point[series] === null));
  // A chart without a single value of the municipality is replaced by a sentence saying why (the table stays).
  const empty = data.every((point) => point.municipality === null || point.municipality === undefined);
  const labels: Record<SeriesName, string> = {
    municipality: name,
    regionTotal: st('profile.regionTotal'),
    regionMedian: st('profile.regionMedian'),
  };
  const dashes: Record<SeriesName, string | undefined> = {
    municipality: undefined,
    regionTotal: '6 4',
    regionMedian: '2 3',
  };
  const common = {
    h: height,
    data,
    dataKey: 'label',
    valueFormatter: (v: number) => (percent ? format.percent(v / 100) : format.number(v)),
    withLegend: true,
    accessibilityLayer: false,
    textColor: 'gray.8',
  };

  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={700} mb="xs">
        {caption}
      </Text>
      {empty ? (
        <Text>{st('profile.chartEmpty', { name })}</Text>
      ) : (
        <Box aria-hidden="true">
          {type === 'bar' ? (
            <BarChart
              {...common}
              orientation="vertical"
              yAxisProps={{ width: labelWidth }}
              series={shown.map((series) => ({ name: series, label: labels[series], color: SERIES_COLOURS[series] }))}
            />
          ) : (
            <LineChart
              {...common}
              connectNulls={false}
              series={shown.map((series) => ({
                name: series,
                label: labels[series],
                color: SERIES_COLOURS[series],
                strokeDasharray: dashes[series],
              }))}
            />
          )}
        </Box>
      )}
      {empty ? null : (
        <Text size="sm" c="dimmed" mt="xs">
          {st('profile.chartHidden')}
          {hasGaps ? ` ${st('profile.chartLeftOut')}` : ''}
        </Text>
      )}
      {table ? <Box mt="sm">{table}</Box> : null}
    </Box>
  );
}
