// The web modules the composition root registered, and the menu built from their manifests.
// Each entry says who sees it; the pages check the same permissions, and the server enforces them.
import type { MeDto } from '../shared/contracts.ts';
import type { NavEntry, WebModule } from './module.ts';

let registered: readonly WebModule[] = [];

/** Called once by the composition root before the app renders. */
export function registerWebModules(modules: readonly WebModule[]): void {
  registered = modules;
}

export function webModules(): readonly WebModule[] {
  return registered;
}

/**
 * A module's label of an audit event's action or object type in the language, from the manifests; undefined when no
 * module names it (the audit log then shows the code).
 */
export function moduleAuditLabel(
  kind: 'actions' | 'entityTypes',
  code: string,
  language: 'sv' | 'en',
  modules: readonly WebModule[] = registered,
): string | undefined {
  for (const module of modules) {
    const wording = module.auditLabels?.[kind]?.[code];
    if (wording) return wording[language];
  }
  return undefined;
}

/** A menu section as shown: its heading's namespace and key, and the entries this user may see. */
export type VisibleNavSection = {
  id: string;
  namespace: string;
  label?: string;
  /** An entry may carry its own namespace (one that joined the top group from a module). */
  entries: (NavEntry & { namespace?: string })[];
};

const PLATFORM_ENTRIES: NavEntry[] = [{ to: '/', label: 'nav.start', permission: null, exact: true }];

/** The sections with the entries this user may see; empty sections are left out. */
export function visibleNavSections(me: MeDto, modules: readonly WebModule[] = registered): VisibleNavSection[] {
  const visible = (e: NavEntry) =>
    (e.permission === null || me.permissions.includes(e.permission)) && (e.visible?.(me) ?? true);
  const sections: VisibleNavSection[] = [{ id: 'main', namespace: 'translation', entries: PLATFORM_ENTRIES }];
  for (const module of modules) {
    for (const [index, section] of (module.nav ?? []).entries()) {
      // A section without a heading joins the top of the menu (beside the start page), as one group.
      if (!section.label) {
        const namespace = module.navNamespace ?? module.name;
        const main = sections[0] as VisibleNavSection;
        main.entries = [...main.entries, ...section.entries.filter(visible).map((e) => ({ ...e, namespace }))];
        continue;
      }
      sections.push({
        id: `${module.name}-${index}`,
        namespace: module.navNamespace ?? module.name,
        label: section.label,
        entries: section.entries.filter(visible),
      });
    }
  }
  return sections.filter((section) => section.entries.length > 0);
}
