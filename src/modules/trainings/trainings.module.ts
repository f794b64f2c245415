// The trainings module's server manifest: the catalogue of free web trainings, review rounds and link health.
import type { ServerModule } from '../../platform/server/module.ts';
import { USAGE_RETENTION_RULE, usagePurgeJob } from './catalogue-usage.ts';
import { linkCheckJob, linkUserAgent } from './link-check.ts';
import { linkDigestJob } from './link-digest.ts';
import { roundReminderJob } from './rounds.service.ts';
import { trainingAuditNames } from './training-audit-names.service.ts';
import { trainingTasks } from './training-tasks.service.ts';
import { trainingsPolicy } from './trainings.policy.ts';
import { trainingsModule } from './trainings.routes.ts';
import { seedTrainingsDemo } from './trainings-demo.ts';
import { trainingsPersonData } from './trainings-person-data.ts';
import { seedUsageDemo } from './usage-demo.ts';

export const trainingsServer: ServerModule = {
  name: 'trainings',
  routes: trainingsModule,
  policy: trainingsPolicy,
  jobs: ({ db, mailer, config }) => [
    linkCheckJob({ db, check: { userAgent: linkUserAgent(config.publicUrl) } }),
    roundReminderJob({ db, mailer, publicUrl: config.publicUrl }),
    linkDigestJob({ db, mailer, publicUrl: config.publicUrl }),
    usagePurgeJob(db),
  ],
  seedDemo: async (db, demo) => {
    await seedTrainingsDemo(db, demo.now);
    await seedUsageDemo(db, demo.now);
  },
  tasks: trainingTasks,
  auditNames: trainingAuditNames,
  personData: trainingsPersonData,
  retention: [USAGE_RETENTION_RULE],
};
