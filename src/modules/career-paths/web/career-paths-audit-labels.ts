// How the audit log names career paths' events (the web manifest's `auditLabels`).
import type { AuditLabels } from '../../../platform/web/module.ts';

export const careerPathsAuditLabels: AuditLabels = {
  actions: {
    'career_model.draft': { sv: 'Utkast till karriärvägsmodell skapat', en: 'Career path model draft started' },
    'career_model.update': { sv: 'Utkast till karriärvägsmodell ändrat', en: 'Career path model draft changed' },
    'career_model.discard': { sv: 'Utkast till karriärvägsmodell slängt', en: 'Career path model draft discarded' },
    'career_model.publish': { sv: 'Karriärvägsmodell beslutad', en: 'Career path model published' },
    'career_deviation.set': { sv: 'Lokal avvikelse i uppgiftsmatrisen', en: 'Local task matrix deviation set' },
    'career_implementation.update': { sv: 'Införande ändrat', en: 'Implementation changed' },
    'career_checklist.adopt': { sv: 'Checklista antagen', en: 'Checklist adopted' },
    'career_checklist.add': { sv: 'Checklistpunkt tillagd', en: 'Checklist item added' },
    'career_checklist.update': { sv: 'Checklistpunkt ändrad', en: 'Checklist item changed' },
    'career_checklist.delete': { sv: 'Checklistpunkt borttagen', en: 'Checklist item removed' },
    'career_budget.update': { sv: 'Kostnadsberäkning ändrad', en: 'Cost calculation changed' },
    'career_plan.list_read': { sv: 'Utvecklingsplaner lästa', en: 'Development plans read' },
    'career_plan.read': { sv: 'Utvecklingsplan läst', en: 'Development plan read' },
    'career_plan.create': { sv: 'Utvecklingsplan skapad', en: 'Development plan created' },
    'career_plan.update': { sv: 'Utvecklingsplan ändrad', en: 'Development plan changed' },
    'career_plan.delete': { sv: 'Utvecklingsplan borttagen', en: 'Development plan deleted' },
    'career_plan.education_add': { sv: 'Utbildning tillagd i utvecklingsplan', en: 'Education added to a plan' },
    'career_plan.education_update': { sv: 'Utbildning i utvecklingsplan ändrad', en: 'Education in a plan changed' },
    'career_plan.education_remove': {
      sv: 'Utbildning borttagen ur utvecklingsplan',
      en: 'Education removed from a plan',
    },
  },
  entityTypes: {
    career_model_version: { sv: 'Karriärvägsmodell', en: 'Career path model' },
    career_implementation: { sv: 'Införande av karriärvägsmodell', en: 'Career path implementation' },
    career_checklist_item: { sv: 'Checklistpunkt', en: 'Checklist item' },
    career_plan: { sv: 'Utvecklingsplan', en: 'Development plan' },
  },
};
