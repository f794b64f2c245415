// The activities core's role × route matrix (run by activities-access.test.ts, read by route-coverage.test.ts): every
// activities route, the status each actor must get. The shared activity is organised by municipality A; the persons
// are in a unit of A that A's manager manages; A's employee has a record of their own (linked by e-mail).
import { randomUUID } from 'node:crypto';
import {
  anyone,
  defineAccessMatrix,
  type Expect,
  everyone,
  type MatrixFixture,
} from '../../../tests/support/access-matrix.ts';

type Extra = { activityId: string; unitId: string };

/** Who organises A's activities: the region, A's municipal admin, broker and manager; B's admin does not. */
const organisers = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  broker: status,
  manager: status,
  other_municipal_admin: 403,
  signed_out: 401,
});

const inDays = (days: number, hour = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

const occasionBody = (startDays = 20) => ({
  startsAt: inDays(startDays),
  endsAt: inDays(startDays, 12),
  registrationDeadline: inDays(startDays - 5),
  place: 'Matrisrummet',
  capacity: 10,
});

async function newOccasion(fx: MatrixFixture & Extra, body: object = occasionBody()): Promise<string> {
  const res = await fx.admin({ method: 'POST', url: `/api/activities/${fx.activityId}/occasions`, payload: body });
  if (res.statusCode !== 201) throw new Error(`occasion: ${res.statusCode} ${res.body}`);
  return res.json().occasion.id;
}

async function newPerson(fx: MatrixFixture & Extra, email?: string): Promise<string> {
  const res = await fx.admin({
    method: 'POST',
    url: '/api/people/persons',
    payload: {
      municipalityId: fx.a.id,
      unitId: fx.unitId,
      firstName: 'Matris',
      lastName: `Person ${randomUUID().slice(0, 6)}`,
      professionKey: 'underskoterska',
      employmentForm: 'hourly',
      employmentStart: '2024-01-01',
      ...(email ? { email } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`person: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function registered(fx: MatrixFixture & Extra): Promise<string> {
  const occasionId = await newOccasion(fx);
  const personId = await newPerson(fx);
  const res = await fx.admin({
    method: 'POST',
    url: `/api/activities/occasions/${occasionId}/registrations`,
    payload: { personIds: [personId] },
  });
  if (res.statusCode !== 200) throw new Error(`registration: ${res.statusCode} ${res.body}`);
  const detail = await fx.admin({ method: 'GET', url: `/api/activities/occasions/${occasionId}` });
  return detail.json().registrations[0].id;
}

const SECRET = 'x'.repeat(43);

/** Survey results: the organisers, the admins, managers, brokers and MAS of any municipality, the region. */
const resultReaders: Expect = {
  rest: 403,
  regional_admin: 200,
  municipal_admin: 200,
  broker: 200,
  manager: 200,
  mas: 200,
  other_municipal_admin: 200,
  signed_out: 401,
};

export const accessMatrix = defineAccessMatrix<Extra>({
  module: 'activities',
  routePattern: /^\/api\/(public\/)?activities(\/|$)/,
  async setup(fx) {
    const manager = fx.sessions.manager.user;
    const employee = fx.sessions.employee.user;
    if (!manager || !employee) throw new Error('no manager or employee');
    const unit = await fx.admin({
      method: 'POST',
      url: '/api/people/units',
      payload: { municipalityId: fx.a.id, name: `Matrisenheten ${randomUUID().slice(0, 6)}`, kind: 'home_care' },
    });
    const unitId = unit.json().id as string;
    await fx.admin({ method: 'PUT', url: `/api/people/units/${unitId}/managers`, payload: { userIds: [manager.id] } });
    const activity = await fx.admin({
      method: 'POST',
      url: '/api/activities',
      payload: { title: 'Matrisens aktivitet', kind: 'course', organiserId: fx.a.id, selfRegistration: true },
    });
    const extra = { activityId: activity.json().id as string, unitId };
    await newPerson({ ...fx, ...extra }, employee.email);
    return extra;
  },
  cells: [
    {
      name: 'form options',
      method: 'GET',
      url: '/api/activities/options',
      request: () => ({ method: 'GET', url: '/api/activities/options' }),
      expect: everyone(200),
    },
    {
      name: 'the calendar',
      method: 'GET',
      url: '/api/activities/occasions',
      request: () => ({ method: 'GET', url: '/api/activities/occasions' }),
      expect: everyone(200),
    },
    {
      name: 'my occasions',
      method: 'GET',
      url: '/api/activities/mine',
      request: () => ({ method: 'GET', url: '/api/activities/mine' }),
      expect: everyone(200),
    },
    {
      name: 'create an activity for A',
      method: 'POST',
      url: '/api/activities',
      request: (fx) => ({
        method: 'POST',
        url: '/api/activities',
        payload: { title: 'Ny', kind: 'lecture', organiserId: fx.a.id },
      }),
      expect: organisers(201),
    },
    {
      name: "A's activity",
      method: 'GET',
      url: '/api/activities/:id',
      request: (fx) => ({ method: 'GET', url: `/api/activities/${fx.activityId}` }),
      expect: everyone(200),
    },
    {
      name: "change A's activity",
      method: 'PATCH',
      url: '/api/activities/:id',
      request: (fx) => ({
        method: 'PATCH',
        url: `/api/activities/${fx.activityId}`,
        payload: { description: 'Ändrad' },
      }),
      expect: organisers(200),
    },
    {
      name: "add an occasion to A's activity",
      method: 'POST',
      url: '/api/activities/:id/occasions',
      request: (fx) => ({ method: 'POST', url: `/api/activities/${fx.activityId}/occasions`, payload: occasionBody() }),
      expect: organisers(201),
    },
    {
      name: 'an occasion',
      method: 'GET',
      url: '/api/activities/occasions/:id',
      request: async (fx) => ({ method: 'GET', url: `/api/activities/occasions/${await newOccasion(fx)}` }),
      expect: everyone(200),
    },
    {
      name: 'change an occasion',
      method: 'PUT',
      url: '/api/activities/occasions/:id',
      request: async (fx) => ({
        method: 'PUT',
        url: `/api/activities/occasions/${await newOccasion(fx)}`,
        payload: { ...occasionBody(), capacity: 12 },
      }),
      expect: organisers(200),
    },
    {
      name: "an occasion's status",
      method: 'POST',
      url: '/api/activities/occasions/:id/status',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/activities/occasions/${await newOccasion(fx)}/status`,
        payload: { status: 'planned' },
      }),
      expect: organisers(200),
    },
    {
      name: 'an occasion as .ics',
      method: 'GET',
      url: '/api/activities/occasions/:id/calendar',
      request: async (fx) => ({ method: 'GET', url: `/api/activities/occasions/${await newOccasion(fx)}/calendar` }),
      expect: everyone(200),
    },
    {
      name: 'persons one may register',
      method: 'GET',
      url: '/api/activities/occasions/:id/candidates',
      request: async (fx) => ({ method: 'GET', url: `/api/activities/occasions/${await newOccasion(fx)}/candidates` }),
      expect: {
        rest: 403,
        regional_admin: 200,
        municipal_admin: 200,
        manager: 200,
        other_municipal_admin: 200,
        signed_out: 401,
      },
    },
    {
      name: "register A's person",
      method: 'POST',
      url: '/api/activities/occasions/:id/registrations',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/activities/occasions/${await newOccasion(fx)}/registrations`,
        payload: { personIds: [await newPerson(fx)] },
      }),
      // B's admin may register, but not A's person: told the person is not among theirs.
      expect: {
        rest: 403,
        regional_admin: 200,
        municipal_admin: 200,
        manager: 200,
        other_municipal_admin: 400,
        signed_out: 401,
      },
    },
    {
      name: 'register oneself',
      method: 'POST',
      url: '/api/activities/occasions/:id/registrations/self',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/activities/occasions/${await newOccasion(fx)}/registrations/self`,
      }),
      // Only A's employee has a record in the staff register; the others are told to ask their manager.
      expect: { rest: 409, employee: 200, signed_out: 401 },
    },
    {
      name: "cancel A's person's registration",
      method: 'POST',
      url: '/api/activities/registrations/:id/cancel',
      request: async (fx) => ({ method: 'POST', url: `/api/activities/registrations/${await registered(fx)}/cancel` }),
      expect: {
        rest: 404,
        regional_admin: 200,
        municipal_admin: 200,
        broker: 200,
        manager: 200,
        signed_out: 401,
      },
    },
    {
      name: 'attendance (the occasion has not begun)',
      method: 'PUT',
      url: '/api/activities/occasions/:id/attendance',
      request: async (fx) => ({
        method: 'PUT',
        url: `/api/activities/occasions/${await newOccasion(fx)}/attendance`,
        payload: { entries: [{ registrationId: randomUUID(), attendance: 'present' }] },
      }),
      expect: organisers(409),
    },
    {
      name: 'survey templates',
      method: 'GET',
      url: '/api/activities/survey-templates',
      request: () => ({ method: 'GET', url: '/api/activities/survey-templates' }),
      expect: everyone(200),
    },
    {
      name: 'create a survey template',
      method: 'POST',
      url: '/api/activities/survey-templates',
      request: () => ({
        method: 'POST',
        url: '/api/activities/survey-templates',
        payload: { name: 'Kort', questions: [{ id: 'q1', kind: 'likert', text: 'Bra?' }] },
      }),
      expect: {
        rest: 403,
        regional_admin: 201,
        municipal_admin: 201,
        broker: 201,
        other_municipal_admin: 201,
        signed_out: 401,
      },
    },
    {
      name: 'send the survey (the occasion is not held)',
      method: 'POST',
      url: '/api/activities/occasions/:id/survey',
      request: async (fx) => ({ method: 'POST', url: `/api/activities/occasions/${await newOccasion(fx)}/survey` }),
      expect: organisers(409),
    },
    {
      name: 'survey results',
      method: 'GET',
      url: '/api/activities/occasions/:id/survey/results',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/activities/occasions/${await newOccasion(fx)}/survey/results`,
      }),
      expect: resultReaders,
    },
    {
      name: 'survey results as XLSX',
      method: 'GET',
      url: '/api/activities/occasions/:id/survey/results.xlsx',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/activities/occasions/${await newOccasion(fx)}/survey/results.xlsx`,
      }),
      expect: resultReaders,
    },
    {
      name: 'the survey behind a link (forged)',
      method: 'GET',
      url: '/api/public/activities/survey',
      request: () => ({ method: 'GET', url: `/api/public/activities/survey?token=${SECRET}` }),
      expect: anyone(404),
    },
    {
      name: 'answer a survey (forged link)',
      method: 'POST',
      url: '/api/public/activities/survey',
      request: () => ({
        method: 'POST',
        url: '/api/public/activities/survey',
        payload: { token: SECRET, answers: {} },
      }),
      expect: anyone(404),
    },
    {
      name: 'my calendar address',
      method: 'GET',
      url: '/api/activities/calendar-feed',
      request: () => ({ method: 'GET', url: '/api/activities/calendar-feed' }),
      expect: everyone(200),
    },
    {
      name: 'make my calendar address',
      method: 'POST',
      url: '/api/activities/calendar-feed',
      request: () => ({ method: 'POST', url: '/api/activities/calendar-feed' }),
      expect: everyone(200),
    },
    {
      name: 'a personal feed (unknown address)',
      method: 'GET',
      url: '/api/public/activities/feeds/:token',
      request: () => ({ method: 'GET', url: `/api/public/activities/feeds/${SECRET}.ics` }),
      expect: anyone(404),
    },
    {
      name: "A's feed",
      method: 'GET',
      url: '/api/public/activities/municipalities/:id',
      request: (fx) => ({ method: 'GET', url: `/api/public/activities/municipalities/${fx.a.id}.ics` }),
      expect: anyone(200),
    },
    {
      name: 'a network feed (unknown network)',
      method: 'GET',
      url: '/api/public/activities/networks/:id',
      request: () => ({ method: 'GET', url: `/api/public/activities/networks/${randomUUID()}.ics` }),
      expect: anyone(404),
    },
  ],
});
