// The joint training plan's server manifest (Gemensamma utbildningar, delprojekt 3; decision 022): planning cycles per
// network and year, needs, the prioritisation meeting's rankings and decision, orders to education brokers, seats and
// cost shares per municipality and the annual follow-up.
import type { ServerModule } from '../../platform/server/module.ts';
import { trainingPlanPolicy } from './training-plan.policy.ts';
import { trainingPlanModule } from './training-plan.routes.ts';
import { seedTrainingPlanDemo } from './training-plan-demo.ts';

export const trainingPlanServer: ServerModule = {
  name: 'training-plan',
  routes: trainingPlanModule,
  policy: trainingPlanPolicy,
  seedDemo: seedTrainingPlanDemo,
};
