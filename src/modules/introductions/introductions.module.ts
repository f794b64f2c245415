// The introductions module's server manifest: introduction lists and their assignments.
import type { ServerModule } from '../../platform/server/module.ts';
import { introductionsPolicy } from './introductions.policy.ts';
import { introductionsModule } from './introductions.routes.ts';
import { seedIntroductionsDemo } from './introductions-demo.ts';

export const introductionsServer: ServerModule = {
  name: 'introductions',
  routes: introductionsModule,
  policy: introductionsPolicy,
  seedDemo: (db) => seedIntroductionsDemo(db),
};
