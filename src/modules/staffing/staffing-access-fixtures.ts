// Fixtures of the staffing module's role × route matrix (staffing.access.ts): fresh periods, reports, imports and
// configuration rows for the cells that change something, and the expected statuses shared by many routes.
import { randomUUID } from 'node:crypto';
import type { ActorName, Expect, MatrixFixture } from '../../../tests/support/access-matrix.ts';
import { buildUser } from '../../platform/server/factories.ts';
import { defaultStaffingConfig } from './default-config.ts';
import { generateFacts } from './staffing-generator.ts';

export type Shared = {
  /** A period with A's report approved, for the cells that only read. */
  sharedPeriod: string;
  /** The one finished region report, made on first use (see doneRegionReport). */
  regionReport: { done: Promise<string> | null };
};
type Fixture = MatrixFixture & Shared;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const baseFacts = generateFacts(defaultStaffingConfig(), { inhabitants: 15_000, specialistLevel: 0.2, seed: 42 }, 0);
export const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

type ReportState = 'none' | 'draft' | 'submitted' | 'approved';

/** A new period with A's report in the given state; returns the period id and the facts a complete report has. */
export async function freshReport(
  fx: MatrixFixture,
  state: ReportState,
): Promise<{ id: string; facts: typeof baseFacts }> {
  const period = await fx.admin({
    method: 'POST',
    url: '/api/staffing/periods',
    payload: { label: `P ${unique()}`, referenceDate: '2026-11-01', deadline: '2026-12-15' },
  });
  const id = period.json().id as string;
  // Professions added by other cells of the matrix are active, so a complete report gives them a headcount of 0.
  const config = (await fx.admin({ method: 'GET', url: '/api/staffing/config' })).json();
  const known = new Set(baseFacts.map((f) => f.profession));
  const facts = [
    ...baseFacts,
    ...config.professions
      .filter((p: { key: string; active: boolean }) => p.active && !known.has(p.key))
      .map((p: { key: string }) => ({ profession: p.key, measure: 'headcount', breakdown: '', value: 0 })),
  ];
  const report = `/api/staffing/periods/${id}/reports/${fx.a.id}`;
  if (state !== 'none') await fx.admin({ method: 'PUT', url: `${report}/facts`, payload: { facts } });
  if (state === 'submitted' || state === 'approved') await fx.admin({ method: 'POST', url: `${report}/submit` });
  if (state === 'approved') await fx.admin({ method: 'POST', url: `${report}/approve` });
  return { id, facts };
}
/** A new period with A's report in the given state; returns the period id. */
export const freshPeriod = async (fx: MatrixFixture, state: ReportState) => (await freshReport(fx, state)).id;
export const reportUrl = (fx: MatrixFixture, periodId: string, suffix = '') =>
  `/api/staffing/periods/${periodId}/reports/${fx.a.id}${suffix}`;
export async function template(fx: MatrixFixture, periodId: string): Promise<Buffer> {
  const res = await fx.admin({
    method: 'GET',
    url: `/api/staffing/periods/${periodId}/template?municipalityId=${fx.a.id}`,
  });
  return res.rawPayload;
}
async function freshImport(fx: MatrixFixture): Promise<string> {
  const periodId = await freshPeriod(fx, 'draft');
  const res = await fx.admin({
    method: 'POST',
    url: `/api/staffing/periods/${periodId}/imports`,
    headers: { 'content-type': XLSX },
    payload: await template(fx, periodId),
  });
  return res.json().id as string;
}

/**
 * The object a cell calls as the actor: a fresh one for an actor the cell lets through (the call may change it), one
 * shared (per kind) by the actors it refuses (a refused call changes nothing, and a refusal that went through fails
 * its own row). A fresh period or import per refused actor was most of this file's time.
 */
const refusedObjects = new WeakMap<MatrixFixture, Map<string, Promise<string>>>();
function forActor(
  fx: MatrixFixture,
  actor: ActorName,
  expect: Expect,
  kind: string,
  make: () => Promise<string>,
): Promise<string> {
  if ((expect[actor] ?? expect.rest) < 400) return make();
  let shared = refusedObjects.get(fx);
  if (!shared) {
    shared = new Map();
    refusedObjects.set(fx, shared);
  }
  let object = shared.get(kind);
  if (!object) {
    object = make();
    shared.set(kind, object);
  }
  return object;
}
export const importFor = (fx: MatrixFixture, actor: ActorName, expect: Expect) =>
  forActor(fx, actor, expect, 'import', () => freshImport(fx));
export const periodFor = (fx: MatrixFixture, actor: ActorName, expect: Expect, state: ReportState) =>
  forActor(fx, actor, expect, `period ${state}`, () => freshPeriod(fx, state));

export const readers = (status: number): Expect => ({
  rest: status,
  broker: 403,
  employee: 403,
  other_municipal_admin: 404,
  signed_out: 401,
});
export const editors = (status: number, other = 404): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  reporter: status,
  other_municipal_admin: other,
  signed_out: 401,
});
export const approvers = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  other_municipal_admin: 404,
  signed_out: 401,
});
export const uploaderOnly = (status: number): Expect => ({ rest: 404, regional_admin: status, signed_out: 401 });

export const professionBody = () => ({ key: `y${unique()}`, name: `Yrke ${unique()}`, nameEn: 'Profession' });
export const freshProfession = async (fx: MatrixFixture) =>
  (await fx.admin({ method: 'POST', url: '/api/staffing/config/professions', payload: professionBody() })).json().id;
export const itemBody = () => ({
  kind: 'competence',
  key: `k${unique()}`,
  name: `Kompetens ${unique()}`,
  nameEn: 'Competence',
});
export const freshItem = async (fx: MatrixFixture) =>
  (await fx.admin({ method: 'POST', url: '/api/staffing/config/items', payload: itemBody() })).json().id;

/** One finished region report, made by a regional admin of its own (the matrix's users may have one running). */
export function doneRegionReport(fx: Fixture): Promise<string> {
  fx.regionReport.done ??= (async () => {
    const maker = fx.t.as(await fx.t.signIn(await buildUser(fx.t.db, { role: 'regional_admin' }), '10.2.9.1'));
    const created = await maker({
      method: 'POST',
      url: '/api/staffing/region-reports',
      payload: { periodId: fx.sharedPeriod },
    });
    const id = created.json().id as string;
    for (let i = 0; i < 600; i++) {
      const status = (await maker({ method: 'GET', url: `/api/staffing/region-reports/${id}` })).json().status;
      if (status === 'done') return id;
      if (status === 'failed') throw new Error('the region report failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the region report was not done in time');
  })();
  return fx.regionReport.done;
}

/** A projection CSV for A with a value of its own, so every confirmation has something to write. */
let populationValue = 1000;
export function populationCsv(fx: MatrixFixture) {
  populationValue += 1;
  const boundary = 'kompetensnavprognos';
  const csv = `kommunkod;kommun;år;åldersgrupp;antal\n${fx.a.code};${fx.a.name};${new Date().getUTCFullYear() + 2};80+;${populationValue}\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="prognos.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    ),
  };
}
