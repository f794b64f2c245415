// The one place that decides permissions: can(actor, action, resource).
// Routes and services never look at roles themselves; they ask this module. The rules come from the platform's own
// policy and from each module's `<module>.policy.ts`, registered by the composition root (src/app/server-modules.ts).
import { platformPolicy } from '../shared/platform.policy.ts';
import type { Action, Actor, ModulePolicy, Resource, Rule } from '../shared/policy-kit.ts';
import { isRegionalAdmin } from '../shared/policy-kit.ts';

export { rolesAllowedFor } from '../shared/platform.policy.ts';
export type { Action, Actor, Resource } from '../shared/policy-kit.ts';

const rules = new Map<string, Rule>(Object.entries(platformPolicy.rules));

/** Adds modules' rules to the one policy. An action may be declared by one module only. */
export function registerPolicies(policies: readonly ModulePolicy[]): void {
  for (const policy of policies) {
    for (const [action, rule] of Object.entries(policy.rules) as [string, Rule][]) {
      const known = rules.get(action);
      if (known && known !== rule) throw new Error(`The action ${action} is declared by two policies.`);
      rules.set(action, rule);
    }
  }
}

/** Every registered action, in registration order (the platform's first). */
export function allActions(): Action[] {
  return [...rules.keys()] as Action[];
}

export function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
  const rule = rules.get(action);
  // A typo or an unregistered module must fail loudly, never answer "no" quietly.
  if (!rule) throw new Error(`Unknown action ${action}: is its module's policy registered in src/app?`);
  if (!actor) return false;
  return rule(actor, resource) && (!actor.ceiling || rule(actor.ceiling, resource));
}

/**
 * Which organisations' records of a kind the actor may see: 'all', or a list of organisation ids.
 * Services filter their queries with this, so scoping is explicit in every query.
 */
export function visibleOrganisations(actor: Actor, action: Action): 'all' | string[] {
  if (isRegionalAdmin(actor)) return 'all';
  if (can(actor, action, { organisationId: actor.organisationId })) return [actor.organisationId];
  return [];
}
