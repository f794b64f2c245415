// The region map at national scale, for `BENCH_ONLY=region-map npm run bench` (issue 17, Performance; decision 025):
// the national staffing dataset (290 invented municipalities, bench/staffing-dataset.ts) given the 290 real SCB codes
// (the demo's 15 municipalities move to codes no shape has), the real server, and one Chromium run as the region's
// admin, desktop size, on the comparison of the dataset's closed full period:
//   • the comparison table (/staffing/comparison?view=table): from navigation until all 290 rows are in the table;
//   • the map of the same comparison (…?view=map): from navigation until all 290 municipalities are drawn (and the
//     table beside the map has its 290 rows). Goal: the map ≤ 2 × the table's time.
// Three rounds, alternating; the medians are compared. Printed, not saved.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, inArray } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { openEmbedded } from '../src/platform/server/db.ts';
import { organisation } from '../src/platform/server/organisation.table.ts';
import { launchBrowser, signIn } from '../tests/e2e/support/browser.ts';
import { runQuiet, spawnServer } from '../tests/e2e/support/server-process.ts';
import { type NationalDataset, prepareEmbeddedDataset } from './staffing-dataset.ts';

const GOAL = 2;
const ROUNDS = 3;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type RegionMapBenchResult = {
  municipalities: number;
  tableMs: number[];
  mapMs: number[];
  ratio: number;
  goalMet: boolean;
};

/** Gives the dataset's municipalities the 290 real codes (the demo's 15 move to 9001–9015 first: codes are unique). */
async function realCodes(dataDir: string, dataset: NationalDataset): Promise<number> {
  const shapes = JSON.parse(
    readFileSync(path.join(root, 'src/platform/shared/region-map/municipality-shapes.json'), 'utf8'),
  ) as { shapes: Record<string, unknown> };
  const codes = Object.keys(shapes.shapes).sort();
  const database = await openEmbedded(dataDir);
  try {
    const db = database.db;
    const benchIds = new Set(dataset.municipalities.map((m) => m.id));
    const demo = (
      await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.kind, 'municipality'))
    ).filter((m) => !benchIds.has(m.id));
    for (const [i, m] of demo.entries()) {
      await db
        .update(organisation)
        .set({ code: String(9001 + i) })
        .where(eq(organisation.id, m.id));
    }
    let n = 0;
    for (const [i, m] of dataset.municipalities.entries()) {
      const code = codes[i];
      if (!code) break;
      await db
        .update(organisation)
        .set({ code })
        .where(inArray(organisation.id, [m.id]));
      n++;
    }
    return n;
  } finally {
    await database.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function benchRegionMap(): Promise<RegionMapBenchResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'kn-bench-region-map-'));
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof spawnServer>> | null = null;
  try {
    const webDistDir = path.join(work, 'web');
    const dataDir = path.join(work, 'data');
    const [dataset] = await Promise.all([
      prepareEmbeddedDataset(dataDir),
      runQuiet('npx', ['vite', 'build', '--outDir', webDistDir, '--emptyOutDir', '--logLevel', 'warn']),
    ]);
    const municipalities = await realCodes(dataDir, dataset);
    const period = dataset.periods.find((p) => p.closed && p.yearIndex === dataset.periods.length - 2);
    if (!period) throw new Error('the dataset lacks its closed full period');
    server = await spawnServer({ dataDir, webDistDir });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'regionadmin@demo.example');
    const url = (view: string) => `${server?.url}/staffing/comparison?periodId=${period.id}&view=${view}`;

    // A first visit of each view loads its code and the shapes once, as any user's first visit would; not timed.
    await page.goto(url('table'));
    await page
      .getByRole('table', { name: /^Jämförelse / })
      .locator('tbody tr')
      .nth(municipalities - 1)
      .waitFor({
        state: 'attached',
        timeout: 120_000,
      });
    await page.goto(url('map'));
    await page
      .locator('.region-map-shape')
      .nth(municipalities - 1)
      .waitFor({ state: 'attached', timeout: 120_000 });

    const tableMs: number[] = [];
    const mapMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let t0 = performance.now();
      await page.goto(url('table'));
      await page
        .getByRole('table', { name: /^Jämförelse / })
        .locator('tbody tr')
        .nth(municipalities - 1)
        .waitFor({ state: 'attached', timeout: 120_000 });
      tableMs.push(Math.round(performance.now() - t0));

      t0 = performance.now();
      await page.goto(url('map'));
      await page
        .locator('.region-map-shape')
        .nth(municipalities - 1)
        .waitFor({ state: 'attached', timeout: 120_000 });
      await page
        .getByTestId('region-map-table')
        .locator('tbody tr')
        .nth(municipalities - 1)
        .waitFor({ state: 'attached', timeout: 120_000 });
      // Painted: the next animation frame after the last municipality is in the document.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      mapMs.push(Math.round(performance.now() - t0));
    }
    const drawn = await page.locator('.region-map-shape').count();
    const ratio = median(mapMs) / Math.max(1, median(tableMs));
    return {
      municipalities: drawn,
      tableMs,
      mapMs,
      ratio: Math.round(ratio * 100) / 100,
      goalMet: ratio <= GOAL,
    };
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export async function regionMapOnly(): Promise<number> {
  console.log('Region map: the national dataset with real municipality codes, one Chromium run…');
  const r = await benchRegionMap();
  console.log(
    `  ${r.municipalities} municipalities drawn; table ${r.tableMs.join(' / ')} ms, map ${r.mapMs.join(' / ')} ms`,
  );
  console.log(`  map / table (medians): ${r.ratio}× (goal ≤ ${GOAL}×) — ${r.goalMet ? 'met' : 'NOT met'}`);
  return r.goalMet ? 0 : 1;
}
