// Thin routes of the web trainings: the public catalogue (no sign-in), suggestions, the review queue and topics.
// Permission checks live in the services through the policy module.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../admin/admin.contracts.ts';
import { getFacets, searchCatalogue, type TrainingsDeps } from './catalogue.service.ts';
import { linkUserAgent } from './link-check.ts';
import { closeRound, decideInRound, listRoundReviewers, listRounds, myReview, openRound } from './rounds.service.ts';
import {
  catalogueFacetsSchema,
  cataloguePageSchema,
  catalogueQuerySchema,
  createTopicSchema,
  myAssignmentSchema,
  myReviewSchema,
  openRoundSchema,
  reviewDecisionSchema,
  reviewPageSchema,
  reviewQuerySchema,
  reviewTrainingSchema,
  roundItemParamsSchema,
  roundListSchema,
  roundReviewersSchema,
  roundSchema,
  suggestedTrainingSchema,
  suggestTrainingSchema,
  topicSchema,
  transitionSchema,
  updateTrainingSchema,
} from './trainings.contracts.ts';
import {
  checkLinkNow,
  createTopic,
  listForReview,
  suggestTraining,
  transitionTraining,
  updateTraining,
} from './trainings.service.ts';

export async function trainingsModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, database, readCache } = app.deps;
  const deps: TrainingsDeps = {
    db: database.db,
    cache: readCache,
    minCount: config.suppressionMinCount,
    // Tests check links against a local server; elsewhere loopback and private addresses are refused.
    linkCheck: { userAgent: linkUserAgent(config.publicUrl), allowPrivateHosts: config.env === 'test' },
  };
  const tags = { tags: ['Trainings'] };
  const open = { ...tags, security: [] };

  // ---- the public catalogue ----
  app.get(
    '/public/trainings',
    { schema: { ...open, querystring: catalogueQuerySchema, response: { 200: cataloguePageSchema } } },
    (req) => searchCatalogue(deps.db, req.query),
  );
  app.get('/public/trainings/facets', { schema: { ...open, response: { 200: catalogueFacetsSchema } } }, () =>
    getFacets(deps),
  );

  // ---- suggestions and review ----
  app.post(
    '/trainings/items',
    { schema: { ...tags, body: suggestTrainingSchema, response: { 201: suggestedTrainingSchema } } },
    async (req, reply) => reply.code(201).send(await suggestTraining(deps, req.ctx, req.body)),
  );
  app.get(
    '/trainings/review',
    { schema: { ...tags, querystring: reviewQuerySchema, response: { 200: reviewPageSchema } } },
    (req) => listForReview(deps, req.ctx, req.query),
  );
  app.patch(
    '/trainings/items/:id',
    {
      schema: { ...tags, params: idParamsSchema, body: updateTrainingSchema, response: { 200: reviewTrainingSchema } },
    },
    (req) => updateTraining(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/trainings/items/:id/transitions',
    { schema: { ...tags, params: idParamsSchema, body: transitionSchema, response: { 200: reviewTrainingSchema } } },
    (req) => transitionTraining(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/trainings/items/:id/check-link',
    { schema: { ...tags, params: idParamsSchema, response: { 200: reviewTrainingSchema } } },
    (req) => checkLinkNow(deps, req.ctx, req.params.id),
  );
  app.post(
    '/trainings/topics',
    { schema: { ...tags, body: createTopicSchema, response: { 201: topicSchema } } },
    async (req, reply) => reply.code(201).send(await createTopic(deps.db, req.ctx, req.body)),
  );

  // ---- review rounds ----
  app.get('/trainings/rounds', { schema: { ...tags, response: { 200: roundListSchema } } }, (req) =>
    listRounds(deps.db, req.ctx),
  );
  app.get('/trainings/rounds/reviewers', { schema: { ...tags, response: { 200: roundReviewersSchema } } }, (req) =>
    listRoundReviewers(deps.db, req.ctx),
  );
  app.get('/trainings/rounds/mine', { schema: { ...tags, response: { 200: myReviewSchema } } }, (req) =>
    myReview(deps.db, req.ctx),
  );
  app.post(
    '/trainings/rounds',
    { schema: { ...tags, body: openRoundSchema, response: { 201: roundSchema } } },
    async (req, reply) => reply.code(201).send(await openRound(deps.db, req.ctx, req.body)),
  );
  app.post(
    '/trainings/rounds/:id/close',
    { schema: { ...tags, params: idParamsSchema, response: { 200: roundSchema } } },
    (req) => closeRound(deps.db, req.ctx, req.params.id),
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
    (req) => decideInRound(deps.db, req.ctx, req.params.id, req.params.itemId, req.body),
  );
}
