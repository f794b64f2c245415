// The career path module's server manifest (Karriärvägar, decision 027): the region's model, task matrix,
// municipalities' implementation, staff by role, the cost calculation and development plans.
import type { ServerModule } from '../../platform/server/module.ts';
import { careerMessages as cm } from './career-paths.messages.ts';
import { careerPathsPolicy } from './career-paths.policy.ts';
import { careerDeps, careerPathsModule } from './career-paths.routes.ts';
import { seedCareerPathsDemo } from './career-paths-demo.ts';
import { CAREER_RETENTION_RULES, careerPersonData } from './career-paths-person-data.ts';
import { remindReviews, reviewsDue } from './plans.service.ts';

export const careerPathsServer: ServerModule = {
  name: 'career-paths',
  routes: careerPathsModule,
  policy: careerPathsPolicy,
  seedDemo: (db, demo) => seedCareerPathsDemo(db, demo),
  jobs: (ctx) => [
    {
      name: 'career-paths:review-reminders',
      schedule: '15 7 * * *',
      run: async (now) => {
        await remindReviews(careerDeps(ctx), now);
      },
    },
  ],
  tasks: async (ctx, call) => {
    const count = await reviewsDue(careerDeps(ctx), call);
    return count > 0 ? [{ key: 'reviews', message: cm.taskReviews(), count, href: '/career-paths/plans' }] : [];
  },
  personData: careerPersonData,
  retention: CAREER_RETENTION_RULES,
};
