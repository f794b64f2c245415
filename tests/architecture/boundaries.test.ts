// The module boundary rules (.dependency-cruiser.cjs) fail when a forbidden import is added: each rule is run on a
// small tree written for the test, with one import that breaks it. `npm run check:boundaries` (part of `npm test`)
// runs the same rules on the project's own code.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs') as { forbidden: object[] };

async function violationsIn(baseDir: string, files: string[]): Promise<string[]> {
  const { output } = await cruise(files, {
    baseDir,
    ruleSet: { forbidden: config.forbidden } as never,
    validate: true,
    tsPreCompilationDeps: true,
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('module boundaries', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A tree of files (path → content) in a temporary folder. */
  function tree(files: Record<string, string>) {
    const dir = mkdtempSync(path.join(tmpdir(), 'kn-boundaries-'));
    dirs.push(dir);
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    return dir;
  }

  const allowed = {
    'src/modules/alpha/alpha.contracts.ts': 'export const a = 1;\n',
    'src/modules/alpha/alpha-lookup.service.ts': 'export const lookup = () => 1;\n',
    'src/modules/alpha/alpha.service.ts': 'export const secret = 2;\n',
    'src/modules/beta/beta.service.ts':
      "import { a } from '../alpha/alpha.contracts.ts';\nimport { lookup } from '../alpha/alpha-lookup.service.ts';\nexport const b = a + lookup();\n",
    'src/platform/server/util.ts': 'export const u = 3;\n',
    'src/app/server-modules.ts': "import { b } from '../modules/beta/beta.service.ts';\nexport const m = [b];\n",
  };

  it('allow contracts, narrow lookups, and the composition root naming modules', async () => {
    const dir = tree(allowed);
    expect(await violationsIn(dir, ['src'])).toEqual([]);
  });

  it('refuse a module reaching into another module’s service', async () => {
    const dir = tree({
      ...allowed,
      'src/modules/beta/beta-extra.ts':
        "import { secret } from '../alpha/alpha.service.ts';\nexport const x = secret;\n",
    });
    expect(await violationsIn(dir, ['src'])).toEqual([
      'module-reaches-into-module: src/modules/beta/beta-extra.ts → src/modules/alpha/alpha.service.ts',
    ]);
  });

  it('refuse the platform importing a module', async () => {
    const dir = tree({
      ...allowed,
      'src/platform/server/bad.ts':
        "import { a } from '../../modules/alpha/alpha.contracts.ts';\nexport const y = a;\n",
    });
    expect(await violationsIn(dir, ['src'])).toEqual([
      'platform-imports-module: src/platform/server/bad.ts → src/modules/alpha/alpha.contracts.ts',
    ]);
  });

  it('refuse web code importing server code', async () => {
    const dir = tree({
      ...allowed,
      'src/modules/alpha/web/page.tsx': "import { secret } from '../alpha.service.ts';\nexport const p = secret;\n",
    });
    expect(await violationsIn(dir, ['src'])).toEqual([
      'web-imports-server: src/modules/alpha/web/page.tsx → src/modules/alpha/alpha.service.ts',
    ]);
  });
});
