// Where the project's folders are, whether this code runs from src/ (tsx) or from the dist/server bundle.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the server code');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot();
export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'drizzle');
// The built web app the server serves. WEB_DIST_DIR overrides it (the browser journeys build the web app once per run
// into a folder of their own and start servers with `start --no-web-build`, so runs never clobber dist/web).
export const WEB_DIST = process.env.WEB_DIST_DIR
  ? path.resolve(process.env.WEB_DIST_DIR)
  : path.join(PROJECT_ROOT, 'dist/web');
