// The admin module's web manifest: networks, municipalities, users and roles, API tokens, the audit log.
// Its texts (menu entries included) are the namespace "admin".
import type { WebModule } from '../../../platform/web/module.ts';
import { adminEn } from './admin.en.ts';
import { adminSv } from './admin.sv.ts';
import { adminRoutes, networkRoutes } from './admin-routes.tsx';

export const adminWeb = {
  name: 'admin',
  translations: [{ namespace: 'admin', sv: adminSv, en: adminEn }],
  signedInRoutes: [...networkRoutes, ...adminRoutes],
  nav: [
    { entries: [{ to: '/networks', label: 'nav.networks', permission: 'network:read' }] },
    {
      label: 'nav.admin',
      entries: [
        { to: '/admin/municipalities', label: 'nav.municipalities', permission: 'organisation:manage' },
        { to: '/admin/users', label: 'nav.users', permission: 'user:read' },
        { to: '/admin/tokens', label: 'nav.tokens', permission: 'token:manage' },
        { to: '/admin/audit', label: 'nav.audit', permission: 'audit:read' },
      ],
    },
  ],
} satisfies WebModule;
