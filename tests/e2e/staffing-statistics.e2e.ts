// Journeys through the staffing statistics: a steering-group member compares the municipalities, sorts by a key
// ratio, downloads the table, reads the heat map and a municipality's profile; a visitor reads the open statistics.
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, waitForQuietNetwork } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

/** A cell's number as the page prints it ("1 234", "12,5 %"), or null for ".." and "–". */
function parseCell(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f%]/g, '')
    .replace(',', '.')
    .replace('\u2212', '-');
  if (cleaned === '..' || cleaned === '–' || cleaned === '') return null;
  const value = Number(cleaned);
  if (Number.isNaN(value)) throw new Error(`not a number: "${text}"`);
  return value;
}

async function rowNames(table: Locator): Promise<string[]> {
  return (await table.locator('tbody tr th[scope="row"]').allTextContents()).map((s) => s.trim());
}

async function columnTexts(table: Locator, header: string): Promise<string[]> {
  const headers = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `column ${header} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map(async (row) => ((await row.locator('th, td').nth(index).textContent()) ?? '').trim()));
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Signed in as the steering-group member, on the comparison page. */
async function openComparison(): Promise<{ page: Page; table: Locator }> {
  const page = await journey.signedIn('steering');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Jämförelse' }).click();
  const table = page.getByRole('table', { name: /^Jämförelse / });
  await table.locator('tbody tr').first().waitFor();
  return { page, table };
}

describe('a steering-group member', () => {
  it('sorts the comparison by a key ratio and downloads it as Excel', async () => {
    const { page, table } = await openComparison();
    await expectAccessible(page, 'comparison table');
    const before = await rowNames(table);
    expect(before.length).toBeGreaterThan(2);

    const header = table.locator('thead th', { hasText: 'Vakansgrad' });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const after = await rowNames(table);
    expect(after).not.toEqual(before);
    expect([...after].sort()).toEqual([...before].sort());
    const values = (await columnTexts(table, 'Vakansgrad')).map(parseCell);
    const numbers = values.filter((v): v is number => v !== null);
    expect(numbers.length).toBeGreaterThan(2);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // Suppressed and missing values come last.
    expect(values.slice(0, numbers.length)).toEqual(numbers);
    expect(await table.getByRole('rowheader', { name: 'Regionens median' }).count()).toBe(1);
    expect(await table.getByRole('rowheader', { name: 'Regionen totalt' }).count()).toBe(1);

    // Keyboard: the same header button reverses the order with Enter.
    await header.getByRole('button').press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          texts.push(String(cell.text));
        }),
      ),
    );
    expect(texts).toContain('Vakansgrad');
    expect(texts).toContain(after[0]);
    expect(texts).toContain('Falköping');
    await page.context().close();
  });

  it("reads the heat map and opens a municipality's profile", async () => {
    const { page } = await openComparison();
    await page.getByRole('tab', { name: 'Värmekarta' }).click();
    const heatMap = page.getByRole('table', { name: /^Värmekarta / });
    await heatMap.locator('tbody tr').first().waitFor();
    // Each coloured cell also says in words where it lies against the median.
    expect(await heatMap.getByText(/(över|under|nära) medianen/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Förklaring till värmekartan' }).count()).toBe(1);
    await expectAccessible(page, 'heat map');

    await heatMap.getByRole('link', { name: 'Falköping' }).click();
    await page.waitForURL(/\/staffing\/profile\//);
    // The profile computes every period's statistics, which takes a while on the embedded database.
    await page.getByRole('heading', { level: 1, name: 'Falköping jämfört med regionen' }).waitFor({ timeout: 120_000 });
    const ratios = page.getByRole('table', { name: 'Nyckeltal för Falköping, regionen totalt och regionens median' });
    await ratios.waitFor();
    expect(await ratios.locator('tbody tr').count()).toBe(8);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner Excel: nyckeltalen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^profil-Falköping-.+-nyckeltal\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const header = workbook.worksheets[0]?.getRow(1).values;
    expect(header).toEqual([undefined, 'Nyckeltal', 'Falköping', 'Regionen totalt', 'Regionens median']);
    expect(workbook.worksheets[0]?.getColumn(1).values).toContain('Vakansgrad');
    await page.locator('figure svg.recharts-surface').first().waitFor();
    expect(await page.locator('figure').count()).toBeGreaterThanOrEqual(4);
    // Each chart says that a table carries the same values, and the breakdowns and trend have their tables.
    expect(await page.getByText('Diagrammet visar samma värden som tabellen.').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByRole('table', { name: /^Antal per åldersgrupp: Falköping och regionen/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: /per period: Falköping/ }).count()).toBe(1);
    await waitForQuietNetwork(page);
    await expectAccessible(page, 'municipality profile');
    await page.context().close();
  }, 180_000);
});

describe('a visitor without an account', () => {
  it('reads the open statistics with small counts suppressed', async () => {
    const page = await journey.newPage();
    await page.goto(`${journey.url}/oppen-statistik`);
    await page.getByRole('heading', { level: 1, name: 'Öppen statistik' }).waitFor();
    // It opens on the newest closed round, not the round in progress, and says how many municipalities it covers.
    await page.getByRole('table', { name: 'Jämförelse 2025, Alla yrken' }).waitFor();
    await page.getByText('15 av 15 kommuner har godkända rapporter för 2025.').waitFor();
    await chooseOption(page, 'Period', '2026');
    await page.getByText(/^\d+ av 15 kommuner har godkända rapporter för 2026\. Saknas: .*Skövde/).waitFor();
    await chooseOption(page, 'Period', '2025');
    await chooseOption(page, 'Yrke', 'Fysioterapeut');
    const table = page.getByRole('table', { name: 'Jämförelse 2025, Fysioterapeut' });
    await table.locator('tbody tr').first().waitFor();
    expect(
      await table
        .locator('tbody td')
        .filter({ hasText: /^\.\.$/ })
        .count(),
    ).toBeGreaterThan(0);
    await page.getByText("'..' = färre än", { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Så räknas nyckeltalen' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Ladda ner CSV' }).getAttribute('href')).toContain(
      '/api/public/staffing/comparison/export',
    );
    expect(await page.getByRole('link', { name: 'Logga in för fler uppgifter' }).count()).toBe(1);
    await expectAccessible(page, 'open statistics');
    await page.context().close();
  });
});
