// The texts the activities core's services and contracts answer with, in Swedish and English
// (platform/shared/messages.ts).
import { defineMessages } from '../../platform/shared/messages.ts';

export const activitiesMessages = defineMessages('activities', {
  invalidId: { sv: 'Ogiltigt id.', en: 'Invalid id.' },
  titleRequired: { sv: 'Ange en rubrik.', en: 'Enter a title.' },
  tooLong: {
    sv: 'Texten är för lång (högst {{max}} tecken).',
    en: 'The text is too long (at most {{max}} characters).',
  },
  kindRequired: { sv: 'Välj vilken sorts aktivitet det är.', en: 'Choose the kind of activity.' },
  dateTimeInvalid: {
    sv: 'Ange datum och tid som ÅÅÅÅ-MM-DDTHH:MM.',
    en: 'Enter the date and time as YYYY-MM-DDTHH:MM.',
  },
  endBeforeStart: { sv: 'Sluttiden måste vara efter starttiden.', en: 'The end must be after the start.' },
  deadlineAfterStart: {
    sv: 'Sista anmälningsdag måste vara före starten.',
    en: 'The registration deadline must be before the start.',
  },
  releaseAfterStart: {
    sv: 'Platserna måste släppas till hela regionen före starten.',
    en: 'The seats must be released to the whole region before the start.',
  },
  capacityInvalid: { sv: 'Ange antal platser, 1–2000.', en: 'Enter the number of seats, 1–2000.' },
  seatsInvalid: { sv: 'Ange antal platser, 0 eller fler.', en: 'Enter a number of seats, 0 or more.' },
  seatsOverCapacity: {
    sv: 'Kommunernas platser ({{seats}}) är fler än tillfällets platser ({{capacity}}).',
    en: "The municipalities' seats ({{seats}}) exceed the occasion's capacity ({{capacity}}).",
  },
  seatsBelowRegistered: {
    sv: 'Det finns redan {{registered}} anmälda; minska inte platserna under det.',
    en: 'There are already {{registered}} registered; do not lower the seats below that.',
  },
  placeRequired: {
    sv: 'Ange en plats eller en länk för digitala tillfällen.',
    en: 'Enter a place or a link for digital occasions.',
  },
  urlInvalid: { sv: 'Ange en länk som börjar med https://.', en: 'Enter a link starting with https://.' },
  municipalityUnknown: { sv: 'Okänd kommun.', en: 'Unknown municipality.' },
  networkUnknown: { sv: 'Okänt nätverk.', en: 'Unknown network.' },
  professionUnknown: { sv: 'Okänt yrke: {{key}}.', en: 'Unknown profession: {{key}}.' },
  templateUnknown: { sv: 'Okänd enkätmall.', en: 'Unknown survey template.' },
  activityNotFound: { sv: 'Aktiviteten finns inte.', en: 'The activity does not exist.' },
  occasionNotFound: { sv: 'Tillfället finns inte.', en: 'The occasion does not exist.' },
  registrationNotFound: { sv: 'Anmälan finns inte.', en: 'The registration does not exist.' },
  personNotFound: {
    sv: 'Personen finns inte bland dem du kan anmäla.',
    en: 'The person is not among those you may register.',
  },
  choosePersons: { sv: 'Välj minst en person (högst 100).', en: 'Choose at least one person (at most 100).' },
  alreadyRegistered: {
    sv: '{{name}} är redan anmäld till tillfället.',
    en: '{{name}} is already registered for the occasion.',
  },
  notOpen: {
    sv: 'Tillfället är inte öppet för anmälan (status: {{status}}).',
    en: 'The occasion is not open for registration (status: {{status}}).',
  },
  cancelledOccasion: { sv: 'Tillfället är inställt.', en: 'The occasion is cancelled.' },
  deadlinePassed: {
    sv: 'Sista anmälningsdag ({{deadline}}) har passerat.',
    en: 'The registration deadline ({{deadline}}) has passed.',
  },
  selfRegistrationClosed: {
    sv: 'Den här aktiviteten tar inte emot egna anmälningar; be din chef anmäla dig.',
    en: 'This activity does not take self-registrations; ask your manager to register you.',
  },
  noPersonRecord: {
    sv: 'Ditt konto är inte kopplat till personalregistret; be din chef anmäla dig.',
    en: 'Your account is not linked to the staff register; ask your manager to register you.',
  },
  alreadyCancelled: { sv: 'Anmälan är redan avbokad.', en: 'The registration is already cancelled.' },
  notStarted: {
    sv: 'Närvaro kan registreras först när tillfället har börjat.',
    en: 'Attendance can be recorded once the occasion has begun.',
  },
  notRegistered: {
    sv: 'Närvaro kan bara registreras för anmälda deltagare.',
    en: 'Attendance can only be recorded for registered participants.',
  },
  hoursInvalid: {
    sv: 'Ange timmar mellan 0 och tillfällets längd ({{max}} h).',
    en: "Enter hours between 0 and the occasion's length ({{max}} h).",
  },
  hoursForAbsent: { sv: 'Frånvarande har inga timmar.', en: 'Absent participants have no hours.' },
  hoursRequired: {
    sv: 'Ange timmar för den som var delvis närvarande.',
    en: 'Enter the hours of a participant who was partly present.',
  },
  statusChange: {
    sv: 'Tillfället kan inte gå från {{from}} till {{to}}.',
    en: 'The occasion cannot go from {{from}} to {{to}}.',
  },
  cancelReasonRequired: { sv: 'Ange varför tillfället ställs in.', en: 'Enter why the occasion is cancelled.' },
  heldBeforeEnd: {
    sv: 'Ett tillfälle kan markeras som genomfört först när det har slutat.',
    en: 'An occasion can be marked as held once it has ended.',
  },
  noSurvey: { sv: 'Aktiviteten har ingen utvärdering.', en: 'The activity has no evaluation survey.' },
  surveyNotHeld: {
    sv: 'Utvärderingen skickas när tillfället är genomfört.',
    en: 'The evaluation is sent once the occasion has been held.',
  },
  surveyLinkInvalid: {
    sv: 'Länken gäller inte (den är fel, har gått ut eller har redan använts).',
    en: 'The link is not valid (it is wrong, has expired or has already been used).',
  },
  surveyAnswered: { sv: 'Enkäten är redan besvarad. Tack!', en: 'The survey has already been answered. Thank you!' },
  answerRequired: { sv: 'Besvara frågan.', en: 'Answer the question.' },
  answerInvalid: { sv: 'Ogiltigt svar.', en: 'Invalid answer.' },
  questionsRequired: { sv: 'Lägg till minst en fråga (högst 30).', en: 'Add at least one question (at most 30).' },
  optionsRequired: {
    sv: 'En flervalsfråga behöver 2–10 svarsalternativ.',
    en: 'A single-choice question needs 2–10 options.',
  },
  duplicateQuestion: { sv: 'Frågornas id måste vara unika.', en: 'The question ids must be unique.' },
  taskAttendance: {
    sv: '{{count}} genomförda tillfällen väntar på närvaro',
    en: '{{count}} held occasions await attendance',
  },
  taskComing: {
    sv: 'Du är anmäld till {{count}} tillfällen den närmaste månaden',
    en: 'You are registered for {{count}} occasions in the coming month',
  },
  notOrganiser: {
    sv: 'Bara arrangören kan ändra aktiviteten.',
    en: 'Only the organiser can change the activity.',
  },
});
