// Journeys through the staffing forecast: a steering-group member reads the region's forecast, changes a scenario
// lever and sees the scenario's need change, opens Falköping's forecast and downloads it as Excel, then goes on to
// the region report and downloads it as PDF; a regional admin
// changes the retirement age and sees the base need change, and a value out of range is refused at its field.
// Every state passes axe.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

/** Axe on a long page (charts and four tables) takes up to 12 s on a busy machine, and this journey checks four states. */
const JOURNEY_TIMEOUT = 180_000;

const journey = setUpJourney();

/** A whole number as the page prints it ("1 234", "−12"). */
function parsePersons(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-');
  const value = Number(cleaned);
  if (cleaned === '' || Number.isNaN(value)) throw new Error(`not a number: "${text}"`);
  return value;
}

/** The key figures' table: one row per scenario (data-scenario), the needs over 5 and 10 years. */
function figuresTable(page: Page): Locator {
  return page.getByRole('table', { name: /^Ackumulerat rekryteringsbehov, / });
}

async function need10(page: Page, scenario: string): Promise<number> {
  const cell = figuresTable(page).locator(`tr[data-scenario="${scenario}"] td`).nth(1);
  return parsePersons((await cell.textContent()) ?? '');
}

async function openForecast(page: Page) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Prognos', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Prognos: Regionen' }).waitFor();
  await figuresTable(page).locator('tr[data-scenario="part_time"]').waitFor();
}

describe('a steering-group member', () => {
  it(
    'changes a scenario lever, sees the need change, opens Falköping, downloads its forecast, then the region report',
    async () => {
      const page = await journey.signedIn('steering');
      await openForecast(page);
      await expectAccessible(page, 'the region’s forecast');

      // Every assumption is shown next to the result.
      const assumptions = page.getByRole('region', { name: 'Antaganden' });
      await expect.poll(() => assumptions.locator('dt').count()).toBeGreaterThan(3);

      const hours = page.getByRole('textbox', { name: 'Deltidsanställda arbetar fler timmar i veckan' });
      const hoursBefore = Number(await hours.inputValue());
      const baseBefore = await need10(page, 'base');
      const partTimeBefore = await need10(page, 'part_time');
      const sentence = page.getByTestId('scenario-sentences').locator('[data-scenario="part_time"]');
      const sentenceBefore = await sentence.textContent();
      expect(sentenceBefore).toMatch(/^Deltidsanställda arbetar .*: Behovet (minskar|ökar) med|är oförändrat/);

      await hours.fill(String(hoursBefore + 2));
      await page.waitForURL(new RegExp(`extraHoursPerWeek=${hoursBefore + 2}`));
      await expect.poll(() => need10(page, 'part_time'), { timeout: 15_000 }).not.toBe(partTimeBefore);
      // More hours from part-time staff can only lower the need; the base case does not move.
      expect(await need10(page, 'part_time')).toBeLessThan(partTimeBefore);
      expect(await need10(page, 'base')).toBe(baseBefore);
      expect(await sentence.textContent()).not.toBe(sentenceBefore);
      // The live region reads the new figures, not those kept on screen while they were fetched.
      const sentenceAfter = (await sentence.textContent()) ?? '';
      await expect
        .poll(() => page.getByTestId('forecast-announcement').textContent())
        .toContain(`Behovet är omräknat. ${sentenceAfter}`);
      await expectAccessible(page, 'the region’s forecast after a lever change');

      // The region's table of municipalities opens those the viewer may open, keeping the levers.
      await page.getByRole('link', { name: 'Öppna prognosen för Falköping' }).click();
      await page.getByRole('heading', { level: 1, name: 'Prognos: Falköping' }).waitFor();
      expect(page.url()).toContain(`extraHoursPerWeek=${hoursBefore + 2}`);
      await figuresTable(page).locator('tr[data-scenario="part_time"]').waitFor();
      expect(await hours.inputValue()).toBe(String(hoursBefore + 2));
      const falkopingPartTime = await need10(page, 'part_time');
      await expectAccessible(page, 'Falköping’s forecast');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Ladda ner Excel: prognosen' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Prognos Falköping .*\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const sheetNames = workbook.worksheets.map((w) => w.name);
      expect(sheetNames).toEqual(expect.arrayContaining(['Prognos per år', 'Scenarier', 'Antaganden']));
      const assumptionRows = rowsOf(workbook.getWorksheet('Antaganden'));
      expect(assumptionRows.find((r) => r[0] === 'Område')?.[1]).toBe('Falköping');
      // The file holds the scenario of the chosen lever, with the need the page shows.
      const scenarioRows = rowsOf(workbook.getWorksheet('Scenarier'));
      const partTime = scenarioRows.find((r) => String(r[0]).startsWith('Deltidsanställda'));
      expect(partTime?.[0]).toContain(`${hoursBefore + 2} timmar`);
      expect(Math.abs(Number(partTime?.[3]) - falkopingPartTime)).toBeLessThanOrEqual(0.5);

      // Another municipality's own forecast is not for this viewer: the page says so and leads back to the region.
      const region = await (await page.request.get(`${journey.url}/api/staffing/forecast`)).json();
      const other = (region.municipalities as { municipalityId: string; name: string; canOpen: boolean }[]).find(
        (m) => !m.canOpen,
      );
      expect(other).toBeDefined();
      await page.goto(
        `${journey.url}/staffing/forecast?municipalityId=${other?.municipalityId}&extraHoursPerWeek=${hoursBefore + 2}`,
      );
      await page.getByText('Den här kommunens prognos kan du inte öppna', { exact: false }).waitFor();
      await expectAccessible(page, 'another municipality’s forecast');
      await page.getByRole('link', { name: 'Visa regionens prognos' }).click();
      await page.getByRole('heading', { level: 1, name: 'Prognos: Regionen' }).waitFor();

      // The levers came along; "Återställ" goes back to the region's defaults and their need.
      await figuresTable(page).locator('tr[data-scenario="part_time"]').waitFor();
      expect(await hours.inputValue()).toBe(String(hoursBefore + 2));
      await page.getByRole('button', { name: 'Återställ' }).click();
      await expect.poll(() => page.url()).not.toContain('extraHoursPerWeek');
      await expect.poll(() => hours.inputValue()).toBe(String(hoursBefore));
      await expect.poll(() => need10(page, 'part_time'), { timeout: 15_000 }).toBe(partTimeBefore);

      // From the forecast to the region report, which holds the forecast for the steering group's meeting: made in
      // the background, then downloaded (tests/e2e/staffing-region-report.e2e.ts follows the report in detail).
      await page.getByRole('link', { name: 'Regionrapport', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Regionrapport' }).waitFor();
      // The newest finished round is proposed: 2025, with every demo municipality's report approved.
      await expect
        .poll(() => page.getByRole('combobox', { name: 'Period' }).inputValue())
        .toBe('2025 (15 godkända rapporter)');
      await page.getByRole('button', { name: 'Skapa regionrapport' }).click();
      await page.getByRole('status').filter({ hasText: 'Regionrapport 2025 är klar att ladda ned.' }).waitFor({
        timeout: 120_000,
      });
      await expectAccessible(page, 'the region report, done');
      const [report] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('link', { name: /^Ladda ned regionrapport 2025 \(skapad .*\) som PDF, \d{1,3}(\s\d{3})* kB$/ })
          .click(),
      ]);
      expect(report.suggestedFilename()).toBe('Regionrapport 2025.pdf');
      const pdf = await readFile((await report.path()) ?? '');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    },
    JOURNEY_TIMEOUT + 120_000,
  );
});

describe('a regional admin', () => {
  it('changes the retirement age and sees the base need change; a value out of range is refused at the field', async () => {
    const page = await journey.signedIn('regional_admin');
    await openForecast(page);
    const baseBefore = await need10(page, 'base');

    await page.getByRole('button', { name: 'Ändra antaganden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra antaganden' });
    const age = dialog.getByRole('textbox', { name: 'Pensionsålder (år)' });
    const ageBefore = Number(await age.inputValue());
    await expectAccessible(page, 'the assumptions form');
    await age.fill(String(ageBefore + 2));
    await dialog.getByRole('button', { name: 'Spara antagandena' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Later retirement: fewer of today's staff leave within ten years, so the need falls.
    await expect.poll(() => need10(page, 'base'), { timeout: 15_000 }).toBeLessThan(baseBefore);
    const assumptions = page.getByRole('region', { name: 'Antaganden' });
    await expect.poll(() => assumptions.textContent()).toContain(String(ageBefore + 2));

    await page.getByRole('button', { name: 'Ändra antaganden' }).click();
    await age.fill('90');
    await dialog.getByRole('button', { name: 'Spara antagandena' }).click();
    const error = dialog.getByText('Pensionsåldern får vara högst', { exact: false });
    await error.first().waitFor();
    await expect.poll(() => age.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field, so a screen reader reads it with the field.
    const describedBy = (await age.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(' ')).toContain('Pensionsåldern får vara högst');
    await expectAccessible(page, 'the assumptions form with an error');
  });
});

/** A sheet's rows as plain values (1-based in ExcelJS; the header row included). */
function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  if (!sheet) throw new Error('sheet missing');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1));
  });
  return rows;
}
