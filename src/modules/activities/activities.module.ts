// The activities core's server manifest (decision 019): activities, occasions, seats, registration with a waiting
// list, attendance and hours, evaluation surveys and calendars — used by later modules through
// activities-lookup.service.ts and activities.contracts.ts.
import type { ServerModule } from '../../platform/server/module.ts';
import { activitiesJob } from './activities.jobs.ts';
import { activitiesPolicy } from './activities.policy.ts';
import { activitiesDeps, activitiesModule } from './activities.routes.ts';
import { seedActivitiesDemo } from './activities-demo.ts';
import { ACTIVITIES_RETENTION_RULES, activitiesPersonData } from './activities-person-data.ts';
import { activitiesTasks } from './activities-tasks.service.ts';

export const activitiesServer: ServerModule = {
  name: 'activities',
  routes: activitiesModule,
  policy: activitiesPolicy,
  jobs: (ctx) => [activitiesJob(activitiesDeps(ctx))],
  seedDemo: (db, demo) => seedActivitiesDemo(db, demo),
  personData: activitiesPersonData,
  retention: ACTIVITIES_RETENTION_RULES,
  tasks: activitiesTasks,
};
