// Journey of the regional admin importing the region's link list: from the review queue to the import page, a CSV
// with a wrong cell (the error stands beside its row, nothing is saved), the corrected file, the confirmation; and
// the downloads on the public catalogue and the review queue.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

const HEADER = 'Titel;Anordnare;Länk;Beskrivning;Längd (min);Format;Språk;Yrken;Ämnen';
const listWith = (secondLink: string) =>
  Buffer.from(
    `\uFEFF${HEADER}\r\n` +
      'Trycksår – förebygg och behandla (e2e);Regionens vårdhygien (demo);https://utbildning.example.org/trycksar-e2e;Om riskbedömning och lägesändring.;20;Kurs;Svenska;"Undersköterska; Sjuksköterska";Sårvård\r\n' +
      `Munvård vid demens (e2e);Tandvårdsenheten (demo);${secondLink};;12;Video;Svenska;underskoterska;Demens\r\n`,
    'utf8',
  );

async function upload(page: Page, file: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name: 'lankar.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
}

describe('the regional admin imports a link list', () => {
  it('sees the wrong cell beside its row, corrects the file and imports it', async () => {
    const page = await journey.signedIn('regional_admin');
    await page.goto(`${journey.url}/trainings/review`);
    await page.getByRole('heading', { level: 1, name: 'Granska webbutbildningar' }).waitFor();
    await page.getByRole('group', { name: 'hela katalogen' }).waitFor();
    await page.getByRole('link', { name: 'Importera en lista med utbildningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera webbutbildningar' }).waitFor();
    await expectAccessible(page, 'import page');
    expect(await page.getByRole('link', { name: 'Ladda ner mallen som CSV' }).getAttribute('href')).toBe(
      '/api/trainings/import/template?file=csv',
    );

    // A link without https://: the error names row and column, stands beside its row, and nothing can be imported.
    await upload(page, listWith('utbildning.example.org/munvard-e2e'));
    const alert = page.getByRole('alert').filter({ hasText: 'Filen har fel' });
    await alert
      .getByText('Filen har 1 fel. Rätta det i filen och ladda upp den igen. Ingenting har sparats.')
      .waitFor();
    const badRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3', exact: true }) });
    await badRow
      .getByText('Rad 3, kolumn Länk: ange en fullständig webbadress som börjar med https:// eller http://.')
      .waitFor();
    await badRow.getByText('Fel', { exact: true }).waitFor();
    await page.getByText('2 rader – nya: 1, finns redan (hoppas över): 0, med fel: 1.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /^Importera \d/ }).count()).toBe(0);
    await expectAccessible(page, 'import preview with an error');

    // The corrected file: both rows new; imported as suggested (the default) so the MAS network reviews them.
    await upload(page, listWith('https://utbildning.example.org/munvard-e2e'));
    await page.getByText('2 rader – nya: 2, finns redan (hoppas över): 0, med fel: 0.', { exact: false }).waitFor();
    expect(await page.getByRole('radio', { name: /^Föreslagen/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'import preview ready');
    await page.getByRole('button', { name: 'Importera 2 utbildningar' }).click();
    await page.getByText('2 utbildningar är importerade som föreslagen.').waitFor();
    await expectAccessible(page, 'import done');

    await page.getByRole('link', { name: 'Till granskningen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Munvård vid demens (e2e)' }).waitFor();

    // The same file again: everything is there already, nothing to import.
    await page.goto(`${journey.url}/trainings/import`);
    await upload(page, listWith('https://utbildning.example.org/munvard-e2e'));
    await page.getByText('Alla utbildningar i filen finns redan i katalogen. Det finns inget att importera.').waitFor();
    await page.context().close();
  });
});

describe('downloads', () => {
  it('offers the public catalogue as filtered, without sign-in', async () => {
    const page = await journey.newPage();
    await page.goto(`${journey.url}/utbildningar?profession=fysioterapeut&q=balans`);
    const group = page.getByRole('group', { name: 'Ladda ner listan' });
    await group.waitFor();
    const href = await group.getByRole('link', { name: 'Ladda ner listan som CSV' }).getAttribute('href');
    expect(href).toBe('/api/public/trainings/export?profession=fysioterapeut&q=balans&file=csv');
    const res = await page.request.get(`${journey.url}${href}`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${HEADER}`);
    expect(text).toContain('Balansträning för äldre');
    await expectAccessible(page, 'catalogue with downloads');
    await page.context().close();
  });
});
