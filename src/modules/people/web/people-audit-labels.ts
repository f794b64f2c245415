// How the audit log names the staff register's events (the web manifest's `auditLabels`).
import type { AuditLabels } from '../../../platform/web/module.ts';

export const peopleAuditLabels: AuditLabels = {
  actions: {
    'person.list_read': { sv: 'Personallista läst', en: 'Staff list read' },
    'person.read': { sv: 'Person läst', en: 'Person read' },
    'person.own_read': { sv: 'Egna uppgifter lästa', en: 'Own record read' },
    'person.create': { sv: 'Person tillagd', en: 'Person added' },
    'person.update': { sv: 'Person ändrad', en: 'Person changed' },
    'person.import_create': { sv: 'Person tillagd genom import', en: 'Person added by import' },
    'person.import_update': { sv: 'Person ändrad genom import', en: 'Person changed by import' },
    'person.import_end': { sv: 'Anställning avslutad genom import', en: 'Employment ended by import' },
    'person.extract': { sv: 'Registerutdrag taget', en: 'Register extract made' },
    'person.anonymise': { sv: 'Person anonymiserad (gallring)', en: 'Person anonymised (retention)' },
    'people.hr_import.upload': { sv: 'HR-fil förhandsgranskad', en: 'HR file previewed' },
    'people.hr_import.apply': { sv: 'HR-import genomförd', en: 'HR import applied' },
    'people.hr_import.discard': { sv: 'HR-import slängd', en: 'HR import discarded' },
    'people_unit.create': { sv: 'Enhet tillagd', en: 'Unit added' },
    'people_unit.update': { sv: 'Enhet ändrad', en: 'Unit changed' },
    'people_unit.managers': { sv: 'Enhetens chefer ändrade', en: "Unit's managers changed" },
    'retention.update': { sv: 'Gallringsregel ändrad', en: 'Retention rule changed' },
  },
  entityTypes: {
    person: { sv: 'Person', en: 'Person' },
    people_unit: { sv: 'Enhet', en: 'Unit' },
    'people.hr_import': { sv: 'HR-import', en: 'HR import' },
    retention_setting: { sv: 'Gallringsregel', en: 'Retention rule' },
  },
};
