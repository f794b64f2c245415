// Journey through the region report: a steering-group member opens Regionrapport, creates the report of 2025 (15
// approved reports), follows its progress to done and downloads the PDF and the Excel file; page 1 of the PDF is
// rendered to PNG with pdftoppm (poppler-utils, scripts/ensure-poppler.sh) and must not be blank. Axe on every state.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const work = mkdtempSync(path.join(tmpdir(), 'kn-region-report-'));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The share of pixels that are not (nearly) white in a PNG. */
function inkShare(file: string): number {
  const png = PNG.sync.read(readFileSync(file));
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r = 255, g = 255, b = 255] = png.data.subarray(i, i + 3);
    if (r < 235 || g < 235 || b < 235) ink++;
  }
  return ink / (png.width * png.height);
}

describe('a steering-group member', () => {
  it('creates the region report, sees its progress reach done, and downloads the PDF and the Excel file', async () => {
    const page = await journey.signedIn('steering');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Regionrapport', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Regionrapport' }).waitFor();
    await page.getByText('Ingen regionrapport har skapats än.').waitFor();
    await expectAccessible(page, 'the region report page');

    // The newest finished round is proposed: 2025, with every demo municipality's report approved.
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Period' }).inputValue())
      .toBe('2025 (15 godkända rapporter)');
    await page.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: /^2026 \(\d+ godkända? rapporter?\)$/ }).waitFor();
    await page.getByRole('option', { name: '2025 (15 godkända rapporter)' }).click();
    await page.getByRole('button', { name: 'Skapa regionrapport' }).click();

    // The report is made in the background: a labelled progress bar with the percent and step as text.
    const progress = page.getByRole('progressbar', {
      name: /^Regionrapport 2025, skapad .*: hur långt den har kommit$/,
    });
    await progress.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText(/^\d+ % – /).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'a region report in the making');

    await page.getByRole('status').filter({ hasText: 'Regionrapport 2025 är klar att ladda ned.' }).waitFor({
      timeout: 120_000,
    });
    const [made] = (await (await page.request.get(`${journey.url}/api/staffing/region-reports`)).json()).reports;
    console.info(
      `region report by the bundled server: ${Date.parse(made.finishedAt) - Date.parse(made.createdAt)} ms from request to done, ${made.pageCount} pages, PDF ${made.pdfBytes} bytes, XLSX ${made.xlsxBytes} bytes`,
    );
    await expect.poll(() => progress.count()).toBe(0);
    await page.getByText(/^\d+ sidor$/).waitFor();
    await expectAccessible(page, 'a finished region report');

    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /^Ladda ned regionrapport 2025 \(skapad .*\) som PDF, \d{1,3}(\s\d{3})* kB$/ })
        .click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toBe('Regionrapport 2025.pdf');
    const pdf = path.join(work, 'rapport.pdf');
    await pdfDownload.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // Page 1 as an image, as a reader would see it: the cover has its title, the region and the contents.
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(work, 'sida1')]);
    const png = PNG.sync.read(readFileSync(path.join(work, 'sida1.png')));
    // A4 at 40 dpi: about 331 × 468 pixels.
    expect(png.width).toBeGreaterThan(300);
    expect(png.height).toBeGreaterThan(png.width);
    expect(inkShare(path.join(work, 'sida1.png'))).toBeGreaterThan(0.02);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Ladda ned regionrapport 2025 \(skapad .*\) som Excel, \d+ kB$/ }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toBe('Regionrapport 2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsxDownload.path());
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['Om rapporten', 'Antal anställda', 'Nyckeltal', 'Prognos per kommun']),
    );
    for (const ws of workbook.worksheets) expect(String(ws.getCell('A3').value), ws.name).toContain('DEMODATA');
  }, 240_000);
});
