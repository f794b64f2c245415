// How the audit log names the introductions module's events (the web manifest's `auditLabels`).
import type { AuditLabels } from '../../../platform/web/module.ts';

export const introductionsAuditLabels: AuditLabels = {
  actions: {
    'intro_list.create': { sv: 'Introduktionslista skapad', en: 'Introduction list created' },
    'intro_list.update': { sv: 'Introduktionslista ändrad', en: 'Introduction list changed' },
    'intro_list.delete': { sv: 'Introduktionslista borttagen', en: 'Introduction list deleted' },
    'intro_list.copy': { sv: 'Introduktionslista kopierad', en: 'Introduction list copied' },
    'intro_assignment.create': { sv: 'Introduktion tilldelad', en: 'Introduction assigned' },
    'intro_assignment.read': { sv: 'Introduktioner lästa', en: 'Introductions read' },
    'intro_assignment.progress': { sv: 'Introduktionspunkt avbockad', en: 'Introduction item ticked' },
    'intro_assignment.resend': { sv: 'Introduktionslänk skickad igen', en: 'Introduction link sent again' },
    'intro_assignment.end': { sv: 'Introduktion avslutad', en: 'Introduction ended' },
    'intro_assignment.delete': { sv: 'Introduktion borttagen', en: 'Introduction deleted' },
  },
  entityTypes: {
    intro_list: { sv: 'Introduktionslista', en: 'Introduction list' },
    intro_assignment: { sv: 'Introduktion', en: 'Introduction' },
  },
};
