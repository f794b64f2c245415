// Thin routes of career paths: the region's model (versions, draft, publishing, the printable version), the task
// matrix with local deviations and its exports, each municipality's implementation, checklist and cost calculation,
// the regional progress view and staff by role, and development plans. Permission checks live in the services.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../platform/server/actor.ts';
import { sendFile } from '../../platform/server/send-file.ts';
import { storedFileSchema } from '../../platform/shared/files.ts';
import { budgetXlsx, getBudget, saveBudget } from './budget.service.ts';
import {
  addItemSchema,
  budgetInputsSchema,
  budgetSchema,
  catalogueChoicesSchema,
  educationInputSchema,
  educationParamsSchema,
  idParamsSchema,
  implementationSchema,
  itemParamsSchema,
  matrixExportQuerySchema,
  matrixQuerySchema,
  matrixSchema,
  modelOverviewSchema,
  modelVersionSchema,
  municipalityParamsSchema,
  myPlanSchema,
  occasionChoicesSchema,
  okSchema,
  personChoiceSchema,
  personSearchQuerySchema,
  planInputSchema,
  planListSchema,
  planSchema,
  planUpdateSchema,
  progressSchema,
  publishSchema,
  saveDraftSchema,
  setDeviationSchema,
  staffByRoleSchema,
  staffQuerySchema,
  updateImplementationSchema,
  updateItemSchema,
  versionQuerySchema,
} from './career-paths.contracts.ts';
import type { CareerDeps } from './career-paths-scope.ts';
import { closeCareerPool, matrixFile, modelPdf } from './documents.service.ts';
import {
  addItem,
  adoptChecklist,
  deleteItem,
  downloadEvidence,
  getImplementation,
  updateImplementation,
  updateItem,
  uploadEvidence,
} from './implementation.service.ts';
import {
  discardDraft,
  getMatrix,
  getVersion,
  modelOverview,
  publishDraft,
  saveDraft,
  setDeviation,
  startDraft,
} from './model.service.ts';
import {
  addEducation,
  catalogueChoices,
  createPlan,
  deletePlan,
  getPlan,
  listPlans,
  myPlan,
  occasionChoices,
  personChoices,
  removeEducation,
  setEducationCompleted,
  updatePlan,
} from './plans.service.ts';
import { regionalProgressJson, staffByRoleJson } from './progress.service.ts';

export function careerDeps(ctx: {
  database: { db: CareerDeps['db'] };
  readCache: CareerDeps['cache'];
  config: { suppressionMinCount: number; publicUrl: string };
  mailer?: CareerDeps['mailer'];
}): CareerDeps {
  return {
    db: ctx.database.db,
    cache: ctx.readCache,
    minCount: ctx.config.suppressionMinCount,
    publicUrl: ctx.config.publicUrl,
    ...(ctx.mailer ? { mailer: ctx.mailer } : {}),
  };
}

export async function careerPathsModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = careerDeps(app.deps);
  app.addHook('onClose', closeCareerPool);
  // Checklist evidence arrives as one PDF in a multipart body (decision 024).
  await app.register(multipart, { limits: { files: 1, parts: 2 } });
  const tags = { tags: ['Career paths'] };
  const fileResponse = { 200: z.any().describe('The file') };
  const versionParams = z.object({ version: z.coerce.number().int().min(1) });

  // ---- the model ----
  app.get('/career-paths/model', { schema: { ...tags, response: { 200: modelOverviewSchema } } }, (req) =>
    modelOverview(deps, signedIn(req.ctx)),
  );
  app.get(
    '/career-paths/model/versions/:version',
    { schema: { ...tags, params: versionParams, response: { 200: modelVersionSchema } } },
    (req) => getVersion(deps, signedIn(req.ctx), req.params.version),
  );
  app.post(
    '/career-paths/model/draft',
    { schema: { ...tags, response: { 201: modelVersionSchema } } },
    async (req, reply) => reply.code(201).send(await startDraft(deps, signedIn(req.ctx))),
  );
  app.put(
    '/career-paths/model/draft',
    { schema: { ...tags, body: saveDraftSchema, response: { 200: modelVersionSchema } } },
    (req) => saveDraft(deps, signedIn(req.ctx), req.body.model),
  );
  app.delete('/career-paths/model/draft', { schema: { ...tags, response: { 200: okSchema } } }, (req) =>
    discardDraft(deps, signedIn(req.ctx)),
  );
  app.post(
    '/career-paths/model/draft/publish',
    { schema: { ...tags, body: publishSchema, response: { 200: modelVersionSchema } } },
    (req) => publishDraft(deps, signedIn(req.ctx), req.body),
  );
  app.get(
    '/career-paths/model.pdf',
    {
      schema: {
        ...tags,
        summary: 'The model as an accessible PDF',
        querystring: versionQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await modelPdf(deps, signedIn(req.ctx), req.query.version)),
  );

  // ---- the task matrix ----
  app.get(
    '/career-paths/matrix',
    { schema: { ...tags, querystring: matrixQuerySchema, response: { 200: matrixSchema } } },
    (req) => getMatrix(deps, signedIn(req.ctx), req.query),
  );
  app.put(
    '/career-paths/matrix/deviations',
    { schema: { ...tags, body: setDeviationSchema, response: { 200: matrixSchema } } },
    (req) => setDeviation(deps, signedIn(req.ctx), req.body),
  );
  app.get(
    '/career-paths/matrix/export',
    {
      schema: {
        ...tags,
        summary: 'The task matrix as XLSX or PDF',
        querystring: matrixExportQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await matrixFile(deps, signedIn(req.ctx), req.query)),
  );

  // ---- the region's view ----
  // Already-serialised JSON (computed once per revision of the data; progress.service.ts).
  app.get('/career-paths/progress', { schema: { ...tags, response: { 200: progressSchema } } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send((await regionalProgressJson(deps, signedIn(req.ctx))) as never),
  );
  app.get(
    '/career-paths/staff',
    { schema: { ...tags, querystring: staffQuerySchema, response: { 200: staffByRoleSchema } } },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send((await staffByRoleJson(deps, signedIn(req.ctx), req.query.municipalityId)) as never),
  );

  // ---- a municipality's implementation ----
  const m = '/career-paths/municipalities/:municipalityId';
  app.get(
    m,
    { schema: { ...tags, params: municipalityParamsSchema, response: { 200: implementationSchema } } },
    (req) => getImplementation(deps, signedIn(req.ctx), req.params.municipalityId),
  );
  app.patch(
    m,
    {
      schema: {
        ...tags,
        params: municipalityParamsSchema,
        body: updateImplementationSchema,
        response: { 200: implementationSchema },
      },
    },
    (req) => updateImplementation(deps, signedIn(req.ctx), req.params.municipalityId, req.body),
  );
  app.post(
    `${m}/adopt`,
    { schema: { ...tags, params: municipalityParamsSchema, response: { 200: implementationSchema } } },
    (req) => adoptChecklist(deps, signedIn(req.ctx), req.params.municipalityId),
  );
  app.post(
    `${m}/items`,
    {
      schema: {
        ...tags,
        params: municipalityParamsSchema,
        body: addItemSchema,
        response: { 201: implementationSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addItem(deps, signedIn(req.ctx), req.params.municipalityId, req.body)),
  );
  app.patch(
    `${m}/items/:itemId`,
    { schema: { ...tags, params: itemParamsSchema, body: updateItemSchema, response: { 200: implementationSchema } } },
    (req) => updateItem(deps, signedIn(req.ctx), req.params.municipalityId, req.params.itemId, req.body),
  );
  app.delete(
    `${m}/items/:itemId`,
    { schema: { ...tags, params: itemParamsSchema, response: { 200: implementationSchema } } },
    (req) => deleteItem(deps, signedIn(req.ctx), req.params.municipalityId, req.params.itemId),
  );
  app.post(
    `${m}/evidence`,
    {
      schema: {
        ...tags,
        summary: 'Upload a PDF as checklist evidence (attached by the item change that names it)',
        consumes: ['multipart/form-data'],
        params: municipalityParamsSchema,
        response: { 201: storedFileSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await uploadEvidence(req, deps, signedIn(req.ctx), req.params.municipalityId)),
  );
  app.get(
    '/career-paths/evidence/:id',
    {
      schema: {
        ...tags,
        summary: "Download a checklist item's evidence (PDF)",
        params: idParamsSchema,
        response: fileResponse,
      },
    },
    (req, reply) => downloadEvidence(reply, deps, signedIn(req.ctx), req.params.id),
  );
  app.get(
    `${m}/budget`,
    { schema: { ...tags, params: municipalityParamsSchema, response: { 200: budgetSchema } } },
    (req) => getBudget(deps, signedIn(req.ctx), req.params.municipalityId),
  );
  app.put(
    `${m}/budget`,
    {
      schema: { ...tags, params: municipalityParamsSchema, body: budgetInputsSchema, response: { 200: budgetSchema } },
    },
    (req) => saveBudget(deps, signedIn(req.ctx), req.params.municipalityId, req.body),
  );
  app.get(
    `${m}/budget.xlsx`,
    {
      schema: {
        ...tags,
        summary: 'The cost calculation as XLSX',
        params: municipalityParamsSchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await budgetXlsx(deps, signedIn(req.ctx), req.params.municipalityId)),
  );

  // ---- development plans ----
  app.get('/career-paths/plans', { schema: { ...tags, response: { 200: planListSchema } } }, (req) =>
    listPlans(deps, signedIn(req.ctx)),
  );
  app.post(
    '/career-paths/plans',
    { schema: { ...tags, body: planInputSchema, response: { 201: planSchema } } },
    async (req, reply) => reply.code(201).send(await createPlan(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/career-paths/plans/:id',
    { schema: { ...tags, params: idParamsSchema, response: { 200: planSchema } } },
    (req) => getPlan(deps, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    '/career-paths/plans/:id',
    { schema: { ...tags, params: idParamsSchema, body: planUpdateSchema, response: { 200: planSchema } } },
    (req) => updatePlan(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.delete(
    '/career-paths/plans/:id',
    { schema: { ...tags, params: idParamsSchema, response: { 200: okSchema } } },
    (req) => deletePlan(deps, signedIn(req.ctx), req.params.id),
  );
  app.post(
    '/career-paths/plans/:id/educations',
    { schema: { ...tags, params: idParamsSchema, body: educationInputSchema, response: { 201: planSchema } } },
    async (req, reply) => reply.code(201).send(await addEducation(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.patch(
    '/career-paths/plans/:id/educations/:educationId',
    {
      schema: {
        ...tags,
        params: educationParamsSchema,
        body: z.strictObject({ completedOn: z.iso.date().nullable() }),
        response: { 200: planSchema },
      },
    },
    (req) =>
      setEducationCompleted(deps, signedIn(req.ctx), req.params.id, req.params.educationId, req.body.completedOn),
  );
  app.delete(
    '/career-paths/plans/:id/educations/:educationId',
    { schema: { ...tags, params: educationParamsSchema, response: { 200: planSchema } } },
    (req) => removeEducation(deps, signedIn(req.ctx), req.params.id, req.params.educationId),
  );
  app.get('/career-paths/my-plan', { schema: { ...tags, response: { 200: myPlanSchema } } }, (req) =>
    myPlan(deps, signedIn(req.ctx)),
  );
  app.get(
    '/career-paths/person-choices',
    { schema: { ...tags, querystring: personSearchQuerySchema, response: { 200: personChoiceSchema } } },
    (req) => personChoices(deps, signedIn(req.ctx), req.query.q),
  );
  app.get(
    '/career-paths/catalogue-choices',
    { schema: { ...tags, querystring: personSearchQuerySchema, response: { 200: catalogueChoicesSchema } } },
    (req) => catalogueChoices(deps, signedIn(req.ctx), req.query.q),
  );
  app.get(
    '/career-paths/occasion-choices',
    { schema: { ...tags, querystring: personSearchQuerySchema, response: { 200: occasionChoicesSchema } } },
    (req) => occasionChoices(deps, signedIn(req.ctx), req.query.q),
  );
}
