// English texts of the staffing forecast page; the same keys as forecast.sv.ts (the type checks it).
import type { forecastSv } from './forecast.sv.ts';

export const forecastEn: typeof forecastSv = {
  title: 'Forecast',
};
