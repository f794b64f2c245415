// Thin routes of the administration: parse, call one service function, answer with its DTO.
// A route resolves the actor once (signed out is 401) and hands it to the service; permission checks live in the
// services through the policy module. Services that write audit events also get the request context (id, IP).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActorOf, signedIn } from '../../platform/server/actor.ts';
import { collectTasks } from '../../platform/server/tasks.ts';
import { idParamsSchema, meSchema, regionInfoSchema, taskListSchema } from '../../platform/shared/contracts.ts';
import {
  apiTokenSchema,
  auditListSchema,
  auditQuerySchema,
  createApiTokenSchema,
  createdApiTokenSchema,
  createMunicipalitySchema,
  createNetworkSchema,
  inviteUserSchema,
  networkDetailSchema,
  networkMemberParamsSchema,
  networkSchema,
  okSchema,
  organisationListQuerySchema,
  organisationSchema,
  updateNetworkSchema,
  updateOrganisationSchema,
  updatePreferencesSchema,
  updateUserSchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
} from './admin.contracts.ts';
import { listAuditEvents } from './audit-log.service.ts';
import { createNetwork, getNetwork, listNetworks, setMembership, updateNetwork } from './networks.service.ts';
import {
  createMunicipality,
  getOrganisation,
  getRegionInfo,
  listOrganisations,
  updateOrganisation,
} from './organisations.service.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';
import {
  getMe,
  getUser,
  inviteUser,
  listUsers,
  sendInvitation,
  setLocale,
  setUserActive,
  updateUser,
} from './users.service.ts';

export async function adminModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const userDeps = { db, mailer: app.deps.mailer, config: app.deps.config };
  const tags = (t: string) => ({ tags: [t] });
  const actorOf = (req: FastifyRequest) => requireActorOf(req.ctx);

  app.get(
    '/public/region',
    {
      schema: {
        ...tags('Region'),
        summary: 'The region (no sign-in)',
        security: [],
        response: { 200: regionInfoSchema },
      },
    },
    async () => getRegionInfo(db),
  );

  app.get('/me', { schema: { ...tags('Me'), summary: 'The signed-in user', response: { 200: meSchema } } }, (req) =>
    getMe(db, actorOf(req)),
  );
  // The start page's "Att göra": each module's tasks for this user (decision 018).
  app.get(
    '/me/tasks',
    {
      schema: {
        ...tags('Me'),
        summary: "The signed-in user's tasks, from every module",
        response: { 200: taskListSchema },
      },
    },
    async (req) => {
      const { config, database, mailer, readCache, modules } = app.deps;
      const ctx = { config, database, db: database.db, mailer, readCache, modules };
      const tasks = await collectTasks(ctx, signedIn(req.ctx), (module, error) =>
        req.log.error({ err: error, module }, 'a module could not list its tasks'),
      );
      return { tasks };
    },
  );
  app.patch(
    '/me/preferences',
    {
      schema: {
        ...tags('Me'),
        summary: 'Set the interface language',
        body: updatePreferencesSchema,
        response: { 200: meSchema },
      },
    },
    (req) => setLocale(db, actorOf(req), req.ctx, req.body.locale),
  );

  app.get(
    '/organisations',
    {
      schema: {
        ...tags('Organisations'),
        querystring: organisationListQuerySchema,
        response: { 200: z.array(organisationSchema) },
      },
    },
    (req) =>
      listOrganisations(
        db,
        actorOf(req),
        { includeInactive: req.query.includeInactive === 'true' },
        app.deps.readCache,
      ),
  );
  app.post(
    '/organisations',
    {
      schema: {
        ...tags('Organisations'),
        summary: 'Add a municipality',
        body: createMunicipalitySchema,
        response: { 201: organisationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createMunicipality(db, actorOf(req), req.ctx, req.body)),
  );
  app.get(
    '/organisations/:id',
    { schema: { ...tags('Organisations'), params: idParamsSchema, response: { 200: organisationSchema } } },
    (req) => getOrganisation(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        ...tags('Organisations'),
        summary: 'Rename, recode, deactivate or reactivate',
        params: idParamsSchema,
        body: updateOrganisationSchema,
        response: { 200: organisationSchema },
      },
    },
    (req) => updateOrganisation(db, actorOf(req), req.ctx, req.params.id, req.body),
  );

  app.get(
    '/networks',
    {
      schema: {
        ...tags('Networks'),
        querystring: organisationListQuerySchema,
        response: { 200: z.array(networkSchema) },
      },
    },
    (req) => listNetworks(db, actorOf(req), { includeInactive: req.query.includeInactive === 'true' }),
  );
  app.post(
    '/networks',
    { schema: { ...tags('Networks'), body: createNetworkSchema, response: { 201: networkSchema } } },
    async (req, reply) => reply.code(201).send(await createNetwork(db, actorOf(req), req.ctx, req.body)),
  );
  app.get(
    '/networks/:id',
    { schema: { ...tags('Networks'), params: idParamsSchema, response: { 200: networkDetailSchema } } },
    (req) => getNetwork(db, actorOf(req), req.ctx, req.params.id),
  );
  app.patch(
    '/networks/:id',
    {
      schema: {
        ...tags('Networks'),
        params: idParamsSchema,
        body: updateNetworkSchema,
        response: { 200: networkSchema },
      },
    },
    (req) => updateNetwork(db, actorOf(req), req.ctx, req.params.id, req.body),
  );
  app.put(
    '/networks/:id/members/:userId',
    {
      schema: {
        ...tags('Networks'),
        summary: 'Add a member',
        params: networkMemberParamsSchema,
        response: { 200: okSchema },
      },
    },
    (req) => setMembership(db, actorOf(req), req.ctx, req.params.id, req.params.userId, true),
  );
  app.delete(
    '/networks/:id/members/:userId',
    {
      schema: {
        ...tags('Networks'),
        summary: 'Remove a member',
        params: networkMemberParamsSchema,
        response: { 200: okSchema },
      },
    },
    (req) => setMembership(db, actorOf(req), req.ctx, req.params.id, req.params.userId, false),
  );

  app.get(
    '/users',
    { schema: { ...tags('Users'), querystring: userListQuerySchema, response: { 200: userListSchema } } },
    (req) => listUsers(db, actorOf(req), req.ctx, req.query),
  );
  app.post(
    '/users',
    {
      schema: {
        ...tags('Users'),
        summary: 'Invite a user by e-mail',
        body: inviteUserSchema,
        response: { 201: userSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await inviteUser(userDeps, actorOf(req), req.ctx, req.body)),
  );
  app.get(
    '/users/:id',
    { schema: { ...tags('Users'), params: userIdParamsSchema, response: { 200: userSchema } } },
    (req) => getUser(db, actorOf(req), req.ctx, req.params.id),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        ...tags('Users'),
        summary: 'Rename or change roles',
        params: userIdParamsSchema,
        body: updateUserSchema,
        response: { 200: userSchema },
      },
    },
    (req) => updateUser(db, actorOf(req), req.ctx, req.params.id, req.body),
  );
  app.post(
    '/users/:id/deactivate',
    {
      schema: {
        ...tags('Users'),
        summary: 'Deactivate (ends every session)',
        params: userIdParamsSchema,
        response: { 200: userSchema },
      },
    },
    (req) => setUserActive(db, actorOf(req), req.ctx, req.params.id, false),
  );
  app.post(
    '/users/:id/reactivate',
    { schema: { ...tags('Users'), params: userIdParamsSchema, response: { 200: userSchema } } },
    (req) => setUserActive(db, actorOf(req), req.ctx, req.params.id, true),
  );
  app.post(
    '/users/:id/invitation',
    {
      schema: {
        ...tags('Users'),
        summary: 'Send the invitation again (or a password reset link)',
        params: userIdParamsSchema,
        response: { 200: okSchema },
      },
    },
    (req) => sendInvitation(userDeps, actorOf(req), req.ctx, req.params.id),
  );

  app.get('/tokens', { schema: { ...tags('API tokens'), response: { 200: z.array(apiTokenSchema) } } }, (req) =>
    listTokens(db, actorOf(req)),
  );
  app.post(
    '/tokens',
    {
      schema: {
        ...tags('API tokens'),
        summary: 'Create a token (its value is shown once)',
        body: createApiTokenSchema,
        response: { 201: createdApiTokenSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createToken(db, actorOf(req), req.ctx, req.body)),
  );
  app.post(
    '/tokens/:id/revoke',
    { schema: { ...tags('API tokens'), params: idParamsSchema, response: { 200: apiTokenSchema } } },
    (req) => revokeToken(db, actorOf(req), req.ctx, req.params.id),
  );

  app.get(
    '/audit',
    { schema: { ...tags('Audit log'), querystring: auditQuerySchema, response: { 200: auditListSchema } } },
    (req) => listAuditEvents(db, actorOf(req), req.query, app.deps.modules),
  );
}
