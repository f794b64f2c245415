// The staff register's web manifest (Personal): the unit tree and list, a person and their register extract, the
// unit tree's management, the HR import, the retention rules and the employee's own record.
import type { WebModule } from '../../../platform/web/module.ts';
import { peopleEn } from './people.en.ts';
import { peopleSv } from './people.sv.ts';
import { peopleAuditLabels } from './people-audit-labels.ts';
import { peopleRoutes } from './people-routes.tsx';

export const peopleWeb = {
  name: 'people',
  translations: [{ namespace: 'people', sv: peopleSv, en: peopleEn }],
  signedInRoutes: [...peopleRoutes],
  nav: [
    {
      label: 'nav.people',
      entries: [
        { to: '/people', label: 'nav.persons', permission: 'people:read', exact: true },
        { to: '/people/units', label: 'nav.units', permission: 'people:manage_units' },
        { to: '/people/import', label: 'nav.import', permission: 'people:manage' },
        { to: '/people/retention', label: 'nav.retention', permission: 'people:read_retention' },
        {
          to: '/people/mine',
          label: 'nav.mine',
          permission: 'people:read_own',
          // Employees look themselves up; those who work with the register find themselves in it.
          visible: (me) => me.roles.includes('employee'),
        },
      ],
    },
  ],
  auditLabels: peopleAuditLabels,
} satisfies WebModule;
