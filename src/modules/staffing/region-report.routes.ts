// Thin routes of the region report (issue 4), registered inside the staffing module (under /api/staffing/region-reports…).
import type { FastifyInstance } from 'fastify';
import type { StaffingDeps } from './staffing-config.service.ts';

export default async function regionReportRoutes(_fastify: FastifyInstance, _opts: { deps: StaffingDeps }) {}
