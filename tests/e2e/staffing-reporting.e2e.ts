// Journeys through the staffing reports (Bemanning → Rapportering), as the demo users would take them: the Excel
// round trip and the entry form as Skövde's reporter, and the review of submitted reports as the regional admin.
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

const swedish = new Intl.NumberFormat('sv-SE');

/** The texts an input or a group is described by: its help, last period's value and its error, as read aloud. */
async function descriptionOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

async function openReporting(page: Page) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Rapportering' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rapportering' }).waitFor();
}

async function openPeriod(page: Page, label: string) {
  await openReporting(page);
  await page.getByRole('table', { name: 'Perioder' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Rapportering ${label}` }).waitFor();
}

/** The status shown at the top of a report ("Status: Utkast"). */
function reportStatus(page: Page): Locator {
  return page.getByRole('main').getByText('Status:').locator('xpath=..');
}

/** A profession's section of the entry form (an accordion panel, named by its heading). */
function section(page: Page, profession: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${profession}`) });
}

describe('a reporter in Skövde', () => {
  it('downloads the Excel template, changes a value, sees the preview and confirms the import', async () => {
    const page = await journey.signedIn('reporter');
    await openPeriod(page, '2026');
    await expectAccessible(page, 'the 2026 period as reporter');
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Din rapport för 2026:');

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Ladda ner Excel-mallen för Skövde' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const original = await readWorkbook(await download.path());

    await page.getByRole('link', { name: 'Importera från Excel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera från Excel 2026' }).waitFor();
    await expectAccessible(page, 'the import page');

    // The template as it came: nothing to change, and the page says so.
    await upload(page, 'oforandrad.xlsx', await original.xlsx.writeBuffer());
    await page.getByText('Filen innehåller inga ändringar').waitFor();
    await expectAccessible(page, 'the import preview without changes');
    await page.getByRole('button', { name: 'Ladda upp en annan fil' }).click();

    // A negative number of inhabitants: the file is refused and every rejected cell is listed by sheet and cell.
    const inhabitants = inhabitantsCell(original);
    const before = Number(inhabitants.value);
    inhabitants.value = -5;
    await upload(page, 'fel.xlsx', await original.xlsx.writeBuffer());
    const rejected = page.getByRole('table', { name: 'Celler med fel' });
    await rejected.waitFor();
    expect(await rejected.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'Kommunen',
      inhabitants.address,
      'Värdet kan inte vara negativt.',
    ]);
    await expectAccessible(page, 'the rejected cells');

    // One changed cell: the number of inhabitants.
    const after = before + 123;
    inhabitants.value = after;
    await upload(page, 'skovde-2026.xlsx', await original.xlsx.writeBuffer());
    await page.getByRole('heading', { name: 'Ändringar i skovde-2026.xlsx' }).waitFor();
    const changes = page.getByRole('table', { name: 'Ändringar' });
    const row = changes.getByRole('row').filter({ hasText: 'Invånare' });
    expect(await row.count()).toBe(1);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toEqual([
      'Skövde',
      'Kommunen',
      inhabitants.address,
      'Invånare',
      swedish.format(before),
      swedish.format(after),
    ]);
    expect(await page.getByRole('main').textContent()).toContain('Skövde: 1 ändring');
    await expectAccessible(page, 'the import preview');

    await page.getByRole('button', { name: 'Bekräfta import' }).click();
    await page.getByText('Importen är genomförd', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Öppna rapporten för Skövde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapport för Skövde, 2026' }).waitFor();
    expect(await page.getByLabel('Invånare', { exact: true }).inputValue()).toBe(String(after));
    await page.context().close();
  });

  it('breaks a rule, sees the error next to the field, corrects it, saves and submits the report', async () => {
    const page = await journey.signedIn('reporter');
    // The start page's "Att göra" leads straight to the open report, with its deadline.
    const tasks = page.getByRole('region', { name: 'Att göra' });
    const task = tasks.getByRole('link', { name: 'Fyll i och skicka in bemanningsrapporten 2026' });
    expect(await tasks.getByRole('listitem').filter({ hasText: 'bemanningsrapporten 2026' }).textContent()).toMatch(
      /Sista dag \d/,
    );
    await expectAccessible(page, 'the start page with the open report as reporter');
    await task.click();
    await page.getByRole('heading', { level: 1, name: 'Rapport för Skövde, 2026' }).waitFor();
    expect(await reportStatus(page).textContent()).toContain('Utkast');
    await expectAccessible(page, 'the report form');

    const nurses = section(page, 'Sjuksköterska');
    const headcount = Number(await nurses.getByLabel('Antal anställda', { exact: true }).inputValue());
    expect(headcount).toBeGreaterThan(0);

    // The age bands must add up to the headcount: the error belongs to the group, with the running sum beside it.
    const youngest = nurses.getByLabel('–29 år');
    const youngestBefore = await youngest.inputValue();
    await youngest.fill(String(Number(youngestBefore) + 1));
    const ageGroup = nurses.getByRole('group', { name: 'Antal per åldersgrupp' });
    const ageError = `Åldersgrupperna (${swedish.format(headcount + 1)}) ska tillsammans bli antal anställda`;
    await expect.poll(() => descriptionOf(ageGroup)).toContain(ageError);
    expect(await ageGroup.textContent()).toContain(
      `Summa: ${swedish.format(headcount + 1)} av ${swedish.format(headcount)} anställda`,
    );
    await youngest.fill(youngestBefore);
    await expect.poll(() => descriptionOf(ageGroup)).not.toContain('Åldersgrupperna (');

    // Worked FTE above the headcount: the error is next to the field, and the report cannot be submitted.
    const worked = nurses.getByLabel('Faktisk sysselsättning (årsarbetare)');
    expect(await descriptionOf(worked)).toContain('Förra perioden: ');
    await worked.fill(`${headcount + 10},5`);
    await expect.poll(() => descriptionOf(worked)).toContain('Kan inte vara fler än antal anställda');
    expect(await worked.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Skicka in' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'the report form with an error');

    // Corrected with a decimal comma, saved as a draft, then submitted.
    const corrected = `${Math.floor(headcount / 2)},75`;
    await worked.fill(corrected);
    await expect.poll(() => worked.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat.').waitFor();
    await page.getByText('Alla ändringar är sparade.').waitFor();
    expect(await worked.inputValue()).toBe(corrected);
    // The focus is on the status line that says what happened.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Utkastet är sparat.');

    // A change of more than 10 % since the last period is a warning beside the field, never an error.
    const previousText = /Förra perioden: ([\d\s\u00a0,]+)/.exec(await descriptionOf(worked))?.[1] ?? '';
    const previousWorked = Number(previousText.replace(/[\s\u00a0]/g, '').replace(',', '.'));
    const correctedValue = Number(corrected.replace(',', '.'));
    const warned = Math.abs(correctedValue - previousWorked) / previousWorked > 0.1;
    expect((await descriptionOf(worked)).includes('Kontrollera:')).toBe(warned);
    expect(await worked.getAttribute('aria-invalid')).not.toBe('true');

    // Submitting asks first, listing the changes against the last period (the warnings marked in words).
    await page.getByRole('button', { name: 'Skicka in' }).click();
    const confirm = page.getByRole('dialog', { name: 'Skicka in rapporten för 2026?' });
    await confirm.getByText(/värden? skiljer sig från förra perioden \(2025\)/).waitFor();
    const changes = confirm.getByRole('table', { name: 'Ändringar sedan förra perioden' });
    const intro = (await confirm.getByText(/skiljer sig från förra perioden/).textContent()) ?? '';
    const changed = Number(/^(\d+)/.exec(intro)?.[1]);
    expect(changed).toBeGreaterThan(0);
    // At most 15 rows, the rest counted; the warnings (this FTE change among them when above 10 %) come first.
    expect(await changes.locator('tbody tr').count()).toBe(Math.min(changed, 15));
    if (changed > 15) await confirm.getByText(`… och ${changed - 15} värden till.`).waitFor();
    if (warned) expect(await changes.locator('tbody tr').first().textContent()).toMatch(/^Kontrollera: /);
    await expectAccessible(page, 'the confirmation before submitting');
    await confirm.getByRole('button', { name: 'Skicka in' }).click();
    await page.getByText('Rapporten är inskickad och kan inte ändras.', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Rapporten är inskickad.');
    expect(await reportStatus(page).textContent()).toContain('Inskickad');
    expect(await worked.getAttribute('readonly')).not.toBeNull();
    await expectAccessible(page, 'the submitted report');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rapport för Skövde, 2026' }).waitFor();
    expect(await reportStatus(page).textContent()).toContain('Inskickad');
    expect(await section(page, 'Sjuksköterska').getByLabel('Faktisk sysselsättning (årsarbetare)').inputValue()).toBe(
      corrected,
    );
    // Submitted, the report has left the reporter's tasks.
    await page.goto(`${journey.url}/`);
    await page.getByRole('heading', { level: 2, name: 'Att göra' }).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Att göra' }).textContent())
      .not.toContain('bemanningsrapporten 2026');
    await page.context().close();
  });
});

describe('the regional admin', () => {
  it('returns one submitted report with a comment and approves another', async () => {
    const page = await journey.signedIn('regional_admin');
    await openPeriod(page, '2026');
    await expectAccessible(page, 'the 2026 period as regional admin');
    const reports = page.getByRole('table', { name: 'Kommunernas rapporter' });
    const submitted = reports.getByRole('row').filter({ hasText: 'Inskickad' });
    expect(await submitted.count()).toBeGreaterThanOrEqual(2);
    const [toReturn, toApprove] = (await submitted.getByRole('link').allTextContents()).slice(0, 2);
    if (!toReturn || !toApprove) throw new Error('two submitted reports expected in the demo');

    await reports.getByRole('link', { name: `Öppna rapporten för ${toReturn}` }).click();
    await page.getByRole('heading', { level: 1, name: `Rapport för ${toReturn}, 2026` }).waitFor();
    expect(await reportStatus(page).textContent()).toContain('Inskickad');
    await expectAccessible(page, 'a submitted report as regional admin');
    await page.getByRole('button', { name: 'Återför', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Återför rapporten' }).click();
    await dialog.getByText('Skriv varför rapporten återförs.').waitFor();
    await expectAccessible(page, 'the return dialog');
    const comment = 'Frånvaron för sjuksköterskor saknas. Komplettera och skicka in igen.';
    await dialog.getByLabel('Vad behöver kommunen rätta eller komplettera?').fill(comment);
    await dialog.getByRole('button', { name: 'Återför rapporten' }).click();
    await page.getByText('Rapporten har återförts för komplettering').waitFor();
    expect(await reportStatus(page).textContent()).toContain('Återförd');
    expect(await page.getByRole('main').textContent()).toContain(comment);

    await page.getByRole('link', { name: 'Tillbaka till rapporteringen 2026' }).click();
    const returnedRow = reports.getByRole('row').filter({ hasText: toReturn });
    await expect.poll(() => returnedRow.textContent()).toContain('Återförd');
    expect(await returnedRow.textContent()).toContain(comment);

    await reports.getByRole('link', { name: `Öppna rapporten för ${toApprove}` }).click();
    await page.getByRole('heading', { level: 1, name: `Rapport för ${toApprove}, 2026` }).waitFor();
    await page.getByRole('button', { name: 'Godkänn' }).click();
    await page.getByText('Rapporten är godkänd och kan inte ändras.').waitFor();
    expect(await reportStatus(page).textContent()).toContain('Godkänd');

    await page.getByRole('link', { name: 'Tillbaka till rapporteringen 2026' }).click();
    await expect.poll(() => reports.getByRole('row').filter({ hasText: toApprove }).textContent()).toContain('Godkänd');

    // The approval is not yet what other municipalities see: the region publishes the round (decision 016).
    const publish = page.getByRole('region', { name: 'Publicera statistiken' });
    await publish.getByRole('button', { name: 'Publicera nu' }).click();
    await expect
      .poll(() => publish.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/Version 2 är publicerad: 3 kommuner/);
    await expectAccessible(page, 'the period after publishing');
    await publish.getByRole('button', { name: 'Publicera nu' }).click();
    await expect
      .poll(() => publish.getByRole('status').textContent(), { timeout: 60_000 })
      .toContain('Inget har ändrats sedan den senaste publiceringen (version 2)');
    await page.context().close();

    // A municipality's statistics of the round say when the others' figures were published, and hold the new one.
    const steering = await journey.signedIn('steering');
    await steering.goto(`${journey.url}/staffing/comparison`);
    await steering.getByRole('combobox', { name: 'Period' }).click();
    await steering.getByRole('option', { name: '2026' }).click();
    await steering.getByText(/publicerade .* \(version 2, 3 kommuner med godkända rapporter\)/).waitFor();
    expect(await steering.getByRole('main').textContent()).toContain(toApprove);
    await expectAccessible(steering, 'the comparison of a published round');
    await steering.context().close();
  });

  it('opens a new period, with the date rule checked next to the field, and reads the settings', async () => {
    const page = await journey.signedIn('regional_admin');
    await openReporting(page);
    await expectAccessible(page, 'the periods as regional admin');
    await page.getByRole('button', { name: 'Öppna ny period' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Benämning/).fill('2027');
    await dialog.getByLabel(/^Referensdag/).fill('2027-11-01');
    await dialog.getByLabel(/^Sista dag/).fill('2027-10-01');
    await dialog.getByRole('button', { name: 'Öppna perioden' }).click();
    await expect
      .poll(() => descriptionOf(dialog.getByLabel(/^Sista dag/)))
      .toContain('Sista dag kan inte vara före referensdagen.');
    await expectAccessible(page, 'the new period dialog');
    await dialog.getByLabel(/^Sista dag/).fill('2027-12-15');
    await dialog.getByRole('button', { name: 'Öppna perioden' }).click();
    await page.getByText('Perioden 2027 är öppnad.').waitFor();
    const periods = page.getByRole('table', { name: 'Perioder' });
    expect(await periods.getByRole('link').first().textContent()).toBe('2027');

    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Inställningar för bemanning' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Inställningar för bemanning' }).waitFor();
    expect(await page.getByRole('table', { name: 'Yrken' }).textContent()).toContain('Sjuksköterska');
    await expectAccessible(page, 'the staffing settings');
    await page.getByRole('tab', { name: 'Nyckeltal' }).click();
    await page.getByRole('table', { name: 'Nyckeltal' }).getByText('Vakanta tjänster / budgeterade tjänster').waitFor();
    await page.context().close();
  });
});

async function readWorkbook(path: string | null): Promise<ExcelJS.Workbook> {
  if (!path) throw new Error('the download has no file');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The cell of Skövde's inhabitants: the row whose hidden key (column A) is context.inhabitants, first value column. */
function inhabitantsCell(workbook: ExcelJS.Workbook): ExcelJS.Cell {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(1).value === 'context.inhabitants') return row.getCell(4);
    }
  }
  throw new Error('no row for context.inhabitants in the template');
}

async function upload(page: Page, name: string, buffer: ExcelJS.Buffer) {
  await page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(buffer as ArrayBuffer),
  });
  await page.getByRole('button', { name: 'Ladda upp och granska' }).click();
}
