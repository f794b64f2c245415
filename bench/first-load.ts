// `node --import tsx bench/first-load.ts` (issue 20, point 14): what a first visit costs. Builds the web app into a
// folder of its own, starts the real server on a fresh demo database, and in one Chromium run loads, each in a new
// browser context with an empty cache, the sign-in page and then (signed in as the Skövde reporter) the municipality
// profile, the heaviest page. Per page: bytes over the wire (what the server sent, compressed or not), bytes after
// decoding, JavaScript requests and bytes, and the time until the page's main heading is shown. Not a CI test.
// Printed, and written to bench/results/first-load.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn } from '../tests/e2e/support/browser.ts';
import { runQuiet, spawnServer } from '../tests/e2e/support/server-process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type Load = {
  page: string;
  ms: number;
  requests: number;
  transferredBytes: number;
  decodedBytes: number;
  jsRequests: number;
  jsTransferredBytes: number;
  jsDecodedBytes: number;
};

/** Loads a URL in the page and counts every response's bytes through the DevTools protocol. */
async function measure(page: Page, name: string, url: string, ready: (page: Page) => Promise<unknown>): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const types = new Map<string, string>();
  const load: Load = {
    page: name,
    ms: 0,
    requests: 0,
    transferredBytes: 0,
    decodedBytes: 0,
    jsRequests: 0,
    jsTransferredBytes: 0,
    jsDecodedBytes: 0,
  };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.dataReceived', (e) => {
    load.decodedBytes += e.dataLength;
    if (types.get(e.requestId) === 'Script') load.jsDecodedBytes += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    load.requests++;
    load.transferredBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') {
      load.jsRequests++;
      load.jsTransferredBytes += e.encodedDataLength;
    }
  });
  const started = performance.now();
  await page.goto(url);
  await ready(page);
  load.ms = Math.round(performance.now() - started);
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return load;
}

export async function benchFirstLoad(): Promise<Load[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'kn-first-load-'));
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof spawnServer>> | null = null;
  try {
    const webDistDir = path.join(work, 'web');
    await runQuiet('npx', ['vite', 'build', '--outDir', webDistDir, '--emptyOutDir', '--logLevel', 'warn']);
    server = await spawnServer({ dataDir: path.join(work, 'data'), webDistDir });
    const base = server.url;
    browser = await launchBrowser();

    // A signed-in session to start the profile's cold load from (its cookies only, no cache).
    const signInContext = await browser.newContext({ locale: 'sv-SE' });
    const warm = await signInContext.newPage();
    await signIn(warm, base, 'rapportor.skovde@demo.example');
    const municipalityId = await warm.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { organisation: { id: string } };
      return me.organisation.id;
    });
    const storageState = await signInContext.storageState();
    await signInContext.close();

    const results: Load[] = [];
    for (let run = 0; run < 2; run++) {
      const login = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
      results.push(
        await measure(await login.newPage(), `sign-in (run ${run + 1})`, `${base}/login`, (p) =>
          p.getByRole('button', { name: 'Logga in' }).waitFor(),
        ),
      );
      await login.close();
      const profile = await browser.newContext({
        locale: 'sv-SE',
        viewport: { width: 1280, height: 900 },
        storageState,
      });
      results.push(
        await measure(
          await profile.newPage(),
          `profile (run ${run + 1})`,
          `${base}/staffing/profile/${municipalityId}`,
          (p) => p.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 }),
        ),
      );
      await profile.close();
    }
    return results;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await benchFirstLoad();
  console.log('first load (cold cache, new context each)');
  for (const r of results) {
    console.log(
      `  ${r.page.padEnd(18)} ${String(r.ms).padStart(6)} ms  ${String(r.requests).padStart(3)} requests  ` +
        `${kb(r.transferredBytes).padStart(8)} transferred (${kb(r.decodedBytes)} decoded)  ` +
        `JS: ${r.jsRequests} files, ${kb(r.jsTransferredBytes)} transferred (${kb(r.jsDecodedBytes)} decoded)`,
    );
  }
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(ROOT, 'bench/results/first-load.json'),
    `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`,
  );
}
