// The platform's own messages: the generic answers of the error handler and the shared checks.
import { defineMessages } from './messages.ts';

export const platformMessages = defineMessages('platform', {
  invalid: {
    sv: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.',
    en: 'The information is not valid. Correct the marked fields.',
  },
  invalidValue: { sv: 'Ogiltigt värde.', en: 'Invalid value.' },
  unauthorized: { sv: 'Du behöver logga in.', en: 'You need to sign in.' },
  forbidden: { sv: 'Du har inte behörighet till detta.', en: 'You do not have permission to do this.' },
  notFound: { sv: 'Hittades inte.', en: 'Not found.' },
  tooManyRequests: {
    sv: 'För många försök. Vänta en stund och försök igen.',
    en: 'Too many attempts. Wait a while and try again.',
  },
  unavailable: {
    sv: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
    en: 'The service is temporarily unavailable. Try again in a while.',
  },
  databaseUnavailable: {
    sv: 'Databasen går inte att nå just nu. Försök igen om en stund.',
    en: 'The database cannot be reached right now. Try again in a while.',
  },
  nulCharacter: {
    sv: 'Texten innehåller ett otillåtet tecken (NUL).',
    en: 'The text contains a character that is not allowed (NUL).',
  },
  forbiddenCharacters: {
    sv: 'Texten innehåller otillåtna tecken.',
    en: 'The text contains characters that are not allowed.',
  },
  duplicate: {
    sv: 'Det finns redan något med samma namn eller kod.',
    en: 'Something with the same name or code already exists.',
  },
  tooLarge: { sv: 'Det som skickades är för stort.', en: 'What was sent is too large.' },
  unsupportedMediaType: { sv: 'Formatet stöds inte.', en: 'The format is not supported.' },
  badRequest: { sv: 'Begäran kunde inte tolkas.', en: 'The request could not be understood.' },
  internal: {
    sv: 'Ett oväntat fel inträffade. Ange felkoden {{correlationId}} om du kontaktar supporten.',
    en: 'An unexpected error occurred. Give the error code {{correlationId}} if you contact support.',
  },
  tokenInvalid: { sv: 'Ogiltig API-nyckel.', en: 'Invalid API token.' },
  tokenRevoked: { sv: 'Ogiltig eller återkallad API-nyckel.', en: 'Invalid or revoked API token.' },
  signInLocked: {
    sv: 'För många misslyckade inloggningar för kontot. Försök igen om en stund.',
    en: 'Too many failed sign-ins for the account. Try again in a while.',
  },
  passwordTooCommon: {
    sv: 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.',
    en: 'The password is too common and easy to guess. Choose another one.',
  },
  signInFailed: { sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' },
  crossOrigin: {
    sv: 'Begäran kom inte från Kompetensnavs egna sidor.',
    en: "The request did not come from Kompetensnav's own pages.",
  },
});
