// Thin routes of the population projections (befolkningsprognos), registered inside the staffing module (under
// /api/staffing/population…). Permission checks live in population.service.ts through the policy module.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../platform/server/actor.ts';
import { withUpload } from '../../../platform/server/imports/upload.ts';
import { sendFile } from '../../../platform/server/send-file.ts';
import {
  POPULATION_LIMITS,
  populationImportConfirmQuerySchema,
  populationImportPreviewSchema,
  populationImportResultSchema,
  populationMunicipalityParamsSchema,
  populationMunicipalitySchema,
  populationOverviewSchema,
  populationQuerySchema,
  savePopulationSchema,
} from './population.contracts.ts';
import { exportPopulation, getMunicipalityPopulation, getPopulation, savePopulation } from './population.service.ts';
import {
  confirmPopulationImport,
  type PopulationUpload,
  previewPopulationImport,
} from './population-import.service.ts';

export default async function populationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const tags = { tags: ['Staffing'] };

  app.get(
    '/staffing/population',
    {
      schema: {
        ...tags,
        summary: 'Population projections per municipality, year and age group (all municipalities, or one)',
        querystring: populationQuerySchema,
        response: { 200: populationOverviewSchema },
      },
    },
    (req) => getPopulation(db, signedIn(req.ctx), req.query.municipalityId),
  );
  app.get(
    '/staffing/population/export',
    {
      schema: {
        ...tags,
        summary: 'The projections as CSV in the import layout (kommunkod;kommun;år;åldersgrupp;antal)',
        querystring: populationQuerySchema,
        response: { 200: z.any().describe('The file') },
      },
    },
    async (req, reply) => sendFile(reply, await exportPopulation(db, signedIn(req.ctx), req.query.municipalityId)),
  );
  app.post(
    '/staffing/population/import/preview',
    {
      schema: {
        ...tags,
        summary:
          'Upload a projection CSV (multipart field "file"); answers every cell error and a token; writes nothing',
        consumes: ['multipart/form-data'],
        response: { 200: populationImportPreviewSchema },
      },
    },
    (req) => receiveCsv(req, (file) => previewPopulationImport(db, req.ctx, file)),
  );
  app.post(
    '/staffing/population/import/confirm',
    {
      schema: {
        ...tags,
        summary: 'Send the previewed file again with the preview’s token; writes every row in one transaction',
        description:
          'The file is checked again: cell errors answer 422 (fields "row.column"), a file or projection that no longer gives the previewed result 409.',
        consumes: ['multipart/form-data'],
        querystring: populationImportConfirmQuerySchema,
        response: { 201: populationImportResultSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await receiveCsv(req, (file) => confirmPopulationImport(db, req.ctx, file, req.query.token))),
  );
  app.get(
    '/staffing/population/:municipalityId',
    {
      schema: {
        ...tags,
        params: populationMunicipalityParamsSchema,
        response: { 200: populationMunicipalitySchema },
      },
    },
    (req) => getMunicipalityPopulation(db, signedIn(req.ctx), req.params.municipalityId),
  );
  app.put(
    '/staffing/population/:municipalityId',
    {
      schema: {
        ...tags,
        summary: 'Save a municipality’s whole projection (years × age groups) from the form',
        params: populationMunicipalityParamsSchema,
        body: savePopulationSchema,
        response: { 200: populationMunicipalitySchema },
      },
    },
    (req) => savePopulation(db, signedIn(req.ctx), req.params.municipalityId, req.body.rows),
  );
}

/** The uploaded CSV (multipart field "file") through the platform's upload helper, refused (413) beyond the limit. */
function receiveCsv<T>(req: FastifyRequest, use: (file: PopulationUpload) => Promise<T>): Promise<T> {
  const limits = { maxBytes: POPULATION_LIMITS.uploadBytes, defaultName: 'prognos.csv' };
  return withUpload(req, req.server.deps.config, limits, async (file) =>
    use({ name: file.name, bytes: await readFile(file.path) }),
  );
}
