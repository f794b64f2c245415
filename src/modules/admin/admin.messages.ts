// The administration's messages to people: the errors its services throw, their field errors and the contracts'
// own Zod messages (a schema's message is the code, translated on the way out). The web's form checks use the same.
import { defineMessages } from '../../platform/shared/messages.ts';

/** Mirrors admin.contracts.ts's LIMITS.name (the contracts import these messages, so the limit is repeated here). */
const NAME_MAX = 200;

export const adminMessages = defineMessages('admin', {
  // Contracts (field messages).
  nameRequired: { sv: 'Ange ett namn.', en: 'Enter a name.' },
  nameTooLong: { sv: `Högst ${NAME_MAX} tecken.`, en: `At most ${NAME_MAX} characters.` },
  scbCode: {
    sv: 'Kommunkoden ska vara fyra siffror (SCB:s kommunkod).',
    en: 'The municipality code is four digits (SCB code).',
  },
  email: { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  rolesRequired: { sv: 'Välj minst en roll.', en: 'Choose at least one role.' },

  // Municipalities and the region.
  organisationNotFound: { sv: 'Organisationen finns inte.', en: 'The organisation does not exist.' },
  organisationInactive: { sv: 'Organisationen är inaktiverad.', en: 'The organisation is deactivated.' },
  regionHasNoCode: { sv: 'Regionen har ingen kommunkod.', en: 'The region has no municipality code.' },
  regionCannotBeDeactivated: { sv: 'Regionen kan inte inaktiveras.', en: 'The region cannot be deactivated.' },
  codeTaken: { sv: 'Kommunkoden används redan.', en: 'The municipality code is already in use.' },
  codeTakenField: {
    sv: 'Kommunkoden används redan av en annan kommun.',
    en: 'Another municipality already uses the municipality code.',
  },
  nameTaken: { sv: 'Namnet används redan.', en: 'The name is already in use.' },
  organisationNameTaken: {
    sv: 'Det finns redan en organisation med det namnet.',
    en: 'There is already an organisation with that name.',
  },

  // Networks.
  networkNotFound: { sv: 'Nätverket finns inte.', en: 'The network does not exist.' },
  networkNameTaken: {
    sv: 'Det finns redan ett nätverk med det namnet.',
    en: 'There is already a network with that name.',
  },

  // Users and roles.
  userNotFound: { sv: 'Användaren finns inte.', en: 'The user does not exist.' },
  userInactive: { sv: 'Användaren är inaktiverad.', en: 'The user is deactivated.' },
  municipalAdminOnlyInMunicipality: {
    sv: 'Rollen kommunadministratör kan bara ges till användare i en kommun.',
    en: 'The municipal administrator role can only be given to users in a municipality.',
  },
  regionalAdminOnlyInRegion: {
    sv: 'Rollen regional administratör kan bara ges till användare i regionens kansli.',
    en: "The regional administrator role can only be given to users at the region's office.",
  },
  emailTaken: { sv: 'E-postadressen används redan.', en: 'The e-mail address is already in use.' },
  emailTakenField: {
    sv: 'Det finns redan ett konto med den e-postadressen.',
    en: 'There is already an account with that e-mail address.',
  },
  lastRegionalAdmin: {
    sv: 'Regionen måste ha minst en aktiv regional administratör.',
    en: 'The region must have at least one active regional administrator.',
  },
  lastRegionalAdminField: {
    sv: 'Det här är den sista aktiva regionala administratören.',
    en: 'This is the last active regional administrator.',
  },
  cannotDeactivateSelf: {
    sv: 'Du kan inte inaktivera ditt eget konto.',
    en: 'You cannot deactivate your own account.',
  },

  // API tokens.
  tokenNotFound: { sv: 'API-nyckeln finns inte.', en: 'The API token does not exist.' },
  tokenAlreadyRevoked: { sv: 'API-nyckeln är redan återkallad.', en: 'The API token is already revoked.' },
  tokenRoleMisfit: { sv: 'Rollen passar inte organisationen.', en: 'The role does not suit the organisation.' },
  expiryInPast: { sv: 'Slutdatumet måste ligga i framtiden.', en: 'The end date must be in the future.' },
});
