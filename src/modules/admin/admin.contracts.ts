// Contracts of the platform's administration: the region, municipalities, networks, users and roles,
// API tokens and the audit log. Imported by the server routes and by the web pages.
import { z } from 'zod';
import { type OrganisationDto, organisationSchema } from '../../platform/shared/contracts.ts';
import { ROLES } from '../../platform/shared/roles.ts';
import { adminMessages as am } from './admin.messages.ts';

export { type OrganisationDto, organisationSchema };

export const LIMITS = { name: 200, description: 2000, email: 254, pageSize: 50, tokenRoles: ROLES.length };

export const roleSchema = z.enum(ROLES);
export const userIdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

// Custom messages are codes of admin.messages.ts, answered in the request's language.
const name = z.string().trim().min(1, am.nameRequired.code).max(LIMITS.name, am.nameTooLong.code);
const scbCode = z
  .string()
  .trim()
  .regex(/^[0-9]{4}$/, am.scbCode.code);

export const organisationListQuerySchema = z.strictObject({
  includeInactive: z.enum(['true', 'false']).optional(),
});
export const createMunicipalitySchema = z.strictObject({ name, code: scbCode });
export const updateOrganisationSchema = z.strictObject({
  name: name.optional(),
  code: scbCode.optional(),
  active: z.boolean().optional(),
});

export const NETWORK_KINDS = ['network', 'steering_group', 'reference_group', 'working_group'] as const;
export const networkSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(NETWORK_KINDS),
  description: z.string(),
  active: z.boolean(),
  memberCount: z.number().int(),
});
export type NetworkDto = z.infer<typeof networkSchema>;
export const networkMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
});
export const networkDetailSchema = networkSchema.extend({
  /** Only the members the actor may see (other municipalities' members are counted, not named). */
  members: z.array(networkMemberSchema),
});
export const createNetworkSchema = z.strictObject({
  name,
  kind: z.enum(NETWORK_KINDS),
  description: z.string().trim().max(LIMITS.description).default(''),
});
export const updateNetworkSchema = z.strictObject({
  name: name.optional(),
  kind: z.enum(NETWORK_KINDS).optional(),
  description: z.string().trim().max(LIMITS.description).optional(),
  active: z.boolean().optional(),
});
export const networkMemberParamsSchema = z.strictObject({ id: z.uuid(), userId: z.string().min(1).max(64) });

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  /** False until the user has chosen a password (an invitation not yet followed). */
  hasPassword: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type UserDto = z.infer<typeof userSchema>;
export const userListQuerySchema = z.strictObject({
  organisationId: z.uuid().optional(),
  role: roleSchema.optional(),
  q: z.string().trim().max(100).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export const userListSchema = z.object({ items: z.array(userSchema), total: z.number().int(), page: z.number().int() });

const email = z.string().trim().toLowerCase().max(LIMITS.email).pipe(z.email(am.email.code));
const roles = z.array(roleSchema).min(1, am.rolesRequired.code).max(ROLES.length);

export const inviteUserSchema = z.strictObject({ name, email, organisationId: z.uuid(), roles });
export const updateUserSchema = z.strictObject({ name: name.optional(), roles: roles.optional() });

export const updatePreferencesSchema = z.strictObject({ locale: z.enum(['sv', 'en']) });

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  roles: z.array(roleSchema),
  tokenPrefix: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;
export const createApiTokenSchema = z.strictObject({
  name,
  organisationId: z.uuid(),
  roles,
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export const createdApiTokenSchema = z.object({
  apiToken: apiTokenSchema,
  /** The token itself: shown once, never stored. */
  token: z.string(),
});

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The object's name where the log knows it (a user's, a municipality's, a training's title …), else null. */
  entityName: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  requestId: z.string().nullable(),
  ipAddress: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;
export const auditQuerySchema = z.strictObject({
  action: z.string().trim().max(100).optional(),
  actorUserId: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  organisationId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export const auditListSchema = z.object({
  items: z.array(auditEventSchema),
  total: z.number().int(),
  page: z.number().int(),
  actions: z.array(z.string()),
});

export const okSchema = z.object({ ok: z.literal(true) });
