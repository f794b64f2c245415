// The admin module's server manifest: the platform's own data (municipalities, networks, users and roles, API
// tokens, the audit log) as routes; its rules are the platform's (platform/shared/platform.policy.ts).
import type { ServerModule } from '../../platform/server/module.ts';
import { adminModule } from './admin.routes.ts';

export const adminServer: ServerModule = { name: 'admin', routes: adminModule };
