// Thin routes of project governance: the list and one project (everything in one answer), the organisation and
// participation, goals, the plan with its baseline, the logs, co-financing, and the final report's downloads.
// Access is decided in the services per project (projects-scope.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../platform/server/actor.ts';
import { sendFile } from '../../platform/server/send-file.ts';
import { addEffectGoal, addGoal, addIndicatorValue, updateGoal } from './goals.service.ts';
import {
  addBudgetLine,
  addContribution,
  addDecision,
  addPresentation,
  deleteItem,
  setPledge,
  setReportText,
} from './logs.service.ts';
import { addMember, addProposal, addSubproject, decideProposal, recordParticipation } from './organisation.service.ts';
import { createActivity, saveBaseline, updateActivity } from './plan.service.ts';
import {
  addMemberSchema,
  baselineSchema,
  budgetLineSchema,
  chapterParamsSchema,
  choicesQuerySchema,
  choicesSchema,
  contributionSchema,
  createActivitySchema,
  createGoalSchema,
  createProjectSchema,
  decideProposalSchema,
  decisionSchema,
  deleteParamsSchema,
  effectGoalSchema,
  idParamsSchema,
  indicatorValueSchema,
  itemParamsSchema,
  participationSchema,
  pledgeParamsSchema,
  pledgeSchema,
  presentationSchema,
  projectDtoSchema,
  projectListSchema,
  proposalSchema,
  reportModelSchema,
  reportTextSchema,
  subprojectSchema,
  updateActivitySchema,
  updateGoalSchema,
  updateProjectSchema,
} from './projects.contracts.ts';
import { choices, createProject, getProject, listProjects, updateProject } from './projects.service.ts';
import { defaultToday, type ProjectsDeps } from './projects-scope.ts';
import { closeReportPool, getGanttSvg, getReport, getReportPdf, getReportXlsx } from './report.service.ts';

export async function projectsModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps: ProjectsDeps = { db: app.deps.database.db, today: defaultToday };
  const tags = { tags: ['Projects'] };
  const one = { 200: projectDtoSchema };
  const created = { 201: projectDtoSchema };
  const fileResponse = { 200: z.any().describe('The file') };
  app.addHook('onClose', closeReportPool);

  app.get('/projects', { schema: { ...tags, response: { 200: projectListSchema } } }, (req) =>
    listProjects(deps, signedIn(req.ctx)),
  );
  app.post('/projects', { schema: { ...tags, body: createProjectSchema, response: created } }, async (req, reply) =>
    reply.code(201).send(await createProject(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/projects/choices',
    { schema: { ...tags, querystring: choicesQuerySchema, response: { 200: choicesSchema } } },
    (req) => choices(deps, signedIn(req.ctx), req.query.q),
  );
  app.get('/projects/:id', { schema: { ...tags, params: idParamsSchema, response: one } }, (req) =>
    getProject(deps, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    '/projects/:id',
    { schema: { ...tags, params: idParamsSchema, body: updateProjectSchema, response: one } },
    (req) => updateProject(deps, signedIn(req.ctx), req.params.id, req.body),
  );

  // ---- organisation ----
  app.post(
    '/projects/:id/members',
    { schema: { ...tags, params: idParamsSchema, body: addMemberSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addMember(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/projects/:id/participation',
    {
      schema: {
        ...tags,
        summary: 'A municipality joins or leaves the project (leaving before joining is refused)',
        params: idParamsSchema,
        body: participationSchema,
        response: created,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordParticipation(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/projects/:id/subprojects',
    { schema: { ...tags, params: idParamsSchema, body: subprojectSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addSubproject(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/projects/:id/proposals',
    { schema: { ...tags, params: idParamsSchema, body: proposalSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addProposal(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.put(
    '/projects/:id/proposals/:itemId',
    {
      schema: {
        ...tags,
        summary: 'Decide a proposal: chosen (it becomes a sub-project), not chosen, or open',
        params: itemParamsSchema,
        body: decideProposalSchema,
        response: one,
      },
    },
    (req) => decideProposal(deps, signedIn(req.ctx), req.params.id, req.params.itemId, req.body),
  );

  // ---- goals ----
  app.post(
    '/projects/:id/effect-goals',
    { schema: { ...tags, params: idParamsSchema, body: effectGoalSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addEffectGoal(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/projects/:id/goals',
    { schema: { ...tags, params: idParamsSchema, body: createGoalSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addGoal(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.patch(
    '/projects/:id/goals/:itemId',
    { schema: { ...tags, params: itemParamsSchema, body: updateGoalSchema, response: one } },
    (req) => updateGoal(deps, signedIn(req.ctx), req.params.id, req.params.itemId, req.body),
  );
  app.put(
    '/projects/:id/goals/:itemId/indicator',
    { schema: { ...tags, params: itemParamsSchema, body: indicatorValueSchema, response: one } },
    (req) => addIndicatorValue(deps, signedIn(req.ctx), req.params.id, req.params.itemId, req.body),
  );

  // ---- the plan ----
  app.post(
    '/projects/:id/activities',
    { schema: { ...tags, params: idParamsSchema, body: createActivitySchema, response: created } },
    async (req, reply) => reply.code(201).send(await createActivity(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.patch(
    '/projects/:id/activities/:itemId',
    {
      schema: {
        ...tags,
        summary: 'Change an activity; moved dates are kept with who, when and why (a reason after the baseline)',
        params: itemParamsSchema,
        body: updateActivitySchema,
        response: one,
      },
    },
    (req) => updateActivity(deps, signedIn(req.ctx), req.params.id, req.params.itemId, req.body),
  );
  app.post(
    '/projects/:id/baseline',
    { schema: { ...tags, params: idParamsSchema, body: baselineSchema, response: one } },
    (req) => saveBaseline(deps, signedIn(req.ctx), req.params.id, req.body.reason),
  );

  // ---- logs ----
  app.post(
    '/projects/:id/decisions',
    { schema: { ...tags, params: idParamsSchema, body: decisionSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addDecision(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/projects/:id/presentations',
    { schema: { ...tags, params: idParamsSchema, body: presentationSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addPresentation(deps, signedIn(req.ctx), req.params.id, req.body)),
  );

  // ---- co-financing ----
  app.put(
    '/projects/:id/pledges/:municipalityId',
    { schema: { ...tags, params: pledgeParamsSchema, body: pledgeSchema, response: one } },
    (req) => setPledge(deps, signedIn(req.ctx), req.params.id, req.params.municipalityId, req.body),
  );
  app.post(
    '/projects/:id/contributions',
    { schema: { ...tags, params: idParamsSchema, body: contributionSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addContribution(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.post(
    '/projects/:id/budget-lines',
    { schema: { ...tags, params: idParamsSchema, body: budgetLineSchema, response: created } },
    async (req, reply) => reply.code(201).send(await addBudgetLine(deps, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.delete(
    '/projects/:id/:collection/:itemId',
    { schema: { ...tags, summary: 'Remove a record entered by mistake', params: deleteParamsSchema, response: one } },
    (req) => deleteItem(deps, signedIn(req.ctx), req.params.id, req.params.collection, req.params.itemId),
  );

  // ---- the final report ----
  app.put(
    '/projects/:id/report/texts/:chapter',
    { schema: { ...tags, params: chapterParamsSchema, body: reportTextSchema, response: one } },
    (req) => setReportText(deps, signedIn(req.ctx), req.params.id, req.params.chapter, req.body.text),
  );
  app.get(
    '/projects/:id/report',
    { schema: { ...tags, params: idParamsSchema, response: { 200: reportModelSchema } } },
    (req) => getReport(deps, signedIn(req.ctx), req.params.id),
  );
  app.get(
    '/projects/:id/report.xlsx',
    {
      schema: {
        ...tags,
        summary: 'The final report as an XLSX appendix',
        params: idParamsSchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await getReportXlsx(deps, signedIn(req.ctx), req.params.id)),
  );
  app.get(
    '/projects/:id/report.pdf',
    {
      schema: {
        ...tags,
        summary: 'The final report as an accessible PDF (PDF/UA-1)',
        params: idParamsSchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await getReportPdf(deps, signedIn(req.ctx), req.params.id)),
  );
  app.get(
    '/projects/:id/gantt.svg',
    {
      schema: {
        ...tags,
        summary: 'The Gantt chart of plan against reality as SVG',
        params: idParamsSchema,
        querystring: z.strictObject({ zoom: z.enum(['month', 'quarter']).default('month') }),
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await getGanttSvg(deps, signedIn(req.ctx), req.params.id, req.query.zoom)),
  );
}
