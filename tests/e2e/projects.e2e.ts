// A journey through a project: the project leader of "Vårdens medarbetare (demo)" shifts an activity's actual end by
// two weeks with the keyboard and gives the reason, records a steering-group decision (a date outside the project is
// refused first), and a steering-group member reads plan against reality in the chart and in the table on a phone.
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const PROJECT = 'Vårdens medarbetare (demo)';
const ACTIVITY = 'Delprojekt 3: utredning av gemensamma utbildningar';
const REASON = 'Campus Västra Skaraborg behövde två veckor till (e2e)';
const DECISION = 'Utredningen i delprojekt 3 får två veckor till (e2e)';

describe('a project', () => {
  it('is moved and decided by its leader and read by the steering group in the chart and the table', async () => {
    const leader = await journey.newPage();
    await signIn(leader, journey.url, 'projektledare@demo.example');
    await leader.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Projekt' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Projekt' }).waitFor();
    await expectAccessible(leader, 'project list');
    await leader.getByRole('link', { name: PROJECT }).click();
    await leader.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    await leader.getByRole('heading', { name: 'Översikt för styrgruppen' }).waitFor();
    await expectAccessible(leader, 'project overview');

    // The chart: choose the row with the arrows, move the actual end two weeks (Shift + right twice), Enter.
    await leader
      .getByRole('navigation', { name: 'Projektets delar' })
      .getByRole('link', { name: 'Plan och verklighet' })
      .click();
    const chart = leader.getByRole('application', { name: 'Ganttschema: plan och verklighet' });
    await chart.waitFor();
    await expectAccessible(leader, 'Gantt chart');
    const status = leader.getByTestId('gantt-status');
    await chart.focus();
    for (let i = 0; i < 40 && !((await status.textContent()) ?? '').startsWith(ACTIVITY); i++) {
      await leader.keyboard.press('ArrowDown');
    }
    await expect
      .poll(async () => (await status.textContent()) ?? '')
      .toContain(`${ACTIVITY}: verklighet 10 maj 2021 – 27 aug 2021`);
    await leader.keyboard.press('Shift+ArrowRight');
    await leader.keyboard.press('Shift+ArrowRight');
    await expect
      .poll(async () => (await status.textContent()) ?? '')
      .toContain('Ny verklighet: 10 maj 2021 – 10 sep 2021');
    await leader.keyboard.press('Enter');
    const dialog = leader.getByRole('dialog', { name: `Ändra datum – ${ACTIVITY}` });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Verkligt slut').inputValue()).toBe('2021-09-10');
    // After the baseline a reason is required.
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText('Ange varför datumen flyttas', { exact: false }).first().waitFor();
    await expectAccessible(leader, 'date dialog with an error');
    await dialog.getByLabel('Skäl till ändringen').fill(REASON);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    const history = leader.getByTestId('plan-history');
    await history.getByText(REASON).waitFor();
    await expect
      .poll(() => history.getByRole('row').filter({ hasText: REASON }).first().textContent())
      .toContain('Pia Projektledare (demo)');

    // A steering-group decision: a date after the project is refused, then it is recorded.
    await leader.getByRole('link', { name: 'Beslut och föredragningar' }).click();
    await leader.getByRole('heading', { name: 'Beslutslogg' }).waitFor();
    await leader.getByLabel('Datum').first().fill('2022-02-01');
    await leader.getByRole('textbox', { name: 'Beslut', exact: true }).fill(DECISION);
    await leader.getByLabel('Aktivitet (valfri)').selectOption({ label: ACTIVITY });
    await leader.getByRole('button', { name: 'Registrera beslut' }).click();
    await leader.getByText('Datumet ligger utanför projektets period (2020-09-01 – 2021-12-31).').first().waitFor();
    await expectAccessible(leader, 'decision form with an error');
    await leader.getByLabel('Datum').first().fill('2021-09-03');
    await leader.getByRole('button', { name: 'Registrera beslut' }).click();
    const decisions = leader.getByTestId('decisions');
    await decisions.getByText(DECISION).waitFor();
    expect(await decisions.getByRole('row').filter({ hasText: DECISION }).textContent()).toContain(ACTIVITY);
    await expectAccessible(leader, 'decision log');
    // The project's other parts, as the leader sees them (with their forms).
    const parts = leader.getByRole('navigation', { name: 'Projektets delar' });
    for (const [link, heading] of [
      ['Organisation', 'Projektorganisation'],
      ['Mål', 'Mål'],
      ['Medfinansiering', 'Medfinansiering'],
      ['Slutrapport', 'Slutrapport'],
    ] as const) {
      await parts.getByRole('link', { name: link, exact: true }).click();
      await leader.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      await expectAccessible(leader, `project ${link.toLowerCase()}`);
    }
    await leader.getByRole('heading', { name: '6. Planering och verklighet' }).waitFor();

    // A member of the steering group reads it on a phone: the chart, then the table with the same information.
    const steering = await journey.newPage({ phone: true });
    await signIn(steering, journey.url, 'styrgrupp.falkoping@demo.example');
    await steering.goto(`${journey.url}/projects`);
    await steering.getByRole('link', { name: PROJECT }).click();
    await steering.getByText('Du läser projektet.', { exact: false }).waitFor();
    await steering.getByRole('link', { name: 'Plan och verklighet' }).click();
    const readChart = steering.getByRole('application', { name: 'Ganttschema: plan och verklighet' });
    await readChart.waitFor();
    await expectAccessible(steering, 'Gantt chart for the steering group (phone)');
    const readStatus = steering.getByTestId('gantt-status');
    await readChart.focus();
    for (let i = 0; i < 40 && !((await readStatus.textContent()) ?? '').startsWith(ACTIVITY); i++) {
      await steering.keyboard.press('ArrowDown');
    }
    await expect.poll(async () => (await readStatus.textContent()) ?? '').toContain('10 maj 2021 – 10 sep 2021 · Klar');
    await steering.getByText('Tabell', { exact: true }).click();
    const table = steering.getByTestId('plan-table');
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: ACTIVITY });
    await expect.poll(() => row.textContent()).toContain('10 maj 2021 – 10 sep 2021');
    expect(await row.textContent()).toContain('87 d sen');
    expect(await steering.getByRole('button', { name: 'Ändra' }).count()).toBe(0);
    await expectAccessible(steering, 'plan table for the steering group (phone)');
    await steering.getByRole('link', { name: 'Beslut och föredragningar' }).click();
    await steering.getByTestId('decisions').getByText(DECISION).waitFor();
    await expectAccessible(steering, 'decision log for the steering group (phone)');
  });
});
