// The texts the career path services and contracts answer with, in Swedish and English (platform/shared/messages.ts).
import { defineMessages } from '../../platform/shared/messages.ts';

export const careerMessages = defineMessages('careerPaths', {
  // ---- contracts ----
  invalidId: { sv: 'Ogiltigt id.', en: 'Invalid id.' },
  tooLong: { sv: 'Texten är för lång.', en: 'The text is too long.' },
  required: { sv: 'Fyll i fältet.', en: 'Fill in the field.' },
  keyInvalid: {
    sv: 'Nyckeln får bara innehålla små bokstäver a–z, siffror och understreck.',
    en: 'The key may only contain lower-case letters a–z, digits and underscores.',
  },
  dateInvalid: { sv: 'Ange ett datum (ÅÅÅÅ-MM-DD).', en: 'Enter a date (YYYY-MM-DD).' },
  yearInvalid: { sv: 'Ange ett år mellan 2000 och 2100.', en: 'Enter a year between 2000 and 2100.' },
  numberInvalid: { sv: 'Ange ett tal som är 0 eller större.', en: 'Enter a number of 0 or more.' },
  percentInvalid: { sv: 'Ange en andel mellan 0 och 100 procent.', en: 'Enter a share between 0 and 100 per cent.' },
  urlInvalid: {
    sv: 'Ange en fullständig webbadress som börjar med https:// eller http://.',
    en: 'Enter a complete web address starting with https:// or http://.',
  },
  cellValueInvalid: {
    sv: 'Ogiltigt värde i uppgiftsmatrisen. Välj "utför", "utför efter delegering" eller "utför inte".',
    en: 'Invalid value in the task matrix. Choose "does", "does after delegation" or "does not".',
  },
  stepInvalid: {
    sv: 'Välj steg: planera, genomföra eller utvärdera.',
    en: 'Choose a step: plan, implement or evaluate.',
  },
  statusInvalid: { sv: 'Välj en status ur listan.', en: 'Choose a status from the list.' },
  stageInvalid: { sv: 'Välj ett steg i Benners modell.', en: "Choose a stage of Benner's model." },
  fundingInvalid: { sv: 'Välj en finansiering ur listan.', en: 'Choose a funding source from the list.' },
  changeAField: { sv: 'Ändra minst ett fält.', en: 'Change at least one field.' },
  // ---- the model ----
  duplicateKey: { sv: 'Nyckeln {{key}} förekommer mer än en gång.', en: 'The key {{key}} occurs more than once.' },
  roleInPlans: {
    sv: 'Rollen {{key}} används i kommunernas utvecklingsplaner (som nuvarande roll eller mål) och kan inte tas bort. Behåll rollen, eller be kommunerna ändra planerna först.',
    en: 'The role {{key}} is used in the municipalities’ development plans (as the current role or the target) and cannot be removed. Keep the role, or ask the municipalities to change the plans first.',
  },
  unknownRole: { sv: 'Rollen {{key}} finns inte i modellen.', en: 'The role {{key}} is not in the model.' },
  unknownGroup: { sv: 'Uppgiftsgruppen {{key}} finns inte.', en: 'The task group {{key}} does not exist.' },
  unknownTask: { sv: 'Uppgiften {{key}} finns inte i modellen.', en: 'The task {{key}} is not in the model.' },
  unknownProfession: {
    sv: 'Yrket {{key}} finns inte i bemanningsstatistikens yrkeslista.',
    en: 'The profession {{key}} is not in the staffing statistics’ list of professions.',
  },
  wayToItself: {
    sv: 'En väg kan inte leda från en roll till samma roll.',
    en: 'A way cannot lead from a role to itself.',
  },
  wayCycle: {
    sv: 'Vägarna bildar en cirkel: {{cycle}}. Ta bort en av vägarna.',
    en: 'The ways form a cycle: {{cycle}}. Remove one of the ways.',
  },
  cellMissing: {
    sv: 'Uppgiften {{task}} saknar värde för rollen {{role}}.',
    en: 'The task {{task}} has no value for the role {{role}}.',
  },
  noDraft: {
    sv: 'Det finns inget utkast. Skapa ett nytt utkast från den gällande versionen först.',
    en: 'There is no draft. Start a new draft from the current version first.',
  },
  draftExists: { sv: 'Det finns redan ett utkast.', en: 'There is already a draft.' },
  versionNotFound: { sv: 'Versionen finns inte.', en: 'The version does not exist.' },
  noPublishedModel: {
    sv: 'Regionen har ännu inte beslutat någon modell.',
    en: 'The region has not yet decided on a model.',
  },
  decisionDateRequired: { sv: 'Ange beslutsdatum.', en: 'Enter the date of the decision.' },
  decisionDateOrder: {
    sv: 'Beslutsdatumet kan inte vara före den förra versionens ({{date}}).',
    en: 'The decision date cannot be before the previous version’s ({{date}}).',
  },
  // ---- municipalities ----
  municipalityNotFound: { sv: 'Kommunen finns inte.', en: 'The municipality does not exist.' },
  chooseMunicipality: { sv: 'Välj en kommun.', en: 'Choose a municipality.' },
  alreadyAdopted: {
    sv: 'Kommunen har redan antagit checklistan.',
    en: 'The municipality has already adopted the checklist.',
  },
  itemNotFound: { sv: 'Punkten finns inte.', en: 'The item does not exist.' },
  ownerRequiredForDone: {
    sv: 'Ange en ansvarig innan punkten markeras som klar.',
    en: 'Enter an owner before the item is marked done.',
  },
  targetMixSum: {
    sv: 'Målfördelningen får tillsammans vara högst 100 procent (nu {{sum}}).',
    en: 'The target mix may add up to at most 100 per cent (now {{sum}}).',
  },
  // ---- development plans ----
  personNotFound: {
    sv: 'Personen finns inte i er kommuns personalregister.',
    en: 'The person is not in your municipality’s staff register.',
  },
  planExists: { sv: 'Personen har redan en utvecklingsplan.', en: 'The person already has a development plan.' },
  planNotFound: { sv: 'Utvecklingsplanen finns inte.', en: 'The development plan does not exist.' },
  reviewInPast: {
    sv: 'Nästa uppföljning kan inte ligga i det förflutna.',
    en: 'The next review cannot be in the past.',
  },
  sameRole: {
    sv: 'Målrollen är samma som nuvarande roll.',
    en: 'The target role is the same as the current role.',
  },
  catalogueItemNotFound: { sv: 'Utbildningen finns inte i katalogen.', en: 'The training is not in the catalogue.' },
  occasionNotFound: {
    sv: 'Tillfället finns inte, eller är inte öppet för er kommuns personal.',
    en: 'The occasion does not exist, or is not open to your municipality’s staff.',
  },
  educationNotFound: { sv: 'Utbildningen finns inte i planen.', en: 'The education is not in the plan.' },
  completedOnRequired: { sv: 'Ange när utbildningen slutfördes.', en: 'Enter when the education was completed.' },
  fundedOverCost: {
    sv: 'Finansieringen kan inte vara större än kostnaden.',
    en: 'The funding cannot be larger than the cost.',
  },
  // ---- reminders and tasks ----
  reviewReminderSubject: {
    sv: 'Påminnelse: uppföljning av utvecklingsplan {{date}}',
    en: 'Reminder: development plan review {{date}}',
  },
  reviewReminderText: {
    sv: 'Hej!\n\nEn utvecklingsplan du ansvarar för ska följas upp {{date}}.\nÖppna planen: {{link}}\n\nKompetensnav',
    en: 'Hello,\n\nA development plan you are responsible for is due for review on {{date}}.\nOpen the plan: {{link}}\n\nKompetensnav',
  },
  taskReviews: {
    sv: 'Utvecklingsplaner att följa upp inom 14 dagar: {{count}}',
    en: 'Development plans to review within 14 days: {{count}}',
  },
});
