// Every route the app registers belongs to exactly one role × route matrix. The matrices are found, not listed: any
// `*.access.ts` under src/ (a module's, beside its code) or tests/support/ (the platform's, for now) that exports
// `accessMatrix` (tests/support/access-matrix.ts) counts, so a new module is covered by adding its file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessMatrix, declaredRoutes, routeKey } from '../../../tests/support/access-matrix.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';

const files = import.meta.glob<{ accessMatrix?: AccessMatrix<unknown> }>(
  ['/src/**/*.access.ts', '/tests/support/*.access.ts'],
  { eager: true },
);
const matrices = Object.entries(files).map(([file, exports]) => ({ file, matrix: exports.accessMatrix }));

/**
 * Modules whose matrix is still a table inside their `<module>-access.test.ts` (which cannot be imported without
 * running it), with the part of the URL space they answer for. Each entry goes once the module has its
 * `<module>.access.ts`; the last test below fails as a reminder when one lingers.
 */
const NOT_YET_DECLARED: Record<string, RegExp> = {};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('route coverage of the role × route matrices', () => {
  it('finds a matrix in every *.access.ts, each for a module of its own', () => {
    expect(matrices.filter((m) => !m.matrix).map((m) => m.file)).toEqual([]);
    const modules = matrices.map((m) => m.matrix?.module);
    expect(modules.filter((name, i) => modules.indexOf(name) !== i)).toEqual([]);
    expect(modules).toContain('admin');
    expect(modules).toContain('platform');
  });

  it('puts every registered route in exactly one matrix (or a module still to declare its own)', () => {
    const owners = new Map<string, string[]>();
    for (const { matrix } of matrices) {
      if (!matrix) continue;
      for (const route of declaredRoutes(matrix)) owners.set(route, [...(owners.get(route) ?? []), matrix.module]);
    }
    const problems: string[] = [];
    for (const route of t.app.deps.routes) {
      const key = routeKey(route);
      const declaredBy = owners.get(key) ?? [];
      const pending = Object.entries(NOT_YET_DECLARED)
        .filter(([, pattern]) => pattern.test(route.url))
        .map(([name]) => `${name} (not yet declared)`);
      const all = [...declaredBy, ...pending];
      if (all.length !== 1) problems.push(`${key}: ${all.length ? all.join(', ') : 'in no matrix'}`);
    }
    expect(problems).toEqual([]);
  });

  it('declares no route the app does not register', () => {
    const registered = new Set(t.app.deps.routes.map(routeKey));
    const stale = matrices.flatMap(({ matrix }) =>
      matrix
        ? declaredRoutes(matrix)
            .filter((route) => !registered.has(route))
            .map((r) => `${matrix.module}: ${r}`)
        : [],
    );
    expect(stale).toEqual([]);
  });

  it('keeps no module in the "not yet declared" list once it declares its matrix', () => {
    const declared = new Set(matrices.map((m) => m.matrix?.module));
    expect(Object.keys(NOT_YET_DECLARED).filter((name) => declared.has(name))).toEqual([]);
  });
});
