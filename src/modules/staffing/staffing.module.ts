// The staffing module's server manifest: statistics, population projections, forecast and region report.
import type { ServerModule } from '../../platform/server/module.ts';
import { reminderJob } from './reporting/reminders.ts';
import { staffingAuditNames } from './reporting/report-audit-names.service.ts';
import { staffingTasks } from './reporting/report-tasks.service.ts';
import { staffingPolicy } from './staffing.policy.ts';
import { staffingModule } from './staffing.routes.ts';
import { seedStaffingDemo } from './staffing-demo.ts';
import { staffingPersonData } from './staffing-person-data.ts';
import { publicationJob } from './statistics/publications.service.ts';

export const staffingServer: ServerModule = {
  name: 'staffing',
  routes: staffingModule,
  policy: staffingPolicy,
  jobs: ({ db, mailer, config, readCache }) => [
    reminderJob({ db, mailer, publicUrl: config.publicUrl }),
    publicationJob({ db, cache: readCache, minCount: config.suppressionMinCount }),
  ],
  seedDemo: (db, demo) => seedStaffingDemo(db, demo.now),
  tasks: staffingTasks,
  auditNames: staffingAuditNames,
  personData: staffingPersonData,
};
