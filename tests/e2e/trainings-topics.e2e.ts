// Journey of the regional admin keeping the catalogue's topics: from the review queue to the topics page, a form
// sent empty (the errors stand by their fields), a new topic with its key made from the name, a rename (a name in
// use is refused in words), and deactivating it (gone from the public filters, still listed for the admin).
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

describe('the regional admin keeps the catalogue’s topics', () => {
  it('adds a topic, renames it and deactivates it', async () => {
    const page = await journey.signedIn('regional_admin');
    await page.goto(`${journey.url}/trainings/review`);
    await page.getByRole('heading', { level: 1, name: 'Granska webbutbildningar' }).waitFor();
    await page.getByRole('link', { name: 'Hantera ämnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ämnen i katalogen' }).waitFor();
    const table = page.getByRole('table', { name: 'Ämnen' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await row('Demens').waitFor();
    await page.getByText('14 ämnen, varav 14 aktiva').waitFor();
    await expectAccessible(page, 'topics page');

    // Sent empty: every required field says what is missing, and the first one has the focus.
    const add = page.getByRole('region', { name: 'Lägg till ett ämne' });
    const nameField = add.getByRole('textbox', { name: 'Namn', exact: true });
    await add.getByRole('button', { name: 'Lägg till ämnet' }).click();
    await add.getByText('Ange ett namn.').first().waitFor();
    expect(await nameField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'add form with errors');

    // The key follows the name until the admin types one.
    await nameField.fill('Vård i livets slut (e2e)');
    await add.getByRole('textbox', { name: 'Namn på engelska' }).fill('End-of-life care (e2e)');
    const keyField = add.getByRole('textbox', { name: 'Nyckel' });
    expect(await keyField.inputValue()).toBe('vard-i-livets-slut-e2e');
    // Sent from the keyboard.
    await keyField.press('Enter');
    const added = row('Vård i livets slut (e2e)');
    await added.waitFor();
    await added.getByRole('cell', { name: 'vard-i-livets-slut-e2e' }).waitFor();
    await added.getByText('Aktivt', { exact: true }).waitFor();
    await page.getByText('15 ämnen, varav 15 aktiva').waitFor();
    expect(await nameField.inputValue()).toBe('');
    await expectAccessible(page, 'topic added');

    // Renamed in a dialog; a name another topic has (in any case) is refused in words and nothing changes.
    await added.getByRole('button', { name: 'Ändra Vård i livets slut (e2e)' }).click();
    let dialog = page.getByRole('dialog', { name: 'Ändra ämnet ”Vård i livets slut (e2e)”' });
    await dialog.waitFor();
    await dialog.getByText('vard-i-livets-slut-e2e').waitFor();
    await expectAccessible(page, 'edit dialog');
    const dialogName = dialog.getByRole('textbox', { name: 'Namn', exact: true });
    await dialogName.fill('demens');
    await dialog.getByRole('button', { name: 'Spara ändringarna' }).click();
    await dialog.getByRole('alert').getByText('Det finns redan ett ämne som heter ”Demens”.').waitFor();
    await expectAccessible(page, 'edit dialog with a name in use');
    await dialogName.fill('Omvårdnad i livets slut (e2e)');
    await dialog.getByRole('button', { name: 'Spara ändringarna' }).click();
    await dialog.waitFor({ state: 'detached' });
    const renamed = row('Omvårdnad i livets slut (e2e)');
    await renamed.waitFor();
    await renamed.getByRole('cell', { name: 'vard-i-livets-slut-e2e' }).waitFor();
    expect(await row('Vård i livets slut (e2e)').count()).toBe(0);
    await expectAccessible(page, 'topic renamed');

    // Deactivated: shown as inactive in words, and gone from the public filters.
    await renamed.getByRole('button', { name: 'Ändra Omvårdnad i livets slut (e2e)' }).click();
    dialog = page.getByRole('dialog', { name: 'Ändra ämnet ”Omvårdnad i livets slut (e2e)”' });
    const active = dialog.getByRole('checkbox', { name: /^Aktivt/ });
    expect(await active.isChecked()).toBe(true);
    await active.focus();
    await page.keyboard.press('Space');
    expect(await active.isChecked()).toBe(false);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Focus is back on the button that opened the dialog.
    const edit = renamed.getByRole('button', { name: 'Ändra Omvårdnad i livets slut (e2e)' });
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);
    await renamed.getByText('Inaktivt', { exact: true }).waitFor();
    await page.getByText('15 ämnen, varav 14 aktiva').waitFor();
    await expectAccessible(page, 'topic deactivated');

    const facets = await (await page.request.get(`${journey.url}/api/public/trainings/facets`)).json();
    const keys = facets.topics.map((topic: { key: string }) => topic.key);
    expect(keys).toContain('demens');
    expect(keys).not.toContain('vard-i-livets-slut-e2e');
    await page.context().close();
  });
});
