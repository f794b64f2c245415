// Further education's server manifest (Vidareutbildning, decision 026): training models, adoptions per municipality
// with steps and documents, the map's data, training posts feeding the staffing forecast (through the lookup).
import type { ServerModule } from '../../platform/server/module.ts';
import { furtherEducationPolicy } from './further-education.policy.ts';
import { furtherEducationRoutes } from './further-education.routes.ts';
import { seedFurtherEducationDemo } from './further-education-demo.ts';
import { FURTHER_EDUCATION_RETENTION, furtherEducationPersonData } from './further-education-person-data.ts';

export const furtherEducationServer: ServerModule = {
  name: 'further-education',
  routes: furtherEducationRoutes,
  policy: furtherEducationPolicy,
  seedDemo: seedFurtherEducationDemo,
  personData: furtherEducationPersonData,
  retention: FURTHER_EDUCATION_RETENTION,
};
