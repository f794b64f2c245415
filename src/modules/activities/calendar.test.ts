// The iCal text itself (no database): lines are folded at 75 octets without splitting a character (RFC 5545 3.1),
// which patches/ical-generator+10.2.0.patch keeps fast (decision 019), and a calendar reads the text back unchanged.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toIcs } from './calendar.service.ts';

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
