// The staffing module's messages to people (services' errors, field errors and the contracts' own Zod messages),
// in Swedish and English (platform/shared/messages.ts). The region report's are in region-report.messages.ts.
import { defineMessages } from '../../platform/shared/messages.ts';

/** The longest label or name, and the longest return comment (STAFFING_LIMITS repeats them). */
export const TEXT_MAX = 120;
export const COMMENT_MAX = 2000;

export const staffingMessages = defineMessages('staffing', {
  // ---- contracts ----
  dateRequired: { sv: 'Ange ett datum (ÅÅÅÅ-MM-DD).', en: 'Enter a date (YYYY-MM-DD).' },
  labelRequired: { sv: 'Ange en benämning.', en: 'Enter a label.' },
  nameRequired: { sv: 'Ange ett namn.', en: 'Enter a name.' },
  textTooLong: { sv: `Högst ${TEXT_MAX} tecken.`, en: `At most ${TEXT_MAX} characters.` },
  commentTooLong: { sv: `Högst ${COMMENT_MAX} tecken.`, en: `At most ${COMMENT_MAX} characters.` },
  keyFormat: {
    sv: 'Nyckeln får bara innehålla a–z, 0–9 och _ och ska börja med en bokstav.',
    en: 'The key may only contain a–z, 0–9 and _ and must start with a letter.',
  },
  keyReserved: { sv: 'Nyckeln är reserverad.', en: 'The key is reserved.' },
  wholeYears: { sv: 'Ange hela år.', en: 'Enter whole years.' },
  ageNotNegative: { sv: 'Ange 0 eller mer.', en: 'Enter 0 or more.' },
  ageTooHigh: { sv: 'Högst 120 år.', en: 'At most 120 years.' },
  enterNumber: { sv: 'Ange ett tal.', en: 'Enter a number.' },
  valueNegative: { sv: 'Värdet kan inte vara negativt.', en: 'The value cannot be negative.' },
  valueTooLarge: { sv: 'Värdet är orimligt stort.', en: 'The value is unreasonably large.' },
  unknownMeasure: { sv: 'Okänt mått.', en: 'Unknown measure.' },
  tooManyValues: { sv: 'För många värden.', en: 'Too many values.' },
  returnCommentRequired: { sv: 'Skriv varför rapporten återförs.', en: 'Write why the report is returned.' },
  // ---- periods ----
  periodNotFound: { sv: 'Perioden finns inte.', en: 'The period does not exist.' },
  deadlineBeforeReferenceDate: {
    sv: 'Sista dag kan inte vara före referensdagen.',
    en: 'The deadline cannot be before the reference date.',
  },
  periodLabelTaken: {
    sv: 'Det finns redan en period med den benämningen.',
    en: 'There is already a period with that label.',
  },
  // ---- reports ----
  municipalityNotFound: { sv: 'Kommunen finns inte.', en: 'The municipality does not exist.' },
  reportInvalidForSubmit: {
    sv: 'Rapporten kan inte skickas in förrän de markerade fälten är rättade.',
    en: 'The report cannot be submitted until the marked fields are corrected.',
  },
  reportInvalid: {
    sv: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.',
    en: 'The values are not valid. Correct the marked fields.',
  },
  periodClosedNoChanges: {
    sv: 'Perioden är stängd och kan inte ändras.',
    en: 'The period is closed and cannot be changed.',
  },
  reportApprovedNoChanges: {
    sv: 'Rapporten är godkänd. Be regionen att återföra den om något behöver rättas.',
    en: 'The report is approved. Ask the region to return it if something needs correcting.',
  },
  reportSubmittedNoChanges: {
    sv: 'Rapporten är inskickad och kan inte ändras. Be regionen att återföra den om något behöver rättas.',
    en: 'The report is submitted and cannot be changed. Ask the region to return it if something needs correcting.',
  },
  reportChangedMeanwhile: {
    sv: 'Rapporten har ändrats under tiden. Ladda om sidan och försök igen.',
    en: 'The report has been changed meanwhile. Reload the page and try again.',
  },
  periodClosed: { sv: 'Perioden är stängd.', en: 'The period is closed.' },
  submitOnlyDraft: {
    sv: 'Rapporten kan bara skickas in från utkast. Spara ett utkast först.',
    en: 'The report can only be submitted from a draft. Save a draft first.',
  },
  approveOnlySubmitted: {
    sv: 'Bara en inskickad rapport kan godkännas.',
    en: 'Only a submitted report can be approved.',
  },
  returnOnlySubmittedOrApproved: {
    sv: 'Bara en inskickad eller godkänd rapport kan återföras.',
    en: 'Only a submitted or approved report can be returned.',
  },
  // ---- configuration ----
  keyTaken: { sv: 'Nyckeln används redan.', en: 'The key is already in use.' },
  professionKeyTaken: { sv: 'Ett yrke har redan den nyckeln.', en: 'A profession already has that key.' },
  listKeyTaken: { sv: 'Listan har redan den nyckeln.', en: 'The list already has that key.' },
  professionNotFound: { sv: 'Yrket finns inte.', en: 'The profession does not exist.' },
  itemNotFound: { sv: 'Posten finns inte.', en: 'The item does not exist.' },
  specialtyNeedsProfession: {
    sv: 'Välj vilket yrke specialiteten hör till.',
    en: 'Choose which profession the specialty belongs to.',
  },
  onlySpecialtiesHaveProfession: {
    sv: 'Bara specialiteter hör till ett yrke.',
    en: 'Only specialties belong to a profession.',
  },
  ageGroupNeedsMinAge: {
    sv: 'Ange lägsta ålder för åldersgruppen.',
    en: 'Enter the lowest age of the age group.',
  },
  maxAgeBelowMinAge: {
    sv: 'Högsta ålder kan inte vara lägre än lägsta ålder.',
    en: 'The highest age cannot be lower than the lowest age.',
  },
  // ---- statistics ----
  unknownProfession: { sv: 'Okänt yrke.', en: 'Unknown profession.' },
  publicationRefused: {
    sv: 'Perioden publicerades inte: granskningen fann {{count}} dolda tal som skulle gå att räkna ut. Den senaste publiceringen gäller.',
    en: 'The period was not published: the audit found {{count}} hidden figures that could be worked out. The latest publication stands.',
  },
  noPublishedStatistics: {
    sv: 'Perioden har ingen publicerad statistik.',
    en: 'The period has no published statistics.',
  },
  // ---- forecast and region report contracts ----
  unknownPeriod: { sv: 'Okänd period.', en: 'Unknown period.' },
  unknownMunicipality: { sv: 'Okänd kommun.', en: 'Unknown municipality.' },
  choosePeriod: { sv: 'Välj en period.', en: 'Choose a period.' },
  unknownReport: { sv: 'Okänd rapport.', en: 'Unknown report.' },
  chooseFormat: { sv: 'Välj xlsx eller csv.', en: 'Choose xlsx or csv.' },
  // ---- the start page's tasks (decision 018) ----
  taskOpenReport: {
    sv: 'Fyll i och skicka in bemanningsrapporten {{period}}',
    en: 'Fill in and submit the staffing report {{period}}',
  },
  taskReturnedReport: {
    sv: 'Rätta och skicka in den återsända bemanningsrapporten {{period}}',
    en: 'Correct and resubmit the returned staffing report {{period}}',
  },
  taskApproveOwn: {
    sv: 'Granska och godkänn kommunens bemanningsrapport {{period}}',
    en: "Review and approve the municipality's staffing report {{period}}",
  },
  taskApproveRegion: {
    sv: '{{count}} inskickade bemanningsrapporter {{period}} väntar på godkännande',
    en: '{{count}} submitted staffing reports {{period}} await approval',
  },
  taskMissingRegion: {
    sv: '{{count}} kommuner har inte skickat in bemanningsrapporten {{period}}',
    en: '{{count}} municipalities have not submitted the staffing report {{period}}',
  },
});
