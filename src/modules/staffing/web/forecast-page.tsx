// The staffing forecast page (issue 4): region or municipality, per profession, base case beside the scenarios.
import { useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type { forecastSv } from './forecast.sv.ts';

export function ForecastPage() {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  return <h1>{ft('title')}</h1>;
}
