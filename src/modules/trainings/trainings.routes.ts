// Thin routes of the web trainings: the public catalogue (no sign-in), suggestions, the review queue and topics.
// Permission checks live in the services through the policy module.

import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../platform/server/actor.ts';
import { withUpload as withPlatformUpload } from '../../platform/server/imports/upload.ts';
import { sendFile } from '../../platform/server/send-file.ts';
import { idParamsSchema } from '../../platform/shared/contracts.ts';
import { cataloguePageJson, getFacets } from './catalogue.service.ts';
import { exportCatalogue, exportForReview, importTemplate } from './catalogue-export.ts';
import {
  confirmImport,
  createLinkListReader,
  type ImportDeps,
  previewImport,
  type UploadedFile,
} from './catalogue-import.ts';
import { usageQuerySchema, usageSchema } from './catalogue-usage.contracts.ts';
import { startCatalogueUsage } from './catalogue-usage.ts';
import { linkUserAgent } from './link-check.ts';
import { closeRound, decideInRound, listRoundReviewers, listRounds, myReview, openRound } from './rounds.service.ts';
import {
  adminTopicListSchema,
  adminTopicSchema,
  catalogueExportQuerySchema,
  catalogueFacetsSchema,
  cataloguePageSchema,
  catalogueQuerySchema,
  createTopicSchema,
  importConfirmQuerySchema,
  importPreviewSchema,
  importResultSchema,
  myAssignmentSchema,
  myReviewSchema,
  openRoundSchema,
  reviewDecisionSchema,
  reviewExportQuerySchema,
  reviewPageSchema,
  reviewQuerySchema,
  reviewTrainingSchema,
  roundItemParamsSchema,
  roundListSchema,
  roundReviewersSchema,
  roundSchema,
  suggestedTrainingSchema,
  suggestTrainingBodySchema,
  TRAINING_IMPORT_LIMITS,
  templateQuerySchema,
  topicSchema,
  transitionSchema,
  updateTopicSchema,
  updateTrainingSchema,
} from './trainings.contracts.ts';
import {
  checkLinkNow,
  createTopic,
  listForReview,
  listTopics,
  suggestTraining,
  transitionTraining,
  updateTopic,
  updateTraining,
} from './trainings.service.ts';
import { catalogueUsage, exportUsage } from './usage-report.ts';

export async function trainingsModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, database, readCache } = app.deps;
  const deps: ImportDeps = {
    db: database.db,
    cache: readCache,
    minCount: config.suppressionMinCount,
    // Tests check links against a local server; elsewhere loopback and private addresses are refused.
    linkCheck: { userAgent: linkUserAgent(config.publicUrl), allowPrivateHosts: config.env === 'test' },
    // Uploaded link lists are read in worker threads, off the thread that answers requests.
    lists: createLinkListReader(),
  };
  app.addHook('onClose', () => deps.lists.close());
  // Aggregate counters of the public catalogue's use, written every few seconds and on shutdown (decision 029).
  const usage = startCatalogueUsage(deps, { enabled: config.usageCounting, log: app.log });
  app.addHook('onClose', () => usage.close());
  const usageDeps = { ...deps, demo: config.demo && database.kind === 'embedded' };
  await app.register(multipart, {
    limits: { fileSize: TRAINING_IMPORT_LIMITS.uploadBytes, files: 1, fields: 2, parts: 3 },
  });
  const tags = { tags: ['Trainings'] };
  const open = { ...tags, security: [] };
  const fileResponse = { 200: z.any().describe('The file') };

  // ---- the public catalogue ----
  app.get(
    '/public/trainings',
    { schema: { ...open, querystring: catalogueQuerySchema, response: { 200: cataloguePageSchema } } },
    async (req, reply) => {
      const page = await cataloguePageJson(deps, req.query);
      usage.countPage(req.query, page);
      return reply.type('application/json; charset=utf-8').send(page.json as never);
    },
  );
  app.post(
    '/public/trainings/:id/opened',
    {
      schema: {
        ...open,
        summary: 'Counts that a training’s link was opened (the catalogue’s beacon); nothing about who',
        description:
          'Adds one to the day’s aggregate counter of the item (decision 029): no cookie is set, no address or user is kept. An unknown id is answered the same and not counted.',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      usage.countOpen(req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get('/public/trainings/facets', { schema: { ...open, response: { 200: catalogueFacetsSchema } } }, () =>
    getFacets(deps),
  );

  app.get(
    '/public/trainings/export',
    {
      schema: {
        ...open,
        summary: 'The public catalogue as filtered (approved items only), as XLSX or CSV in the import’s columns',
        querystring: catalogueExportQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await exportCatalogue(deps, req.query)),
  );

  // ---- suggestions and review ----
  app.post(
    '/trainings/items',
    { schema: { ...tags, body: suggestTrainingBodySchema, response: { 201: suggestedTrainingSchema } } },
    async (req, reply) => reply.code(201).send(await suggestTraining(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/trainings/review',
    { schema: { ...tags, querystring: reviewQuerySchema, response: { 200: reviewPageSchema } } },
    (req) => listForReview(deps, signedIn(req.ctx), req.query),
  );
  app.patch(
    '/trainings/items/:id',
    {
      schema: { ...tags, params: idParamsSchema, body: updateTrainingSchema, response: { 200: reviewTrainingSchema } },
    },
    (req) => updateTraining(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.post(
    '/trainings/items/:id/transitions',
    { schema: { ...tags, params: idParamsSchema, body: transitionSchema, response: { 200: reviewTrainingSchema } } },
    (req) => transitionTraining(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.post(
    '/trainings/items/:id/check-link',
    { schema: { ...tags, params: idParamsSchema, response: { 200: reviewTrainingSchema } } },
    (req) => checkLinkNow(deps, signedIn(req.ctx), req.params.id),
  );
  // ---- topics (Ämnen) ----
  app.get(
    '/trainings/topics',
    {
      schema: {
        ...tags,
        summary: 'Every topic, inactive ones too, with how many items (not removed) have each',
        response: { 200: adminTopicListSchema },
      },
    },
    (req) => listTopics(deps.db, signedIn(req.ctx)),
  );
  app.post(
    '/trainings/topics',
    { schema: { ...tags, body: createTopicSchema, response: { 201: topicSchema } } },
    async (req, reply) => reply.code(201).send(await createTopic(deps.db, signedIn(req.ctx), req.body)),
  );
  app.patch(
    '/trainings/topics/:id',
    {
      schema: {
        ...tags,
        summary: 'Rename, reorder, deactivate or activate a topic (the key never changes)',
        description:
          'A new name is written into the search text of every item with the topic at once. An inactive topic leaves the public filters and the suggestion form but stays on its items. Names are unique ignoring case (409).',
        params: idParamsSchema,
        body: updateTopicSchema,
        response: { 200: adminTopicSchema },
      },
    },
    (req) => updateTopic(deps.db, signedIn(req.ctx), req.params.id, req.body),
  );

  app.get(
    '/trainings/export',
    {
      schema: {
        ...tags,
        summary: 'The whole catalogue (every status but removed, or one status) with status and last review date',
        querystring: reviewExportQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await exportForReview(deps, signedIn(req.ctx), req.query)),
  );

  // ---- how the catalogue is used (decision 029) ----
  app.get(
    '/trainings/usage',
    {
      schema: {
        ...tags,
        summary:
          'How the public catalogue was used in a period: most and least used items, tabs, searches without result',
        querystring: usageQuerySchema,
        response: { 200: usageSchema },
      },
    },
    (req) => catalogueUsage(usageDeps, signedIn(req.ctx), req.query),
  );
  app.get(
    '/trainings/usage/export',
    {
      schema: {
        ...tags,
        summary: 'The period’s catalogue usage as XLSX (summary, every item, every tab, every search without result)',
        querystring: usageQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await exportUsage(usageDeps, signedIn(req.ctx), req.query)),
  );

  // ---- import of a link list ----
  app.get(
    '/trainings/import/template',
    {
      schema: {
        ...tags,
        summary: 'The import template (the header row; the XLSX explains every column on a second sheet)',
        querystring: templateQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await importTemplate(deps, signedIn(req.ctx), req.query.file)),
  );
  app.post(
    '/trainings/import/preview',
    {
      schema: {
        ...tags,
        summary:
          'Upload a link list (multipart field "file", CSV or XLSX); answers every row and error; writes nothing',
        consumes: ['multipart/form-data'],
        response: { 200: importPreviewSchema },
      },
    },
    (req) => withUpload(req, (file) => previewImport(deps, req.ctx, file)),
  );
  app.post(
    '/trainings/import/confirm',
    {
      schema: {
        ...tags,
        summary: 'Send the previewed file again with the preview’s token; creates every new row in one transaction',
        description:
          'The file is checked again: cell errors answer 422 (fields "row.column"), a file or catalogue that no longer gives the previewed result 409.',
        consumes: ['multipart/form-data'],
        querystring: importConfirmQuerySchema,
        response: { 201: importResultSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await withUpload(req, (file) => confirmImport(deps, req.ctx, file, req.query))),
  );

  // ---- review rounds ----
  app.get('/trainings/rounds', { schema: { ...tags, response: { 200: roundListSchema } } }, (req) =>
    listRounds(deps.db, signedIn(req.ctx)),
  );
  app.get('/trainings/rounds/reviewers', { schema: { ...tags, response: { 200: roundReviewersSchema } } }, (req) =>
    listRoundReviewers(deps.db, signedIn(req.ctx)),
  );
  app.get('/trainings/rounds/mine', { schema: { ...tags, response: { 200: myReviewSchema } } }, (req) =>
    myReview(deps.db, signedIn(req.ctx)),
  );
  app.post(
    '/trainings/rounds',
    { schema: { ...tags, body: openRoundSchema, response: { 201: roundSchema } } },
    async (req, reply) => reply.code(201).send(await openRound(deps.db, signedIn(req.ctx), req.body)),
  );
  app.post(
    '/trainings/rounds/:id/close',
    { schema: { ...tags, params: idParamsSchema, response: { 200: roundSchema } } },
    (req) => closeRound(deps.db, signedIn(req.ctx), req.params.id),
  );
  app.post(
    '/trainings/rounds/:id/items/:itemId/decision',
    {
      schema: {
        ...tags,
        params: roundItemParamsSchema,
        body: reviewDecisionSchema,
        response: { 200: myAssignmentSchema },
      },
    },
    (req) => decideInRound(deps.db, signedIn(req.ctx), req.params.id, req.params.itemId, req.body),
  );
}

/** The uploaded link list (multipart field "file"), through the platform's upload helper. */
function withUpload<T>(req: FastifyRequest, use: (file: UploadedFile) => Promise<T>): Promise<T> {
  const limits = { maxBytes: TRAINING_IMPORT_LIMITS.uploadBytes, defaultName: 'lista' };
  return withPlatformUpload(req, req.server.deps.config, limits, use);
}
