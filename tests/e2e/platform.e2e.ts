// Journeys through the platform shell, as the demo users would take them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_EMAILS,
  DEMO_PASSWORD,
  type DemoRole,
  expectAccessible,
  signIn,
  waitForQuietNetwork,
} from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

const ALL_LINKS = ['Startsida', 'Nätverk', 'Kommuner', 'Användare och roller', 'API-nycklar', 'Granskningslogg'];
const NAVIGATION: Record<DemoRole, string[]> = {
  regional_admin: ALL_LINKS,
  municipal_admin: ['Startsida', 'Nätverk', 'Användare och roller', 'API-nycklar'],
  reporter: ['Startsida', 'Nätverk'],
  manager: ['Startsida', 'Nätverk'],
  mas: ['Startsida', 'Nätverk'],
  broker: ['Startsida', 'Nätverk'],
  steering: ['Startsida', 'Nätverk'],
  employee: ['Startsida', 'Nätverk'],
};

async function navLinks(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
}

describe('every demo role', () => {
  // The page everyone signs in on is one and the same page before anyone has signed in: checked once, here, rather
  // than once per role below (each check runs axe and narrows the window).
  it('is sent from the start page to an accessible sign-in page', async () => {
    const page = await journey.newPage();
    await page.goto(`${journey.url}/`);
    await page.waitForURL(/\/login/);
    await expectAccessible(page, 'sign-in page');
    await page.context().close();
  });

  for (const role of Object.keys(DEMO_EMAILS) as DemoRole[]) {
    it(`${role} signs in and sees its navigation`, async () => {
      const page = await journey.newPage();
      await page.goto(`${journey.url}/`);
      await page.waitForURL(/\/login/);
      await journey.signIn(page, role);
      await expect.poll(() => page.title()).toContain('Kompetensnav');
      expect(await page.getByRole('banner').textContent()).toContain('Skaraborgs kommunalförbund (demo)');
      const links = await navLinks(page);
      for (const link of ALL_LINKS)
        expect(links.includes(link), `${role}: ${link}`).toBe(NAVIGATION[role].includes(link));
      // Employees see what concerns them: the open statistics, not the planning pages.
      expect(links.includes('Jämförelse'), `${role}: Jämförelse`).toBe(role !== 'employee');
      expect(links.includes('Öppen statistik'), `${role}: Öppen statistik`).toBe(role === 'employee');
      // "Att göra" comes first on the start page, with tasks or a sentence saying there are none.
      await page
        .getByRole('region', { name: 'Att göra' })
        .getByRole('listitem')
        .or(page.getByText('Du har inget att göra just nu.'))
        .first()
        .waitFor();
      await expectAccessible(page, `start page as ${role}`);
      for (const link of NAVIGATION[role].slice(1)) {
        await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: link }).click();
        await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBeTruthy();
        await waitForQuietNetwork(page);
        await expectAccessible(page, `${link} as ${role}`);
      }
      await page.context().close();
    });
  }
});

describe('a regional admin', () => {
  it('invites a user, who follows the link from the mail log, sets a password and signs in', async () => {
    const page = await journey.signedIn('regional_admin');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Användare och roller' })
      .click();
    await page.getByRole('button', { name: 'Bjud in användare' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Namn/).fill('Nora Nyanställd');
    await dialog.getByLabel(/^E-postadress/).fill('nora.nyanstalld@demo.example');
    await dialog.getByRole('combobox', { name: /Organisation/ }).click();
    await page.getByRole('option', { name: /Tibro/ }).click();
    await dialog.getByRole('checkbox', { name: 'Chef' }).check();
    await expectAccessible(page, 'invite dialog');
    await dialog.getByRole('button', { name: /Bjud in|Skicka inbjudan/ }).click();
    await expect.poll(() => page.getByText('nora.nyanstalld@demo.example').count()).toBeGreaterThan(0);
    await page.context().close();

    // The mail reaches the server's log (its stdout, read through a pipe) a moment after the list shows the user.
    let mail: { subject: string; text: string } | undefined;
    await expect
      .poll(() => {
        mail = journey.server.mails().find((m) => m.to === 'nora.nyanstalld@demo.example');
        return mail !== undefined;
      })
      .toBe(true);
    expect(mail?.subject).toContain('Inbjudan');
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
    expect(link).toBeTruthy();

    const invited = await journey.newPage();
    await invited.goto(link as string);
    await expectAccessible(invited, 'set-password page');
    await invited.getByLabel('Nytt lösenord').fill('Noras-eget-lösenord-1');
    await invited.getByLabel('Upprepa lösenordet').fill('Noras-eget-lösenord-1');
    await invited.getByRole('button', { name: 'Spara lösenord' }).click();
    await invited.waitForURL(/\/login/);
    await signIn(invited, journey.url, 'nora.nyanstalld@demo.example', 'Noras-eget-lösenord-1');
    await expect.poll(() => invited.getByRole('main').textContent()).toContain('Nora Nyanställd');
    await expectAccessible(invited, 'start page of the invited user');
    await invited.context().close();
  });
});

describe('a municipal admin', () => {
  it("cannot reach another municipality's users, in the UI or the API", async () => {
    // Skövde's admin is signed in; the id of a Lidköping user is looked up as the regional admin sees it.
    const skovde = await journey.signedIn('municipal_admin');
    const admin = await journey.signedIn('regional_admin');
    const otherId = await admin.evaluate(async () => {
      const res = await fetch('/api/users?q=mas.lidkoping');
      return (await res.json()).items[0].id as string;
    });
    await admin.context().close();

    await skovde
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Användare och roller' })
      .click();
    await skovde.getByRole('table').waitFor();
    await expect.poll(() => skovde.getByRole('table').textContent()).toContain('Skövde');
    expect(await skovde.getByRole('table').textContent()).not.toContain('Lidköping');
    const status = await skovde.evaluate(async (id) => (await fetch(`/api/users/${id}`)).status, otherId);
    expect(status).toBe(404);
    const list = await skovde.evaluate(
      async () => (await (await fetch('/api/users?q=lidkoping')).json()).total as number,
    );
    expect(list).toBe(0);
    await skovde.context().close();
  });
});

describe('the language switch', () => {
  it('switches to English and stays English after a reload and a new sign-in', async () => {
    const page = await journey.signedIn('manager');
    const before = await navLinks(page);
    expect(before).toContain('Startsida');
    await page.getByRole('button', { name: 'Användarmeny' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(async () => (await page.getByRole('navigation').first().textContent()) ?? '').toContain('Start');
    await expectAccessible(page, 'start page in English');
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.context().close();
    // A new browser: the choice was remembered for the user on the server.
    const again = await journey.newPage();
    await again.goto(`${journey.url}/login`);
    await again.getByLabel('E-postadress').fill(DEMO_EMAILS.manager);
    await again.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await again.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => again.locator('html').getAttribute('lang')).toBe('en');
    await again.context().close();
  });

  it('works on a phone-sized screen: the menu opens from the burger button', async () => {
    const page = await journey.newPage({ phone: true });
    await page.goto(`${journey.url}/login`);
    await expectAccessible(page, 'sign-in page on a phone');
    await page.getByLabel('E-postadress').fill(DEMO_EMAILS.municipal_admin);
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.isVisible()).toBe(false);
    await expectAccessible(page, 'start page on a phone');
    await page.getByRole('button', { name: /meny/i }).first().click();
    await nav.getByRole('link', { name: 'Användare och roller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare och roller' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'users page on a phone');
    await page.context().close();
  });
});
