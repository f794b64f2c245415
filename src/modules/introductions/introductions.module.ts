// The introductions module's server manifest: introduction lists and their assignments.
import type { ServerModule } from '../../platform/server/module.ts';
import { introductionAuditNames } from './introduction-audit-names.service.ts';
import { introductionTasks } from './introduction-tasks.service.ts';
import { introductionsPolicy } from './introductions.policy.ts';
import { introductionsModule } from './introductions.routes.ts';
import { seedIntroductionsDemo } from './introductions-demo.ts';
import { INTRODUCTIONS_RETENTION_RULES, introductionsPersonData } from './introductions-person-data.ts';

export const introductionsServer: ServerModule = {
  name: 'introductions',
  routes: introductionsModule,
  policy: introductionsPolicy,
  seedDemo: (db) => seedIntroductionsDemo(db),
  tasks: introductionTasks,
  auditNames: introductionAuditNames,
  personData: introductionsPersonData,
  retention: INTRODUCTIONS_RETENTION_RULES,
};
