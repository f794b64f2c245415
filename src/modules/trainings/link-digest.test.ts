// The weekly link-health e-mail: who gets it, what it lists, once per week however often the job runs.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser } from '../../platform/server/factories.ts';
import { isoWeek, sendLinkDigest } from './link-digest.ts';
import { buildTrainingItem } from './trainings.factories.ts';
import { trainingItem } from './trainings.table.ts';

let t: TestApp;
const monday = new Date('2026-12-07T07:30:00Z');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('isoWeek', () => {
  it('is the week of the date’s Thursday', () => {
    expect(isoWeek('2026-12-07')).toBe('2026-W50');
    expect(isoWeek('2026-12-13')).toBe('2026-W50');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });
});

describe('the weekly link-health e-mail', () => {
  it('sends nothing while every link works', async () => {
    await buildUser(t.db, { role: 'regional_admin' });
    await buildTrainingItem(t.db, { title: 'Fungerar (test)' });
    expect(await sendLinkDigest(t.db, t.mailer, 'https://kn.example', monday)).toEqual({ sent: 0, links: 0 });
  });

  it('lists broken and moved links to the region and the reviewers, once a week', async () => {
    const m = await buildMunicipality(t.db, { name: 'Länkköping' });
    const admin = await buildUser(t.db, { role: 'regional_admin' });
    const mas = await buildUser(t.db, { role: 'mas', municipality: m });
    const employee = await buildUser(t.db, { role: 'employee', municipality: m });
    const broken = await buildTrainingItem(t.db, { title: 'Ödesdigert trasig' });
    const moved = await buildTrainingItem(t.db, { title: 'Ändrad adress' });
    const once = await buildTrainingItem(t.db, { title: 'Felade en gång' });
    const removed = await buildTrainingItem(t.db, { title: 'Borttagen trasig', status: 'removed' });
    await t.db
      .update(trainingItem)
      .set({ linkFailures: 2, linkOutcome: 'failing', linkHttpStatus: 404 })
      .where(eq(trainingItem.id, broken.id));
    await t.db
      .update(trainingItem)
      .set({ linkOutcome: 'moved', linkNewUrl: 'https://ny.example/kurs' })
      .where(eq(trainingItem.id, moved.id));
    await t.db
      .update(trainingItem)
      .set({ linkFailures: 1, linkOutcome: 'failing' })
      .where(eq(trainingItem.id, once.id));
    await t.db
      .update(trainingItem)
      .set({ linkFailures: 3, linkOutcome: 'failing' })
      .where(eq(trainingItem.id, removed.id));

    const before = t.mailer.recent.length;
    const result = await sendLinkDigest(t.db, t.mailer, 'https://kn.example', monday);
    expect(result.links).toBe(2);
    const mails = t.mailer.recent.slice(before);
    const to = mails.map((mail) => mail.to);
    expect(to).toContain(admin.email);
    expect(to).toContain(mas.email);
    expect(to).not.toContain(employee.email);
    const text = mails[0]?.text ?? '';
    // Swedish order: Ä before Ö; the removed item and the link that failed once are not listed.
    expect(text.indexOf('Ändrad adress: flyttad – ny adress https://ny.example/kurs')).toBeGreaterThan(-1);
    expect(text.indexOf('Ödesdigert trasig: trasig länk (404)')).toBeGreaterThan(text.indexOf('Ändrad adress'));
    expect(text).not.toContain('Felade en gång');
    expect(text).not.toContain('Borttagen trasig');
    expect(text).toContain('https://kn.example/trainings/review?status=links');
    expect(mails[0]?.subject).toBe('Länkkontroll: 2 utbildningar har trasiga eller flyttade länkar');

    // Another run the same week (another server, a restart) sends nothing; the next week sends again.
    expect((await sendLinkDigest(t.db, t.mailer, 'https://kn.example', new Date('2026-12-10T07:30:00Z'))).sent).toBe(0);
    expect((await sendLinkDigest(t.db, t.mailer, 'https://kn.example', new Date('2026-12-14T07:30:00Z'))).sent).toBe(
      result.sent,
    );
  });
});
