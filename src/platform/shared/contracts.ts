// Schemas the platform and every module share: ids in paths, the region's public facts and the signed-in user.
import { z } from 'zod';
import type { Action } from './policy-kit.ts';
import { ORGANISATION_KINDS, ROLES } from './roles.ts';

export const idParamsSchema = z.strictObject({ id: z.uuid() });

export const regionInfoSchema = z.object({ name: z.string(), municipalityCount: z.number().int() });
export type RegionInfo = z.infer<typeof regionInfoSchema>;

/** An organisation: the region's own office or a member municipality. */
export const organisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  code: z.string().nullable(),
  active: z.boolean(),
  userCount: z.number().int(),
});
export type OrganisationDto = z.infer<typeof organisationSchema>;

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  locale: z.enum(['sv', 'en']),
  roles: z.array(z.enum(ROLES)),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
  region: z.object({ name: z.string() }),
  /** What the policy lets this user do on their own organisation's objects, e.g. "user:manage". */
  permissions: z.array(z.string()),
});
/** The signed-in user; `permissions` holds the registered actions (platform/shared/policy-kit.ts). */
export type MeDto = Omit<z.infer<typeof meSchema>, 'permissions'> & { permissions: Action[] };

/**
 * One item of the start page's "Att göra" (decision 018): a module's task for the signed-in user, already worded in
 * the user's language, with a count and a direct link. `due` is a date (YYYY-MM-DD) when the task has a deadline.
 */
export const taskSchema = z.object({
  /** Unique on the page, module-qualified ("staffing.openReport.<periodId>"). */
  key: z.string(),
  module: z.string(),
  label: z.string(),
  count: z.number().int(),
  /** A path of the web app. */
  href: z.string(),
  due: z.string().nullable(),
});
export const taskListSchema = z.object({ tasks: z.array(taskSchema) });
export type TaskDto = z.infer<typeof taskSchema>;
