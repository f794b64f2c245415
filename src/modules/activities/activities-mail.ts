// The activities core's mails, in Swedish (the platform's mails are Swedish): confirmation, waiting list, moved up,
// cancelled, reminder, changed occasion, survey link and its reminder. Queued in the change's transaction
// (platform/server/mail-outbox.ts). They name the occasion and its time, never other participants.
import type { Mail } from '../../platform/server/mail.ts';
import { toStockholmLocal } from '../../platform/shared/stockholm-time.ts';

export type OccasionForMail = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
};

/** "tisdag 12 januari 2027 kl. 09.00–12.00" in Swedish time. */
export function whenText(o: { startsAt: Date; endsAt: Date }): string {
  const date = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(o.startsAt);
  const time = (d: Date) => toStockholmLocal(d).slice(11).replace(':', '.');
  const sameDay = toStockholmLocal(o.startsAt).slice(0, 10) === toStockholmLocal(o.endsAt).slice(0, 10);
  return sameDay
    ? `${date} kl. ${time(o.startsAt)}–${time(o.endsAt)}`
    : `${date} kl. ${time(o.startsAt)} – ${toStockholmLocal(o.endsAt).slice(0, 10)} kl. ${time(o.endsAt)}`;
}

const whereText = (o: OccasionForMail) =>
  [o.place ? `Plats: ${o.place}` : null, o.onlineUrl ? `Länk: ${o.onlineUrl}` : null].filter(
    (l): l is string => l !== null,
  );

function mail(to: string, name: string, subject: string, lines: string[], link: string): Mail {
  return {
    to,
    subject,
    text: [`Hej ${name},`, '', ...lines, '', link, '', 'Det här är ett automatiskt meddelande från Kompetensnav.'].join(
      '\n',
    ),
  };
}

export type Recipient = { email: string; name: string };
const occasionLink = (publicUrl: string, o: OccasionForMail) => `${publicUrl}/activities/occasions/${o.id}`;

export const activityMails = {
  registered: (r: Recipient, o: OccasionForMail, publicUrl: string) =>
    mail(
      r.email,
      r.name,
      `Anmäld: ${o.title}`,
      [`Du är anmäld till ${o.title}, ${whenText(o)}.`, ...whereText(o)],
      occasionLink(publicUrl, o),
    ),
  waitlisted: (r: Recipient, o: OccasionForMail, position: number, publicUrl: string) =>
    mail(
      r.email,
      r.name,
      `Väntelista: ${o.title}`,
      [
        `${o.title}, ${whenText(o)}, är fullt just nu. Du står som nummer ${position} på väntelistan.`,
        'Du får ett nytt mejl om en plats blir ledig.',
      ],
      occasionLink(publicUrl, o),
    ),
  promoted: (r: Recipient, o: OccasionForMail, publicUrl: string) =>
    mail(
      r.email,
      r.name,
      `Du har fått en plats: ${o.title}`,
      [`En plats har blivit ledig och du är nu anmäld till ${o.title}, ${whenText(o)}.`, ...whereText(o)],
      occasionLink(publicUrl, o),
    ),
  cancelled: (r: Recipient, o: OccasionForMail, publicUrl: string) =>
    mail(
      r.email,
      r.name,
      `Avbokad: ${o.title}`,
      [`Din anmälan till ${o.title}, ${whenText(o)}, är avbokad.`],
      occasionLink(publicUrl, o),
    ),
  occasionCancelled: (r: Recipient, o: OccasionForMail, reason: string, publicUrl: string) =>
    mail(
      r.email,
      r.name,
      `Inställt: ${o.title}`,
      [`${o.title}, ${whenText(o)}, är inställt.`, `Orsak: ${reason}`],
      occasionLink(publicUrl, o),
    ),
  changed: (r: Recipient, o: OccasionForMail, publicUrl: string) =>
    mail(
      r.email,
      r.name,
      `Ändrat: ${o.title}`,
      [`Tid eller plats för ${o.title} är ändrad. Nu gäller: ${whenText(o)}.`, ...whereText(o)],
      occasionLink(publicUrl, o),
    ),
  reminder: (r: Recipient, o: OccasionForMail, publicUrl: string) =>
    mail(
      r.email,
      r.name,
      `Påminnelse: ${o.title}`,
      [
        `Välkommen till ${o.title}, ${whenText(o)}.`,
        ...whereText(o),
        'Kan du inte komma? Avboka så att någon annan får platsen.',
      ],
      occasionLink(publicUrl, o),
    ),
  survey: (r: Recipient, o: OccasionForMail, link: string, reminder: boolean) =>
    mail(
      r.email,
      r.name,
      `${reminder ? 'Påminnelse: ' : ''}Utvärdering av ${o.title}`,
      [
        `Tack för att du deltog i ${o.title}, ${whenText(o)}.`,
        'Svara gärna på några korta frågor. Svaren sparas utan ditt namn och visas bara sammanställda.',
        ...(reminder ? ['Den här länken ersätter den du fick förra gången.'] : []),
      ],
      link,
    ),
};
