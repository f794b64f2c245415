// Thin routes of the joint training plan: cycles and their needs, rankings, the aggregate and the decision; orders,
// the broker's answers and planned occasions, cost and the invoice basis; providers; the annual follow-up.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../platform/server/actor.ts';
import { sendFile } from '../../platform/server/send-file.ts';
import { createCycle, getCycle, listCycles, mergeNeeds, setPhase, splitNeed, submitNeed } from './cycles.service.ts';
import { closeFollowUpPool, followUp, followUpPdf, followUpXlsx, invoiceBasis } from './follow-up.service.ts';
import { orderDetail } from './order-view.ts';
import {
  answerOrder,
  createOrder,
  listOrders,
  markDelivered,
  planOccasion,
  replyToQuestion,
  setCost,
} from './orders.service.ts';
import { createProvider, listProviders, options } from './providers.service.ts';
import { aggregateJson, castRanking, decide, nameRanker } from './rankings.service.ts';
import {
  aggregateMunicipalitiesSchema,
  aggregateSchema,
  answerInputSchema,
  costInputSchema,
  createCycleSchema,
  cycleDetailSchema,
  cycleSummarySchema,
  decisionInputSchema,
  followUpQuerySchema,
  followUpSchema,
  idParamsSchema,
  mergeSchema,
  needInputSchema,
  needSchema,
  occasionPlanSchema,
  optionsSchema,
  orderDetailSchema,
  orderInputSchema,
  orderListSchema,
  phaseSchema,
  providerInputSchema,
  providerSchema,
  rankerSchema,
  rankingInputSchema,
  replyInputSchema,
  splitSchema,
} from './training-plan.contracts.ts';
import { newAggregateCache, type TrainingPlanDeps } from './training-plan-scope.ts';

export function trainingPlanDeps(from: FastifyInstance['deps']): TrainingPlanDeps {
  return {
    db: from.database.db,
    cache: from.readCache,
    minCount: from.config.suppressionMinCount,
    now: () => new Date(),
    aggregates: newAggregateCache(),
  };
}

export async function trainingPlanModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = trainingPlanDeps(fastify.deps);
  const tags = { tags: ['Training plan'] };
  const params = idParamsSchema;
  const cycle = { 200: cycleDetailSchema };
  const order = { 200: orderDetailSchema };
  const fileResponse = { 200: z.any().describe('The file') };
  app.addHook('onClose', closeFollowUpPool);

  app.get('/training-plan/options', { schema: { ...tags, response: { 200: optionsSchema } } }, (req) =>
    options(deps, signedIn(req.ctx)),
  );
  app.get(
    '/training-plan/cycles',
    { schema: { ...tags, response: { 200: z.object({ cycles: z.array(cycleSummarySchema) }) } } },
    (req) => listCycles(deps, signedIn(req.ctx)),
  );
  app.post(
    '/training-plan/cycles',
    { schema: { ...tags, body: createCycleSchema, response: { 201: cycleDetailSchema } } },
    async (req, reply) => reply.code(201).send(await createCycle(deps, signedIn(req.ctx), req.body)),
  );
  app.get('/training-plan/cycles/:id', { schema: { ...tags, params, response: cycle } }, (req) =>
    getCycle(deps, signedIn(req.ctx), req.params.id),
  );
  app.post(
    '/training-plan/cycles/:id/phase',
    { schema: { ...tags, params, body: phaseSchema, response: cycle } },
    (req) => setPhase(deps, signedIn(req.ctx), req.params.id, req.body.phase),
  );
  app.post(
    '/training-plan/cycles/:id/needs',
    { schema: { ...tags, params, body: needInputSchema, response: { 201: needSchema } } },
    async (req, reply) => reply.code(201).send(await submitNeed(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/training-plan/cycles/:id/merge',
    { schema: { ...tags, params, body: mergeSchema, response: { 201: needSchema } } },
    async (req, reply) => reply.code(201).send(await mergeNeeds(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/training-plan/needs/:id/split',
    { schema: { ...tags, params, body: splitSchema, response: { 201: z.object({ needs: z.array(needSchema) }) } } },
    async (req, reply) => reply.code(201).send(await splitNeed(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.put(
    '/training-plan/cycles/:id/ranking',
    {
      schema: {
        ...tags,
        params,
        body: rankingInputSchema,
        response: { 200: z.object({ needIds: z.array(z.string()) }) },
      },
    },
    (req) => castRanking(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.put(
    '/training-plan/cycles/:id/ranker',
    { schema: { ...tags, params, body: rankerSchema, response: cycle } },
    (req) => nameRanker(deps, signedIn(req.ctx), req.params.id, req.body.userId),
  );
  app.get(
    '/training-plan/cycles/:id/aggregate',
    { schema: { ...tags, params, response: { 200: aggregateSchema } } },
    // Already-serialised JSON, made once per revision of the cycle's rankings and needs (rankings.service.ts).
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send((await aggregateJson(deps, signedIn(req.ctx), req.params.id)) as never),
  );
  app.get(
    '/training-plan/cycles/:id/aggregate/municipalities',
    { schema: { ...tags, params, response: { 200: aggregateMunicipalitiesSchema } } },
    // Already-serialised JSON, made once per revision of the cycle's rankings and needs (rankings.service.ts).
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send((await aggregateJson(deps, signedIn(req.ctx), req.params.id, 'municipalities')) as never),
  );
  app.post(
    '/training-plan/cycles/:id/decision',
    { schema: { ...tags, params, body: decisionInputSchema, response: cycle } },
    (req) => decide(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.get('/training-plan/orders', { schema: { ...tags, response: { 200: orderListSchema } } }, (req) =>
    listOrders(deps, signedIn(req.ctx)),
  );
  app.post(
    '/training-plan/orders',
    { schema: { ...tags, body: orderInputSchema, response: { 201: orderDetailSchema } } },
    async (req, reply) => reply.code(201).send(await createOrder(deps, signedIn(req.ctx), req.body)),
  );
  app.get('/training-plan/orders/:id', { schema: { ...tags, params, response: order } }, (req) =>
    orderDetail(deps, signedIn(req.ctx), req.params.id),
  );
  app.post(
    '/training-plan/orders/:id/answer',
    { schema: { ...tags, params, body: answerInputSchema, response: order } },
    (req) => answerOrder(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.post(
    '/training-plan/orders/:id/reply',
    { schema: { ...tags, params, body: replyInputSchema, response: order } },
    (req) => replyToQuestion(deps, signedIn(req.ctx), req.params.id, req.body.text),
  );
  app.post(
    '/training-plan/orders/:id/occasions',
    { schema: { ...tags, params, body: occasionPlanSchema, response: { 201: orderDetailSchema } } },
    async (req, reply) => reply.code(201).send(await planOccasion(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post('/training-plan/orders/:id/delivered', { schema: { ...tags, params, response: order } }, (req) =>
    markDelivered(deps, signedIn(req.ctx), req.params.id),
  );
  app.put(
    '/training-plan/orders/:id/cost',
    { schema: { ...tags, params, body: costInputSchema, response: order } },
    (req) => setCost(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.get(
    '/training-plan/orders/:id/invoice.xlsx',
    { schema: { ...tags, params, response: fileResponse } },
    async (req, reply) => sendFile(reply, await invoiceBasis(deps, signedIn(req.ctx), req.params.id, 'xlsx')),
  );
  app.get(
    '/training-plan/orders/:id/invoice.csv',
    { schema: { ...tags, params, response: fileResponse } },
    async (req, reply) => sendFile(reply, await invoiceBasis(deps, signedIn(req.ctx), req.params.id, 'csv')),
  );
  app.get('/training-plan/providers', { schema: { ...tags, response: { 200: z.array(providerSchema) } } }, (req) =>
    listProviders(deps, signedIn(req.ctx)),
  );
  app.post(
    '/training-plan/providers',
    { schema: { ...tags, body: providerInputSchema, response: { 201: providerSchema } } },
    async (req, reply) => reply.code(201).send(await createProvider(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/training-plan/follow-up',
    { schema: { ...tags, querystring: followUpQuerySchema, response: { 200: followUpSchema } } },
    (req) => followUp(deps, signedIn(req.ctx), req.query),
  );
  app.get(
    '/training-plan/follow-up.xlsx',
    { schema: { ...tags, querystring: followUpQuerySchema, response: fileResponse } },
    async (req, reply) => sendFile(reply, await followUpXlsx(deps, signedIn(req.ctx), req.query)),
  );
  app.get(
    '/training-plan/follow-up.pdf',
    { schema: { ...tags, querystring: followUpQuerySchema, response: fileResponse } },
    async (req, reply) => sendFile(reply, await followUpPdf(deps, signedIn(req.ctx), req.query)),
  );
}
