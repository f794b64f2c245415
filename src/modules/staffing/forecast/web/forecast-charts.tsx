// The forecast over the years as line charts — demand, today's staff remaining and the cumulated need, each with the
// base case (solid line) and the chosen scenario (dashed line), demand with markers and staff without, and a legend,
// so no line is told by colour alone. The drawings are hidden from screen readers: the year tables beside them hold
// the same values.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Box, SimpleGrid, Text } from '@mantine/core';
import { useNamespaceT } from '../../../../platform/web/i18n/namespace-t.ts';
import { useLang } from '../../web/reporting-format.ts';
import type { forecastSv } from './forecast.sv.ts';
import { type ChartRow, formatPersons } from './forecast-data.ts';

/** Colours with at least 3:1 against white (WCAG 1.4.11); the scenario's line is also dashed. */
const BASE_COLOUR = 'blue.8';
const SCENARIO_COLOUR = 'orange.9';
const SCENARIO_DASH = '7 4';

type ForecastChartsProps = {
  rows: readonly ChartRow[];
  professionName: string;
  scenarioLabel: string;
};

export function ForecastCharts({ rows, professionName, scenarioLabel }: ForecastChartsProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const withScenario = rows.some((r) => r.demandScenario !== undefined);
  const charts = [
    {
      key: 'demand',
      caption: ft('charts.staffTitle', { profession: professionName }),
      series: [
        { name: 'demandBase', label: ft('charts.demandBase') },
        { name: 'demandScenario', label: ft('charts.demandScenario', { label: scenarioLabel }) },
        { name: 'staffBase', label: ft('charts.staffBase') },
        { name: 'staffScenario', label: ft('charts.staffScenario', { label: scenarioLabel }) },
      ],
    },
    {
      key: 'need',
      caption: ft('charts.needTitle', { profession: professionName }),
      series: [
        { name: 'cumulativeBase', label: ft('charts.cumulativeBase') },
        { name: 'cumulativeScenario', label: ft('charts.cumulativeScenario', { label: scenarioLabel }) },
      ],
    },
  ];
  return (
    <Box>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {charts.map((chart) => (
          <ForecastChart
            key={chart.key}
            caption={chart.caption}
            rows={rows}
            series={chart.series.filter((s) => withScenario || !s.name.endsWith('Scenario'))}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="xs">
        {ft('charts.hidden')}
      </Text>
    </Box>
  );
}

type ForecastChartProps = {
  caption: string;
  rows: readonly ChartRow[];
  series: { name: string; label: string }[];
};

function ForecastChart({ caption, rows, series }: ForecastChartProps) {
  const language = useLang();
  // Demand and staff share a chart: the staff lines are darker shades, and the legend names every line.
  const colourOf = (name: string) => {
    const scenario = name.endsWith('Scenario');
    const staff = name.startsWith('staff');
    if (staff) return scenario ? 'red.9' : 'teal.9';
    return scenario ? SCENARIO_COLOUR : BASE_COLOUR;
  };
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={700} mb="xs">
        {caption}
      </Text>
      <Box aria-hidden="true">
        <LineChart
          h={280}
          data={[...rows]}
          dataKey="year"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          accessibilityLayer={false}
          textColor="gray.8"
          curveType="linear"
          // Demand has markers, today's staff none: the two kinds of line differ by more than colour.
          lineProps={(line) => (line.name.startsWith('staff') ? { dot: false } : {})}
          valueFormatter={(v: number) => formatPersons(v, language)}
          series={series.map((s) => ({
            name: s.name,
            label: s.label,
            color: colourOf(s.name),
            strokeDasharray: s.name.endsWith('Scenario') ? SCENARIO_DASH : undefined,
          }))}
        />
      </Box>
    </Box>
  );
}
