// The iCal text itself (no database): lines are folded at 75 octets without splitting a character (RFC 5545 3.1),
// which patches/ical-generator+10.2.0.patch keeps fast (decision 019), and a calendar reads the text back unchanged.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { icsByLibrary, toIcs } from './calendar-events.ts';

const startsAt = new Date('2027-03-10T08:00:00Z');
const row = (title: string, description: string) => ({
  o: {
    id: '00000000-0000-4000-8000-000000000001',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
    updatedAt: startsAt,
    createdAt: startsAt,
    status: 'open' as const,
    place: 'Skövde, Stadshuset, sal Ö',
    onlineUrl: null,
  },
  a: { title, description },
  organiser: 'Skövde kommun',
});

describe('the iCal text', () => {
  it('folds long lines at 75 octets, never inside a character, and reads back unchanged', () => {
    const title = `Palliativ vård för undersköterskor på särskilt boende – åäö ÅÄÖ 🙂 ${'ö'.repeat(60)}`;
    const description = `Kursen går igenom smärtskattning, symtomlindring och samtal med närstående. ${'é'.repeat(90)}`;
    const text = toIcs('Mina aktiviteter', [row(title, description)], 'https://kompetensnav.example');
    const lines = text.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // A fold inside a character would leave a replacement character or a lone surrogate behind.
    expect(text).not.toMatch(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.summary).toBe(title);
    expect(event.description).toBe(`${description}\n\nArrangör: Skövde kommun`);
    expect(event.location).toBe('Skövde, Stadshuset, sal Ö');
  });
});

// Decision 035: a feed joins kept events (each formatted once by ical-generator) between the calendar's header and
// footer. The oracle is the library formatting the whole calendar in one go.
describe('feeds joined from kept events', () => {
  const url = 'https://kompetensnav.example';
  const at = (
    iso: string,
    id: string,
    title = 'Handledarutbildning',
    extra: Partial<ReturnType<typeof row>['o']> = {},
  ) => {
    const r = row(title, 'Tre träffar om handledning.');
    const startsAt = new Date(iso);
    return {
      ...r,
      o: { ...r.o, id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), ...extra },
    };
  };
  // Either side of the change to summer time (2027-03-28) and back (2027-10-31).
  const before = at('2027-03-26T08:00:00Z', '00000000-0000-4000-8000-00000000000a');
  const after = at('2027-03-29T07:00:00Z', '00000000-0000-4000-8000-00000000000b', 'Demensvård');
  const autumn = at('2027-11-01T08:00:00Z', '00000000-0000-4000-8000-00000000000c', 'Läkemedel');
  const events = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        summary: e.summary,
        start: e.startDate.toString(),
        status: v.getFirstPropertyValue('status'),
      };
    });

  it('equals the library formatting the whole calendar, also after an occasion or its activity changed', () => {
    const rows = [before, after, autumn];
    expect(toIcs('Mina aktiviteter', rows, url)).toBe(icsByLibrary('Mina aktiviteter', rows, url));
    // Again, now from the kept events, and under another calendar name.
    expect(toIcs('Skövde: aktiviteter', rows, url)).toBe(icsByLibrary('Skövde: aktiviteter', rows, url));
    // Wall-clock times in Stockholm on both sides of the daylight-saving changes.
    expect(events(toIcs('Mina aktiviteter', rows, url)).map((e) => e.start)).toEqual([
      '2027-03-26T09:00:00',
      '2027-03-29T09:00:00',
      '2027-11-01T09:00:00',
    ]);
    // The activity renamed (nothing else changed): the next feed shows the new title, not the kept event.
    const renamed = { ...after, a: { ...after.a, title: 'Demensvård, fördjupning' } };
    const next = toIcs('Mina aktiviteter', [before, renamed, autumn], url);
    expect(next).toBe(icsByLibrary('Mina aktiviteter', [before, renamed, autumn], url));
    expect(events(next).map((e) => e.summary)).toEqual(['Handledarutbildning', 'Demensvård, fördjupning', 'Läkemedel']);
    // The occasion cancelled and moved: its event says so.
    const cancelled = {
      ...autumn,
      o: {
        ...autumn.o,
        status: 'cancelled' as const,
        startsAt: new Date('2027-11-02T08:00:00Z'),
        endsAt: new Date('2027-11-02T10:00:00Z'),
      },
    };
    const last = events(toIcs('Mina aktiviteter', [before, renamed, cancelled], url));
    expect(last[2]).toMatchObject({ summary: 'Läkemedel', status: 'CANCELLED', start: '2027-11-02T09:00:00' });
    expect(last[1]?.summary).toBe('Demensvård, fördjupning');
  });

  it("never shows one person's part in another person's feed", () => {
    // The same occasion: waitlisted for one person, registered for the other; built in turns from the kept events.
    for (let round = 0; round < 3; round++) {
      const waiting = events(toIcs('Mina aktiviteter', [{ ...before, note: 'väntelista' }, after], url));
      const registered = events(toIcs('Mina aktiviteter', [before, after], url));
      expect(waiting[0]?.summary).toBe('Handledarutbildning (väntelista)');
      expect(registered[0]?.summary).toBe('Handledarutbildning');
      expect(waiting[1]?.summary).toBe(registered[1]?.summary);
    }
  });
});
