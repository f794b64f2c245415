// Journeys through the introduction lists: a manager builds a list from the catalogue and a local item, reorders it
// with the keyboard, gives it to a new employee, who completes it through the personal link without signing in, and
// the manager sees it done; the demo employee ticks an item under "Min introduktion"; another municipality's admin
// copies a demo list from the shared library.
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

describe('an introduction list', () => {
  it('is assigned by a manager and completed by the new employee', async () => {
    const listName = 'Introduktion ny fysioterapeut (e2e)';
    const localTitle = 'Läs rutinen för läkemedelshantering';
    const catalogueTitle = 'Balansträning för äldre';
    const manager = await journey.signedIn('manager');
    await manager
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Introduktionslistor' })
      .click();
    await manager.getByRole('heading', { level: 1, name: 'Introduktionslistor' }).waitFor();
    await manager.getByRole('link', { name: 'Introduktion ny sjuksköterska (demo)' }).waitFor();
    await expectAccessible(manager, 'introduction lists');

    // A new list: the errors stand next to the fields, then it is created and opened.
    await manager.getByRole('button', { name: 'Ny lista' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Ny introduktionslista' });
    await dialog.getByRole('button', { name: 'Skapa listan' }).click();
    await dialog.getByText('Ange ett namn på listan.').waitFor();
    await expectAccessible(manager, 'new list form with errors');
    await dialog.getByLabel('Namn').fill(listName);
    await dialog.getByLabel('Yrke').selectOption('fysioterapeut');
    await dialog.getByRole('button', { name: 'Skapa listan' }).click();
    await manager.getByRole('heading', { level: 1, name: listName }).waitFor();
    await expectAccessible(manager, 'empty list');

    // A catalogue training and a local item with a link.
    await manager.getByLabel('Sök i katalogen').fill('balans');
    await manager.getByRole('button', { name: 'Sök', exact: true }).click();
    await manager.getByRole('button', { name: `Lägg till ”${catalogueTitle}”` }).click();
    await manager.getByRole('listitem').filter({ hasText: catalogueTitle }).first().waitFor();
    await manager.getByLabel('Vad ska den nya medarbetaren göra?').fill(localTitle);
    await manager.getByLabel('Länk (valfri)').fill('inte en länk');
    await manager.getByRole('button', { name: 'Lägg till punkten' }).click();
    await manager.getByText('Ange en fullständig webbadress som börjar med https:// eller http://.').waitFor();
    await manager.getByLabel('Länk (valfri)').fill('https://intranat.example.org/rutiner/lakemedel');
    await manager.getByRole('button', { name: 'Lägg till punkten' }).click();
    const entries = manager.getByRole('region', { name: 'Punkter i listan' }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(2);
    // Reorder with the keyboard: the local item first.
    await manager.getByRole('button', { name: `Flytta upp ”${localTitle}”` }).focus();
    await manager.keyboard.press('Enter');
    await expect.poll(async () => (await entries.first().textContent()) ?? '').toContain(localTitle);
    await expectAccessible(manager, 'list with entries');

    // Give it to a new employee.
    const email = 'nora.ny@e2e.example';
    await manager.getByLabel('E-postadress').fill(email);
    await manager.getByLabel('Namn (valfritt)').fill('Nora Ny (e2e)');
    await manager.getByRole('button', { name: 'Ge listan' }).click();
    const progress = manager.getByRole('table', { name: 'Introduktioner och hur långt de har kommit' });
    await progress.getByText('Nora Ny (e2e)', { exact: true }).waitFor();
    await expect.poll(() => progress.getByText('0 av 2').count()).toBe(1);
    await expectAccessible(manager, 'list with an introduction');
    let mail: { to: string; text: string } | undefined;
    await expect
      .poll(() => {
        mail = journey.server.mails().find((m) => m.to === email);
        return mail !== undefined;
      })
      .toBe(true);
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? '';
    expect(link).toContain('/introduktion?token=');

    // The new employee follows the personal link, without an account. A link cut short says so in plain words.
    const employee = await journey.newPage({ phone: true });
    await employee.goto(link.slice(0, -6));
    const cut = employee.getByRole('alert').filter({ hasText: 'Introduktionen kunde inte öppnas' });
    expect(await cut.textContent()).toContain('Länken fungerar inte längre, eller så har den inte kopierats hel.');
    await expectAccessible(employee, 'a personal link cut short');
    await employee.goto(link);
    await employee.getByRole('heading', { level: 1, name: 'Din introduktion' }).waitFor();
    await employee.getByRole('heading', { name: listName }).waitFor();
    await employee.getByText('Skövde · 0 av 2 punkter klara').waitFor();
    const titles = await employee.getByRole('listitem').locator('p').allTextContents();
    expect(titles.indexOf(localTitle)).toBeLessThan(titles.indexOf(catalogueTitle));
    await expectAccessible(employee, 'personal introduction');
    await employee.getByRole('checkbox', { name: `Klar: ${localTitle}` }).check();
    await employee.getByText('Skövde · 1 av 2 punkter klara').waitFor();
    await employee.getByRole('checkbox', { name: `Klar: ${catalogueTitle}` }).check();
    await employee.getByText('Alla punkter är klara. Bra jobbat!').waitFor();
    await expectAccessible(employee, 'personal introduction completed');
    // The ticks are saved: a reload shows them.
    await employee.reload();
    await employee.getByText('Skövde · 2 av 2 punkter klara').waitFor();
    expect(await employee.getByRole('checkbox', { name: `Klar: ${localTitle}` }).isChecked()).toBe(true);
    await employee.context().close();

    // The manager sees the introduction completed, entry by entry.
    await manager.reload();
    await progress.getByText('2 av 2').waitFor();
    await progress.getByText('Alla punkter klara').waitFor();
    await progress.getByRole('button', { name: 'Visa punkterna för Nora Ny (e2e)' }).click();
    await expect.poll(() => progress.getByText(/ – Klar /).count()).toBe(2);
    await expectAccessible(manager, 'completed introduction');
    await manager.context().close();
  });

  it('shows the demo employee their introduction under "Min introduktion" to tick off', async () => {
    const page = await journey.signedIn('employee');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min introduktion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min introduktion' }).waitFor();
    await page.getByRole('heading', { name: 'Introduktion ny sjuksköterska (demo)' }).waitFor();
    const before = (await page.getByText(/punkter klara$/).textContent()) ?? '';
    const done = Number(before.match(/(\d+) av/)?.[1]);
    await expectAccessible(page, 'my introduction');
    await page.getByRole('checkbox', { name: 'Klar: Basala hygienrutiner' }).check();
    await page.getByText(new RegExp(`· ${done + 1} av \\d+ punkter klara$`)).waitFor();
    await page.context().close();
  });

  it("is copied from another municipality's lists by a municipal admin", async () => {
    const page = await journey.newPage();
    await signIn(page, journey.url, 'kommunadmin.lidkoping@demo.example');
    await page.goto(`${journey.url}/introductions`);
    await page.getByRole('tab', { name: 'Andra kommuners listor' }).click();
    await page.getByRole('link', { name: 'Introduktion ny undersköterska (demo)' }).click();
    await page.getByText('Listan tillhör Skövde.', { exact: false }).waitFor();
    await expectAccessible(page, "another municipality's list");
    await page.getByRole('button', { name: 'Kopiera till min kommun' }).click();
    await page.getByRole('heading', { name: 'Ge listan till en ny medarbetare' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Introduktion ny undersköterska (demo)' }).waitFor();
    // Copying never copies the people the list was given to.
    await page.getByText('Listan har inte getts till någon ännu.').waitFor();
    await expectAccessible(page, 'copied list');
    await page.context().close();
  });
});
