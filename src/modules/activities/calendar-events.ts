// The calendars' events (decisions 019, 035): each event formatted once by ical-generator and kept, a calendar joined
// from its frame (header with the zone's VTIMEZONE, footer) and the kept events. ical-generator writes the events
// with TZID=Europe/Stockholm, so a calendar shows the Swedish wall-clock time on both sides of a daylight-saving
// change. Cancelled occasions stay with STATUS:CANCELLED, so calendars that subscribed remove them.
import { sql } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { organisation } from '../../platform/server/organisation.table.ts';
import { SWEDISH_TIME_ZONE, toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { activity, activityOccasion } from './activities.table.ts';

type Occasion = typeof activityOccasion.$inferSelect;
/** What an event needs (and no more: a feed maps each row, so wide rows cost time per event). */
export type EventRow = {
  o: Pick<Occasion, 'id' | 'startsAt' | 'endsAt' | 'updatedAt' | 'createdAt' | 'status' | 'place' | 'onlineUrl'>;
  a: Pick<typeof activity.$inferSelect, 'title' | 'description'>;
  organiser: string;
  note?: string;
};

/** The zone's VTIMEZONE block (the library files Stockholm under its rule-twin Berlin; the TZID must match ours). */
const blocks = new Map<string, string | null>();
function vtimezone(tz: string): string | null {
  if (!blocks.has(tz)) {
    const block = (tzlib_get_ical_block(tz) as string[])[0];
    blocks.set(
      tz,
      block
        ? block.replace(/TZID:[^\r\n]+/, `TZID:${tz}`).replace(/X-LIC-LOCATION:[^\r\n]+/, `X-LIC-LOCATION:${tz}`)
        : null,
    );
  }
  return blocks.get(tz) ?? null;
}

/** The Swedish wall-clock time, which ical-generator writes as it is after TZID=Europe/Stockholm. */
const zoned = (d: Date) => `${toStockholmLocal(d)}:00`;

const PROD_ID = { company: 'Kompetensnav', product: 'Aktiviteter', language: 'SV' };

function newCalendar(name: string) {
  const cal = ical({ name, prodId: PROD_ID });
  cal.timezone({ name: SWEDISH_TIME_ZONE, generator: vtimezone });
  return cal;
}

function addEvent(cal: ReturnType<typeof ical>, { o, a, organiser, note }: EventRow, publicUrl: string) {
  cal.createEvent({
    id: `${o.id}@kompetensnav`,
    start: zoned(o.startsAt),
    end: zoned(o.endsAt),
    timezone: SWEDISH_TIME_ZONE,
    stamp: o.updatedAt,
    summary: note ? `${a.title} (${note})` : a.title,
    description: [a.description, `Arrangör: ${organiser}`, o.onlineUrl ? `Länk: ${o.onlineUrl}` : '']
      .filter(Boolean)
      .join('\n\n'),
    location: o.place ?? o.onlineUrl ?? null,
    url: `${publicUrl}/activities/occasions/${o.id}`,
    status: o.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // Each change of the occasion makes a newer version for the calendars that hold it.
    sequence: Math.floor(o.updatedAt.getTime() / 1000) - Math.floor(o.createdAt.getTime() / 1000),
  });
}

/** The whole calendar formatted by ical-generator in one go (what `toIcs` must equal; the tests compare them). */
export function icsByLibrary(name: string, rows: EventRow[], publicUrl: string): string {
  const cal = newCalendar(name);
  for (const row of rows) addEvent(cal, row, publicUrl);
  return cal.toString();
}

// A feed is its calendar's header, its events and the footer. ical-generator folds every line on its own (RFC 5545
// 3.1), so the text of an event formatted alone is exactly its text inside any calendar: each event is formatted once
// by the library and kept, and a feed is built by joining the kept events (decision 035). An event's text is a pure
// function of its key (every field it shows, and the person's note, e.g. "väntelista"): no entry can hold one
// person's part for another, and a changed occasion or activity has another key, so it is formatted again.
const frames = new Map<string, { head: string; foot: string }>();
const FRAMES_MAX = 2_000;
type KeptEvent = { key: string; text: string };
const keptEvents = new Map<string, KeptEvent>();
let keptEventChars = 0;
const KEPT_EVENTS_MAX_CHARS = 16_000_000;

function frame(name: string) {
  let f = frames.get(name);
  if (!f) {
    const text = newCalendar(name).toString();
    const at = text.lastIndexOf('END:VCALENDAR');
    f = { head: text.slice(0, at), foot: text.slice(at) };
    if (frames.size >= FRAMES_MAX) frames.delete(frames.keys().next().value as string);
    frames.set(name, f);
  }
  return f;
}

/** The event's text, from the kept ones when nothing it shows has changed. */
function eventText(row: EventRow, publicUrl: string): string {
  const { o, a, organiser, note } = row;
  const slot = `${o.id}|${note ?? ''}`;
  const key = [
    o.startsAt.getTime(),
    o.endsAt.getTime(),
    o.updatedAt.getTime(),
    o.createdAt.getTime(),
    o.status,
    o.place ?? '\u0000',
    o.onlineUrl ?? '\u0000',
    a.title,
    a.description ?? '\u0000',
    organiser,
    publicUrl,
  ].join('\u0001');
  const kept = keptEvents.get(slot);
  if (kept?.key === key) return kept.text;
  const whole = icsByLibrary('', [row], publicUrl);
  const text = whole.slice(whole.indexOf('BEGIN:VEVENT'), whole.lastIndexOf('END:VEVENT') + 'END:VEVENT\r\n'.length);
  if (kept) keptEventChars -= kept.text.length;
  keptEvents.delete(slot);
  keptEvents.set(slot, { key, text });
  keptEventChars += text.length;
  for (const [k, e] of keptEvents) {
    if (keptEventChars <= KEPT_EVENTS_MAX_CHARS) break;
    keptEvents.delete(k);
    keptEventChars -= e.text.length;
  }
  return text;
}

/** The calendar of these rows: the header, the kept (or newly formatted) events, the footer. */
export function toIcs(name: string, rows: EventRow[], publicUrl: string): string {
  return joinIcs(
    name,
    rows.map((row) => eventText(row, publicUrl)),
  );
}

/** The calendar of these events' texts: the header, the texts, the footer. */
export function joinIcs(name: string, texts: string[]): string {
  const { head, foot } = frame(name);
  return head + texts.join('') + foot;
}

// The personal feed names its events by a digest the database computes of everything an event shows (below), so a
// miss reads the occasions' ids and digests, not their rows, and reads whole rows only of the events this server has
// not formatted at that digest (after a change of the occasion or its activity, or on a server's first build).
// Kept by slot (occasion and note), digest and public address: the text is a pure function of the three.
const byDigest = new Map<string, string>();
let byDigestChars = 0;

/** The kept text of the event (occasion `id`, with the person's `note`) at this digest, if this server has one. */
export function keptByDigest(id: string, note: string | undefined, digest: string, publicUrl: string) {
  return byDigest.get(`${id}|${note ?? ''}|${digest}|${publicUrl}`);
}

/** The event's text (kept or formatted), kept under the digest its row was read with. */
export function keepByDigest(row: EventRow, digest: string, publicUrl: string): string {
  const text = eventText(row, publicUrl);
  const key = `${row.o.id}|${row.note ?? ''}|${digest}|${publicUrl}`;
  if (!byDigest.has(key)) {
    byDigest.set(key, text);
    byDigestChars += text.length;
    for (const [k, t] of byDigest) {
      if (byDigestChars <= KEPT_EVENTS_MAX_CHARS) break;
      byDigest.delete(k);
      byDigestChars -= t.length;
    }
  }
  return text;
}

const text = (column: unknown) => sql`coalesce('v' || ${column}, 'n')`;
const epoch = (column: unknown) => sql`extract(epoch from ${column})::text`;
/** The digest of every field an occasion's event shows (its times, stamps, status, place, link, title, description
 *  and organiser's name; a NULL and a value told apart), as the database computes it (SHA-256, base64). */
export const eventDigest = sql<string>`encode(sha256(convert_to(concat_ws(chr(1), ${epoch(activityOccasion.startsAt)},
  ${epoch(activityOccasion.endsAt)}, ${epoch(activityOccasion.updatedAt)}, ${epoch(activityOccasion.createdAt)},
  ${activityOccasion.status}::text, ${text(activityOccasion.place)}, ${text(activityOccasion.onlineUrl)},
  ${text(activity.title)}, ${text(activity.description)}, ${text(organisation.name)}), 'UTF8')), 'base64')`;

export const eventSelect = {
  o: {
    id: activityOccasion.id,
    startsAt: activityOccasion.startsAt,
    endsAt: activityOccasion.endsAt,
    updatedAt: activityOccasion.updatedAt,
    createdAt: activityOccasion.createdAt,
    status: activityOccasion.status,
    place: activityOccasion.place,
    onlineUrl: activityOccasion.onlineUrl,
  },
  a: { title: activity.title, description: activity.description },
  organiser: organisation.name,
};
