// The texts the staff register's services and contracts answer with, in Swedish and English
// (platform/shared/messages.ts). The import's cell errors are written in Swedish with their row and column
// (people-import-check.ts), as every import's are.
import { defineMessages } from '../../platform/shared/messages.ts';

export const peopleMessages = defineMessages('people', {
  // ---- contracts ----
  invalidId: { sv: 'Ogiltigt id.', en: 'Invalid id.' },
  tooLong100: { sv: 'Högst 100 tecken.', en: 'At most 100 characters.' },
  tooLong254: { sv: 'Högst 254 tecken.', en: 'At most 254 characters.' },
  tooLong30: { sv: 'Högst 30 tecken.', en: 'At most 30 characters.' },
  unitNameRequired: { sv: 'Ange enhetens namn.', en: "Enter the unit's name." },
  unitKindRequired: { sv: 'Välj vilken sorts enhet det är.', en: 'Choose what kind of unit it is.' },
  firstNameRequired: { sv: 'Ange förnamn.', en: 'Enter the first name.' },
  lastNameRequired: { sv: 'Ange efternamn.', en: 'Enter the last name.' },
  emailInvalid: { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  chooseUnit: { sv: 'Välj en enhet.', en: 'Choose a unit.' },
  chooseProfession: { sv: 'Välj ett yrke.', en: 'Choose a profession.' },
  chooseForm: { sv: 'Välj anställningsform.', en: 'Choose the form of employment.' },
  rateInvalid: {
    sv: 'Ange sysselsättningsgraden i procent, större än 0 och högst 100.',
    en: 'Enter the employment rate in per cent, above 0 and at most 100.',
  },
  rateForHourly: {
    sv: 'Timanställda har ingen sysselsättningsgrad; lämna fältet tomt.',
    en: 'Hourly employees have no employment rate; leave the field empty.',
  },
  rateRequired: {
    sv: 'Ange sysselsättningsgraden för en tillsvidare- eller visstidsanställning.',
    en: 'Enter the employment rate of a permanent or fixed-term employment.',
  },
  dateInvalid: { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' },
  startRequired: { sv: 'Ange när anställningen började.', en: 'Enter when the employment started.' },
  endBeforeStart: {
    sv: 'Anställningen kan inte sluta innan den börjar.',
    en: 'The employment cannot end before it starts.',
  },
  birthYearInvalid: {
    sv: 'Ange ett födelseår med fyra siffror, mellan 1930 och {{max}}.',
    en: 'Enter a four-digit year of birth between 1930 and {{max}}.',
  },
  employeeNumberInvalid: {
    sv: 'Anställningsnumret får bara innehålla bokstäver, siffror, punkt, bindestreck, snedstreck och understreck.',
    en: 'The employee number may only contain letters, digits, full stops, hyphens, slashes and underscores.',
  },
  formulaLike: {
    sv: 'Texten börjar med ett tecken som ett kalkylprogram läser som en formel (=, +, -, @).',
    en: 'The text starts with a character a spreadsheet reads as a formula (=, +, -, @).',
  },
  changeAField: { sv: 'Ändra minst ett fält.', en: 'Change at least one field.' },
  chooseMunicipality: { sv: 'Välj en kommun.', en: 'Choose a municipality.' },
  monthsInvalid: {
    sv: 'Ange ett helt antal månader mellan {{min}} och {{max}}.',
    en: 'Enter a whole number of months between {{min}} and {{max}}.',
  },
  pageInvalid: { sv: 'Ogiltig sida.', en: 'Invalid page.' },

  // ---- services ----
  unitNotFound: { sv: 'Enheten finns inte.', en: 'The unit does not exist.' },
  personNotFound: { sv: 'Personen finns inte.', en: 'The person does not exist.' },
  municipalityNotFound: { sv: 'Kommunen finns inte.', en: 'The municipality does not exist.' },
  unitNameTaken: {
    sv: 'Kommunen har redan en enhet med det namnet.',
    en: 'The municipality already has a unit with that name.',
  },
  unitCodeTaken: {
    sv: 'Kommunen har redan en enhet med den koden.',
    en: 'The municipality already has a unit with that code.',
  },
  unitParentOther: {
    sv: 'Den överordnade enheten hör till en annan kommun.',
    en: 'The parent unit belongs to another municipality.',
  },
  unitParentCycle: {
    sv: 'En enhet kan inte ligga under sig själv eller under en av sina egna underenheter.',
    en: 'A unit cannot be placed under itself or under one of its own sub-units.',
  },
  unitInactive: { sv: 'Enheten är inaktiv.', en: 'The unit is inactive.' },
  unitStillUsed: {
    sv: 'Enheten har {{persons}} anställda och {{units}} aktiva underenheter. Flytta dem först.',
    en: 'The unit has {{persons}} current staff and {{units}} active sub-units. Move them first.',
  },
  unitOutsideScope: {
    sv: 'Du är inte chef för den enheten.',
    en: 'You are not a manager of that unit.',
  },
  managerInvalid: {
    sv: 'Chefen måste vara en aktiv användare i kommunen med rollen chef eller kommunadministratör.',
    en: 'The manager must be an active user of the municipality with the role manager or municipal admin.',
  },
  employeeNumberTaken: {
    sv: 'Kommunen har redan en person med det anställningsnumret.',
    en: 'The municipality already has a person with that employee number.',
  },
  professionUnknown: { sv: 'Okänt eller inaktivt yrke.', en: 'Unknown or inactive profession.' },
  personAnonymised: {
    sv: 'Personen är anonymiserad och kan inte ändras.',
    en: 'The person has been anonymised and cannot be changed.',
  },
  retentionNotConfigurable: {
    sv: 'Den regeln har ingen period att välja.',
    en: 'That rule has no period to choose.',
  },
  retentionUnknown: { sv: 'Regeln finns inte.', en: 'The rule does not exist.' },
  importRejected: {
    sv: 'Filen har {{count}} fel. Rätta filen och ladda upp den igen. Ingenting har sparats.',
    en: 'The file has {{count}} errors. Correct the file and upload it again. Nothing has been saved.',
  },
  importTooManyRows: {
    sv: 'Filen har för många rader. Högst {{max}} personer kan importeras åt gången.',
    en: 'The file has too many rows. At most {{max}} persons can be imported at a time.',
  },
  importTooManyColumns: {
    sv: 'Filen har för många kolumner (högst {{max}}). Använd mallen.',
    en: 'The file has too many columns (at most {{max}}). Use the template.',
  },
  importNotAFile: {
    sv: 'Filen är varken en CSV-fil (UTF-8) eller en Excel-arbetsbok (.xlsx). Spara den som CSV UTF-8 eller .xlsx och försök igen.',
    en: 'The file is neither a CSV file (UTF-8) nor an Excel workbook (.xlsx). Save it as CSV UTF-8 or .xlsx and try again.',
  },
  importNotUtf8: {
    sv: 'Filen är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” eller som .xlsx och försök igen.',
    en: 'The file is not saved as UTF-8. Save it in Excel as “CSV UTF-8 (comma delimited)” or as .xlsx and try again.',
  },
});
