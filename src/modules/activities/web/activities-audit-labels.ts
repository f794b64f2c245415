// How the audit log names the activities core's events (the web manifest's `auditLabels`).
import type { AuditLabels } from '../../../platform/web/module.ts';

export const activitiesAuditLabels: AuditLabels = {
  actions: {
    'activity.create': { sv: 'Aktivitet skapad', en: 'Activity created' },
    'activity.update': { sv: 'Aktivitet ändrad', en: 'Activity changed' },
    'activity_occasion.create': { sv: 'Tillfälle tillagt', en: 'Occasion added' },
    'activity_occasion.update': { sv: 'Tillfälle ändrat', en: 'Occasion changed' },
    'activity_occasion.status': { sv: 'Tillfällets status ändrad', en: "Occasion's status changed" },
    'activity_occasion.cancel': { sv: 'Tillfälle inställt', en: 'Occasion cancelled' },
    'activity_occasion.attendance': { sv: 'Närvaro registrerad', en: 'Attendance recorded' },
    'activity_occasion.read_registrations': { sv: 'Anmälda lästa', en: 'Registrations read' },
    'activity_occasion.send_survey': { sv: 'Utvärdering skickad', en: 'Evaluation sent' },
    'activity_registration.create': { sv: 'Anmälan gjord', en: 'Registration made' },
    'activity_registration.cancel': { sv: 'Anmälan avbokad', en: 'Registration cancelled' },
    'activity_registration.promote': { sv: 'Flyttad upp från väntelistan', en: 'Moved up from the waiting list' },
    'calendar_feed.renew': { sv: 'Kalenderadress skapad', en: 'Calendar address made' },
    'survey_template.create': { sv: 'Enkätmall skapad', en: 'Survey template created' },
  },
  entityTypes: {
    activity: { sv: 'Aktivitet', en: 'Activity' },
    activity_occasion: { sv: 'Tillfälle', en: 'Occasion' },
    activity_registration: { sv: 'Anmälan', en: 'Registration' },
    survey_template: { sv: 'Enkätmall', en: 'Survey template' },
  },
};
