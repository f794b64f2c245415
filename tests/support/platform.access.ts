// The platform's own routes in the role × route matrix (run by src/modules/admin/access-matrix.test.ts, read by the
// route coverage test): health checks, the OpenAPI document and its browsable docs, and better-auth's endpoints.
// Kept here until the platform has a test of its own to run it (src/platform/server/platform.access.ts would do).
import { ACTORS, anyone, defineAccessMatrix } from './access-matrix.ts';

export const accessMatrix = defineAccessMatrix({
  module: 'platform',
  routePattern: /^\/(healthz|readyz)$|^\/api\/(openapi\.json$|auth\/|docs)/,
  cells: [
    {
      name: 'liveness',
      method: 'GET',
      url: '/healthz',
      request: () => ({ method: 'GET', url: '/healthz' }),
      expect: anyone(200),
    },
    {
      name: 'readiness',
      method: 'GET',
      url: '/readyz',
      request: () => ({ method: 'GET', url: '/readyz' }),
      expect: anyone(200),
    },
    {
      name: 'OpenAPI document',
      method: 'GET',
      url: '/api/openapi.json',
      request: () => ({ method: 'GET', url: '/api/openapi.json' }),
      expect: anyone(200),
    },
    {
      name: 'the docs page',
      method: 'GET',
      url: '/api/docs',
      request: () => ({ method: 'GET', url: '/api/docs' }),
      expect: anyone(200),
    },
    {
      // An old address of the docs page, redirected to it.
      name: 'the docs page (old address)',
      method: 'GET',
      url: '/api/docs/static/index.html',
      request: () => ({ method: 'GET', url: '/api/docs/static/index.html' }),
      expect: anyone(302),
    },
    {
      name: 'the docs set-up script',
      method: 'GET',
      url: '/api/docs/static/swagger-initializer.js',
      request: () => ({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' }),
      expect: anyone(200),
    },
    {
      name: 'the docs stylesheet and scripts',
      method: 'GET',
      url: '/api/docs/static/*',
      request: () => ({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }),
      expect: anyone(200),
    },
    {
      name: 'the document for the docs (JSON)',
      method: 'GET',
      url: '/api/docs/json',
      request: () => ({ method: 'GET', url: '/api/docs/json' }),
      expect: anyone(200),
    },
    {
      name: 'the document for the docs (YAML)',
      method: 'GET',
      url: '/api/docs/yaml',
      request: () => ({ method: 'GET', url: '/api/docs/yaml' }),
      expect: anyone(200),
    },
    {
      // Signed out, better-auth answers 200 with no session.
      name: 'better-auth: the session',
      method: 'GET',
      url: '/api/auth/*',
      request: () => ({ method: 'GET', url: '/api/auth/get-session' }),
      expect: anyone(200),
    },
    {
      // An unknown address gets the same answer as a known one; each actor asks from its own address (a limit per IP).
      name: 'better-auth: a password reset link',
      method: 'POST',
      url: '/api/auth/*',
      request: (_fx, actor) => ({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        payload: { email: `ingen.${actor}@test.example`, redirectTo: '/set-password' },
        remoteAddress: `10.250.0.${ACTORS.indexOf(actor) + 1}`,
      }),
      expect: anyone(200),
    },
  ],
});
