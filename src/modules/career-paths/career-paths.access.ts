// The career path module's role × route matrix (run by career-paths-access.test.ts, read by route-coverage.test.ts):
// every career-paths route, the status each actor must get (every role of municipality A, B's municipal admin, signed
// out). Objects are A's; the setup publishes a model and makes a unit of A managed by A's manager.
import {
  type ActorName,
  defineAccessMatrix,
  type Expect,
  everyone,
  expectedStatus,
  type MatrixFixture,
  regionalOnly,
} from '../../../tests/support/access-matrix.ts';

type Extra = { unitId: string; evidenceId: string; itemId: string; planId: string; educationId: string };
type Fx = MatrixFixture & Extra;

const TODAY = new Date().toISOString().slice(0, 10);
const AHEAD = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** The region's staff roles (every role but the employee's). */
const staff = (status: number): Expect => ({ rest: status, employee: 403, signed_out: 401 });
/** Readers of A's implementation: the region's admin and A's staff roles; B's admin is refused A's (404). */
const readersOfA = (status: number): Expect => ({ ...staff(status), other_municipal_admin: 404 });
/** A's municipal admin and the region's admin. */
const managersOfA = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  other_municipal_admin: 404,
  signed_out: 401,
});
/** Development plans: A's managers and municipal admin (the region has none). */
const planKeepers = (status: number, other = 404): Expect => ({
  rest: 403,
  municipal_admin: status,
  manager: status,
  other_municipal_admin: other,
  signed_out: 401,
});

/**
 * What a cell's request needs, made fresh for each actor the cell lets through (their request uses it up) and once
 * for all the actors it refuses: a refused request changes nothing, so they share one (test time: most actors are
 * refused). Should a refused actor wrongly get through, the shared object is used up and the next one fails too.
 */
function perAllowed<T>(expect: Expect, make: (fx: Fx) => Promise<T>) {
  let shared: Promise<T> | undefined;
  const get = (fx: Fx, actor: ActorName): Promise<T> => {
    if (expectedStatus({ expect }, actor) < 300) return make(fx);
    shared ??= make(fx);
    return shared;
  };
  /** The cell's expectation, the same one that decides who gets a fresh object. */
  return Object.assign(get, { expect });
}

const ensureDraft = (fx: Fx) => fx.admin({ method: 'POST', url: '/api/career-paths/model/draft' });
const municipality = (fx: Fx) => `/api/career-paths/municipalities/${fx.a.id}`;

async function freshItem(fx: Fx) {
  const res = await fx.admin({
    method: 'POST',
    url: `${municipality(fx)}/items`,
    payload: { step: 'plan', title: 'Matrispunkt', owner: 'Projektledaren' },
  });
  const items = res.json().items as { id: string; title: string }[];
  return items.filter((i) => i.title === 'Matrispunkt').at(-1)?.id as string;
}

const PDF = Buffer.from('%PDF-1.4\n% Beslut (test)\ntrailer\n%%EOF\n', 'latin1');
function pdfForm() {
  const boundary = 'kompetensnavkarriarvagar';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="beslut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

let counter = 0;
/** A new person of A in the manager's unit, through the staff register's API. */
async function newPerson(fx: Fx, professionKey = 'vardbitrade'): Promise<{ id: string }> {
  const res = await fx.admin({
    method: 'POST',
    url: '/api/people/persons',
    payload: {
      municipalityId: fx.a.id,
      unitId: fx.unitId,
      firstName: 'Matris',
      lastName: `Person ${++counter}`,
      professionKey,
      employmentForm: 'permanent',
      employmentRate: 100,
      employmentStart: '2024-01-01',
    },
  });
  if (res.statusCode !== 201) throw new Error(`person: ${res.statusCode} ${res.body}`);
  return { id: res.json().id as string };
}

/** A plan of A's manager for a new person in the manager's unit. */
export async function freshPlan(fx: Fx, withEducation = false) {
  const person = await newPerson(fx);
  const res = await fx.as('manager')({
    method: 'POST',
    url: '/api/career-paths/plans',
    payload: {
      personId: person.id,
      currentRoleKey: 'vardbitrade',
      targetRoleKey: 'underskoterska',
      bennerStage: 'advanced_beginner',
      fundingSource: 'aldreomsorgslyftet',
      nextReview: AHEAD,
    },
  });
  const plan = res.json() as { id: string };
  if (!withEducation) return { planId: plan.id, personId: person.id, educationId: '' };
  const withEd = await fx.as('manager')({
    method: 'POST',
    url: `/api/career-paths/plans/${plan.id}/educations`,
    payload: { kind: 'other', title: 'Yrkespaket', status: 'planned', year: 2027 },
  });
  return { planId: plan.id, personId: person.id, educationId: withEd.json().educations[0].id as string };
}

// The objects of the cells that use them up, per allowed actor (the expectations are the cells' own, below).
const noDraft = perAllowed(regionalOnly(201), async (fx) => {
  await fx.admin({ method: 'DELETE', url: '/api/career-paths/model/draft' });
});
const draftToSave = perAllowed(regionalOnly(200), async (fx) => {
  const draft = (await ensureDraft(fx)).json();
  return draft.model ?? (await fx.admin({ method: 'GET', url: '/api/career-paths/model' })).json().current.model;
});
const draftToDiscard = perAllowed(regionalOnly(200), ensureDraft);
const draftToPublish = perAllowed(regionalOnly(200), ensureDraft);
const itemToRemove = perAllowed(managersOfA(200), freshItem);
const personToPlan = perAllowed(planKeepers(201, 400), (fx) => newPerson(fx, 'underskoterska'));
const planToRemove = perAllowed(planKeepers(200), (fx) => freshPlan(fx));
const educationToRemove = perAllowed(planKeepers(200), async (fx) => {
  const title = `Att ta bort ${++counter}`;
  const plan = await fx.as('manager')({
    method: 'POST',
    url: `/api/career-paths/plans/${fx.planId}/educations`,
    payload: { kind: 'other', title, status: 'planned' },
  });
  return (plan.json().educations as { id: string; title: string }[]).find((e) => e.title === title)?.id as string;
});

export const accessMatrix = defineAccessMatrix<Extra>({
  module: 'career-paths',
  routePattern: /^\/api\/career-paths(\/|\.|$)/,
  async setup(fx) {
    await fx.admin({ method: 'POST', url: '/api/career-paths/model/draft' });
    await fx.admin({
      method: 'POST',
      url: '/api/career-paths/model/draft/publish',
      payload: { decisionDate: '2026-01-15' },
    });
    const unit = await fx.admin({
      method: 'POST',
      url: '/api/people/units',
      payload: { municipalityId: fx.a.id, name: 'Hemtjänst Matris', kind: 'home_care' },
    });
    const unitId = unit.json().id as string;
    const manager = fx.sessions.manager.user;
    await fx.admin({ method: 'PUT', url: `/api/people/units/${unitId}/managers`, payload: { userIds: [manager?.id] } });
    // An item of A with an uploaded, attached document as evidence.
    const upload = await fx.admin({
      method: 'POST',
      url: `/api/career-paths/municipalities/${fx.a.id}/evidence`,
      ...pdfForm(),
    });
    const added = await fx.admin({
      method: 'POST',
      url: `/api/career-paths/municipalities/${fx.a.id}/items`,
      payload: { step: 'plan', title: 'Med underlag', owner: 'Projektledaren' },
    });
    const item = (added.json().items as { id: string; title: string }[]).find((i) => i.title === 'Med underlag');
    await fx.admin({
      method: 'PATCH',
      url: `/api/career-paths/municipalities/${fx.a.id}/items/${item?.id}`,
      payload: { evidenceFileId: upload.json().id },
    });
    // A plan with an education and an item that cells change rather than make anew (test time).
    const shared = await freshPlan({ ...fx, unitId, evidenceId: '', itemId: '', planId: '', educationId: '' }, true);
    return {
      unitId,
      evidenceId: upload.json().id as string,
      itemId: item?.id ?? '',
      planId: shared.planId,
      educationId: shared.educationId,
    };
  },
  cells: [
    {
      name: 'the model',
      method: 'GET',
      url: '/api/career-paths/model',
      request: () => ({ method: 'GET', url: '/api/career-paths/model' }),
      expect: everyone(200),
    },
    {
      name: 'an old version',
      method: 'GET',
      url: '/api/career-paths/model/versions/:version',
      request: () => ({ method: 'GET', url: '/api/career-paths/model/versions/1' }),
      expect: everyone(200),
    },
    {
      name: 'start a draft',
      method: 'POST',
      url: '/api/career-paths/model/draft',
      request: async (fx, actor) => {
        await noDraft(fx, actor);
        return { method: 'POST', url: '/api/career-paths/model/draft' };
      },
      expect: noDraft.expect,
    },
    {
      name: 'save the draft',
      method: 'PUT',
      url: '/api/career-paths/model/draft',
      request: async (fx, actor) => ({
        method: 'PUT',
        url: '/api/career-paths/model/draft',
        payload: { model: await draftToSave(fx, actor) },
      }),
      expect: draftToSave.expect,
    },
    {
      name: 'discard the draft',
      method: 'DELETE',
      url: '/api/career-paths/model/draft',
      request: async (fx, actor) => {
        await draftToDiscard(fx, actor);
        return { method: 'DELETE', url: '/api/career-paths/model/draft' };
      },
      expect: draftToDiscard.expect,
    },
    {
      name: 'publish the draft',
      method: 'POST',
      url: '/api/career-paths/model/draft/publish',
      request: async (fx, actor) => {
        await draftToPublish(fx, actor);
        return { method: 'POST', url: '/api/career-paths/model/draft/publish', payload: { decisionDate: TODAY } };
      },
      expect: draftToPublish.expect,
    },
    {
      name: 'the model as PDF',
      method: 'GET',
      url: '/api/career-paths/model.pdf',
      request: () => ({ method: 'GET', url: '/api/career-paths/model.pdf?version=1' }),
      expect: everyone(200),
    },
    {
      name: 'the task matrix',
      method: 'GET',
      url: '/api/career-paths/matrix',
      request: () => ({ method: 'GET', url: '/api/career-paths/matrix' }),
      expect: everyone(200),
    },
    {
      name: "set A's deviation",
      method: 'PUT',
      url: '/api/career-paths/matrix/deviations',
      request: (fx) => ({
        method: 'PUT',
        url: '/api/career-paths/matrix/deviations',
        payload: { municipalityId: fx.a.id, taskKey: 'lakemedel', roleKey: 'vardbitrade', value: 'does_not' },
      }),
      expect: managersOfA(200),
    },
    {
      name: 'the task matrix as XLSX',
      method: 'GET',
      url: '/api/career-paths/matrix/export',
      request: (fx) => ({
        method: 'GET',
        url: `/api/career-paths/matrix/export?format=xlsx&municipalityId=${fx.a.id}`,
      }),
      expect: everyone(200),
    },
    {
      name: 'regional progress',
      method: 'GET',
      url: '/api/career-paths/progress',
      request: () => ({ method: 'GET', url: '/api/career-paths/progress' }),
      expect: staff(200),
    },
    {
      name: 'staff by role',
      method: 'GET',
      url: '/api/career-paths/staff',
      request: () => ({ method: 'GET', url: '/api/career-paths/staff' }),
      expect: staff(200),
    },
    {
      name: "A's implementation",
      method: 'GET',
      url: '/api/career-paths/municipalities/:municipalityId',
      request: (fx) => ({ method: 'GET', url: municipality(fx) }),
      expect: readersOfA(200),
    },
    {
      name: "change A's implementation",
      method: 'PATCH',
      url: '/api/career-paths/municipalities/:municipalityId',
      request: (fx) => ({ method: 'PATCH', url: municipality(fx), payload: { ownerTitle: 'Förvaltningschef' } }),
      expect: managersOfA(200),
    },
    {
      // The regional admin adopts first; A's own admin then finds it adopted.
      name: 'adopt the checklist',
      method: 'POST',
      url: '/api/career-paths/municipalities/:municipalityId/adopt',
      request: (fx) => ({ method: 'POST', url: `${municipality(fx)}/adopt` }),
      expect: { ...managersOfA(200), municipal_admin: 409 },
    },
    {
      name: 'add an item',
      method: 'POST',
      url: '/api/career-paths/municipalities/:municipalityId/items',
      request: (fx) => ({
        method: 'POST',
        url: `${municipality(fx)}/items`,
        payload: { step: 'evaluate', title: 'Egen punkt' },
      }),
      expect: managersOfA(201),
    },
    {
      name: 'change an item',
      method: 'PATCH',
      url: '/api/career-paths/municipalities/:municipalityId/items/:itemId',
      request: (fx) => ({
        method: 'PATCH',
        url: `${municipality(fx)}/items/${fx.itemId}`,
        payload: { status: 'done', evidenceUrl: 'https://example.org/beslut' },
      }),
      expect: managersOfA(200),
    },
    {
      name: 'remove an item',
      method: 'DELETE',
      url: '/api/career-paths/municipalities/:municipalityId/items/:itemId',
      request: async (fx, actor) => ({
        method: 'DELETE',
        url: `${municipality(fx)}/items/${await itemToRemove(fx, actor)}`,
      }),
      expect: itemToRemove.expect,
    },
    {
      name: 'upload evidence',
      method: 'POST',
      url: '/api/career-paths/municipalities/:municipalityId/evidence',
      request: (fx) => ({ method: 'POST', url: `${municipality(fx)}/evidence`, ...pdfForm() }),
      expect: managersOfA(201),
    },
    {
      name: "an item's evidence",
      method: 'GET',
      url: '/api/career-paths/evidence/:id',
      request: (fx) => ({ method: 'GET', url: `/api/career-paths/evidence/${fx.evidenceId}` }),
      // Not readable: 404 (the file says nothing of whose it is).
      expect: { rest: 200, employee: 404, other_municipal_admin: 404, signed_out: 401 },
    },
    {
      name: "A's cost calculation",
      method: 'GET',
      url: '/api/career-paths/municipalities/:municipalityId/budget',
      request: (fx) => ({ method: 'GET', url: `${municipality(fx)}/budget` }),
      expect: readersOfA(200),
    },
    {
      name: "change A's cost inputs",
      method: 'PUT',
      url: '/api/career-paths/municipalities/:municipalityId/budget',
      request: (fx) => ({
        method: 'PUT',
        url: `${municipality(fx)}/budget`,
        payload: { startYear: 2027, years: 2, monthlySalary: { vardbitrade: 27000 }, onCostPercent: 40 },
      }),
      expect: managersOfA(200),
    },
    {
      name: "A's cost calculation as XLSX",
      method: 'GET',
      url: '/api/career-paths/municipalities/:municipalityId/budget.xlsx',
      request: (fx) => ({ method: 'GET', url: `${municipality(fx)}/budget.xlsx` }),
      expect: readersOfA(200),
    },
    {
      name: 'development plans',
      method: 'GET',
      url: '/api/career-paths/plans',
      request: () => ({ method: 'GET', url: '/api/career-paths/plans' }),
      expect: planKeepers(200, 200),
    },
    {
      // B's admin cannot see A's person: "not in your register" (400, nothing made).
      name: 'write a plan',
      method: 'POST',
      url: '/api/career-paths/plans',
      request: async (fx, actor) => {
        const person = await personToPlan(fx, actor);
        return {
          method: 'POST',
          url: '/api/career-paths/plans',
          payload: {
            personId: person.id,
            currentRoleKey: 'underskoterska',
            targetRoleKey: 'specialistunderskoterska',
            bennerStage: 'competent',
            fundingSource: 'employer',
            nextReview: AHEAD,
          },
        };
      },
      expect: personToPlan.expect,
    },
    {
      name: 'a plan',
      method: 'GET',
      url: '/api/career-paths/plans/:id',
      request: (fx) => ({ method: 'GET', url: `/api/career-paths/plans/${fx.planId}` }),
      expect: planKeepers(200),
    },
    {
      name: 'change a plan',
      method: 'PATCH',
      url: '/api/career-paths/plans/:id',
      request: (fx) => ({
        method: 'PATCH',
        url: `/api/career-paths/plans/${fx.planId}`,
        payload: { bennerStage: 'competent' },
      }),
      expect: planKeepers(200),
    },
    {
      name: 'remove a plan',
      method: 'DELETE',
      url: '/api/career-paths/plans/:id',
      request: async (fx, actor) => ({
        method: 'DELETE',
        url: `/api/career-paths/plans/${(await planToRemove(fx, actor)).planId}`,
      }),
      expect: planToRemove.expect,
    },
    {
      name: 'add education',
      method: 'POST',
      url: '/api/career-paths/plans/:id/educations',
      request: (fx) => ({
        method: 'POST',
        url: `/api/career-paths/plans/${fx.planId}/educations`,
        payload: {
          kind: 'other',
          title: 'Yrkespaket undersköterska',
          status: 'planned',
          year: 2027,
          cost: 40000,
          funded: 40000,
        },
      }),
      expect: planKeepers(201),
    },
    {
      name: 'complete an education',
      method: 'PATCH',
      url: '/api/career-paths/plans/:id/educations/:educationId',
      request: (fx) => {
        const { planId, educationId } = fx;
        return {
          method: 'PATCH',
          url: `/api/career-paths/plans/${planId}/educations/${educationId}`,
          payload: { completedOn: TODAY },
        };
      },
      expect: planKeepers(200),
    },
    {
      name: 'remove an education',
      method: 'DELETE',
      url: '/api/career-paths/plans/:id/educations/:educationId',
      request: async (fx, actor) => ({
        method: 'DELETE',
        url: `/api/career-paths/plans/${fx.planId}/educations/${await educationToRemove(fx, actor)}`,
      }),
      expect: educationToRemove.expect,
    },
    {
      name: 'my plan',
      method: 'GET',
      url: '/api/career-paths/my-plan',
      request: () => ({ method: 'GET', url: '/api/career-paths/my-plan' }),
      expect: everyone(200),
    },
    {
      name: 'persons to choose',
      method: 'GET',
      url: '/api/career-paths/person-choices',
      request: () => ({ method: 'GET', url: '/api/career-paths/person-choices?q=Test' }),
      expect: planKeepers(200, 200),
    },
    {
      name: 'catalogue items to choose',
      method: 'GET',
      url: '/api/career-paths/catalogue-choices',
      request: () => ({ method: 'GET', url: '/api/career-paths/catalogue-choices?q=demens' }),
      expect: planKeepers(200, 200),
    },
    {
      name: 'occasions to choose',
      method: 'GET',
      url: '/api/career-paths/occasion-choices',
      request: () => ({ method: 'GET', url: '/api/career-paths/occasion-choices?q=demens' }),
      expect: planKeepers(200, 200),
    },
  ],
});
