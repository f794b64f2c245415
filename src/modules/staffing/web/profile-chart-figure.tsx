// A chart with its text alternative: the drawing is hidden from screen readers (it repeats the table beside it),
// its caption says so, and a note tells when values shown as ".." or "–" are missing from the drawing.
import '@mantine/charts/styles.css';
import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ChartFigureProps = {
  caption: string;
  hasGaps: boolean;
  chart: ReactNode;
  /** The same values as a table, unless the table is already beside the figure. */
  table?: ReactNode;
};

export function ChartFigure({ caption, hasGaps, chart, table }: ChartFigureProps) {
  const { t } = useTranslation();
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={700} mb="xs">
        {caption}
      </Text>
      <Box aria-hidden="true">{chart}</Box>
      <Text size="sm" c="dimmed" mt="xs">
        {t('staffingStatistics.profile.chartHidden')}
        {hasGaps ? ` ${t('staffingStatistics.profile.chartLeftOut')}` : ''}
      </Text>
      {table ? <Box mt="sm">{table}</Box> : null}
    </Box>
  );
}

/** Chart colours with at least 3:1 against white (WCAG 1.4.11); the lines also differ in dash pattern. */
export const SERIES_COLOURS = {
  municipality: 'blue.8',
  regionTotal: 'gray.7',
  regionMedian: 'orange.9',
} as const;
