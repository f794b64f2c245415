// The projects module's role × route matrix (run by projects-access.test.ts, read by route-coverage.test.ts). One
// project in which municipality A takes part and A's manager is the project leader: the region's admin and the
// leader change it; A's other users read it (their municipality takes part); B's admin gets 404 (not taking part).
import { randomUUID } from 'node:crypto';
import { defineAccessMatrix, type Expect, type MatrixFixture } from '../../../tests/support/access-matrix.ts';
import { buildMunicipality } from '../../platform/server/factories.ts';

const unique = () => randomUUID().slice(0, 8);

export type ProjectFixture = { projectId: string; activityId: string; proposalId: string; goalId: string };

/** Readers: everyone of A and the region's admin; B's admin is not shown the project. */
const readers = (status: number): Expect => ({ rest: status, other_municipal_admin: 404, signed_out: 401 });
/** Changers: the region's admin and the leader (A's manager); A's others read only (403); B's admin 404. */
const changers = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  manager: status,
  other_municipal_admin: 404,
  signed_out: 401,
});

const post = (fx: ProjectFixture & MatrixFixture, path: string, payload: object) =>
  fx.admin({ method: 'POST', url: `/api/projects/${fx.projectId}${path}`, payload });

/** The id of the newest record in a list of the project's answer. */
const newest = (res: { json(): Record<string, { id: string }[]> }, key: string) => {
  const list = res.json()[key] ?? [];
  return (list.at(-1) as { id: string }).id;
};

export const accessMatrix = defineAccessMatrix<ProjectFixture>({
  module: 'projects',
  routePattern: /^\/api\/projects(\/|$)/,
  async setup(fx) {
    const res = await fx.admin({
      method: 'POST',
      url: '/api/projects',
      payload: {
        name: 'Matrisprojektet',
        startDate: '2025-01-01',
        endDate: '2026-12-31',
        leaderUserId: fx.sessions.manager.user?.id,
      },
    });
    const projectId = res.json().id as string;
    await fx.admin({
      method: 'POST',
      url: `/api/projects/${projectId}/participation`,
      payload: { municipalityId: fx.a.id, event: 'join', date: '2025-01-01' },
    });
    const withActivity = await fx.admin({
      method: 'POST',
      url: `/api/projects/${projectId}/activities`,
      payload: { kind: 'activity', name: 'Förstudie', plannedStart: '2025-02-01', plannedEnd: '2025-04-30' },
    });
    // Records that cells change again and again (each change is idempotent): a proposal and a goal with an indicator.
    const withProposal = await fx.admin({
      method: 'POST',
      url: `/api/projects/${projectId}/proposals`,
      payload: { title: 'Gemensam kompetensbank' },
    });
    const withEffect = await fx.admin({
      method: 'POST',
      url: `/api/projects/${projectId}/effect-goals`,
      payload: { text: 'Fler stannar i yrket' },
    });
    const withGoal = await fx.admin({
      method: 'POST',
      url: `/api/projects/${projectId}/goals`,
      payload: { text: 'Mentorskap införs', effectGoalId: newest(withEffect, 'effectGoals'), indicatorName: 'Adepter' },
    });
    return {
      projectId,
      activityId: newest(withActivity, 'activities'),
      proposalId: newest(withProposal, 'proposals'),
      goalId: newest(withGoal, 'goals'),
    };
  },
  cells: [
    {
      name: 'the projects one may see',
      method: 'GET',
      url: '/api/projects',
      request: () => ({ method: 'GET', url: '/api/projects' }),
      expect: { rest: 200, signed_out: 401 },
    },
    {
      name: 'start a project',
      method: 'POST',
      url: '/api/projects',
      request: () => ({
        method: 'POST',
        url: '/api/projects',
        payload: { name: `Projekt ${unique()}`, startDate: '2025-01-01', endDate: '2025-12-31' },
      }),
      expect: { rest: 403, regional_admin: 201, signed_out: 401 },
    },
    {
      name: 'users, groups and municipalities to choose',
      method: 'GET',
      url: '/api/projects/choices',
      request: () => ({ method: 'GET', url: '/api/projects/choices?q=test' }),
      expect: { rest: 403, regional_admin: 200, manager: 200, signed_out: 401 },
    },
    {
      name: 'one project',
      method: 'GET',
      url: '/api/projects/:id',
      request: (fx) => ({ method: 'GET', url: `/api/projects/${fx.projectId}` }),
      expect: readers(200),
    },
    {
      name: 'change the project',
      method: 'PATCH',
      url: '/api/projects/:id',
      request: (fx) => ({
        method: 'PATCH',
        url: `/api/projects/${fx.projectId}`,
        payload: { purpose: `Syfte ${unique()}` },
      }),
      expect: changers(200),
    },
    {
      name: 'add a member',
      method: 'POST',
      url: '/api/projects/:id/members',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/members`,
        payload: { kind: 'contact', municipalityId: fx.a.id, name: 'Kontaktperson (test)' },
      }),
      expect: changers(201),
    },
    {
      name: 'a municipality joins',
      method: 'POST',
      url: '/api/projects/:id/participation',
      request: async (fx) => {
        const m = await buildMunicipality(fx.t.db);
        return {
          method: 'POST',
          url: `/api/projects/${fx.projectId}/participation`,
          payload: { municipalityId: m.id, event: 'join', date: '2025-03-01', reason: 'Beslut i socialchefsgruppen' },
        };
      },
      expect: changers(201),
    },
    {
      name: 'add a sub-project',
      method: 'POST',
      url: '/api/projects/:id/subprojects',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/subprojects`,
        payload: { name: `Delprojekt ${unique()}` },
      }),
      expect: changers(201),
    },
    {
      name: 'add a proposal',
      method: 'POST',
      url: '/api/projects/:id/proposals',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/proposals`,
        payload: { title: `Förslag ${unique()}` },
      }),
      expect: changers(201),
    },
    {
      name: 'decide a proposal',
      method: 'PUT',
      url: '/api/projects/:id/proposals/:itemId',
      request: (fx) => ({
        method: 'PUT',
        url: `/api/projects/${fx.projectId}/proposals/${fx.proposalId}`,
        payload: { status: 'not_chosen' },
      }),
      expect: changers(200),
    },
    {
      name: 'add an effect goal',
      method: 'POST',
      url: '/api/projects/:id/effect-goals',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/effect-goals`,
        payload: { text: `Effektmål ${unique()}` },
      }),
      expect: changers(201),
    },
    {
      name: 'add a project goal',
      method: 'POST',
      url: '/api/projects/:id/goals',
      request: async (fx) => {
        const effectGoalId = newest(await post(fx, '/effect-goals', { text: `Effekt ${unique()}` }), 'effectGoals');
        return {
          method: 'POST',
          url: `/api/projects/${fx.projectId}/goals`,
          payload: { text: `Projektmål ${unique()}`, effectGoalId, indicatorName: 'Deltagare', indicatorUnit: 'st' },
        };
      },
      expect: changers(201),
    },
    {
      name: "change a goal's status",
      method: 'PATCH',
      url: '/api/projects/:id/goals/:itemId',
      request: async (fx) => {
        const effectGoalId = newest(await post(fx, '/effect-goals', { text: `Effekt ${unique()}` }), 'effectGoals');
        const goalId = newest(await post(fx, '/goals', { text: 'Mål', effectGoalId }), 'goals');
        return {
          method: 'PATCH',
          url: `/api/projects/${fx.projectId}/goals/${goalId}`,
          payload: { status: 'ongoing' },
        };
      },
      expect: changers(200),
    },
    {
      name: "an indicator's value",
      method: 'PUT',
      url: '/api/projects/:id/goals/:itemId/indicator',
      request: (fx) => ({
        method: 'PUT',
        url: `/api/projects/${fx.projectId}/goals/${fx.goalId}/indicator`,
        payload: { date: '2025-06-30', value: 120 },
      }),
      expect: changers(200),
    },
    {
      name: 'add an activity',
      method: 'POST',
      url: '/api/projects/:id/activities',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/activities`,
        payload: { kind: 'milestone', name: 'Styrgruppsbeslut', plannedStart: '2025-05-20', plannedEnd: '2025-05-20' },
      }),
      expect: changers(201),
    },
    {
      name: 'change an activity',
      method: 'PATCH',
      url: '/api/projects/:id/activities/:itemId',
      request: (fx) => ({
        method: 'PATCH',
        url: `/api/projects/${fx.projectId}/activities/${fx.activityId}`,
        payload: { responsible: `Projektledaren ${unique()}` },
      }),
      expect: changers(200),
    },
    {
      name: 'save the baseline',
      method: 'POST',
      url: '/api/projects/:id/baseline',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/baseline`,
        payload: { reason: 'Ny baslinje efter beslut' },
      }),
      expect: changers(200),
    },
    {
      name: 'record a decision',
      method: 'POST',
      url: '/api/projects/:id/decisions',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/decisions`,
        payload: { date: '2025-04-23', forum: 'Styrgrupp', text: 'Projektet förlängs' },
      }),
      expect: changers(201),
    },
    {
      name: 'record a presentation',
      method: 'POST',
      url: '/api/projects/:id/presentations',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/presentations`,
        payload: { date: '2025-03-10', forum: 'MAS-nätverk', topic: 'Förstudien' },
      }),
      expect: changers(201),
    },
    {
      name: "a municipality's pledge",
      method: 'PUT',
      url: '/api/projects/:id/pledges/:municipalityId',
      request: (fx) => ({
        method: 'PUT',
        url: `/api/projects/${fx.projectId}/pledges/${fx.a.id}`,
        payload: { plannedHours: 200, plannedMoney: 0 },
      }),
      expect: changers(200),
    },
    {
      name: 'hours given',
      method: 'POST',
      url: '/api/projects/:id/contributions',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/contributions`,
        payload: { municipalityId: fx.a.id, date: '2025-03-31', hours: 12 },
      }),
      expect: changers(201),
    },
    {
      name: 'a budget line',
      method: 'POST',
      url: '/api/projects/:id/budget-lines',
      request: (fx) => ({
        method: 'POST',
        url: `/api/projects/${fx.projectId}/budget-lines`,
        payload: { kind: 'grant', label: 'Stimulansmedel', funder: 'Staten', planned: 500000 },
      }),
      expect: changers(201),
    },
    {
      name: 'remove a record entered by mistake',
      method: 'DELETE',
      url: '/api/projects/:id/:collection/:itemId',
      request: async (fx) => {
        const itemId = newest(
          await post(fx, '/presentations', { date: '2025-03-11', forum: 'Äldrenätverk' }),
          'presentations',
        );
        return { method: 'DELETE', url: `/api/projects/${fx.projectId}/presentations/${itemId}` };
      },
      expect: changers(200),
    },
    {
      name: "a chapter's text of the final report",
      method: 'PUT',
      url: '/api/projects/:id/report/texts/:chapter',
      request: (fx) => ({
        method: 'PUT',
        url: `/api/projects/${fx.projectId}/report/texts/lessons`,
        payload: { text: 'Börja med en förstudie.' },
      }),
      expect: changers(200),
    },
    {
      name: 'the final report',
      method: 'GET',
      url: '/api/projects/:id/report',
      request: (fx) => ({ method: 'GET', url: `/api/projects/${fx.projectId}/report` }),
      expect: readers(200),
    },
    {
      name: 'the XLSX appendix',
      method: 'GET',
      url: '/api/projects/:id/report.xlsx',
      request: (fx) => ({ method: 'GET', url: `/api/projects/${fx.projectId}/report.xlsx` }),
      expect: readers(200),
    },
    {
      name: 'the final report as PDF',
      method: 'GET',
      url: '/api/projects/:id/report.pdf',
      request: (fx) => ({ method: 'GET', url: `/api/projects/${fx.projectId}/report.pdf` }),
      expect: readers(200),
    },
    {
      name: 'the Gantt chart as SVG',
      method: 'GET',
      url: '/api/projects/:id/gantt.svg',
      request: (fx) => ({ method: 'GET', url: `/api/projects/${fx.projectId}/gantt.svg?zoom=quarter` }),
      expect: readers(200),
    },
  ],
});
