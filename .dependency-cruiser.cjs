// Module boundaries (docs/ARCHITECTURE.md, "What may import what"), checked by `npm run check:boundaries` in `npm test`.
// A module uses another only through its *.contracts.ts or a narrow lookup (*-lookup.service.ts, *.lookup.ts);
// the platform never imports a module or the composition root; web code never imports server code.
// Tests may reach further (they build the whole app), so test files are left out of the rules.
const TESTS = '\\.(test|e2e)\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-module',
      comment:
        'The platform loops over the manifests the composition root (src/app) gives it; it never names a module.',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: TESTS },
      to: { path: '^src/(modules|app)/' },
    },
    {
      name: 'module-reaches-into-module',
      comment:
        'A module may use another only through its *.contracts.ts or a narrow lookup file (*-lookup.service.ts, *.lookup.ts).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TESTS },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '\\.contracts\\.ts$', '-lookup\\.service\\.ts$', '\\.lookup\\.ts$'],
      },
    },
    {
      name: 'web-imports-server',
      comment: 'Web code runs in the browser: never server code (services, tables, routes, platform/server).',
      severity: 'error',
      from: { path: ['^src/platform/web/', '^src/modules/[^/]+/web/', '^src/app/(main\\.tsx|web-modules\\.ts)$'] },
      to: { path: ['^src/platform/server/', '\\.service\\.ts$', '\\.table\\.ts$', '\\.routes\\.ts$'] },
    },
    {
      name: 'no-circular-between-modules',
      comment: 'Two modules must not depend on each other.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TESTS },
      to: { circular: true, path: '^src/modules/([^/]+)/', pathNot: '^src/modules/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
