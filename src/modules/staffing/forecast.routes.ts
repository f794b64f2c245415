// Thin routes of the staffing forecast (issue 4), registered inside the staffing module (under /api/staffing/forecast…).
// Permission checks live in forecast.service.ts through the policy module.
import type { FastifyInstance } from 'fastify';
import type { StaffingDeps } from './staffing-config.service.ts';

export default async function forecastRoutes(_fastify: FastifyInstance, _opts: { deps: StaffingDeps }) {}
