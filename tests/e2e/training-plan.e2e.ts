// The joint training plan in the browser, the whole cycle: the region's admin starts a plan; Skövde's manager and two
// more municipalities submit needs; the coordinator merges two and opens the prioritisation; three municipalities rank
// (Skövde's admin in the ranking editor); at the meeting view, driven by the keyboard, the network decides; the need
// is ordered from Skövde's education broker, who accepts and plans an occasion with seats per municipality; staff are
// registered and their attendance marked; the cost is split per attending participant and the annual follow-up shows
// it. The provider of the demo sees only its own orders. Every page is checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
// The demo has this year's plan (complete) and next year's (open): the journey starts one for a later year.
const THIS_YEAR = new Date().getUTCFullYear();
const YEAR = THIS_YEAR + 3;

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
const day = (days: number) => local(days * 24).slice(0, 10);

/** A JSON call as the page's signed-in user (same origin, as the web app makes it). */
async function api(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) {
  const res = await page.request.fetch(`${journey.url}${path}`, {
    method,
    headers: { origin: journey.url, 'content-type': 'application/json' },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body).slice(0, 300)).toBeLessThan(300);
  return body;
}

describe('the joint training plan', () => {
  it('runs a cycle from needs to the follow-up', async () => {
    const admin = await journey.signedIn('regional_admin');
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utbildningsplaner' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Gemensamma utbildningar' }).waitFor();
    await admin
      .getByRole('table', { name: 'Utbildningsplaner' })
      .getByText(`Utbildningsplan ${THIS_YEAR}, Sjuksköterskechefsnätverket`)
      .waitFor();
    await expectAccessible(admin, 'the training plans');
    await admin.getByRole('button', { name: 'Starta utbildningsplan' }).click();
    const form = admin.getByRole('dialog', { name: 'Starta utbildningsplan' });
    await form.getByLabel('Nätverk').selectOption({ label: 'Sjuksköterskechefsnätverket' });
    await form.getByLabel('År').fill(String(YEAR));
    await form.getByLabel('Sista dag för behov').fill(day(20));
    await form.getByLabel('Prioriteringsträff').fill(day(30));
    await form.getByLabel('Beställarforum').fill(day(40));
    await expectAccessible(admin, 'starting a training plan');
    await form.getByRole('button', { name: 'Starta utbildningsplan' }).click();
    const title = `Utbildningsplan ${YEAR}, Sjuksköterskechefsnätverket`;
    await admin.getByRole('heading', { level: 1, name: title }).waitFor();
    const cycleUrl = admin.url();
    const cycleId = cycleUrl.split('/').at(-1) as string;

    // Skövde's manager submits a need in the form; two more municipalities' needs come in (by the region, for them).
    const manager = await journey.signedIn('manager');
    await manager.goto(cycleUrl);
    await manager.getByRole('button', { name: 'Lämna ett behov' }).click();
    const need = manager.getByRole('dialog', { name: 'Lämna ett behov' });
    await need.getByLabel('Ämne eller rubrik').fill('Palliativ vård (e2e)');
    await need.getByLabel('Förväntat antal deltagare').fill('6');
    await need.getByLabel('Motivering').fill('Nya sjuksköterskor i hemsjukvården.');
    await expectAccessible(manager, 'submitting a need');
    await need.getByRole('button', { name: 'Lämna ett behov' }).click();
    await need.waitFor({ state: 'detached' });
    const options = await api(admin, 'GET', '/api/training-plan/options');
    const muni = (name: string) => options.municipalities.find((m: { name: string }) => m.name === name).id as string;
    const submit = (title: string, n: number, organisationId: string) =>
      api(admin, 'POST', `/api/training-plan/cycles/${cycleId}/needs`, {
        title,
        expectedParticipants: n,
        urgency: 3,
        rationale: 'Behövs (e2e)',
        organisationId,
      });
    await submit('Palliativ vård i livets slut (e2e)', 4, muni('Lidköping'));
    await submit('Sårvård (e2e)', 3, muni('Falköping'));

    // The coordinator merges the two palliative needs and opens the prioritisation.
    await admin.reload();
    await admin.getByRole('checkbox', { name: 'Markera Palliativ vård (e2e)' }).check();
    await admin.getByRole('checkbox', { name: 'Markera Palliativ vård i livets slut (e2e)' }).check();
    await admin.getByLabel('Rubrik för det sammanslagna behovet').fill('Palliativ vård – gemensam (e2e)');
    await admin.getByRole('button', { name: 'Slå ihop markerade' }).click();
    await admin.getByText('Skövde 6, Lidköping 4').or(admin.getByText('Lidköping 4, Skövde 6')).waitFor();
    await expectAccessible(admin, 'the plan with merged needs');
    await admin.getByRole('button', { name: 'Till nästa fas: Prioritering' }).click();
    await admin.getByText('Fas: Prioritering').waitFor();

    // Three municipalities rank: Skövde's admin in the editor (Sårvård first), Lidköping and Falköping recorded.
    const skovdeAdmin = await journey.signedIn('municipal_admin');
    await skovdeAdmin.goto(cycleUrl);
    await skovdeAdmin.getByRole('heading', { level: 2, name: 'Kommunens rangordning' }).waitFor();
    // Sårvård (submitted first) leads; moved down and back up again, it is Skövde's first choice.
    await skovdeAdmin.getByRole('button', { name: 'Flytta ned Sårvård (e2e)' }).click();
    await skovdeAdmin.getByRole('button', { name: 'Flytta upp Sårvård (e2e)' }).click();
    await expectAccessible(skovdeAdmin, 'ranking the needs');
    await skovdeAdmin.getByRole('button', { name: 'Spara rangordningen' }).click();
    await skovdeAdmin.getByText('Rangordningen är sparad.').waitFor();
    const detail = await api(admin, 'GET', `/api/training-plan/cycles/${cycleId}`);
    const open = detail.needs.filter((n: { status: string }) => n.status === 'open');
    const palliative = open.find((n: { title: string }) => n.title.startsWith('Palliativ')).id as string;
    const wound = open.find((n: { title: string }) => n.title.startsWith('Sårvård')).id as string;
    const rank = (organisationId: string, needIds: string[]) =>
      api(admin, 'PUT', `/api/training-plan/cycles/${cycleId}/ranking`, { organisationId, needIds });
    await rank(muni('Lidköping'), [palliative, wound]);
    await rank(muni('Falköping'), [palliative]);

    // The meeting view: the aggregate in large type, moved through with the keyboard; Space marks, Enter opens.
    await admin.goto(`${cycleUrl}/meeting`);
    const first = admin.getByRole('button', { name: /^1\. Palliativ vård – gemensam \(e2e\) – 4 poäng/ });
    await first.waitFor();
    await admin.getByText('Condorcetvinnare: Palliativ vård – gemensam (e2e)').waitFor();
    await first.focus();
    await admin.keyboard.press('Enter');
    await admin.getByText('Nya sjuksköterskor i hemsjukvården.').waitFor();
    await admin.keyboard.press('Space');
    await admin.keyboard.press('ArrowDown');
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^2\. Sårvård/);
    await admin.getByText('1 behov markerade för beslutet').waitFor();
    await expectAccessible(admin, 'the meeting view');
    await admin.getByRole('button', { name: 'Registrera beslutet' }).click();
    await admin.getByText('Beslutet är registrerat.').waitFor();

    // The decided need is ordered from Skövde's education broker, cost split per attending participant.
    await admin.goto(cycleUrl);
    await admin.getByRole('button', { name: 'Beställ', exact: true }).click();
    const order = admin.getByRole('dialog', { name: 'Beställ utbildningen' });
    await order.getByLabel('Utbildningsmäklare eller anordnare').selectOption({ label: 'Skövde' });
    await order.getByLabel(/^Mål\s*\*?$/).fill('Trygg vård i livets slutskede');
    await order.getByLabel('Kostnadstak (kr, exkl. moms)').fill('30000');
    await order.getByLabel('Önskad period från').fill(day(30));
    await order.getByLabel('Önskad period till').fill(day(90));
    await order.getByLabel(/^Kontaktperson/).fill('Rebecka Region');
    await order.getByLabel('Kontaktens e-post').fill('regionadmin@demo.example');
    await expectAccessible(admin, 'ordering a training');
    await order.getByRole('button', { name: 'Beställ utbildningen' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Palliativ vård – gemensam (e2e)' }).waitFor();
    const orderUrl = admin.url();

    // The broker accepts and plans an occasion: 10 seats by the needs' participants (6 : 4 → 6 and 4).
    const broker = await journey.signedIn('broker');
    await broker.goto(orderUrl);
    await broker.getByRole('button', { name: 'Acceptera' }).click();
    await broker.getByText('Status: Accepterad').waitFor();
    await broker.getByLabel(/^Start/).fill(local(24 * 10));
    await broker.getByLabel(/^Slut/).fill(local(24 * 10 + 6));
    await broker.getByLabel('Sista anmälningsdag').fill(local(24 * 7));
    await broker.getByLabel('Plats', { exact: true }).fill('Skövde, Hälsans hus');
    await broker.getByLabel('Antal platser').fill('10');
    await broker.getByLabel('Pris (kr, exkl. moms)').fill('12000');
    await expectAccessible(broker, 'planning an occasion');
    await broker.getByRole('button', { name: 'Planera ett tillfälle' }).click();
    await broker.getByText('Tillfället är planerat och öppet för anmälan.').waitFor();
    const perMunicipality = broker.getByRole('table', { name: 'Per kommun' });
    await perMunicipality.getByRole('row', { name: /Skövde 6 6/ }).waitFor();
    await perMunicipality.getByRole('row', { name: /Lidköping 4 4/ }).waitFor();

    // Staff are registered and attend; the broker marks attendance after the occasion (moved into the past).
    const orderDetail = await api(broker, 'GET', `/api/training-plan/orders/${orderUrl.split('/').at(-1)}`);
    const occasionId = orderDetail.occasions[0].occasionId as string;
    const candidates = await api(manager, 'GET', `/api/activities/occasions/${occasionId}/candidates`);
    const personIds = candidates.slice(0, 3).map((c: { id: string }) => c.id);
    await api(manager, 'POST', `/api/activities/occasions/${occasionId}/registrations`, { personIds });
    const occ = await api(broker, 'GET', `/api/activities/occasions/${occasionId}`);
    await api(broker, 'PUT', `/api/activities/occasions/${occasionId}`, {
      startsAt: local(-6),
      endsAt: local(-1),
      registrationDeadline: local(-30),
      place: occ.occasion.place,
      capacity: occ.occasion.capacity,
      seats: occ.seats.map((s: { organisationId: string; seats: number }) => ({
        organisationId: s.organisationId,
        seats: s.seats,
      })),
    });
    const regs = (await api(broker, 'GET', `/api/activities/occasions/${occasionId}`)).registrations;
    await api(broker, 'PUT', `/api/activities/occasions/${occasionId}/attendance`, {
      entries: regs.map((r: { id: string }) => ({ registrationId: r.id, attendance: 'present' })),
    });
    await broker.reload();
    await perMunicipality.getByRole('row', { name: /Skövde 6 6 3 12\s?000/ }).waitFor();
    await expectAccessible(broker, 'the order with attendance and cost');

    // The annual follow-up shows the plan's needs, decision, order and cost.
    await admin.goto(`${journey.url}/training-plan/follow-up`);
    await admin.getByLabel('År').selectOption(String(YEAR));
    const plans = admin.getByRole('table', { name: 'Utbildningsplaner' });
    await plans.getByRole('row', { name: new RegExp(`${title} 2 1 1 0 0 3 0 – 12\\s?000`) }).waitFor();
    await expectAccessible(admin, 'the annual follow-up');

    // The demo's external provider sees only the orders addressed to it.
    const provider = await journey.newPage();
    await provider.goto(`${journey.url}/`);
    await provider.getByLabel('E-post').fill('anordnare.hogskolan@demo.example');
    await provider.getByLabel('Lösenord').fill('Demo-Kompetensnav-2026');
    await provider.getByRole('button', { name: 'Logga in' }).click();
    await provider.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Beställningar' }).click();
    const list = provider.getByRole('table', { name: 'Beställningar' });
    await list.waitFor();
    expect(await list.getByRole('row').count()).toBe(3);
    await expectAccessible(provider, 'the provider’s orders');
  });
});
