// Thin routes of further education (decision 026): models, adoptions with steps and documents, the overview and map
// data, training posts. Permission checks live in the services through the policy.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../platform/server/actor.ts';
import { idParamsSchema } from '../../platform/shared/contracts.ts';
import { storedFileSchema } from '../../platform/shared/files.ts';
import {
  addStep,
  adoptionOverview,
  createAdoption,
  downloadAdoptionDocument,
  getAdoption,
  updateAdoption,
  uploadAdoptionDocument,
} from './adoptions.service.ts';
import {
  adoptionOverviewSchema,
  adoptionSchema,
  createAdoptionSchema,
  modelInputSchema,
  modelSchema,
  modelsSchema,
  optionsSchema,
  overviewQuerySchema,
  personChoicesQuerySchema,
  personChoicesSchema,
  postInputSchema,
  postSchema,
  postsQuerySchema,
  postsSchema,
  steeringOverviewSchema,
  stepInputSchema,
  updateAdoptionSchema,
  updatePostSchema,
} from './further-education.contracts.ts';
import { createModel, type FurtherEducationDeps, listModels, updateModel } from './models.service.ts';
import { steeringOverview } from './overview.service.ts';
import { createPost, furtherEducationOptions, listPosts, personChoices, updatePost } from './posts.service.ts';

export async function furtherEducationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, { limits: { files: 1, parts: 2 } });
  const deps: FurtherEducationDeps & { minCount: number } = {
    db: app.deps.database.db,
    cache: app.deps.readCache,
    minCount: app.deps.config.suppressionMinCount,
  };
  const tags = { tags: ['Further education'] };
  const base = '/further-education';

  app.get(
    `${base}/models`,
    { schema: { ...tags, summary: 'The training models and their parameters', response: { 200: modelsSchema } } },
    (req) => listModels(deps, signedIn(req.ctx)),
  );
  app.post(
    `${base}/models`,
    {
      schema: {
        ...tags,
        summary: 'A new training model (the region)',
        body: modelInputSchema,
        response: { 201: modelSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createModel(deps, signedIn(req.ctx), req.body)),
  );
  app.put(
    `${base}/models/:id`,
    {
      schema: {
        ...tags,
        summary: 'Change a training model’s parameters (the region)',
        params: idParamsSchema,
        body: modelInputSchema,
        response: { 200: modelSchema },
      },
    },
    (req) => updateModel(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.get(
    `${base}/options`,
    {
      schema: {
        ...tags,
        summary: 'Professions, specialties, municipalities and models for the forms',
        response: { 200: optionsSchema },
      },
    },
    (req) => furtherEducationOptions(deps, signedIn(req.ctx)),
  );
  app.get(
    `${base}/adoptions`,
    {
      schema: {
        ...tags,
        summary: 'Every member municipality’s adoption of a model (the table and the map)',
        querystring: overviewQuerySchema,
        response: { 200: adoptionOverviewSchema },
      },
    },
    (req) => adoptionOverview(deps, signedIn(req.ctx), req.query.modelId),
  );
  app.post(
    `${base}/adoptions`,
    {
      schema: {
        ...tags,
        summary: 'Propose a model in a municipality (its first step)',
        body: createAdoptionSchema,
        response: { 201: adoptionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createAdoption(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    `${base}/adoptions/:id`,
    {
      schema: {
        ...tags,
        summary: 'One adoption with its history of steps and documents',
        params: idParamsSchema,
        response: { 200: adoptionSchema },
      },
    },
    (req) => getAdoption(deps, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    `${base}/adoptions/:id`,
    {
      schema: {
        ...tags,
        summary: 'Change an adoption’s form or contact person',
        params: idParamsSchema,
        body: updateAdoptionSchema,
        response: { 200: adoptionSchema },
      },
    },
    (req) => updateAdoption(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.post(
    `${base}/adoptions/:id/steps`,
    {
      schema: {
        ...tags,
        summary: 'The next step (decided, signed, in operation or declined) with its date, decision body and documents',
        description:
          'One step at a time, never dated before the previous one (400 with the field). Documents uploaded before (…/documents) are attached in the same transaction.',
        params: idParamsSchema,
        body: stepInputSchema,
        response: { 201: adoptionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addStep(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    `${base}/adoptions/:id/documents`,
    {
      schema: {
        ...tags,
        summary: 'Upload a PDF (multipart field "file", at most 10 MB) to attach with the next step',
        description: 'The type is told by the content (%PDF-): 415 otherwise; 413 over the limit.',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: storedFileSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await uploadAdoptionDocument(req, deps, signedIn(req.ctx), req.params.id)),
  );
  app.get(
    `${base}/documents/:id`,
    {
      schema: {
        ...tags,
        summary: 'Download an adoption’s document (PDF)',
        params: idParamsSchema,
        response: { 200: z.any().describe('The PDF') },
      },
    },
    (req, reply) => downloadAdoptionDocument(reply, deps, signedIn(req.ctx), req.params.id),
  );
  app.get(
    `${base}/overview`,
    {
      schema: {
        ...tags,
        summary: 'The steering group’s overview: steps per model and expected new specialists per year (counts)',
        response: { 200: steeringOverviewSchema },
      },
    },
    (req) => steeringOverview(deps, signedIn(req.ctx)),
  );
  app.get(
    `${base}/posts`,
    {
      schema: {
        ...tags,
        summary: 'Training posts (names): the own municipality’s, or the region’s admin every one',
        querystring: postsQuerySchema,
        response: { 200: postsSchema },
      },
    },
    (req) => listPosts(deps, signedIn(req.ctx), req.query.municipalityId),
  );
  app.post(
    `${base}/posts`,
    {
      schema: {
        ...tags,
        summary: 'A training post for a person of the staff register',
        body: postInputSchema,
        response: { 201: postSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPost(deps, signedIn(req.ctx), req.body)),
  );
  app.patch(
    `${base}/posts/:id`,
    {
      schema: {
        ...tags,
        summary: 'Change a training post (dates, status…)',
        params: idParamsSchema,
        body: updatePostSchema,
        response: { 200: postSchema },
      },
    },
    (req) => updatePost(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.get(
    `${base}/person-choices`,
    {
      schema: {
        ...tags,
        summary: 'Persons the caller may give a training post',
        querystring: personChoicesQuerySchema,
        response: { 200: personChoicesSchema },
      },
    },
    (req) => personChoices(deps, signedIn(req.ctx), req.query.q, req.query.municipalityId),
  );
}
