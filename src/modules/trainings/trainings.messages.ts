// The trainings module's messages to people (the services' errors, field errors and the contracts' own Zod messages),
// in Swedish and English (platform/shared/messages.ts). The link-list import words its cell errors itself.
import { defineMessages } from '../../platform/shared/messages.ts';

export const trainingsMessages = defineMessages('trainings', {
  // ---- contracts: an item's fields ----
  tooLong80: { sv: 'Högst 80 tecken.', en: 'At most 80 characters.' },
  tooLong120: { sv: 'Högst 120 tecken.', en: 'At most 120 characters.' },
  tooLong200: { sv: 'Högst 200 tecken.', en: 'At most 200 characters.' },
  tooLong2000: { sv: 'Högst 2000 tecken.', en: 'At most 2000 characters.' },
  linkRequired: { sv: 'Ange länken.', en: 'Enter the link.' },
  linkInvalid: {
    sv: 'Ange en fullständig webbadress som börjar med https:// eller http://.',
    en: 'Enter a complete web address starting with https:// or http://.',
  },
  titleRequired: { sv: 'Ange en titel.', en: 'Enter a title.' },
  providerRequired: { sv: 'Ange vem som ger utbildningen.', en: 'Enter who provides the training.' },
  lengthRequired: { sv: 'Ange längden i minuter.', en: 'Enter the length in minutes.' },
  lengthWholeMinutes: { sv: 'Ange hela minuter.', en: 'Enter whole minutes.' },
  lengthAtLeastOne: { sv: 'Längden måste vara minst 1 minut.', en: 'The length must be at least 1 minute.' },
  lengthTooLong: { sv: 'Högst 10 000 minuter.', en: 'At most 10,000 minutes.' },
  chooseFormat: { sv: 'Välj en form.', en: 'Choose a format.' },
  chooseLanguage: { sv: 'Välj ett språk.', en: 'Choose a language.' },
  chooseProfession: { sv: 'Välj minst ett yrke.', en: 'Choose at least one profession.' },
  tooManyTopics: { sv: 'Högst 10 ämnen.', en: 'At most 10 topics.' },
  changeAField: { sv: 'Ändra minst ett fält.', en: 'Change at least one field.' },
  commentRequired: { sv: 'Skriv vad som behöver ändras.', en: 'Write what needs to change.' },
  // ---- contracts: topics ----
  topicKeyFormat: {
    sv: 'Nyckeln får bara ha små bokstäver a–z, siffror och bindestreck.',
    en: 'The key may only have lower-case letters a–z, digits and hyphens.',
  },
  nameRequired: { sv: 'Ange ett namn.', en: 'Enter a name.' },
  sortWholeNumber: { sv: 'Ange ordningen som ett heltal.', en: 'Enter the order as a whole number.' },
  sortNotNegative: { sv: 'Ordningen kan inte vara negativ.', en: 'The order cannot be negative.' },
  sortTooHigh: { sv: 'Högst 100 000.', en: 'At most 100,000.' },
  activeRequired: { sv: 'Ange om ämnet är aktivt.', en: 'State whether the topic is active.' },
  // ---- contracts: review rounds, files ----
  roundNameRequired: { sv: 'Ange ett namn på omgången.', en: 'Enter a name for the round.' },
  dateRequired: { sv: 'Ange ett datum (ÅÅÅÅ-MM-DD).', en: 'Enter a date (YYYY-MM-DD).' },
  chooseAssignBy: { sv: 'Välj hur utbildningarna fördelas.', en: 'Choose how the trainings are shared out.' },
  chooseFileType: { sv: 'Välj xlsx eller csv.', en: 'Choose xlsx or csv.' },
  chooseImportStatus: { sv: 'Välj föreslagen eller godkänd.', en: 'Choose suggested or approved.' },
  previewFirst: { sv: 'Förhandsgranska filen först.', en: 'Preview the file first.' },
  // ---- suggestions, review and topics ----
  chooseListedProfessions: { sv: 'Välj yrken ur listan.', en: 'Choose professions from the list.' },
  chooseListedTopics: { sv: 'Välj ämnen ur listan.', en: 'Choose topics from the list.' },
  linkTakenSuggested: {
    sv: 'Länken finns redan i katalogen: ”{{title}}” (föreslagen).',
    en: 'The link is already in the catalogue: “{{title}}” (suggested).',
  },
  linkTakenApproved: {
    sv: 'Länken finns redan i katalogen: ”{{title}}” (godkänd).',
    en: 'The link is already in the catalogue: “{{title}}” (approved).',
  },
  linkTakenNeedsChange: {
    sv: 'Länken finns redan i katalogen: ”{{title}}” (behöver ändras).',
    en: 'The link is already in the catalogue: “{{title}}” (needs change).',
  },
  linkTakenRemoved: {
    sv: 'Länken finns redan i katalogen: ”{{title}}” (borttagen).',
    en: 'The link is already in the catalogue: “{{title}}” (removed).',
  },
  trainingNotFound: { sv: 'Utbildningen finns inte.', en: 'The training does not exist.' },
  removedCannotChange: { sv: 'En borttagen utbildning kan inte ändras.', en: 'A removed training cannot be changed.' },
  removedCannotBeApproved: {
    sv: 'En borttagen utbildning kan inte bli godkänd.',
    en: 'A removed training cannot be approved.',
  },
  removedCannotNeedChange: {
    sv: 'En borttagen utbildning kan inte bli behöver ändras.',
    en: 'A removed training cannot be marked as needing change.',
  },
  removedCannotBeRemoved: {
    sv: 'En borttagen utbildning kan inte bli borttagen.',
    en: 'A removed training cannot be removed again.',
  },
  needsChangeCannotNeedChange: {
    sv: 'En behöver ändras utbildning kan inte bli behöver ändras.',
    en: 'A training that needs change cannot be marked as needing change again.',
  },
  transitionRefused: {
    sv: 'Utbildningen kan inte få den statusen.',
    en: 'The training cannot be given that status.',
  },
  removedNotChecked: { sv: 'En borttagen utbildning kontrolleras inte.', en: 'A removed training is not checked.' },
  topicNameTaken: {
    sv: 'Det finns redan ett ämne som heter ”{{name}}”.',
    en: 'There is already a topic called “{{name}}”.',
  },
  topicKeyTaken: { sv: 'Det finns redan ett ämne med den nyckeln.', en: 'There is already a topic with that key.' },
  topicNotFound: { sv: 'Ämnet finns inte.', en: 'The topic does not exist.' },
  // ---- review rounds ----
  reviewersFromMas: {
    sv: 'Välj granskare bland MAS-nätverkets användare.',
    en: "Choose reviewers among the MAS network's users.",
  },
  roundNeedsReviewer: { sv: 'Omgången behöver minst en granskare.', en: 'The round needs at least one reviewer.' },
  roundAlreadyOpen: {
    sv: 'Det finns redan en öppen granskningsomgång. Stäng den innan du öppnar en ny.',
    en: 'A review round is already open. Close it before you open a new one.',
  },
  roundNotFound: { sv: 'Granskningsomgången finns inte.', en: 'The review round does not exist.' },
  itemNotInRound: { sv: 'Utbildningen ingår inte i omgången.', en: 'The training is not part of the round.' },
  itemReviewedByOther: {
    sv: 'Utbildningen granskas av någon annan i omgången.',
    en: 'Someone else reviews the training in the round.',
  },
  roundClosedNoChanges: {
    sv: 'Omgången är stängd och kan inte ändras.',
    en: 'The round is closed and cannot be changed.',
  },
  suggestedNotInRound: {
    sv: 'En föreslagen utbildning granskas inte i omgången.',
    en: 'A suggested training is not reviewed in the round.',
  },
  removedNotInRound: {
    sv: 'En borttagen utbildning granskas inte i omgången.',
    en: 'A removed training is not reviewed in the round.',
  },
  roundAlreadyClosed: { sv: 'Omgången är redan stängd.', en: 'The round is already closed.' },
  roundOneLeft: {
    sv: 'Omgången kan inte stängas: 1 utbildning återstår att granska.',
    en: 'The round cannot be closed: 1 training remains to be reviewed.',
  },
  roundManyLeft: {
    sv: 'Omgången kan inte stängas: {{count}} utbildningar återstår att granska.',
    en: 'The round cannot be closed: {{count}} trainings remain to be reviewed.',
  },
  // ---- the start page's tasks (decision 018) ----
  taskMyReview: {
    sv: '{{count}} utbildningar att granska i omgången {{round}}',
    en: '{{count}} trainings to review in the round {{round}}',
  },
  taskRoundLeft: {
    sv: '{{count}} utbildningar är ogranskade i omgången {{round}}',
    en: '{{count}} trainings are not reviewed yet in the round {{round}}',
  },
  taskSuggestions: {
    sv: '{{count}} föreslagna utbildningar väntar på granskning',
    en: '{{count}} suggested trainings await review',
  },
  taskBrokenLinks: {
    sv: '{{count}} utbildningar har trasiga eller flyttade länkar',
    en: '{{count}} trainings have broken or moved links',
  },
  // ---- catalogue usage (decision 029) ----
  usageDateRequired: { sv: 'Ange ett datum (ÅÅÅÅ-MM-DD).', en: 'Enter a date (YYYY-MM-DD).' },
  usagePeriodOrder: {
    sv: 'Periodens början måste vara före eller samma dag som dess slut.',
    en: 'The period must start on or before the day it ends.',
  },
  usagePeriodTooLong: { sv: 'Välj en period på högst 25 månader.', en: 'Choose a period of at most 25 months.' },
});
