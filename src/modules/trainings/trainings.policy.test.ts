// Every role × every trainings action: the catalogue is the region's, reviewed by its office and the MAS network.
import { describePolicy } from '../../../tests/support/policy-table.ts';
import { type TrainingsAction, trainingsPolicy } from './trainings.policy.ts';

const ALL = Object.keys(trainingsPolicy.rules) as TrainingsAction[];
const SUGGEST: TrainingsAction[] = ['trainings:suggest'];

describePolicy('trainings', trainingsPolicy, {
  regional_admin: { own: ALL, other: ALL },
  municipal_admin: { own: SUGGEST, other: SUGGEST },
  reporter: { own: SUGGEST, other: SUGGEST },
  manager: { own: SUGGEST, other: SUGGEST },
  // MAS/MAR review the whole region's catalogue (approve, needs change, remove), not only their own municipality's.
  // They also follow up how the catalogue is used (decision 029).
  mas: {
    own: [...SUGGEST, 'trainings:review', 'trainings:read_usage'],
    other: [...SUGGEST, 'trainings:review', 'trainings:read_usage'],
  },
  broker: { own: SUGGEST, other: SUGGEST },
  steering: { own: SUGGEST, other: SUGGEST },
  employee: { own: SUGGEST, other: SUGGEST },
});
