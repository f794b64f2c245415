// Debian's Chromium driven by playwright-core, a login(role) fixture, and an axe check for every page.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { timed } from './timing.ts';

export const DEMO_PASSWORD = 'Demo-Kompetensnav-2026';
export const DEMO_EMAILS = {
  regional_admin: 'regionadmin@demo.example',
  municipal_admin: 'kommunadmin.skovde@demo.example',
  reporter: 'rapportor.skovde@demo.example',
  manager: 'chef.skovde@demo.example',
  mas: 'mas.lidkoping@demo.example',
  broker: 'utbildningsmaklare.skovde@demo.example',
  steering: 'styrgrupp.falkoping@demo.example',
  employee: 'medarbetare.skovde@demo.example',
} as const;
export type DemoRole = keyof typeof DEMO_EMAILS;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export type PageOptions = {
  /** A phone-sized viewport (390 × 844) instead of 1280 × 900. */
  phone?: boolean;
  /** Cookies and local storage to start with, e.g. a signed-in session (see useJourney().signedIn). */
  storageState?: BrowserContextOptions['storageState'];
};

/** A fresh browser context (no cookies unless a storage state is given) with a page, optionally phone-sized. */
export async function newPage(browser: Browser, opts: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    // As a user who asked for less motion (the theme respects it): no fades for axe to catch half-way.
    reducedMotion: 'reduce',
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    storageState: opts.storageState,
  });
  const page = await context.newPage();
  trackRequests(page);
  return page;
}

/**
 * Waits (at most 3 s) until the page's finite CSS transitions and animations have ended, e.g. a notification
 * fading in, so that axe judges what the user reads rather than a frame half-way through a fade (where a colour's
 * contrast is not yet its own). Endless ones, such as a loader's spin, are not waited for.
 */
async function settleAnimations(page: Page) {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime ?? Infinity)));
    const finished = Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 3000))]);
  });
}

/**
 * Every page a journey visits is checked: no serious or critical WCAG 2.1 A/AA violation, and no sideways scrolling
 * at its own width nor at a phone's (390 px; WCAG 1.4.10 reflow).
 */
export async function expectAccessible(page: Page, where: string) {
  await timed('settle animations', () => settleAnimations(page));
  const results = await timed('axe', () =>
    new AxeBuilder({ page })
      // Only the violations are read: axe then reports one node per passed or inapplicable rule instead of every
      // node, which is most of its work (and of what crosses to Node) on a long page.
      .options({ resultTypes: ['violations'] })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      // axe.run in the page itself. The default (runPartial per frame, then finishRun in a new blank page with axe
      // injected again) is there for cross-origin iframes, which the app has none of; it costs a page per check.
      .setLegacyMode()
      .analyze(),
  );
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${where}`).toEqual([]);
  await timed('reflow check', () => expectNoSidewaysScroll(page, where));
}

/**
 * Waits until the page has had no request in flight for `quietMs` (100 ms): what a page fetches after it rendered
 * has arrived. Playwright's 'networkidle' is the same with 500 ms of quiet, which adds up over a journey's pages.
 * The requests are counted from newPage() on (see trackRequests).
 */
export async function waitForQuietNetwork(page: Page, quietMs = 100, timeoutMs = 30_000) {
  const inFlight = requestsInFlight.get(page);
  if (!inFlight) throw new Error('waitForQuietNetwork: the page was not opened with newPage()');
  const deadline = Date.now() + timeoutMs;
  let quietSince = inFlight.size === 0 ? Date.now() : Number.POSITIVE_INFINITY;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (inFlight.size > 0) quietSince = Number.POSITIVE_INFINITY;
    else if (quietSince === Number.POSITIVE_INFINITY) quietSince = Date.now();
    if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline)
      throw new Error(`waitForQuietNetwork: still loading after ${timeoutMs} ms: ${[...inFlight].join(', ')}`);
  }
}

const requestsInFlight = new WeakMap<Page, Set<string>>();

/** Keeps the set of the page's requests that have not finished or failed yet (for waitForQuietNetwork). */
function trackRequests(page: Page) {
  const inFlight = new Set<string>();
  const ids = new WeakMap<object, string>();
  let next = 0;
  page.on('request', (request) => {
    const id = `${request.method()} ${request.url()} #${next++}`;
    ids.set(request, id);
    inFlight.add(id);
  });
  const done = (request: object) => {
    const id = ids.get(request);
    if (id) inFlight.delete(id);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  requestsInFlight.set(page, inFlight);
}

export const PHONE_WIDTH = 390;

/**
 * The page does not scroll sideways at a phone's width: a desktop page is narrowed to 390 px for one measurement
 * (then restored), a phone page is measured as it is. One evaluate: after two frames (the layout and any
 * media-query re-render), the transitions they started and up to 1.5 s for charts that resize in JavaScript, the
 * document's scroll width against the window's, naming
 * the elements that stick out (outside any scroll region of their own) when it is wider.
 */
export async function expectNoSidewaysScroll(page: Page, where: string) {
  const viewport = page.viewportSize();
  const narrowed = viewport !== null && viewport.width > PHONE_WIDTH;
  if (narrowed) await page.setViewportSize({ width: PHONE_WIDTH, height: viewport.height });
  try {
    const overflow = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // The shell's navbar slides away with a CSS transition when the width falls below its breakpoint.
      const moving = document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)));
      await Promise.race([
        Promise.all(moving.map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      // Charts (recharts) follow their container's width in JavaScript, a render or two after a ResizeObserver
      // fires: what still sticks out after up to 1.5 s is a real overflow, what no longer does was a chart catching up.
      const settleUntil = Date.now() + 1500;
      while (document.documentElement.scrollWidth > document.documentElement.clientWidth && Date.now() < settleUntil) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const width = document.documentElement.clientWidth;
      const scrollWidth = document.documentElement.scrollWidth;
      if (scrollWidth <= width) return null;
      const scrolls = (el: Element) => {
        const x = getComputedStyle(el).overflowX;
        return x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip';
      };
      const inScrollRegion = (el: Element) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true;
        return false;
      };
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}`;
      const culprits = [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !inScrollRegion(el))
        .slice(0, 5)
        .map((el) => `${name(el)} (${Math.round(el.getBoundingClientRect().right)} px)`);
      return { width, scrollWidth, culprits };
    });
    expect(overflow, `sideways scroll at ${PHONE_WIDTH} px on ${where}`).toBeNull();
  } finally {
    if (narrowed) await page.setViewportSize(viewport);
  }
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await timed('sign-in', () => signInSteps(page, baseUrl, email, password));
}

/**
 * Signs in through the form. When the main menu has not come after 20 s (it failed so once in a loaded CI run, the
 * cause unseen), the failure says where the page is and what it shows; a page still on the sign-in form is tried once
 * more, a page past it is given more time.
 */
async function signInSteps(page: Page, baseUrl: string, email: string, password: string) {
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    try {
      await menu.waitFor({ timeout: 20_000 });
      return;
    } catch (error) {
      const alerts = await page.getByRole('alert').allTextContents();
      const where = `${page.url()}${alerts.length ? ` showing "${alerts.join(' / ')}"` : ''}`;
      if (!new URL(page.url()).pathname.startsWith('/login')) {
        console.warn(`sign-in as ${email}: no main menu after 20 s at ${where}; waiting longer`);
        await menu.waitFor();
        return;
      }
      if (attempt >= 2) throw new Error(`sign-in as ${email} stayed on ${where}`, { cause: error });
      console.warn(`sign-in as ${email}: still on ${where} after 20 s; trying once more`);
    }
  }
}

export async function login(page: Page, baseUrl: string, role: DemoRole) {
  await signIn(page, baseUrl, DEMO_EMAILS[role]);
}
