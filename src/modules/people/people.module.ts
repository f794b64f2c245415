// The staff register's server manifest (Personal och enheter, decision 015): units, persons, the HR import, the
// register extract and the retention of persons whose employment ended long ago.
import type { ServerModule } from '../../platform/server/module.ts';
import { personDataProviders } from '../../platform/server/person-data.ts';
import { peoplePolicy } from './people.policy.ts';
import { peopleModule } from './people.routes.ts';
import { seedPeopleDemo } from './people-demo.ts';
import { peoplePersonData } from './people-person-data.ts';
import { PEOPLE_RETENTION_RULES, retentionJob } from './retention.service.ts';

export const peopleServer: ServerModule = {
  name: 'people',
  routes: peopleModule,
  policy: peoplePolicy,
  jobs: ({ db, modules }) => [retentionJob(db, personDataProviders(modules))],
  seedDemo: (db, demo) => seedPeopleDemo(db, demo),
  personData: peoplePersonData,
  retention: PEOPLE_RETENTION_RULES,
};
