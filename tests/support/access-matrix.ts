// Role × route matrices: a module declares, per route, a request and the status each actor must get (every role of
// municipality A, B's municipal admin, signed out); runAccessMatrix() calls every cell as every actor and asserts it.
//
// The declaration lives in a file of its own, `<module>.access.ts`, exporting `accessMatrix`, so that it can be read
// without being run: the route coverage test (src/modules/admin/route-coverage.test.ts) collects every
// `*.access.ts` and checks that each route the app registers belongs to exactly one matrix. Cells get everything
// they need as arguments (the fixture and the actor), never from variables set in a beforeAll.
//
//   // src/modules/foo/foo.access.ts
//   export const accessMatrix = defineAccessMatrix({
//     module: 'foo',
//     routePattern: /^\/api\/(public\/)?foo(\/|$)/,
//     cells: [{ name: 'list', method: 'GET', url: '/api/foo', request: () => ({ method: 'GET', url: '/api/foo' }),
//               expect: everyone(200) }],
//   });
//   // src/modules/foo/foo-access.test.ts
//   runAccessMatrix(accessMatrix, { ipPrefix: '10.7.0' });
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type ActorName, type Inject, type SignedIn, signInAll } from './sign-in-all.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export { ACTORS, type ActorName };

/** Expected status per actor; `rest` covers every actor not named. */
export type Expect = Partial<Record<ActorName, number>> & { rest: number };

/** Anyone, signed in or not (public routes). */
export const anyone = (status: number): Expect => ({ rest: status });
/** Everyone signed in; signed out is 401. */
export const everyone = (status: number): Expect => ({ rest: status, signed_out: 401 });
/** Only the regional admin; everyone else signed in is 403. */
export const regionalOnly = (status: number): Expect => ({ rest: 403, regional_admin: status, signed_out: 401 });

/** What every cell is given: the app, A and B, and an inject() per actor. */
export type MatrixFixture = SignedIn & {
  t: TestApp;
  /** inject() as the regional admin, for preparing objects. */
  admin: Inject;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type AccessCell<Extra = unknown> = {
  name: string;
  method: HttpMethod;
  /** The route as registered (`/api/users/:id`), not the URL called. */
  url: string;
  /** The request to make as the actor; objects it needs are made here, fresh for each call. */
  request(fx: MatrixFixture & Extra, actor: ActorName): InjectOptions | Promise<InjectOptions>;
  expect: Expect;
};

export type AccessMatrix<Extra = unknown> = {
  /** The module (or "platform") whose routes these are. */
  module: string;
  /**
   * The module's part of the URL space. When given, the matrix itself also fails when a registered route matching it
   * has no cell (the route coverage test checks every route in any case).
   */
  routePattern?: RegExp;
  /** Prepares what the cells share (a period, a local web site), once, after A, B and the sign-ins. */
  setup?(fx: MatrixFixture): Promise<Extra>;
  teardown?(fx: MatrixFixture & Extra): Promise<void>;
  cells: AccessCell<Extra>[];
};

export function defineAccessMatrix<Extra = unknown>(matrix: AccessMatrix<Extra>): AccessMatrix<Extra> {
  return matrix;
}

/** "GET /api/users/:id": one route, as `app.deps.routes` lists it. */
export const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

/** The routes a matrix declares (a route may have several cells, e.g. one per kind of change). */
export function declaredRoutes(matrix: AccessMatrix<unknown>): string[] {
  return [...new Set(matrix.cells.map(routeKey))].sort();
}

export const expectedStatus = (cell: { expect: Expect }, actor: ActorName) => cell.expect[actor] ?? cell.expect.rest;

type RunOptions = {
  /** The first three parts of the sign-in addresses, e.g. "10.1.0" (one file's users never share an address). */
  ipPrefix?: string;
};

/**
 * Registers, in the calling test file, the matrix's tests: one per cell and actor, and a check that it declares only
 * routes the app registers (and, with a routePattern, all of those). Several matrices can share one app.
 * Returns the fixture (available once the file's beforeAll has run), for the file's own further tests.
 */
export function runAccessMatrix<Extra>(matrix: AccessMatrix<Extra>, opts?: RunOptions): () => MatrixFixture & Extra;
export function runAccessMatrix(matrices: AccessMatrix<unknown>[], opts?: RunOptions): () => MatrixFixture;
export function runAccessMatrix(
  matrixOrMatrices: AccessMatrix<unknown> | AccessMatrix<unknown>[],
  opts: RunOptions = {},
): () => MatrixFixture {
  const matrices = Array.isArray(matrixOrMatrices) ? matrixOrMatrices : [matrixOrMatrices];
  let fx: MatrixFixture | undefined;
  const fixture = () => {
    if (!fx) throw new Error('The access matrix fixture is made in beforeAll; use it inside a test.');
    return fx;
  };

  beforeAll(async () => {
    const t = await createTestApp();
    const signedIn = await signInAll(t, { ipPrefix: opts.ipPrefix });
    let made: MatrixFixture = { ...signedIn, t, admin: signedIn.as('regional_admin') };
    for (const matrix of matrices) if (matrix.setup) made = { ...made, ...((await matrix.setup(made)) as object) };
    fx = made;
  });
  afterAll(async () => {
    if (!fx) return;
    for (const matrix of matrices) await matrix.teardown?.(fx);
    await fx.t.close();
  });

  for (const matrix of matrices) {
    describe(`${matrix.module} role × route matrix`, () => {
      it(
        matrix.routePattern
          ? `declares every ${matrix.module} route the app registers, and no other`
          : 'declares only routes the app registers',
        () => {
          const registered = fixture().t.app.deps.routes.map(routeKey);
          const declared = declaredRoutes(matrix);
          expect(declared.filter((route) => !registered.includes(route))).toEqual([]);
          const pattern = matrix.routePattern;
          if (pattern) {
            const own = fixture()
              .t.app.deps.routes.filter((route) => pattern.test(route.url))
              .map(routeKey);
            expect(own.filter((route) => !declared.includes(route))).toEqual([]);
          }
        },
      );

      for (const cell of matrix.cells) {
        describe(`${cell.method} ${cell.url} (${cell.name})`, () => {
          for (const actor of ACTORS) {
            const status = expectedStatus(cell, actor);
            it(`${actor} → ${status}`, async () => {
              const res = await fixture().as(actor)(await cell.request(fixture(), actor));
              expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
            });
          }
        });
      }
    });
  }
  return fixture;
}
