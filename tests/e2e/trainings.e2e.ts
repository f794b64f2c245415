// Journeys through the web trainings: a visitor picks the physiotherapist tab, searches and opens a shared filter
// address that restores the filters; a signed-in employee suggests a training and a regional admin approves it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, login, newPage } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a visitor without an account', () => {
  it('reaches the catalogue from the sign-in page, picks the physiotherapist tab and searches', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Webbutbildningar (utan inloggning)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webbutbildningar' }).waitFor();
    await page.getByRole('article').first().waitFor();
    await expectAccessible(page, 'catalogue');
    // Licensed groups first.
    const tabs = (await page.getByRole('tab').allTextContents()).map((s) => s.trim());
    expect(tabs.slice(0, 4)).toEqual(['Alla yrken', 'Sjuksköterska', 'Arbetsterapeut', 'Fysioterapeut']);

    await page.getByRole('tab', { name: 'Fysioterapeut' }).click();
    await page.waitForURL(/profession=fysioterapeut/);
    await page.getByLabel('Sök', { exact: true }).fill('balanstraning');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL(/q=balanstraning/);
    await expect
      .poll(async () => (await page.getByRole('article').getByRole('heading').allTextContents()).map((s) => s.trim()))
      .toEqual(['Balansträning för äldre (öppnas i en ny flik)']);
    await expect.poll(() => page.getByText(/^Granskad /).count()).toBe(1);
    await expectAccessible(page, 'catalogue search');
    await page.context().close();
  });

  it('opens a shared address and gets the same tab, search and filters back', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/utbildningar?profession=sjukskoterska&q=hjartsvikt&length=medium&language=sv`);
    await expect
      .poll(() => page.getByRole('tab', { name: 'Sjuksköterska' }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await page.getByLabel('Sök', { exact: true }).inputValue()).toBe('hjartsvikt');
    expect(await page.getByLabel('Längd').inputValue()).toBe('medium');
    expect(await page.getByLabel('Språk').inputValue()).toBe('sv');
    await expect
      .poll(async () => (await page.getByRole('article').getByRole('heading').allTextContents()).map((s) => s.trim()))
      .toEqual(['Hjärtsvikt hos äldre – grunderna (öppnas i en ny flik)']);
    await expectAccessible(page, 'shared catalogue address');
    await page.context().close();
  });
});

describe('a suggestion', () => {
  it('is made by an employee, caught as a duplicate when repeated, and approved by the regional admin', async () => {
    const title = 'Munhälsa hos äldre (e2e)';
    const employee = await newPage(browser);
    await login(employee, server.url, 'employee');
    await employee
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Föreslå en utbildning' })
      .click();
    await employee.getByRole('heading', { level: 1, name: 'Föreslå en webbutbildning' }).waitFor();
    await expectAccessible(employee, 'suggest form');
    // Empty: the errors stand next to the fields.
    await employee.getByRole('button', { name: 'Skicka förslaget' }).click();
    await employee.getByText('Ange en titel.').waitFor();
    await employee.getByLabel('Titel').fill(title);
    await employee.getByLabel('Leverantör').fill('Tandvårdsskolan (demo)');
    await employee.getByLabel('Länk').fill('https://utbildning.example.org/hjartsvikt-hos-aldre-grunderna/');
    await employee.getByLabel('Längd i minuter').fill('25');
    await employee.getByLabel('Form').selectOption('video');
    await employee.getByRole('checkbox', { name: 'Undersköterska', exact: true }).check();
    await employee.getByRole('button', { name: 'Skicka förslaget' }).click();
    // The link is already in the catalogue: a Swedish message naming the item, next to the field.
    await employee
      .getByText('Länken finns redan i katalogen: ”Hjärtsvikt hos äldre – grunderna” (godkänd).')
      .first()
      .waitFor();
    await employee.getByLabel('Länk').fill('https://utbildning.example.org/munhalsa-e2e');
    await employee.getByRole('button', { name: 'Skicka förslaget' }).click();
    await employee.getByText(`Tack! Förslaget ”${title}” väntar nu på granskning.`).waitFor();
    await employee.context().close();

    const admin = await newPage(browser);
    await login(admin, server.url, 'regional_admin');
    await admin
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Granska utbildningar' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Granska webbutbildningar' }).waitFor();
    const card = admin.getByRole('article').filter({ has: admin.getByRole('heading', { name: title }) });
    await card.waitFor();
    await expectAccessible(admin, 'review queue');
    await card.getByText('Historik').click();
    await card.getByText(/^Föreslagen – Elias Medarbetare \(demo\), Skövde/).waitFor();
    // The reviewer corrects the length before approving.
    await card.getByRole('button', { name: 'Ändra', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: `Ändra ”${title}”` });
    await dialog.getByLabel('Längd i minuter').fill('30');
    await expectAccessible(admin, 'correcting a suggestion');
    await dialog.getByRole('button', { name: 'Spara ändringarna' }).click();
    await admin.getByText(`Ändringarna i ”${title}” är sparade.`).waitFor();
    await card.getByText(/30 min/).waitFor();
    await card.getByRole('button', { name: 'Godkänn' }).click();
    await admin.getByText(`”${title}” är godkänd och visas i katalogen.`).waitFor();
    await expect.poll(() => card.count()).toBe(0);
    await admin.context().close();

    const visitor = await newPage(browser);
    await visitor.goto(`${server.url}/utbildningar?q=munhalsa`);
    await visitor.getByRole('heading', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).waitFor();
    await visitor.context().close();
  });
});
