// The career path journey: the region publishes a new version of the model; Lidköping's municipal admin adopts the
// region's checklist and marks the first item of the first step done with evidence; Skövde's manager writes a
// development plan for a (new) vårdbiträde aiming at undersköterska and links an occasion of the calendar to it; the
// regional progress view shows both. The task matrix is read on a phone. Every page is checked with axe (and for
// sideways scrolling at a phone's width). The four people work at the same time, each in a browser context of their
// own (as they would), so the journey waits for the server and the browser once rather than four times in a row.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name }).click();

describe('career paths', () => {
  it('a new model version, an adopted checklist and a development plan show in the regional progress view', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

    // The region's progress view before: Skövde's plan count.
    const region = await journey.signedIn('regional_admin');
    await menu(region, 'Regional uppföljning');
    const table = region.getByRole('table', { name: 'Införande per kommun' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: region.getByRole('rowheader', { name, exact: true }) });
    await row('Skövde').waitFor();
    const plansBefore = Number(await row('Skövde').getByRole('cell').nth(7).textContent());
    await expectAccessible(region, 'regional progress');

    await Promise.all([
      publishNewVersion(region, today),
      adoptChecklistInLidkoping(),
      writePlanInSkovde(inAMonth),
      readMatrixOnPhone(),
    ]);

    // The regional progress view shows both.
    await menu(region, 'Regional uppföljning');
    const lidkoping = row('Lidköping');
    await expect.poll(async () => (await lidkoping.getByRole('cell').nth(2).textContent()) ?? '').toBe('1 av 6');
    expect(await lidkoping.getByRole('cell').nth(1).textContent()).toBe('Planera');
    await expect
      .poll(async () => Number(await row('Skövde').getByRole('cell').nth(7).textContent()))
      .toBe(plansBefore + 1);
  });
});

/** The region: the model, then a new version published with today's decision date. */
async function publishNewVersion(region: Page, today: string) {
  await menu(region, 'Karriärvägsmodellen');
  await region.getByRole('heading', { level: 1, name: 'Karriärvägsmodellen' }).waitFor();
  await region.getByRole('img', { name: /Karriärvägsmodellen, version 2/ }).waitFor();
  await expectAccessible(region, 'the model');
  await region.getByRole('button', { name: 'Nytt utkast' }).click();
  await region.getByRole('heading', { level: 1, name: 'Utkast till version 3' }).waitFor();
  await region.getByRole('button', { name: 'Lägg till roll' }).waitFor();
  await expectAccessible(region, 'the draft (with adding and removing roles and tasks)');
  await region.getByRole('textbox', { name: /^Beslutsdatum/ }).fill(today);
  await region.getByLabel('Beslut (t.ex. socialchefsgruppen, paragraf)').fill('Socialchefsgruppen (e2e)');
  await region.getByRole('button', { name: 'Publicera versionen' }).click();
  await region.getByText(`Version 3, beslutad ${today} – Socialchefsgruppen (e2e)`).waitFor();
}

/** Lidköping's municipal admin adopts the checklist and marks its first item done with evidence. */
async function adoptChecklistInLidkoping() {
  const lidkoping = await journey.newPage();
  await signIn(lidkoping, journey.url, 'kommunadmin.lidkoping@demo.example');
  await menu(lidkoping, 'Vårt införande');
  await lidkoping.getByRole('heading', { level: 1, name: 'Införande i Lidköping' }).waitFor();
  await lidkoping.getByRole('button', { name: 'Anta regionens checklista' }).click();
  const first = 'Utse modellens ägare i förvaltningsledningen';
  await lidkoping.getByRole('button', { name: `Ändra ${first}` }).click();
  const dialog = lidkoping.getByRole('dialog', { name: 'Ändra punkt' });
  await dialog.getByLabel('Status').selectOption('done');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await dialog.getByText('Ange en ansvarig innan punkten markeras som klar.').waitFor();
  await dialog.getByLabel('Ansvarig').fill('Sektorschef vård och omsorg');
  await dialog.getByLabel('Underlag (länk)').fill('https://intranat.example.org/lidkoping/beslut-karriarvagar.pdf');
  await dialog.getByLabel('Beskrivning av underlaget').fill('Beslut i ledningsgruppen (e2e)');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await lidkoping.getByRole('link', { name: 'Underlag: Beslut i ledningsgruppen (e2e)' }).waitFor();
  await lidkoping.getByRole('heading', { level: 3, name: 'Planera (1 av 6)' }).waitFor();
  await expectAccessible(lidkoping, "a municipality's implementation");
}

/**
 * Skövde's manager: a new vårdbiträde in their unit (the staff register's API), then the plan in the pages, and an
 * upcoming occasion of the calendar linked to it through the searchable combobox.
 */
async function writePlanInSkovde(inAMonth: string) {
  const manager = await journey.signedIn('manager');
  const headers = { origin: journey.url };
  const tree = await (await manager.request.get(`${journey.url}/api/people/units`, { headers })).json();
  const unit = tree.units.find((u: { name: string }) => u.name === 'Hemsjukvården Skövde');
  const created = await manager.request.post(`${journey.url}/api/people/persons`, {
    headers,
    data: {
      unitId: unit.id,
      firstName: 'Vera',
      lastName: 'Vårdbiträde (e2e)',
      professionKey: 'vardbitrade',
      employmentForm: 'permanent',
      employmentRate: 100,
      employmentStart: '2025-03-01',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await menu(manager, 'Utvecklingsplaner');
  await manager.getByRole('heading', { level: 1, name: 'Utvecklingsplaner' }).waitFor();
  await manager.getByRole('button', { name: 'Ny utvecklingsplan' }).click();
  const form = manager.getByRole('dialog', { name: 'Ny utvecklingsplan' });
  await form.getByLabel('Sök medarbetare').fill('Vera');
  const person = form.getByRole('combobox', { name: /^Medarbetare/ });
  await expect.poll(() => person.locator('option').count(), { timeout: 10_000 }).toBe(2);
  await person.selectOption({ index: 1 });
  await expect
    .poll(() => form.getByRole('combobox', { name: /^Nuvarande roll/ }).inputValue(), { timeout: 10_000 })
    .toBe('vardbitrade');
  await form.getByRole('combobox', { name: /^Målroll/ }).selectOption('underskoterska');
  await form.getByLabel('Steg (Benner)').selectOption('advanced_beginner');
  await form.getByRole('textbox', { name: /^Nästa uppföljning/ }).fill(inAMonth);
  await expectAccessible(manager, 'a new development plan');
  await form.getByRole('button', { name: 'Spara' }).click();
  await manager.getByRole('heading', { level: 1, name: 'Utvecklingsplan för Vera Vårdbiträde (e2e)' }).waitFor();

  // An occasion of the calendar: searched by name, picked with the keyboard, added to the plan.
  const occasion = manager.getByRole('combobox', { name: /^Tillfälle i kalendern/ });
  await occasion.fill('Demensvård');
  const option = manager.getByRole('option', { name: /^Demensvård i praktiken \(demo\) – .*kommande/ }).first();
  await option.waitFor();
  await occasion.press('ArrowDown');
  await occasion.press('Enter');
  expect(await occasion.inputValue()).toMatch(/^Demensvård i praktiken \(demo\) – /);
  await manager.getByRole('button', { name: 'Lägg till utbildningen' }).click();
  const link = manager.getByRole('listitem').getByRole('link', { name: 'Demensvård i praktiken (demo)' });
  await link.waitFor();
  expect(await link.getAttribute('href')).toMatch(/^\/activities\/occasions\/[0-9a-f-]{36}$/);
  await manager.getByText(/arrangör Skövde · kommande/).waitFor();
  await expectAccessible(manager, 'a development plan with an occasion');
}

/** The task matrix on a phone: one card per task, nothing sideways. */
async function readMatrixOnPhone() {
  const phone = await journey.newPage({ phone: true });
  await signIn(phone, journey.url, 'medarbetare.skovde@demo.example');
  await phone.goto(`${journey.url}/career-paths/matrix`);
  await phone.getByText('Ge insulin med penna').last().waitFor();
  await expectAccessible(phone, 'the task matrix on a phone');
}
