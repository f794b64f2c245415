// setUpJourney(): what a journey file needs, wired once per file — its own server (on a copy of the seeded demo) and
// one Chromium, started side by side in beforeAll and stopped in afterAll; fresh pages; and signed-in pages per
// demo role. A role signs in through the sign-in page once per file; its session (the context's storage state) is
// then reused for every further page of that role, which opens on the start page exactly as after signing in.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_EMAILS, type DemoRole, launchBrowser, newPage, type PageOptions, signIn } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';
import { timed, timingReport } from './timing.ts';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export type Journey = {
  /** The server's address, e.g. http://127.0.0.1:41234 (valid inside tests and hooks). */
  readonly url: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a fresh browser context: no cookies, not signed in. */
  newPage(opts?: PageOptions): Promise<Page>;
  /**
   * A page (desktop-sized) in a fresh context of its own, signed in as the demo user of `role`, on the start page.
   * The first call per role signs in through the sign-in page; later calls reuse that session.
   */
  signedIn(role: DemoRole): Promise<Page>;
  /** Signs `page` in as `role` through the sign-in page (as the first signedIn(role) does) and keeps the session. */
  signIn(page: Page, role: DemoRole): Promise<void>;
};

export function setUpJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const sessions = new Map<DemoRole, StorageState>();

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([
      timed('server start', startServer),
      timed('chromium launch', launchBrowser),
    ]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });
  afterAll(async () => {
    await timed('stop', () => Promise.all([browser?.close(), server?.stop()]));
    const report = timingReport(expect.getState().testPath ?? 'this file');
    if (report) console.info(report);
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`setUpJourney: the ${what} is not started (use it inside tests and hooks)`);
    return value;
  };

  const journey: Journey = {
    get url() {
      return need(server, 'server').url;
    },
    get server() {
      return need(server, 'server');
    },
    get browser() {
      return need(browser, 'browser');
    },
    newPage(opts) {
      return newPage(journey.browser, opts);
    },
    async signIn(page, role) {
      await signIn(page, journey.url, DEMO_EMAILS[role]);
      if (!sessions.has(role)) sessions.set(role, await page.context().storageState());
    },
    async signedIn(role) {
      const session = sessions.get(role);
      if (!session) {
        const page = await journey.newPage();
        await journey.signIn(page, role);
        return page;
      }
      return timed('signed-in page (session)', async () => {
        const page = await newPage(journey.browser, { storageState: session });
        await page.goto(`${journey.url}/`);
        await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
        return page;
      });
    },
  };
  return journey;
}
