// The texts the projects services and contracts answer with, in Swedish and English (platform/shared/messages.ts).
import { defineMessages } from '../../platform/shared/messages.ts';

export const projectsMessages = defineMessages('projects', {
  // ---- contracts ----
  tooLong: { sv: 'Texten är för lång.', en: 'The text is too long.' },
  invalidId: { sv: 'Ogiltigt id.', en: 'Invalid id.' },
  dateInvalid: { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' },
  nameRequired: { sv: 'Ange ett namn.', en: 'Enter a name.' },
  textRequired: { sv: 'Fyll i texten.', en: 'Fill in the text.' },
  forumRequired: { sv: 'Ange forum.', en: 'Enter the forum.' },
  reasonRequired: {
    sv: 'Ange varför datumen flyttas – historiken visar vem, när och varför.',
    en: 'Say why the dates move – the history shows who, when and why.',
  },
  liftedOutNeedsReason: {
    sv: 'Ange varför målet lyfts ut (och gärna beslutet).',
    en: 'Say why the goal is lifted out (and preferably the decision).',
  },
  oneEffectGoal: {
    sv: 'Ett projektmål knyts till exakt ett effektmål.',
    en: 'A project goal is tied to exactly one effect goal.',
  },
  effectGoalTaken: {
    sv: 'Effektmålet har redan ett projektmål. Varje projektmål knyts till ett eget effektmål.',
    en: 'The effect goal already has a project goal. Each project goal is tied to an effect goal of its own.',
  },
  hoursNegative: { sv: 'Timmarna kan inte vara negativa.', en: 'The hours cannot be negative.' },
  hoursBeyondYear: {
    sv: 'Högst 2 080 timmar per post (ett arbetsår: 52 veckor × 40 timmar). Dela upp större insatser på flera poster.',
    en: 'At most 2,080 hours per entry (a working year: 52 weeks × 40 hours). Split larger contributions into several entries.',
  },
  amountNegative: { sv: 'Beloppet kan inte vara negativt.', en: 'The amount cannot be negative.' },
  numberInvalid: { sv: 'Ange ett tal.', en: 'Enter a number.' },
  periodReversed: {
    sv: 'Slutdatumet kan inte vara före startdatumet.',
    en: 'The end date cannot be before the start date.',
  },
  plannedReversed: {
    sv: 'Planerat slut kan inte vara före planerad start.',
    en: 'The planned end cannot be before the planned start.',
  },
  actualReversed: {
    sv: 'Verkligt slut kan inte vara före verklig start.',
    en: 'The actual end cannot be before the actual start.',
  },
  actualEndNeedsStart: {
    sv: 'Ange verklig start innan verkligt slut.',
    en: 'Enter the actual start before the actual end.',
  },
  changeAField: { sv: 'Ändra minst ett fält.', en: 'Change at least one field.' },
  chooseMunicipality: { sv: 'Välj en kommun.', en: 'Choose a municipality.' },
  chooseKind: { sv: 'Välj typ.', en: 'Choose a kind.' },
  nameOrUser: { sv: 'Välj en användare eller skriv ett namn.', en: 'Choose a user or enter a name.' },
  urlInvalid: {
    sv: 'Ange en fullständig webbadress som börjar med https:// eller http://.',
    en: 'Enter a complete web address starting with https:// or http://.',
  },
  // ---- services ----
  projectNotFound: { sv: 'Projektet finns inte.', en: 'The project does not exist.' },
  itemNotFound: { sv: 'Posten finns inte i projektet.', en: 'The item is not in the project.' },
  userNotFound: { sv: 'Välj en aktiv användare ur listan.', en: 'Choose an active user from the list.' },
  networkNotFound: { sv: 'Välj en grupp ur listan.', en: 'Choose a group from the list.' },
  municipalityNotFound: { sv: 'Välj en kommun ur listan.', en: 'Choose a municipality from the list.' },
  onlyAdminChangesLeader: {
    sv: 'Bara regionens administratör byter projektledare.',
    en: "Only the region's administrator changes the project leader.",
  },
  dateOutsideProject: {
    sv: 'Datumet ligger utanför projektets period ({{start}} – {{end}}).',
    en: "The date is outside the project's period ({{start}} – {{end}}).",
  },
  alreadyParticipating: {
    sv: 'Kommunen deltar redan. Registrera att den lämnar innan den ansluter igen.',
    en: 'The municipality already takes part. Record that it leaves before it joins again.',
  },
  notParticipating: {
    sv: 'Kommunen deltar inte och kan därför inte lämna.',
    en: 'The municipality does not take part, so it cannot leave.',
  },
  leaveBeforeJoin: {
    sv: 'Kommunen kan inte lämna före den anslöt ({{joined}}).',
    en: 'The municipality cannot leave before it joined ({{joined}}).',
  },
  rejoinTooEarly: {
    sv: 'Kommunen kan ansluta igen tidigast dagen efter att den lämnade ({{left}}).',
    en: 'The municipality can join again at the earliest the day after it left ({{left}}).',
  },
  phaseNotFound: { sv: 'Välj en fas i projektets plan.', en: "Choose a phase of the project's plan." },
  baselineReasonRequired: {
    sv: 'Baslinjen är redan sparad. Ange varför en ny baslinje sparas.',
    en: 'The baseline is saved already. Say why a new baseline is saved.',
  },
  tooManyActivities: {
    sv: 'Ett projekt kan ha högst {{max}} rader i planen.',
    en: 'A project can have at most {{max}} rows in its plan.',
  },
  milestoneOneDay: {
    sv: 'En milstolpe har ett datum: start och slut är samma dag.',
    en: 'A milestone has one date: start and end are the same day.',
  },
  proposalAlreadyChosen: {
    sv: 'Förslaget är redan valt som delprojekt.',
    en: 'The proposal has already been chosen as a sub-project.',
  },
  numberTaken: { sv: 'Numret används redan i projektet.', en: 'The number is already used in the project.' },
  chapterUnknown: { sv: 'Kapitlet finns inte i slutrapporten.', en: 'The chapter is not in the final report.' },
});
