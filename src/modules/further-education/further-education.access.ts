// Further education's role × route matrix (run by further-education-access.test.ts, read by route-coverage.test.ts).
// Models and adoptions are read by every role but a plain employee; the region's admin edits models; A's admin (and
// the region's) moves A's adoptions (B's admin: 404); training posts are A's admin's and managers' (the manager
// manages the unit of the fixture's person) and the region's admin's.
import { randomUUID } from 'node:crypto';
import {
  defineAccessMatrix,
  type Expect,
  type MatrixFixture,
  regionalOnly,
} from '../../../tests/support/access-matrix.ts';

const unique = () => randomUUID().slice(0, 8);

export type FurtherEducationFixture = {
  modelId: string;
  adoptionId: string;
  documentId: string;
  personId: string;
  postId: string;
};

/** Every role but the employee reads. */
const readers = (status: number): Expect => ({ rest: status, employee: 403, signed_out: 401 });
/** A's admin and the region's admin change A's adoption; B's admin is not shown it. */
const adoptionKeepers = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  other_municipal_admin: 404,
  signed_out: 401,
});
/** A's admin, A's manager (of the person's unit) and the region's admin. */
const postKeepers = (status: number, other = 404): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  manager: status,
  other_municipal_admin: other,
  signed_out: 401,
});

export const PDF = Buffer.from('%PDF-1.4\n% Avtal (test)\ntrailer\n%%EOF\n', 'latin1');

export function pdfForm(content: Buffer = PDF, name = 'avtal.pdf') {
  const boundary = 'kompetensnavvidareutbildning';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

export const modelPayload = (name = `Modell ${unique()}`) => ({
  name,
  professions: ['sjukskoterska'],
  payPercent: 100,
  studyPacePercent: 50,
  clinicalPercent: 50,
  lengthMonths: 24,
  specialistPostAfter: true,
  bindingMonths: 0,
  costs: 'Arbetsgivaren',
  notes: '',
});

/** A new model and A's adoption of it (proposed), made by the region's admin. */
async function freshAdoption(fx: MatrixFixture): Promise<string> {
  const model = await fx.admin({ method: 'POST', url: '/api/further-education/models', payload: modelPayload() });
  const adoption = await fx.admin({
    method: 'POST',
    url: '/api/further-education/adoptions',
    payload: {
      modelId: model.json().id,
      municipalityId: fx.a.id,
      date: '2026-01-10',
      decisionBody: 'Socialchefsgruppen',
    },
  });
  return adoption.json().id as string;
}

export const accessMatrix = defineAccessMatrix<FurtherEducationFixture>({
  module: 'further-education',
  routePattern: /^\/api\/further-education(\/|$)/,
  async setup(fx) {
    const adoptionId = await freshAdoption(fx);
    const modelId = (await fx.admin({ method: 'GET', url: `/api/further-education/adoptions/${adoptionId}` })).json()
      .modelId as string;
    const upload = await fx.admin({
      method: 'POST',
      url: `/api/further-education/adoptions/${adoptionId}/documents`,
      ...pdfForm(),
    });
    await fx.admin({
      method: 'POST',
      url: `/api/further-education/adoptions/${adoptionId}/steps`,
      payload: {
        status: 'decided',
        date: '2026-02-01',
        decisionBody: 'Socialnämnden',
        documentIds: [upload.json().id],
      },
    });
    // A's person in a unit A's manager manages, made through the staff register's own API.
    const unit = await fx.admin({
      method: 'POST',
      url: '/api/people/units',
      payload: { municipalityId: fx.a.id, name: `Hemsjukvården ${unique()}`, kind: 'home_health_care' },
    });
    await fx.admin({
      method: 'PUT',
      url: `/api/people/units/${unit.json().id}/managers`,
      payload: { userIds: [fx.sessions.manager.user?.id] },
    });
    const person = (
      await fx.admin({
        method: 'POST',
        url: '/api/people/persons',
        payload: {
          municipalityId: fx.a.id,
          unitId: unit.json().id,
          firstName: 'Test',
          lastName: 'Sjuksköterska',
          professionKey: 'sjukskoterska',
          employmentForm: 'permanent',
          employmentRate: 100,
          employmentStart: '2020-01-01',
        },
      })
    ).json();
    const post = await fx.admin({
      method: 'POST',
      url: '/api/further-education/posts',
      payload: {
        personId: person.id,
        professionKey: 'sjukskoterska',
        programme: 'Specialistsjuksköterska, vård av äldre',
        specialtyKey: 'vard_av_aldre',
        modelId,
        startDate: '2026-01-15',
        expectedEnd: '2027-06-15',
        pacePercent: 50,
      },
    });
    return { modelId, adoptionId, documentId: upload.json().id, personId: person.id, postId: post.json().id };
  },
  cells: [
    {
      name: 'the models',
      method: 'GET',
      url: '/api/further-education/models',
      request: () => ({ method: 'GET', url: '/api/further-education/models' }),
      expect: readers(200),
    },
    {
      name: 'a new model',
      method: 'POST',
      url: '/api/further-education/models',
      request: () => ({ method: 'POST', url: '/api/further-education/models', payload: modelPayload() }),
      expect: regionalOnly(201),
    },
    {
      name: 'change a model',
      method: 'PUT',
      url: '/api/further-education/models/:id',
      request: (fx) => ({
        method: 'PUT',
        url: `/api/further-education/models/${fx.modelId}`,
        payload: modelPayload('Matrismodellen'),
      }),
      expect: regionalOnly(200),
    },
    {
      name: 'form options',
      method: 'GET',
      url: '/api/further-education/options',
      request: () => ({ method: 'GET', url: '/api/further-education/options' }),
      expect: readers(200),
    },
    {
      name: 'the adoptions of a model (table and map)',
      method: 'GET',
      url: '/api/further-education/adoptions',
      request: (fx) => ({ method: 'GET', url: `/api/further-education/adoptions?modelId=${fx.modelId}` }),
      expect: readers(200),
    },
    {
      name: 'propose a model in A',
      method: 'POST',
      url: '/api/further-education/adoptions',
      request: async (fx) => {
        const model = await fx.admin({ method: 'POST', url: '/api/further-education/models', payload: modelPayload() });
        return {
          method: 'POST',
          url: '/api/further-education/adoptions',
          payload: { modelId: model.json().id, municipalityId: fx.a.id, date: '2026-01-10', decisionBody: 'HR-chef' },
        };
      },
      expect: adoptionKeepers(201),
    },
    {
      name: 'one adoption',
      method: 'GET',
      url: '/api/further-education/adoptions/:id',
      request: (fx) => ({ method: 'GET', url: `/api/further-education/adoptions/${fx.adoptionId}` }),
      expect: readers(200),
    },
    {
      name: 'change the contact person',
      method: 'PATCH',
      url: '/api/further-education/adoptions/:id',
      request: (fx) => ({
        method: 'PATCH',
        url: `/api/further-education/adoptions/${fx.adoptionId}`,
        payload: { contactName: 'Kontakt (test)' },
      }),
      expect: adoptionKeepers(200),
    },
    {
      name: 'the next step',
      method: 'POST',
      url: '/api/further-education/adoptions/:id/steps',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/further-education/adoptions/${await freshAdoption(fx)}/steps`,
        payload: { status: 'decided', date: '2026-02-01', decisionBody: 'Socialnämnden' },
      }),
      expect: adoptionKeepers(201),
    },
    {
      name: 'upload a document',
      method: 'POST',
      url: '/api/further-education/adoptions/:id/documents',
      request: (fx) => ({
        method: 'POST',
        url: `/api/further-education/adoptions/${fx.adoptionId}/documents`,
        ...pdfForm(),
      }),
      expect: adoptionKeepers(201),
    },
    {
      name: 'download a document',
      method: 'GET',
      url: '/api/further-education/documents/:id',
      request: (fx) => ({ method: 'GET', url: `/api/further-education/documents/${fx.documentId}` }),
      expect: readers(200),
    },
    {
      name: 'the steering group’s overview',
      method: 'GET',
      url: '/api/further-education/overview',
      request: () => ({ method: 'GET', url: '/api/further-education/overview' }),
      expect: readers(200),
    },
    {
      name: 'A’s training posts',
      method: 'GET',
      url: '/api/further-education/posts',
      request: (fx) => ({ method: 'GET', url: `/api/further-education/posts?municipalityId=${fx.a.id}` }),
      expect: postKeepers(200),
    },
    {
      name: 'a training post for A’s person',
      method: 'POST',
      url: '/api/further-education/posts',
      request: (fx) => ({
        method: 'POST',
        url: '/api/further-education/posts',
        payload: {
          personId: fx.personId,
          professionKey: 'sjukskoterska',
          programme: 'Specialistsjuksköterska, demens',
          startDate: '2026-03-01',
          expectedEnd: '2028-01-31',
          pacePercent: 50,
        },
      }),
      // B's admin may keep posts, but not for A's person: the person is not found (400 at personId).
      expect: postKeepers(201, 400),
    },
    {
      name: 'change a training post',
      method: 'PATCH',
      url: '/api/further-education/posts/:id',
      request: (fx) => ({
        method: 'PATCH',
        url: `/api/further-education/posts/${fx.postId}`,
        payload: { pacePercent: 50 },
      }),
      expect: postKeepers(200),
    },
    {
      name: 'persons to choose',
      method: 'GET',
      url: '/api/further-education/person-choices',
      request: () => ({ method: 'GET', url: '/api/further-education/person-choices?q=Test' }),
      // B's admin chooses among B's persons.
      expect: postKeepers(200, 200),
    },
  ],
});
