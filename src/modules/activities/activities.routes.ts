// Thin routes of the activities core: activities and occasions, registration and the waiting list, attendance,
// survey templates, results and the personal survey link, calendar files and feeds. Permission checks and scoping
// live in the services.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn, TokenGuessLimiter } from '../../platform/server/actor.ts';
import { ForbiddenError } from '../../platform/server/errors.ts';
import type { ModuleContext } from '../../platform/server/module.ts';
import { sendFile } from '../../platform/server/send-file.ts';
import {
  activityDetailSchema,
  activityInputSchema,
  activitySummarySchema,
  activityUpdateSchema,
  answerSchema,
  attendanceSchema,
  candidatesQuerySchema,
  candidatesSchema,
  feedSchema,
  idParamsSchema,
  myOccasionsSchema,
  occasionDetailSchema,
  occasionInputSchema,
  occasionListQuerySchema,
  occasionListSchema,
  occasionStatusSchema,
  optionsSchema,
  publicSurveySchema,
  registerResultSchema,
  registerSchema,
  surveyResultsSchema,
  templateInputSchema,
  templateSchema,
  tokenQuerySchema,
} from './activities.contracts.ts';
import type { ActivitiesDeps } from './activities-scope.ts';
import { feedStatus, municipalityFeed, networkFeed, occasionIcs, personalFeed, renewFeed } from './calendar.service.ts';
import { type Conditional, encodedBody, type FeedAnswer } from './calendar-answers.ts';
import { closeFeedWatch } from './calendar-watch.ts';
import {
  activityDetail,
  candidates,
  formOptions,
  listOccasions,
  myOccasions,
  occasionDetail,
} from './occasion-views.service.ts';
import {
  createActivity,
  createOccasion,
  setOccasionStatus,
  updateActivity,
  updateOccasion,
} from './occasions.service.ts';
import { cancelRegistration, deliver, recordAttendance, register, registerSelf } from './registrations.service.ts';
import {
  answerSurvey,
  createTemplate,
  listTemplates,
  publicSurvey,
  sendSurvey,
  surveyResults,
  surveyResultsXlsx,
} from './surveys.service.ts';

const ICS_TYPE = 'text/calendar; charset=utf-8';

/** A calendar client's "only if changed" (decision 031). */
const conditional = (h: Record<string, string | string[] | undefined>): Conditional => ({
  ifNoneMatch: typeof h['if-none-match'] === 'string' ? h['if-none-match'] : undefined,
  ifModifiedSince: typeof h['if-modified-since'] === 'string' ? h['if-modified-since'] : undefined,
});

/** A feed with its validators; 304 with no body when the client's copy is current. */
async function sendFeed(req: FastifyRequest, reply: FastifyReply, cache: 'private' | 'public', feed: FeedAnswer) {
  reply
    .header('etag', feed.etag)
    .header('last-modified', feed.modifiedAt.toUTCString())
    .header('cache-control', `${cache}, max-age=300`)
    .header('vary', 'accept-encoding');
  // No body and no Content-Length on a 304: a "null" body made clients (undici) wait for 4 bytes that never come and
  // open a new connection for each poll, leaving the old one open.
  if (feed.notModified) return reply.code(304).removeHeader('content-length').send();
  // Compressed once per body and server (the global compression would compress it again on every poll).
  const { body, encoding } = await encodedBody(feed.etag, feed.body, req.headers['accept-encoding']);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.header('content-type', ICS_TYPE).send(body);
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function activitiesDeps(
  from: Pick<ModuleContext, 'config' | 'database' | 'readCache' | 'mailer'>,
): ActivitiesDeps {
  const { config, database, readCache, mailer } = from;
  return {
    db: database.db,
    cache: readCache,
    mailer,
    publicUrl: config.publicUrl,
    minCount: config.suppressionMinCount,
    now: () => new Date(),
    // Survey links and feed addresses are 256-bit secrets; guesses are limited per address all the same.
    guesses: new TokenGuessLimiter(30, 15 * 60),
  };
}

export async function activitiesModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = activitiesDeps(fastify.deps);
  // The personal feeds listen to the database's notices from their first poll on (decision 045).
  fastify.addHook('onClose', () => closeFeedWatch(deps.db));
  const tags = { tags: ['Activities'] };
  const open = { tags: ['Activities (public)'] };
  const fileResponse = { 200: z.any().describe('The file') };
  const feedResponse = {
    200: z.any().describe('The calendar (ETag and Last-Modified for conditional requests)'),
    304: z.null().describe('Not modified: the client holds the current calendar (If-None-Match, If-Modified-Since)'),
  };
  const feedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });
  const idIcsParams = z.object({ id: z.string().regex(/^[0-9a-f-]{36}\.ics$/) });

  // ---- activities and occasions ----
  app.get('/activities/options', { schema: { ...tags, response: { 200: optionsSchema } } }, (req) =>
    formOptions(deps, signedIn(req.ctx)),
  );
  app.get(
    '/activities/occasions',
    { schema: { ...tags, querystring: occasionListQuerySchema, response: { 200: occasionListSchema } } },
    (req) => listOccasions(deps, signedIn(req.ctx), req.query),
  );
  app.get('/activities/mine', { schema: { ...tags, response: { 200: myOccasionsSchema } } }, (req) =>
    myOccasions(deps, signedIn(req.ctx)),
  );
  app.post(
    '/activities',
    { schema: { ...tags, body: activityInputSchema, response: { 201: activitySummarySchema } } },
    async (req, reply) => reply.code(201).send(await createActivity(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/activities/:id',
    { schema: { ...tags, params: idParamsSchema, response: { 200: activityDetailSchema } } },
    (req) => activityDetail(deps, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    '/activities/:id',
    {
      schema: { ...tags, params: idParamsSchema, body: activityUpdateSchema, response: { 200: activitySummarySchema } },
    },
    (req) => updateActivity(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.post(
    '/activities/:id/occasions',
    { schema: { ...tags, params: idParamsSchema, body: occasionInputSchema, response: { 201: occasionDetailSchema } } },
    async (req, reply) => reply.code(201).send(await createOccasion(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.get(
    '/activities/occasions/:id',
    { schema: { ...tags, params: idParamsSchema, response: { 200: occasionDetailSchema } } },
    (req) => occasionDetail(deps, signedIn(req.ctx), req.params.id),
  );
  app.put(
    '/activities/occasions/:id',
    { schema: { ...tags, params: idParamsSchema, body: occasionInputSchema, response: { 200: occasionDetailSchema } } },
    (req) => updateOccasion(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.post(
    '/activities/occasions/:id/status',
    {
      schema: { ...tags, params: idParamsSchema, body: occasionStatusSchema, response: { 200: occasionDetailSchema } },
    },
    (req) => setOccasionStatus(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.get(
    '/activities/occasions/:id/calendar',
    { schema: { ...tags, params: idParamsSchema, response: fileResponse } },
    async (req, reply) => {
      signedIn(req.ctx);
      const file = await occasionIcs(deps, req.params.id);
      return sendFile(reply, { ...file, body: Buffer.from(file.body, 'utf8'), contentType: ICS_TYPE });
    },
  );

  // ---- registration and attendance ----
  app.get(
    '/activities/occasions/:id/candidates',
    {
      schema: {
        ...tags,
        params: idParamsSchema,
        querystring: candidatesQuerySchema,
        response: { 200: candidatesSchema },
      },
    },
    (req) => candidates(deps, signedIn(req.ctx), req.params.id, req.query.q),
  );
  app.post(
    '/activities/occasions/:id/registrations',
    { schema: { ...tags, params: idParamsSchema, body: registerSchema, response: { 200: registerResultSchema } } },
    async (req) => ({ results: await register(deps, signedIn(req.ctx), req.params.id, req.body.personIds) }),
  );
  app.post(
    '/activities/occasions/:id/registrations/self',
    { schema: { ...tags, params: idParamsSchema, response: { 200: registerResultSchema } } },
    async (req) => ({ results: await registerSelf(deps, signedIn(req.ctx), req.params.id) }),
  );
  app.post(
    '/activities/registrations/:id/cancel',
    { schema: { ...tags, params: idParamsSchema, response: { 200: z.object({ promoted: z.number().int() }) } } },
    (req) => cancelRegistration(deps, signedIn(req.ctx), req.params.id),
  );
  app.put(
    '/activities/occasions/:id/attendance',
    { schema: { ...tags, params: idParamsSchema, body: attendanceSchema, response: { 200: occasionDetailSchema } } },
    async (req) => {
      const ctx = signedIn(req.ctx);
      await recordAttendance(deps, ctx, req.params.id, req.body);
      return occasionDetail(deps, ctx, req.params.id);
    },
  );

  // ---- surveys ----
  app.get('/activities/survey-templates', { schema: { ...tags, response: { 200: z.array(templateSchema) } } }, (req) =>
    listTemplates(deps, signedIn(req.ctx)),
  );
  app.post(
    '/activities/survey-templates',
    { schema: { ...tags, body: templateInputSchema, response: { 201: templateSchema } } },
    async (req, reply) => reply.code(201).send(await createTemplate(deps, signedIn(req.ctx), req.body)),
  );
  app.post(
    '/activities/occasions/:id/survey',
    { schema: { ...tags, params: idParamsSchema, response: { 200: z.object({ invited: z.number().int() }) } } },
    async (req) => {
      const ctx = signedIn(req.ctx);
      // Only the organiser sends: the detail call checks it (and 404s what does not exist).
      const detail = await occasionDetail(deps, ctx, req.params.id);
      if (!detail.activity.canOrganise) throw new ForbiddenError();
      const invited = await sendSurvey(deps, req.params.id, ctx);
      await deliver(deps);
      return { invited };
    },
  );
  app.get(
    '/activities/occasions/:id/survey/results',
    { schema: { ...tags, params: idParamsSchema, response: { 200: surveyResultsSchema } } },
    (req) => surveyResults(deps, signedIn(req.ctx), req.params.id),
  );
  app.get(
    '/activities/occasions/:id/survey/results.xlsx',
    { schema: { ...tags, params: idParamsSchema, response: fileResponse } },
    async (req, reply) => {
      const file = await surveyResultsXlsx(deps, signedIn(req.ctx), req.params.id);
      return sendFile(reply, { ...file, contentType: XLSX_TYPE });
    },
  );
  app.get(
    '/public/activities/survey',
    { schema: { ...open, querystring: tokenQuerySchema, response: { 200: publicSurveySchema } } },
    (req) => publicSurvey(deps, req.ctx, req.query.token),
  );
  app.post(
    '/public/activities/survey',
    { schema: { ...open, body: answerSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await answerSurvey(deps, req.ctx, req.body.token, req.body.answers);
      return reply.code(204).send(null);
    },
  );

  // ---- calendars ----
  app.get('/activities/calendar-feed', { schema: { ...tags, response: { 200: feedSchema } } }, (req) =>
    feedStatus(deps, signedIn(req.ctx)),
  );
  app.post('/activities/calendar-feed', { schema: { ...tags, response: { 200: feedSchema } } }, (req) =>
    renewFeed(deps, signedIn(req.ctx)),
  );
  app.get(
    '/public/activities/feeds/:token',
    { schema: { ...open, params: feedParams, response: feedResponse } },
    async (req, reply) =>
      sendFeed(
        req,
        reply,
        'private',
        await personalFeed(deps, req.ctx, req.params.token.replace(/\.ics$/, ''), conditional(req.headers)),
      ),
  );
  app.get(
    '/public/activities/municipalities/:id',
    { schema: { ...open, params: idIcsParams, response: feedResponse } },
    async (req, reply) =>
      sendFeed(
        req,
        reply,
        'public',
        await municipalityFeed(deps, req.params.id.replace(/\.ics$/, ''), conditional(req.headers)),
      ),
  );
  app.get(
    '/public/activities/networks/:id',
    { schema: { ...open, params: idIcsParams, response: feedResponse } },
    async (req, reply) =>
      sendFeed(
        req,
        reply,
        'public',
        await networkFeed(deps, req.params.id.replace(/\.ics$/, ''), conditional(req.headers)),
      ),
  );
}
