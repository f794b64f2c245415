#!/usr/bin/env node
// Entry point of the `kompetensnav` command. The server code is TypeScript: it runs from a bundle in dist/server,
// rebuilt with esbuild (about a second) whenever a source file is newer, so a start does not compile at run time.
// Each `*.worker.ts` under src is bundled too, as dist/server/workers/<name>.mjs (the modules of worker threads).
// KOMPETENSNAV_FROM_SOURCE=1 runs the sources through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/server/cli.mjs');

function workerSources(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...workerSources(full));
    else if (entry.name.endsWith('.worker.ts')) found.push(full);
  }
  return found;
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(tsx?|css|html)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

if (process.env.KOMPETENSNAV_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
} else {
  const newest = newestSource(path.join(root, 'src'));
  const workers = workerSources(path.join(root, 'src'));
  const workerBundle = (file) => path.join(path.dirname(bundle), 'workers', `${path.basename(file, '.ts')}.mjs`);
  const stale =
    !existsSync(bundle) || statSync(bundle).mtimeMs < newest || !workers.every((f) => existsSync(workerBundle(f)));
  if (stale) {
    const { mkdirSync, renameSync, utimesSync, writeFileSync } = await import('node:fs');
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [
        { in: path.join(root, 'src/cli.ts'), out: 'cli' },
        ...workers.map((file) => ({
          in: file,
          out: `workers/${path.basename(file, '.ts')}`,
        })),
      ],
      outdir: path.dirname(bundle),
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
      write: false,
    });
    // Several processes may start at once (tests): each writes its own file and renames it into place, cli.mjs last.
    const outputs = [...result.outputFiles].sort(
      (a, b) => Number(a.path.startsWith(bundle)) - Number(b.path.startsWith(bundle)),
    );
    for (const file of outputs) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      const tmp = `${file.path}.${process.pid}.tmp`;
      writeFileSync(tmp, file.contents);
      // Stamped with the newest source seen before building: a file saved during the build stays newer.
      utimesSync(tmp, new Date(newest), new Date(newest));
      renameSync(tmp, file.path);
    }
  }
  await import(pathToFileURL(bundle).href);
}
