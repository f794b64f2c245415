// The composition root of the server: the modules, in the order they register routes and seed the demo. Adding a
// module is one line here (and one in web-modules.ts); the platform loops over this list and never names a module.
import { activitiesServer } from '../modules/activities/activities.module.ts';
import { adminServer } from '../modules/admin/admin.module.ts';
import { careerPathsServer } from '../modules/career-paths/career-paths.module.ts';
import { furtherEducationServer } from '../modules/further-education/further-education.module.ts';
import { specialistSupplyFromTrainingPosts } from '../modules/further-education/further-education-lookup.service.ts';
import { introductionsServer } from '../modules/introductions/introductions.module.ts';
import { peopleServer } from '../modules/people/people.module.ts';
import { projectsServer } from '../modules/projects/projects.module.ts';
import { provideSpecialistSupply } from '../modules/staffing/forecast/specialist-supply.ts';
import { staffingServer } from '../modules/staffing/staffing.module.ts';
import { trainingPlanServer } from '../modules/training-plan/training-plan.module.ts';
import { trainingsServer } from '../modules/trainings/trainings.module.ts';
import type { ServerModule } from '../platform/server/module.ts';
import { registerPolicies } from '../platform/server/policy.ts';

export const SERVER_MODULES: readonly ServerModule[] = [
  adminServer,
  staffingServer,
  trainingsServer,
  introductionsServer,
  peopleServer,
  projectsServer,
  activitiesServer,
  careerPathsServer,
  trainingPlanServer,
  furtherEducationServer,
];

registerPolicies(SERVER_MODULES.flatMap((m) => (m.policy ? [m.policy] : [])));
// The staffing forecast's specialist supply line counts further education's training posts (decision 026).
provideSpecialistSupply(specialistSupplyFromTrainingPosts);
