// The texts the introductions services and contracts answer with, in Swedish and English (platform/shared/messages.ts).
import { defineMessages } from '../../platform/shared/messages.ts';

export const introductionsMessages = defineMessages('introductions', {
  // ---- contracts ----
  tooLong60: { sv: 'Högst 60 tecken.', en: 'At most 60 characters.' },
  tooLong200: { sv: 'Högst 200 tecken.', en: 'At most 200 characters.' },
  tooLong254: { sv: 'Högst 254 tecken.', en: 'At most 254 characters.' },
  tooLong300: { sv: 'Högst 300 tecken.', en: 'At most 300 characters.' },
  tooLong2000: { sv: 'Högst 2000 tecken.', en: 'At most 2000 characters.' },
  urlInvalid: {
    sv: 'Ange en fullständig webbadress som börjar med https:// eller http://.',
    en: 'Enter a complete web address starting with https:// or http://.',
  },
  invalidId: { sv: 'Ogiltigt id.', en: 'Invalid id.' },
  listNameRequired: { sv: 'Ange ett namn på listan.', en: 'Enter a name for the list.' },
  listProfessionRequired: { sv: 'Välj vilket yrke listan är för.', en: 'Choose which profession the list is for.' },
  changeAField: { sv: 'Ändra minst ett fält.', en: 'Change at least one field.' },
  chooseTraining: { sv: 'Välj en utbildning.', en: 'Choose a training.' },
  localEntryRequired: {
    sv: 'Ange vad den nya medarbetaren ska göra.',
    en: 'Enter what the new employee is to do.',
  },
  chooseEntryKind: {
    sv: 'Välj om punkten är en utbildning ur katalogen eller en egen punkt.',
    en: 'Choose whether the item is a training from the catalogue or an item of your own.',
  },
  chooseDirection: { sv: 'Ange upp eller ner.', en: 'Enter up or down.' },
  emailInvalid: { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  doneRequired: { sv: 'Ange om punkten är klar.', en: 'State whether the item is done.' },
  // ---- services ----
  listNotFound: { sv: 'Listan finns inte.', en: 'The list does not exist.' },
  chooseMunicipality: { sv: 'Välj en kommun.', en: 'Choose a municipality.' },
  chooseListedMunicipality: { sv: 'Välj en kommun ur listan.', en: 'Choose a municipality from the list.' },
  chooseListedProfession: { sv: 'Välj ett yrke ur listan.', en: 'Choose a profession from the list.' },
  tooManyEntries: { sv: 'En lista kan ha högst {{max}} punkter.', en: 'A list can have at most {{max}} items.' },
  chooseCatalogueItem: {
    sv: 'Välj en utbildning som finns i katalogen.',
    en: 'Choose a training that is in the catalogue.',
  },
  itemAlreadyInList: { sv: 'Utbildningen finns redan i listan.', en: 'The training is already in the list.' },
  entryNotFound: { sv: 'Punkten finns inte i listan.', en: 'The item is not in the list.' },
  listEmpty: {
    sv: 'Listan har inga punkter ännu. Lägg till minst en punkt innan du ger den till någon.',
    en: 'The list has no items yet. Add at least one item before you give it to someone.',
  },
  alreadyAssigned: {
    sv: 'Personen har redan den här introduktionen.',
    en: 'The person already has this introduction.',
  },
  alreadyAssignedResend: {
    sv: 'Personen har redan den här introduktionen. Skicka länken igen i stället.',
    en: 'The person already has this introduction. Send the link again instead.',
  },
  introductionNotFound: { sv: 'Introduktionen finns inte.', en: 'The introduction does not exist.' },
  introductionEndedGiveAgain: {
    sv: 'Introduktionen är avslutad. Ge listan på nytt i stället.',
    en: 'The introduction has ended. Give the list again instead.',
  },
  introductionAlreadyEnded: { sv: 'Introduktionen är redan avslutad.', en: 'The introduction has already ended.' },
  linkGone: {
    sv: 'Länken gäller inte längre. Be din chef att skicka en ny.',
    en: 'The link is no longer valid. Ask your manager to send a new one.',
  },
  myEntryNotFound: {
    sv: 'Punkten finns inte i din introduktion.',
    en: 'The item is not in your introduction.',
  },
  // ---- the start page's tasks (decision 018) ----
  taskMyIntroduction: {
    sv: 'Din introduktion {{list}}: {{done}} av {{total}} klara, {{count}} kvar',
    en: 'Your introduction {{list}}: {{done}} of {{total}} done, {{count}} left',
  },
});
