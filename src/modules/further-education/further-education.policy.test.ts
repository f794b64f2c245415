// Every role × every further-education action, on the own municipality's objects and another's: every role but the
// employee reads; the region's admin edits models and everything else; a municipal admin moves its own adoptions and
// keeps its own training posts; a manager keeps its own municipality's posts (within their units, people-scope).
import { describePolicy } from '../../../tests/support/policy-table.ts';
import { type FurtherEducationAction, furtherEducationPolicy } from './further-education.policy.ts';

const READ: FurtherEducationAction[] = ['further_education:read'];
const POSTS: FurtherEducationAction[] = ['further_education:read_posts', 'further_education:manage_posts'];
const ALL = Object.keys(furtherEducationPolicy.rules) as FurtherEducationAction[];

describePolicy('further-education', furtherEducationPolicy, {
  regional_admin: { own: ALL, other: ALL },
  municipal_admin: { own: [...READ, 'further_education:manage_adoption', ...POSTS], other: READ },
  reporter: { own: READ, other: READ },
  manager: { own: [...READ, ...POSTS], other: READ },
  mas: { own: READ, other: READ },
  broker: { own: READ, other: READ },
  steering: { own: READ, other: READ },
  employee: { own: [], other: [] },
});
