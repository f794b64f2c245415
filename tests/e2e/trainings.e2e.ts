// Journeys through the web trainings: a visitor picks the physiotherapist tab, searches and opens a shared filter
// address that restores the filters; a signed-in employee suggests a training and a regional admin approves it.
import { describe, expect, it } from 'vitest';
import { demoRoundNames } from '../../src/modules/trainings/trainings-demo.ts';
import { expectAccessible } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();

describe('a visitor without an account', () => {
  it('reaches the catalogue from the sign-in page, picks the physiotherapist tab and searches', async () => {
    const page = await journey.newPage();
    await page.goto(`${journey.url}/login`);
    await page.getByRole('link', { name: 'Webbutbildningar (utan inloggning)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webbutbildningar' }).waitFor();
    await page.getByRole('article').first().waitFor();
    await expectAccessible(page, 'catalogue');
    // Licensed groups first.
    const tabs = (await page.getByRole('tab').allTextContents()).map((s) => s.trim());
    expect(tabs.slice(0, 4)).toEqual(['Alla yrken', 'Sjuksköterska', 'Arbetsterapeut', 'Fysioterapeut']);

    await page.getByRole('tab', { name: 'Fysioterapeut' }).click();
    await page.waitForURL(/profession=fysioterapeut/);
    await page.getByLabel('Sök', { exact: true }).fill('balanstraning');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL(/q=balanstraning/);
    await expect
      .poll(async () => (await page.getByRole('article').getByRole('heading').allTextContents()).map((s) => s.trim()))
      .toEqual(['Balansträning för äldre (öppnas i en ny flik)']);
    await expect.poll(() => page.getByText(/^Granskad /).count()).toBe(1);
    await expectAccessible(page, 'catalogue search');
    await page.context().close();
  });

  it('opens a shared address and gets the same tab, search and filters back', async () => {
    const page = await journey.newPage();
    await page.goto(`${journey.url}/utbildningar?profession=sjukskoterska&q=hjartsvikt&length=medium&language=sv`);
    await expect
      .poll(() => page.getByRole('tab', { name: 'Sjuksköterska' }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await page.getByLabel('Sök', { exact: true }).inputValue()).toBe('hjartsvikt');
    expect(await page.getByLabel('Längd').inputValue()).toBe('medium');
    expect(await page.getByLabel('Språk').inputValue()).toBe('sv');
    await expect
      .poll(async () => (await page.getByRole('article').getByRole('heading').allTextContents()).map((s) => s.trim()))
      .toEqual(['Hjärtsvikt hos äldre – grunderna (öppnas i en ny flik)']);
    await expectAccessible(page, 'shared catalogue address');
    await page.context().close();

    // On a phone the filters fold behind a button that says how many are chosen; the first result is on the screen.
    const phone = await journey.newPage({ phone: true });
    await phone.goto(`${journey.url}/utbildningar?length=medium&language=sv`);
    const toggle = phone.getByRole('button', { name: 'Filter (2 valda)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await phone.getByLabel('Längd').isVisible()).toBe(false);
    const first = phone.getByRole('article').first();
    await first.waitFor();
    expect(((await first.boundingBox())?.y ?? Infinity) < 844).toBe(true);
    await expectAccessible(phone, 'the catalogue on a phone');
    await toggle.click();
    expect(await phone.getByLabel('Längd').inputValue()).toBe('medium');
    await expectAccessible(phone, 'the catalogue on a phone with its filters open');
    await phone.context().close();
  });
});

describe('a suggestion', () => {
  it('is made by an employee, caught as a duplicate when repeated, and approved by the regional admin', async () => {
    const title = 'Munhälsa hos äldre (e2e)';
    const employee = await journey.signedIn('employee');
    await employee
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Föreslå en utbildning' })
      .click();
    await employee.getByRole('heading', { level: 1, name: 'Föreslå en webbutbildning' }).waitFor();
    await expectAccessible(employee, 'suggest form');
    // Empty: the errors stand next to the fields.
    await employee.getByRole('button', { name: 'Skicka förslaget' }).click();
    await employee.getByText('Ange en titel.').waitFor();
    await employee.getByLabel('Titel').fill(title);
    await employee.getByLabel('Leverantör').fill('Tandvårdsskolan (demo)');
    await employee.getByLabel('Länk').fill('https://utbildning.example.org/hjartsvikt-hos-aldre-grunderna/');
    await employee.getByLabel('Längd i minuter').fill('25');
    await employee.getByLabel('Form').selectOption('video');
    await employee.getByRole('checkbox', { name: 'Undersköterska', exact: true }).check();
    await employee.getByRole('button', { name: 'Skicka förslaget' }).click();
    // The link is already in the catalogue: a Swedish message naming the item, next to the field.
    await employee
      .getByText('Länken finns redan i katalogen: ”Hjärtsvikt hos äldre – grunderna” (godkänd).')
      .first()
      .waitFor();
    await employee.getByLabel('Länk').fill('https://utbildning.example.org/munhalsa-e2e');
    await employee.getByRole('button', { name: 'Skicka förslaget' }).click();
    await employee.getByText(`Tack! Förslaget ”${title}” väntar nu på granskning.`).waitFor();
    await employee.context().close();

    const admin = await journey.signedIn('regional_admin');
    await admin
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Granska utbildningar' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Granska webbutbildningar' }).waitFor();
    const card = admin.getByRole('article').filter({ has: admin.getByRole('heading', { name: title }) });
    await card.waitFor();
    await expectAccessible(admin, 'review queue');
    await card.getByText('Historik').click();
    await card.getByText(/^Föreslagen – Elias Medarbetare \(demo\), Skövde/).waitFor();
    // The reviewer corrects the length before approving.
    await card.getByRole('button', { name: 'Ändra', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: `Ändra ”${title}”` });
    await dialog.getByLabel('Längd i minuter').fill('30');
    await expectAccessible(admin, 'correcting a suggestion');
    await dialog.getByRole('button', { name: 'Spara ändringarna' }).click();
    await admin.getByText(`Ändringarna i ”${title}” är sparade.`).waitFor();
    await card.getByText(/30 min/).waitFor();
    await card.getByRole('button', { name: 'Godkänn' }).click();
    await admin.getByText(`”${title}” är godkänd och visas i katalogen.`).waitFor();
    await expect.poll(() => card.count()).toBe(0);
    await admin.context().close();

    const visitor = await journey.newPage();
    await visitor.goto(`${journey.url}/utbildningar?q=munhalsa`);
    await visitor.getByRole('heading', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).waitFor();
    await visitor.context().close();
  });
});

describe('a review round', () => {
  // The demo's open round is named after its term, relative to the day the demo was seeded (today).
  const round = demoRoundNames(new Date()).open;
  const escaped = round.replace(/[()]/g, '\\$&');
  it('is completed by the MAS reviewer in "Min granskning" and closed by the regional admin', async () => {
    const mas = await journey.signedIn('mas');
    await mas.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min granskning' }).click();
    await mas.getByRole('heading', { level: 1, name: 'Min granskning' }).waitFor();
    await mas.getByText(new RegExp(`^${escaped}`)).waitFor();
    await expectAccessible(mas, 'my review');
    const pending = mas.getByRole('article').filter({ hasText: 'Inte granskad' });
    // One item needs a change: the comment is required.
    const first = pending.first();
    const title = ((await first.getByRole('heading').textContent()) ?? '').trim();
    await first.getByRole('button', { name: 'Begär ändring' }).click();
    const dialog = mas.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Begär ändring' }).click();
    await dialog.getByText('Skriv vad som behöver ändras. Kommentaren sparas i historiken.').first().waitFor();
    await dialog.getByLabel('Kommentar').fill('Länken leder till en gammal version. (e2e)');
    await expectAccessible(mas, 'asking for a change in a round');
    await dialog.getByRole('button', { name: 'Begär ändring' }).click();
    await mas.getByText(`”${title}”: Behöver ändras.`).waitFor();
    // Each item shows its link's health where it is reviewed (a badge in words, or that it is not checked yet).
    expect(await pending.first().textContent()).toMatch(
      /Länken fungerar|Trasig länk|Flyttad – ny adress|Länken svarade inte|Webbplatsen tillåter inte|Länken är inte kontrollerad än|Kontrollerad /,
    );
    expect(await pending.first().getByRole('button', { name: 'Kontrollera nu' }).count()).toBe(1);
    // "Länkproblem" shows only items whose link is broken or moved.
    const linkProblems = mas.getByText(/^Länkproblem \((\d+)\)$/);
    const problems = Number(/\((\d+)\)/.exec((await linkProblems.textContent()) ?? '')?.[1]);
    await linkProblems.click();
    await expect.poll(() => mas.getByRole('article').count()).toBe(Math.min(problems, 10));
    for (const article of await mas.getByRole('article').all())
      expect(await article.textContent()).toMatch(/Trasig länk|Flyttad – ny adress/);
    await mas.getByText(/^Att granska \(\d+\)$/).click();
    // The rest are approved, one at a time, by keyboard: unreviewed first, ten per page, the count in the filter.
    const todo = async () =>
      Number(/\((\d+)\)/.exec((await mas.getByText(/^Att granska \(\d+\)$/).textContent()) ?? '')?.[1]);
    expect(await pending.count()).toBe(Math.min(await todo(), 10));
    for (let left = await todo(); left > 0; left = await todo()) {
      await pending.first().getByRole('button', { name: 'Godkänn' }).focus();
      await mas.keyboard.press('Enter');
      await expect.poll(todo).toBe(left - 1);
    }
    await mas.getByText('Inga utbildningar att visa med det här valet.').waitFor();
    await mas.getByText(/^Du har granskat (\d+) av \1$/).waitFor();
    await mas.context().close();

    const admin = await journey.signedIn('regional_admin');
    await admin
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Granskningsomgångar' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Granskningsomgångar' }).waitFor();
    // "Klar" may show more than once now that the demo's two MAS share the round (issue 20).
    await admin.getByRole('cell', { name: 'Klar' }).first().waitFor();
    await expectAccessible(admin, 'review rounds');
    await admin.getByRole('button', { name: 'Stäng omgången' }).click();
    await admin.getByText(`Omgången ”${round}” är stängd.`).waitFor();
    await admin.getByText(new RegExp(`^${escaped}: öppnad .*, stängd `)).waitFor();
    // With no open round the form to open one is shown; an empty name is refused next to the field.
    await admin.getByRole('button', { name: 'Öppna omgången' }).click();
    await admin.getByText('Ange ett namn på omgången.').waitFor();
    await expectAccessible(admin, 'opening a round');
    await admin.context().close();
  });
});

describe('catalogue usage', () => {
  it('counts a visitor’s view, opened link and search without result, and shows them to the MAS on "Användning"', async () => {
    const visitor = await journey.newPage();
    // The training's own site is not reached from the test.
    await visitor.context().route('https://utbildning.example.org/**', (route) => route.fulfill({ body: 'ok' }));
    await visitor.goto(`${journey.url}/utbildningar?q=delegering`);
    const link = visitor.getByRole('article').first().getByRole('link');
    const title = ((await link.textContent()) ?? '').replace('(öppnas i en ny flik)', '').trim();
    // The link is still the training's own address, opened in a new tab.
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/utbildning\.example\.org\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    const [tab] = await Promise.all([visitor.waitForEvent('popup'), link.click()]);
    await tab.close();
    for (const q of ['kvantfysik', '19121212-1212']) {
      await visitor.getByLabel('Sök', { exact: true }).fill(q);
      await visitor.getByRole('button', { name: 'Sök', exact: true }).click();
      await visitor.getByText('Inga utbildningar matchar. Pröva ett annat ord eller ta bort ett filter.').waitFor();
    }
    await visitor.context().close();

    const mas = await journey.signedIn('mas');
    await mas.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användning' }).click();
    await mas.getByRole('heading', { level: 1, name: 'Katalogens användning' }).waitFor();
    // The demo's invented months are labelled; six months is the default period.
    await mas.getByText('Demo: räknarna är påhittade (demo) och lagda relativt dagens datum.').waitFor();
    expect(await mas.getByLabel('Period', { exact: true }).inputValue()).toBe('6m');
    await mas.getByRole('region', { name: /^Mest visade utbildningar, / }).waitFor();
    await expectAccessible(mas, 'catalogue usage');
    // Today alone: only what this journey's visitors did.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await mas.getByLabel('Period', { exact: true }).selectOption('custom');
    await mas.getByLabel('Från och med').fill(today);
    await mas.getByLabel('Till och med').fill(today);
    await mas.getByRole('button', { name: 'Visa', exact: true }).click();
    await mas.waitForURL(new RegExp(`from=${today}&to=${today}|to=${today}.*from=${today}`));
    const gaps = mas.getByRole('region', { name: /^Sökningar utan träff – luckor att fylla, / });
    await gaps.getByRole('row', { name: /kvantfysik\s+1$/ }).waitFor();
    expect(await gaps.textContent()).not.toMatch(/1212/);
    await mas.getByText(/sökning(ar)? utan träff visas inte: sökorde(t|n) sparades inte/).waitFor();
    const most = mas.getByRole('region', { name: /^Mest visade utbildningar, / });
    const row = most.getByRole('row').filter({ hasText: title });
    expect(Number((await row.getByRole('cell').last().textContent())?.trim())).toBeGreaterThanOrEqual(1);
    await expectAccessible(mas, 'catalogue usage today');
    await mas.context().close();
  });
});
