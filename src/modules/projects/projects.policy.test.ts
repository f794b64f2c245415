// Every role × every projects action: everyone may open the list (it shows only their projects); only the region's
// admins start projects. Per-project rights (leader, steering group, participants) are tested in projects-access.test.ts.
import { describePolicy } from '../../../tests/support/policy-table.ts';
import { type ProjectsAction, projectsPolicy } from './projects.policy.ts';

const READ: ProjectsAction[] = ['projects:read'];
const ALL = Object.keys(projectsPolicy.rules) as ProjectsAction[];

describePolicy('projects', projectsPolicy, {
  regional_admin: { own: ALL, other: ALL },
  municipal_admin: { own: READ, other: READ },
  reporter: { own: READ, other: READ },
  manager: { own: READ, other: READ },
  mas: { own: READ, other: READ },
  broker: { own: READ, other: READ },
  steering: { own: READ, other: READ },
  employee: { own: READ, other: READ },
});
