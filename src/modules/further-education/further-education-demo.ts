// Further education's demo (invented, marked "(demo)"): the two default models; filled in below.
import type { Db } from '../../platform/server/db.ts';
import type { DemoContext } from '../../platform/server/module.ts';
import { furtherEducationModel } from './further-education.table.ts';
import { DEFAULT_MODELS } from './models.service.ts';

export async function seedFurtherEducationDemo(db: Db, _demo: DemoContext): Promise<void> {
  await db.insert(furtherEducationModel).values(DEFAULT_MODELS.map((m, i) => ({ ...m, sort: i * 10 })));
}
