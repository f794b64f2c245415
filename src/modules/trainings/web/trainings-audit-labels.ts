// How the audit log names the trainings module's events (the web manifest's `auditLabels`).
import type { AuditLabels } from '../../../platform/web/module.ts';

export const trainingsAuditLabels: AuditLabels = {
  actions: {
    'training_item.suggest': { sv: 'Utbildning föreslagen', en: 'Training suggested' },
    'training_item.update': { sv: 'Utbildning ändrad', en: 'Training changed' },
    'training_item.approve': { sv: 'Utbildning godkänd', en: 'Training approved' },
    'training_item.needs_change': { sv: 'Ändring begärd för utbildning', en: 'Change requested for training' },
    'training_item.remove': { sv: 'Utbildning borttagen', en: 'Training removed' },
    'training_item.import': { sv: 'Utbildningar importerade', en: 'Trainings imported' },
    'training_item.check_link': { sv: 'Länk kontrollerad', en: 'Link checked' },
    'training_item.list_review': { sv: 'Granskningskön läst', en: 'Review queue read' },
    'training_review_round.open': { sv: 'Granskningsomgång öppnad', en: 'Review round opened' },
    'training_review_round.close': { sv: 'Granskningsomgång stängd', en: 'Review round closed' },
    'training_topic.create': { sv: 'Ämne tillagt', en: 'Topic added' },
    'training_topic.update': { sv: 'Ämne ändrat', en: 'Topic changed' },
    'trainings.person_anonymise': {
      sv: 'Personuppgifter avidentifierade (utbildningar)',
      en: 'Personal data anonymised (trainings)',
    },
  },
  entityTypes: {
    training_item: { sv: 'Utbildning', en: 'Training' },
    training_review_round: { sv: 'Granskningsomgång', en: 'Review round' },
    training_topic: { sv: 'Ämne', en: 'Topic' },
  },
};
