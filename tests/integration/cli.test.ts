// The `kompetensnav` command as an operator uses it on a new installation.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../src/platform/server/db.ts';

const run = promisify(execFile);
// Each call starts a new process that may migrate a new database: a test waits out the child's own
// 60 s limit, so a slow machine fails on that limit (and the child is gone) rather than leave it holding the folder.
const dataDir = mkdtempSync(path.join(tmpdir(), 'kn-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return run(process.execPath, ['bin/kompetensnav.mjs', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DEMO: 'off', LOG_LEVEL: 'info', PUBLIC_URL: 'https://kn.example' },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('kompetensnav create-admin', { timeout: 120_000 }, () => {
  it('creates the region and a regional admin on an empty database and logs the invitation link', async () => {
    const res = await cli(
      'create-admin',
      '--email',
      'Samordnare@Example.se',
      '--name',
      'Sam Samordnare',
      '--region-name',
      'Testförbundet',
    );
    expect(res.code, res.stderr).toBe(0);
    const link = res.stdout.match(/https:\/\/kn\.example\/set-password\?token=[\w-]+&invite=1/)?.[0];
    expect(link).toBeTruthy();
    const database = await openEmbedded(dataDir);
    try {
      const rows = await database.query<{ email: string; role: string; org: string; kind: string }>(
        `select u.email, r.role, o.name as org, o.kind from "user" u join user_role r on r.user_id = u.id join organisation o on o.id = u.organisation_id`,
      );
      expect(rows).toEqual([
        { email: 'samordnare@example.se', role: 'regional_admin', org: 'Testförbundet', kind: 'region' },
      ]);
      const token = new URL(link as string).searchParams.get('token');
      const pending = await database.query(`select 1 from verification where identifier = $1 and expires_at > now()`, [
        `reset-password:${token}`,
      ]);
      expect(pending).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it('refuses a taken or malformed address with one clear line and exit code 2', async () => {
    const taken = await cli('create-admin', '--email', 'samordnare@example.se');
    expect(taken.code).toBe(2);
    expect(taken.stderr.trim()).toBe('kompetensnav: E-postadressen används redan.');
    const bad = await cli('create-admin', '--email', 'inte-en-adress');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Not an e-mail address');
  });

  it('does not seed the demo over an existing region', async () => {
    const res = await cli('seed-demo');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('A region exists already');
  });
});
