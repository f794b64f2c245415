// The texts further education's services and contracts answer with, in Swedish and English (decision 013).
import { defineMessages } from '../../platform/shared/messages.ts';

export const furtherEducationMessages = defineMessages('further_education', {
  invalidDate: { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' },
  modelNotFound: { sv: 'Utbildningsmodellen finns inte.', en: 'The training model does not exist.' },
  modelKeyTaken: { sv: 'Det finns redan en modell med den nyckeln.', en: 'A model with that key already exists.' },
  unknownProfession: {
    sv: 'Yrket finns inte i regionens yrkeslista.',
    en: 'The profession is not in the region’s list.',
  },
  unknownSpecialty: {
    sv: 'Inriktningen finns inte för yrket.',
    en: 'The specialty does not exist for the profession.',
  },
  adoptionNotFound: { sv: 'Införandet finns inte.', en: 'The adoption does not exist.' },
  adoptionExists: {
    sv: 'Kommunen har redan ett införande av modellen. Flytta det framåt i stället.',
    en: 'The municipality already has an adoption of the model. Move it forward instead.',
  },
  notAMunicipality: { sv: 'Välj en medlemskommun.', en: 'Choose a member municipality.' },
  stepSkipped: {
    sv: 'Steget {{to}} kan inte följa {{from}}. Nästa steg är {{next}}.',
    en: 'The step {{to}} cannot follow {{from}}. The next step is {{next}}.',
  },
  stepFinal: {
    sv: 'Modellen är i drift; det finns inget steg efter det.',
    en: 'The model is in operation; there is no step after that.',
  },
  stepBeforePrevious: {
    sv: 'Datumet är före föregående steg ({{date}}). Ett steg kan inte dateras före det som kom före.',
    en: 'The date is before the previous step ({{date}}). A step cannot be dated before the one before it.',
  },
  postNotFound: { sv: 'Utbildningstjänsten finns inte.', en: 'The training post does not exist.' },
  personNotFound: {
    sv: 'Personen finns inte i er kommuns personalregister.',
    en: 'The person is not in your municipality’s staff register.',
  },
  endBeforeStart: {
    sv: 'Förväntat slut måste vara efter start.',
    en: 'The expected end must be after the start.',
  },
  documentNotFound: { sv: 'Dokumentet finns inte.', en: 'The document does not exist.' },
  status_proposed: { sv: 'Föreslaget', en: 'Proposed' },
  status_decided: { sv: 'Beslutat', en: 'Decided' },
  status_signed: { sv: 'Undertecknat', en: 'Signed' },
  status_in_operation: { sv: 'I drift', en: 'In operation' },
  status_declined: { sv: 'Avböjt', en: 'Declined' },
});
