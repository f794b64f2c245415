// Thin routes of the introduction lists: managers' lists, entries, copies and assignments; the employee's own
// introduction when signed in; and the personal link (no sign-in; the token travels in the query string or body,
// which the request log leaves out). Permission checks live in the services through the policy module.

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedIn } from '../../platform/server/actor.ts';
import { assign, deleteAssignment, endAssignment, listAssignments, resendLink } from './assignments.service.ts';
import { addEntry, moveEntry, removeEntry, searchCatalogueChoices } from './entries.service.ts';
import {
  addEntrySchema,
  assignmentListSchema,
  assignmentSchema,
  assignSchema,
  catalogueChoicesSchema,
  catalogueSearchQuerySchema,
  copyListSchema,
  createListSchema,
  entryParamsSchema,
  idParamsSchema,
  introductionSchema,
  listPageSchema,
  listSchema,
  listScopeQuerySchema,
  moveEntrySchema,
  myIntroductionsSchema,
  okSchema,
  progressSchema,
  publicProgressSchema,
  tokenQuerySchema,
  updateListSchema,
} from './introductions.contracts.ts';
import type { IntroductionsDeps } from './introductions-scope.ts';
import { copyList, createList, deleteList, getList, listLists, updateList } from './lists.service.ts';
import { introductionByToken, myIntroductions, setMyProgress, setProgressByToken } from './my-introduction.service.ts';

export async function introductionsModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, database, readCache, mailer } = app.deps;
  const deps: IntroductionsDeps = {
    db: database.db,
    mailer,
    publicUrl: config.publicUrl,
    trainings: { db: database.db, cache: readCache, minCount: config.suppressionMinCount },
  };
  const tags = { tags: ['Introductions'] };
  const open = { ...tags, security: [] };

  // ---- lists ----
  app.get(
    '/introductions/lists',
    { schema: { ...tags, querystring: listScopeQuerySchema, response: { 200: listPageSchema } } },
    async (req) => ({ lists: await listLists(deps, signedIn(req.ctx), req.query.scope) }),
  );
  app.post(
    '/introductions/lists',
    { schema: { ...tags, body: createListSchema, response: { 201: listSchema } } },
    async (req, reply) => reply.code(201).send(await createList(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/introductions/lists/:id',
    { schema: { ...tags, params: idParamsSchema, response: { 200: listSchema } } },
    (req) => getList(deps, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    '/introductions/lists/:id',
    { schema: { ...tags, params: idParamsSchema, body: updateListSchema, response: { 200: listSchema } } },
    (req) => updateList(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.delete(
    '/introductions/lists/:id',
    { schema: { ...tags, params: idParamsSchema, response: { 200: okSchema } } },
    (req) => deleteList(deps, signedIn(req.ctx), req.params.id),
  );
  app.post(
    '/introductions/lists/:id/copy',
    { schema: { ...tags, params: idParamsSchema, body: copyListSchema, response: { 201: listSchema } } },
    async (req, reply) => reply.code(201).send(await copyList(deps, signedIn(req.ctx), req.params.id, req.body)),
  );

  // ---- entries ----
  app.post(
    '/introductions/lists/:id/entries',
    { schema: { ...tags, params: idParamsSchema, body: addEntrySchema, response: { 201: listSchema } } },
    async (req, reply) => reply.code(201).send(await addEntry(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.delete(
    '/introductions/lists/:id/entries/:entryId',
    { schema: { ...tags, params: entryParamsSchema, response: { 200: listSchema } } },
    (req) => removeEntry(deps, signedIn(req.ctx), req.params.id, req.params.entryId),
  );
  app.post(
    '/introductions/lists/:id/entries/:entryId/move',
    { schema: { ...tags, params: entryParamsSchema, body: moveEntrySchema, response: { 200: listSchema } } },
    (req) => moveEntry(deps, signedIn(req.ctx), req.params.id, req.params.entryId, req.body.direction),
  );
  app.get(
    '/introductions/catalogue',
    { schema: { ...tags, querystring: catalogueSearchQuerySchema, response: { 200: catalogueChoicesSchema } } },
    async (req) => ({ items: await searchCatalogueChoices(deps, signedIn(req.ctx), req.query.q) }),
  );

  // ---- assignments ----
  app.get(
    '/introductions/lists/:id/assignments',
    { schema: { ...tags, params: idParamsSchema, response: { 200: assignmentListSchema } } },
    async (req) => ({ assignments: await listAssignments(deps, signedIn(req.ctx), req.params.id) }),
  );
  app.post(
    '/introductions/lists/:id/assignments',
    { schema: { ...tags, params: idParamsSchema, body: assignSchema, response: { 201: assignmentSchema } } },
    async (req, reply) => reply.code(201).send(await assign(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/introductions/assignments/:id/resend',
    { schema: { ...tags, params: idParamsSchema, response: { 200: assignmentSchema } } },
    (req) => resendLink(deps, signedIn(req.ctx), req.params.id),
  );
  app.post(
    '/introductions/assignments/:id/end',
    { schema: { ...tags, params: idParamsSchema, response: { 200: assignmentSchema } } },
    (req) => endAssignment(deps, signedIn(req.ctx), req.params.id),
  );
  app.delete(
    '/introductions/assignments/:id',
    { schema: { ...tags, params: idParamsSchema, response: { 200: okSchema } } },
    (req) => deleteAssignment(deps, signedIn(req.ctx), req.params.id),
  );

  // ---- the employee's own introduction ----
  app.get('/introductions/mine', { schema: { ...tags, response: { 200: myIntroductionsSchema } } }, async (req) => ({
    introductions: await myIntroductions(deps, signedIn(req.ctx)),
  }));
  app.put(
    '/introductions/mine/:id/entries/:entryId',
    { schema: { ...tags, params: entryParamsSchema, body: progressSchema, response: { 200: introductionSchema } } },
    (req) => setMyProgress(deps, signedIn(req.ctx), req.params.id, req.params.entryId, req.body.done),
  );

  // ---- the personal link (no sign-in) ----
  app.get(
    '/public/introductions/introduction',
    { schema: { ...open, querystring: tokenQuerySchema, response: { 200: introductionSchema } } },
    (req) => introductionByToken(deps, req.ctx, req.query.token),
  );
  app.put(
    '/public/introductions/introduction/entries/:entryId',
    {
      schema: {
        ...open,
        params: entryParamsSchema.pick({ entryId: true }),
        body: publicProgressSchema,
        response: { 200: introductionSchema },
      },
    },
    (req) => setProgressByToken(deps, req.ctx, req.params.entryId, req.body.token, req.body.done),
  );
}
