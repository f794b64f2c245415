// Debian's Chromium driven by playwright-core, a login(role) fixture, and an axe check for every page.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

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
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    storageState: opts.storageState,
  });
  return context.newPage();
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

/** Every page a journey visits is checked: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, where: string) {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${where}`).toEqual([]);
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
}

export async function login(page: Page, baseUrl: string, role: DemoRole) {
  await signIn(page, baseUrl, DEMO_EMAILS[role]);
}
