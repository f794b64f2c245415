// Journey through the population projection: Skövde's reporter changes next year's 80+ in the grid and saves it,
// then previews a CSV with an error and reads it by row and column; every state passes axe.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

describe('a municipality’s reporter', () => {
  it('changes the projection in the grid, saves it, and previews a CSV with an error', async () => {
    const page = await journey.signedIn('reporter');
    await page.goto(`${journey.url}/staffing/population`);
    const table = page.getByRole('table', { name: 'Befolkningsprognos för Skövde' });
    await table.waitFor();
    await expectAccessible(page, 'population grid');
    const year = new Date().getUTCFullYear() + 1;
    const cell = page.getByRole('textbox', { name: `80+ år, ${year}` });
    await cell.fill('4321');
    await page.getByRole('button', { name: 'Spara prognosen' }).click();
    await page.getByText('Prognosen är sparad.').waitFor();
    const saved = await page.request.get(`${journey.url}/api/staffing/population`);
    const skovde = (await saved.json()).municipalities.find(
      (m: { municipalityName: string }) => m.municipalityName === 'Skövde',
    );
    expect(
      skovde.rows.find((r: { year: number; ageGroup: string }) => r.year === year && r.ageGroup === '80+').inhabitants,
    ).toBe(4321);

    await page.locator('input[type="file"]').setInputFiles({
      name: 'prognos.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`kommunkod;kommun;år;åldersgrupp;antal\n1496;Skövde;${year};80+;många\n`),
    });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByText('Rad 2, kolumn antal: ”många” är inget heltal.', { exact: false }).waitFor();
    await expectAccessible(page, 'population import with errors');
  });
});
