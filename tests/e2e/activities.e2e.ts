// The activities core in the browser: Skövde's demo manager creates an activity and an occasion with two seats; the
// demo employee registers themself; the manager registers two of her staff (one lands on the waiting list) and
// cancels the other, so the one waiting moves up; as organiser she records attendance, marks the occasion held and
// sends the evaluation; the employee answers it by the link in the mail on a phone-sized screen; the manager sees the
// results (suppressed below k) and the demo course's published results. Every page is checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const TITLE = 'Förflyttningsteknik i hemtjänsten (e2e)';

/** A Swedish wall-clock time `hours` from now, as a datetime-local field takes it. */
function local(hours: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(Date.now() + hours * 3_600_000));
  return `${parts.replace(' ', 'T').slice(0, 14)}00`;
}

async function fillOccasionTimes(page: Page, start: number, end: number, deadline: number) {
  await page.getByLabel(/^Start/).fill(local(start));
  await page.getByLabel(/^Slut/).fill(local(end));
  await page.getByLabel(/^Sista anmälningsdag/).fill(local(deadline));
}

describe('an occasion from registration to evaluation', () => {
  it('registers, waitlists, moves up, records attendance, and is evaluated by link on a phone', async () => {
    const manager = await journey.signedIn('manager');
    await manager.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kalender' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Aktiviteter och tillfällen' }).waitFor();
    await manager.getByRole('table', { name: 'Tillfällen' }).waitFor();
    await expectAccessible(manager, 'the calendar');

    // A new activity of her municipality, open to self-registration, with the standard evaluation.
    await manager.getByRole('button', { name: 'Ny aktivitet' }).click();
    const activityForm = manager.getByRole('dialog', { name: 'Ny aktivitet' });
    await activityForm.getByLabel('Rubrik').fill(TITLE);
    await activityForm.getByLabel('Medarbetare får anmäla sig själva').check();
    await expectAccessible(manager, 'the new activity form');
    await activityForm.getByRole('button', { name: 'Skapa aktivitet' }).click();
    await manager.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    await manager.getByRole('button', { name: 'Nytt tillfälle' }).click();
    const occasionForm = manager.getByRole('dialog', { name: 'Nytt tillfälle' });
    await fillOccasionTimes(manager, 24 * 10, 24 * 10 + 3, 24 * 7);
    await occasionForm.getByLabel('Plats', { exact: true }).fill('Skövde, Hälsans hus');
    await occasionForm.getByLabel('Antal platser').fill('2');
    await expectAccessible(manager, 'the new occasion form');
    await occasionForm.getByRole('button', { name: 'Lägg till tillfälle' }).click();
    await occasionForm.waitFor({ state: 'detached' });
    await manager.getByRole('table', { name: 'Tillfällen' }).getByRole('link').first().click();
    await manager.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await manager.getByText('0 av 2 platser tagna').waitFor();
    const occasionUrl = manager.url();
    await expectAccessible(manager, 'the occasion');

    // The employee takes one seat themself.
    const employee = await journey.signedIn('employee');
    await employee.goto(occasionUrl);
    await employee.getByRole('button', { name: 'Anmäl mig' }).click();
    await employee.getByText('Din anmälan: Anmäld').waitFor();
    await expectAccessible(employee, 'the occasion as the registered employee');

    // The manager registers two of her staff for the one seat left: one gets it, one waits.
    await manager.reload();
    await manager.getByText('1 av 2 platser tagna').waitFor();
    await manager.getByRole('button', { name: 'Anmäl medarbetare' }).click();
    const picker = manager.getByRole('dialog', { name: 'Anmäl medarbetare' });
    const choices = picker.getByRole('group', { name: 'Personer du kan anmäla' }).getByRole('checkbox');
    await choices.first().waitFor();
    await choices.nth(0).check();
    await choices.nth(1).check();
    await expectAccessible(manager, 'choosing staff to register');
    await picker.getByRole('button', { name: 'Anmäl 2 valda' }).click();
    await manager.getByText('1 anmälda, 1 på väntelista.').waitFor();
    const table = manager.getByRole('table', { name: 'Anmälda personer' });
    const waiting = table.getByRole('row').filter({ hasText: 'Väntelista, Nr 1 i kön' });
    const waitingName = (await waiting.getByRole('rowheader').textContent()) ?? '';
    expect(waitingName).not.toBe('');
    const seated = table
      .getByRole('row')
      .filter({ hasText: 'Anmäld' })
      .filter({ hasNotText: 'Elias' })
      .filter({ hasNotText: waitingName });
    const seatedName = (await seated.getByRole('rowheader').textContent()) ?? '';
    await expectAccessible(manager, 'the occasion with a waiting list');

    // She cancels the one with a seat: the one waiting moves up.
    await seated.getByRole('button', { name: `Avboka ${seatedName}` }).click();
    await manager
      .getByRole('dialog', { name: `Avboka ${seatedName}` })
      .getByRole('button', { name: 'Avboka' })
      .click();
    await manager.getByText('Anmälan är avbokad. 1 från väntelistan fick platsen.').waitFor();
    await table.getByRole('row').filter({ hasText: waitingName }).filter({ hasText: 'Anmäld' }).waitFor();
    expect(await table.getByText('Väntelista').count()).toBe(0);

    // The occasion took place (its time moved into the past): attendance, held, evaluation sent.
    await manager.getByRole('button', { name: 'Ändra tillfälle' }).click();
    const edit = manager.getByRole('dialog', { name: 'Ändra tillfälle' });
    await fillOccasionTimes(manager, -3, -1, -30);
    await edit.getByRole('button', { name: 'Spara tillfället' }).click();
    await edit.waitFor({ state: 'detached' });
    await manager.getByRole('heading', { level: 2, name: 'Närvaro och timmar' }).waitFor();
    for (const name of ['Elias Medarbetare (demo)', waitingName]) {
      await manager.getByRole('combobox', { name: `Närvaro för ${name}` }).click();
      await manager.getByRole('option', { name: 'Närvarande', exact: true }).click();
    }
    await expectAccessible(manager, 'recording attendance');
    await manager.getByRole('button', { name: 'Spara närvaro' }).click();
    await manager.getByText('Närvaron är sparad.').waitFor();
    await manager.getByRole('button', { name: 'Markera som genomfört' }).click();
    await manager.getByText('Genomfört', { exact: true }).first().waitFor();
    await manager.getByRole('button', { name: 'Skicka utvärderingen nu' }).click();
    await manager.getByText('Utvärderingen skickades till 1 personer.').waitFor();

    // The employee answers by the link in the mail, on a phone.
    let mail: { text: string } | undefined;
    for (let i = 0; i < 40 && !mail; i++) {
      mail = journey.server
        .mails()
        .find((m) => m.to === 'medarbetare.skovde@demo.example' && m.subject === `Utvärdering av ${TITLE}`);
      if (!mail) await new Promise((r) => setTimeout(r, 100));
    }
    const link = new URL(mail?.text.match(/https?:\/\/\S+/)?.[0] ?? 'http://missing/');
    const phone = await journey.newPage({ phone: true });
    await phone.goto(`${journey.url}${link.pathname}${link.search}`);
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(phone, 'the survey on a phone');
    await expectNoSidewaysScroll(phone, 'the survey on a phone');
    for (const question of ['Hur relevant var innehållet', 'Hur bedömer du kvaliteten', 'Hur användbart är det']) {
      await phone
        .getByRole('radiogroup', { name: new RegExp(question) })
        .getByRole('radio', { name: '4' })
        .check();
    }
    await phone
      .getByRole('radiogroup', { name: /rekommendera/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await phone.getByLabel(/Vad var bra/).fill('Bra övningar.');
    await phone.getByRole('button', { name: 'Skicka svar' }).click();
    await phone.getByText('Tack för ditt svar!').waitFor();
    await expectAccessible(phone, 'the survey answered');
    await phone.reload();
    await phone.getByText('Du har redan svarat. Tack!').waitFor();

    // The organiser's results: one answer is below k, so nothing of it is shown.
    await manager.reload();
    await manager.getByRole('link', { name: 'Se resultat' }).click();
    await manager.getByRole('heading', { level: 1, name: `Resultat av utvärderingen: ${TITLE}` }).waitFor();
    await manager.getByText('1 av 1 har svarat.').waitFor();
    expect(await manager.getByText('Färre än 3 svar – visas inte.').count()).toBeGreaterThan(3);
    expect(await manager.getByText('Bra övningar.').count()).toBe(0);
    await expectAccessible(manager, 'results below k');

    // The demo course held six weeks ago has enough answers to show.
    const list = await manager.request.get(`${journey.url}/api/activities/occasions?past=true&pageSize=100`);
    const held = ((await list.json()).items as { id: string; title: string; status: string }[]).find(
      (o) => o.status === 'held' && o.title.startsWith('Palliativ vård'),
    );
    await manager.goto(`${journey.url}/activities/occasions/${held?.id}/results`);
    await manager.getByRole('table', { name: /^Svar på Hur relevant/ }).waitFor();
    await expectAccessible(manager, 'results of the demo course');
    await manager.context().close();
    await employee.context().close();
    await phone.context().close();
  });

  it('lets a broker make an evaluation template with a single-choice question', async () => {
    const broker = await journey.signedIn('broker');
    await broker.goto(`${journey.url}/activities/templates`);
    await broker.getByRole('heading', { level: 1, name: 'Enkätmallar' }).waitFor();
    await broker.getByRole('table', { name: 'Frågor i Standardutvärdering' }).waitFor();
    await broker.getByLabel(/^Mallens namn/).fill('Hospitering (e2e)');
    await broker
      .getByLabel(/^Fråga/)
      .first()
      .fill('Vilken del var mest lärorik?');
    await broker.getByRole('combobox', { name: 'Svarstyp' }).click();
    await broker.getByRole('option', { name: 'Ett val' }).click();
    await broker.getByLabel(/^Svarsalternativ/).fill('Förmiddagen\nEftermiddagen');
    await expectAccessible(broker, 'a new survey template');
    await broker.getByRole('button', { name: 'Spara mallen' }).click();
    await broker.getByRole('table', { name: 'Frågor i Hospitering (e2e)' }).waitFor();
    await broker.context().close();
  });
});
