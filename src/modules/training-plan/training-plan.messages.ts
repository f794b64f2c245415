// The texts the joint training plan's services and contracts answer with, in Swedish and English.
import { defineMessages } from '../../platform/shared/messages.ts';

export const trainingPlanMessages = defineMessages('trainingPlan', {
  // ---- contracts ----
  tooLong: { sv: 'Texten är för lång.', en: 'The text is too long.' },
  invalidId: { sv: 'Ogiltigt id.', en: 'Invalid id.' },
  dateInvalid: { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' },
  dateTimeInvalid: { sv: 'Ange datum och tid.', en: 'Enter a date and time.' },
  yearInvalid: { sv: 'Ange ett år (2020–2100).', en: 'Enter a year (2020–2100).' },
  meetingBeforeDeadline: {
    sv: 'Prioriteringsträffen kan inte vara före sista dag för behov.',
    en: 'The prioritisation meeting cannot be before the needs deadline.',
  },
  forumBeforeMeeting: {
    sv: 'Beställarforum kan inte vara före prioriteringsträffen.',
    en: "The orderers' forum cannot be before the prioritisation meeting.",
  },
  titleRequired: { sv: 'Ange en rubrik.', en: 'Enter a title.' },
  nameRequired: { sv: 'Ange ett namn.', en: 'Enter a name.' },
  participantsInvalid: {
    sv: 'Ange antal deltagare som ett heltal från 1.',
    en: 'Enter the number of participants as a whole number from 1.',
  },
  urgencyRequired: { sv: 'Välj angelägenhet (1–3).', en: 'Choose the urgency (1–3).' },
  rationaleRequired: { sv: 'Motivera behovet.', en: 'Give the reason for the need.' },
  mergeTwo: { sv: 'Välj minst två behov att slå ihop.', en: 'Choose at least two needs to merge.' },
  splitTwo: { sv: 'Dela i två till fem delar.', en: 'Split into two to five parts.' },
  forumRequired: { sv: 'Ange forum.', en: 'Enter the forum.' },
  decideOne: { sv: 'Välj minst ett behov.', en: 'Choose at least one need.' },
  goalRequired: { sv: 'Ange målet med utbildningen.', en: 'Enter the goal of the training.' },
  amountInvalid: { sv: 'Ange ett belopp i hela kronor.', en: 'Enter an amount in whole kronor.' },
  contactRequired: { sv: 'Ange en kontaktperson.', en: 'Enter a contact person.' },
  emailInvalid: { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  periodReversed: {
    sv: 'Periodens slut kan inte vara före dess början.',
    en: 'The end of the period cannot be before its start.',
  },
  reasonRequired: { sv: 'Skriv frågan eller skälet.', en: 'Write the question or the reason.' },
  textRequired: { sv: 'Fyll i texten.', en: 'Fill in the text.' },
  capacityInvalid: { sv: 'Ange antal platser (1–2 000).', en: 'Enter the number of seats (1–2,000).' },
  // ---- services ----
  cycleNotFound: { sv: 'Planeringsomgången finns inte.', en: 'The planning cycle does not exist.' },
  cycleExists: {
    sv: 'Nätverket har redan en utbildningsplan för {{year}}.',
    en: 'The network already has a training plan for {{year}}.',
  },
  networkUnknown: { sv: 'Nätverket finns inte.', en: 'The network does not exist.' },
  userUnknown: { sv: 'Användaren finns inte.', en: 'The user does not exist.' },
  notCoordinator: {
    sv: 'Bara regionens administratörer och omgångens samordnare kan göra detta.',
    en: "Only the region's admins and the cycle's coordinator can do this.",
  },
  phaseStep: {
    sv: 'Omgången kan inte gå från {{from}} till {{to}}.',
    en: 'The cycle cannot move from {{from}} to {{to}}.',
  },
  needsClosed: {
    sv: 'Sista dag för behov ({{deadline}}) har passerat.',
    en: 'The deadline for needs ({{deadline}}) has passed.',
  },
  municipalityRequired: { sv: 'Välj en kommun.', en: 'Choose a municipality.' },
  topicUnknown: { sv: 'Ämnet finns inte i katalogen.', en: 'The topic is not in the catalogue.' },
  professionUnknown: { sv: 'Yrket {{key}} finns inte.', en: 'The profession {{key}} does not exist.' },
  needNotFound: { sv: 'Behovet finns inte.', en: 'The need does not exist.' },
  needNotOpen: {
    sv: 'Behovet har redan slagits ihop eller delats.',
    en: 'The need has already been merged or split.',
  },
  mergeBeforeMeeting: {
    sv: 'Behov slås ihop och delas före prioriteringen.',
    en: 'Needs are merged and split before the prioritisation.',
  },
  notRankingPhase: {
    sv: 'Rangordning görs när omgången är i prioritering.',
    en: 'Rankings are cast while the cycle is in prioritisation.',
  },
  rankingUnknownNeed: {
    sv: 'Rangordningen innehåller ett behov som inte finns i omgången.',
    en: 'The ranking contains a need that is not in the cycle.',
  },
  rankingDuplicate: {
    sv: 'Rangordningen innehåller samma behov två gånger.',
    en: 'The ranking contains the same need twice.',
  },
  notRanker: {
    sv: 'Kommunens rangordning görs av kommunadministratören eller den chef hen utsett.',
    en: "The municipality's ranking is cast by its municipal admin or the manager they named.",
  },
  rankerNotManager: {
    sv: 'Välj en chef i den egna kommunen.',
    en: 'Choose a manager of your own municipality.',
  },
  decisionExists: { sv: 'Omgången har redan ett beslut.', en: 'The cycle already has a decision.' },
  decisionNeedUnknown: {
    sv: 'Beslutet gäller ett behov som inte är öppet i omgången.',
    en: 'The decision names a need that is not open in the cycle.',
  },
  notDecidedPhase: {
    sv: 'Beslut fattas när omgången är i prioritering.',
    en: 'The decision is made while the cycle is in prioritisation.',
  },
  needNotDecided: {
    sv: 'Behovet är inte beslutat – bara beslutade behov kan beställas.',
    en: 'The need has not been decided – only decided needs can be ordered.',
  },
  orderExists: { sv: 'Behovet är redan beställt.', en: 'The need has already been ordered.' },
  brokerUnknown: {
    sv: 'Välj en kommun med utbildningsmäklare eller en extern anordnare.',
    en: 'Choose a municipality with education brokers or an external provider.',
  },
  orderNotFound: { sv: 'Beställningen finns inte.', en: 'The order does not exist.' },
  notOrderBroker: {
    sv: 'Beställningen är ställd till en annan utbildningsmäklare.',
    en: 'The order is addressed to another education broker.',
  },
  orderAnswered: {
    sv: 'Beställningen är redan besvarad ({{status}}).',
    en: 'The order has already been answered ({{status}}).',
  },
  orderNotAccepted: {
    sv: 'Tillfällen planeras när beställningen är accepterad.',
    en: 'Occasions are planned once the order is accepted.',
  },
  noQuestion: { sv: 'Det finns ingen fråga att svara på.', en: 'There is no question to answer.' },
  participantsMunicipality: {
    sv: 'Deltagare kan bara anges för regionens kommuner.',
    en: "Participants can only be given for the region's municipalities.",
  },
  keyUnavailable: {
    sv: 'Nyckeln {{key}} saknar publicerade värden för {{municipality}}. Välj en annan nyckel.',
    en: 'The key {{key}} lacks published figures for {{municipality}}. Choose another key.',
  },
  keyEmpty: {
    sv: 'Nyckeln ger ingen kommun någon andel. Välj en annan nyckel.',
    en: 'The key gives no municipality a share. Choose another key.',
  },
  seatsMismatch: {
    sv: 'Platserna per kommun ({{seats}}) går inte ihop med kapaciteten ({{capacity}}).',
    en: 'The seats per municipality ({{seats}}) do not add up to the capacity ({{capacity}}).',
  },
  dateTimeOrder: {
    sv: 'Slutet måste vara efter starten och sista anmälningsdag före starten.',
    en: 'The end must be after the start and the registration deadline before the start.',
  },
  placeRequired: {
    sv: 'Ange plats eller en https-länk.',
    en: 'Enter a place or an https link.',
  },
  providerExists: { sv: 'Det finns redan en organisation med det namnet.', en: 'An organisation of that name exists.' },
});
