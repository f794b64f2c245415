// Thin routes of the staffing forecast (issue 4), registered inside the staffing module (under /api/staffing/forecast…).
// Permission checks live in forecast.service.ts through the policy module.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../platform/server/actor.ts';
import { sendKept } from '../../../platform/server/kept-answer.ts';
import { sendFile } from '../../../platform/server/send-file.ts';
import { PublicationCache, type StaffingDeps } from '../staffing-config.service.ts';
import {
  forecastExportQuerySchema,
  forecastQuerySchema,
  forecastSchema,
  forecastSettingsDtoSchema,
  forecastSettingsSchema,
} from './forecast.contracts.ts';
import { type ForecastDeps, getForecastAnswer } from './forecast.service.ts';
import { exportForecast } from './forecast-export.ts';
import { getForecastSettings, saveForecastSettings } from './forecast-settings.service.ts';

export default async function forecastRoutes(fastify: FastifyInstance, opts: { deps: StaffingDeps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Forecasts have a cache of their own: many lever settings must not push the comparisons out of theirs.
  const deps: ForecastDeps = {
    ...opts.deps,
    forecasts: { inputs: new PublicationCache(8), answers: new PublicationCache(256) },
  };
  const tags = { tags: ['Staffing'] };

  app.get(
    '/staffing/forecast',
    {
      schema: {
        ...tags,
        summary: 'The recruitment forecast of the region or one municipality: base case and scenarios',
        description:
          'Every parameter is optional: the latest period with approved reports, the region, and the region’s stored levers. A municipality’s own forecast is for those who see its figures unsuppressed (404/403 otherwise).',
        querystring: forecastQuerySchema,
        response: { 200: forecastSchema },
      },
    },
    // Kept as bytes per state, scope and levers (decision 041): no serialisation or compression per request, and 304
    // when the browser's copy is current.
    async (req, reply) => sendKept(req, reply, await getForecastAnswer(deps, signedIn(req.ctx), req.query)),
  );
  app.get(
    '/staffing/forecast/export',
    {
      schema: {
        ...tags,
        summary: 'The forecast as XLSX (years, scenarios, assumptions, municipalities) or CSV (years)',
        querystring: forecastExportQuerySchema,
        response: { 200: z.any().describe('The file') },
      },
    },
    async (req, reply) => sendFile(reply, await exportForecast(deps, signedIn(req.ctx), req.query)),
  );
  app.get(
    '/staffing/forecast/settings',
    { schema: { ...tags, summary: 'The region’s forecast assumptions', response: { 200: forecastSettingsDtoSchema } } },
    (req) => getForecastSettings(deps, signedIn(req.ctx)),
  );
  app.put(
    '/staffing/forecast/settings',
    {
      schema: {
        ...tags,
        summary: 'Change the region’s forecast assumptions and default levers (regional admin)',
        body: forecastSettingsSchema,
        response: { 200: forecastSettingsDtoSchema },
      },
    },
    (req) => saveForecastSettings(deps, signedIn(req.ctx), req.body),
  );
}
