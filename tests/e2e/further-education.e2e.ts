// Further education in the browser: Lidköping's municipal admin moves AST from decided to signed with the signed
// agreement attached; the map shows the new status; a steering-group member reads it from the table beside the map
// and from the map itself with the keyboard and prints it; the module's other pages once. axe on every page.
import { describe, expect, it } from 'vitest';
import { demoPdf } from '../../src/modules/further-education/further-education-demo.ts';
import { expectAccessible, signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const AGREEMENT = 'Undertecknat AST-avtal Lidköping (e2e).pdf';

describe('further education', () => {
  it('signs Lidköping’s AST with the agreement, and the steering group reads it from the table and the map', async () => {
    const admin = await journey.newPage();
    await signIn(admin, journey.url, 'kommunadmin.lidkoping@demo.example');
    // The module's other pages as the municipal admin: the overview, the models compared, Lidköping's training posts.
    await admin.goto(`${journey.url}/further-education`);
    await admin.getByRole('table', { name: 'Införande per modell' }).getByRole('row').nth(2).waitFor();
    await expectAccessible(admin, 'further education overview');
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Modeller' }).click();
    await admin.getByRole('table', { name: 'Jämförelse av modellerna' }).getByText('Lön under studier (%)').waitFor();
    await expectAccessible(admin, 'training models');
    await admin
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Utbildningstjänster' })
      .click();
    const posts = admin.getByRole('table', { name: 'Utbildningstjänster' });
    await posts.getByRole('row').nth(1).waitFor();
    expect(new Set(await posts.locator('tbody tr td:nth-child(2)').allTextContents())).toEqual(new Set(['Lidköping']));
    await expectAccessible(admin, 'Lidköping’s training posts');
    await admin.goto(`${journey.url}/further-education/map`);
    const table = admin.getByTestId('region-map-table');
    const row = table.getByRole('row').filter({ hasText: 'Lidköping' });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Beslutat');
    await expectAccessible(admin, 'map of agreements (municipal admin)');

    await row.getByRole('link', { name: 'Lidköping' }).click();
    await admin.getByRole('heading', { name: 'Nästa steg' }).waitFor();
    await expect
      .poll(async () => (await admin.getByTestId('adoption-status').textContent()) ?? '')
      .toContain('Beslutat');
    await expectAccessible(admin, 'Lidköping’s AST agreement');
    await admin.getByRole('textbox', { name: 'Beslutande organ' }).fill('HR-chef och Vårdförbundet');
    await admin
      .locator('input[type="file"]')
      .setInputFiles({ name: AGREEMENT, mimeType: 'application/pdf', buffer: demoPdf(['Undertecknat avtal (e2e)']) });
    await admin.getByRole('button', { name: 'Spara steget' }).click();
    await expect
      .poll(async () => (await admin.getByTestId('adoption-status').textContent()) ?? '')
      .toContain('Undertecknat');
    const history = admin.getByRole('table', { name: 'Historik' });
    await history.getByRole('link', { name: new RegExp(AGREEMENT.replace(/[()]/g, '.')) }).waitFor();
    await expectAccessible(admin, 'the agreement after signing');

    // The map shows it at once.
    await admin.getByRole('link', { name: 'Tillbaka till kartan' }).click();
    await expect
      .poll(async () => admin.locator('.region-map-shape[data-code="1494"]').getAttribute('data-category'))
      .toBe('signed');

    // A steering-group member reads it from the table and from the map with the keyboard.
    const steering = await journey.newPage();
    await signIn(steering, journey.url, 'styrgrupp.falkoping@demo.example');
    await steering
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Karta över avtal' })
      .click();
    const readTable = steering.getByTestId('region-map-table');
    await expect
      .poll(async () => (await readTable.getByRole('row').filter({ hasText: 'Lidköping' }).textContent()) ?? '')
      .toContain('Undertecknat');
    await expectAccessible(steering, 'map of agreements (steering group)');
    await steering.getByRole('button', { name: 'Utskriftsvy' }).focus();
    const focused = () => steering.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    for (let i = 0; i < 30 && !(await focused()).startsWith('Lidköping'); i++) await steering.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Lidköping: Undertecknat \d{4}-\d{2}-\d{2}$/);
    await expect
      .poll(async () => (await steering.locator('.region-map-status').textContent()) ?? '')
      .toMatch(/^Lidköping: Undertecknat/);
    // The print view: the map and the table, nothing else.
    await steering.getByRole('button', { name: 'Utskriftsvy' }).click();
    await steering.getByRole('button', { name: 'Skriv ut' }).waitFor();
    expect(await steering.locator('.region-map-print [data-testid="region-map-table"]').count()).toBe(1);
    await expectAccessible(steering, 'the map’s print view');
    await steering.getByRole('button', { name: 'Stäng utskriftsvyn' }).click();
    // The steering group reads but does not move agreements.
    await readTable.getByRole('link', { name: 'Lidköping' }).click();
    await steering.getByRole('heading', { name: 'Historik' }).waitFor();
    expect(await steering.getByRole('heading', { name: 'Nästa steg' }).count()).toBe(0);
    await expectAccessible(steering, 'the agreement (steering group)');
  });
});
