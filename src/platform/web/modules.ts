// The web modules the composition root registered, and the menu built from their manifests.
// Each entry says who sees it; the pages check the same permissions, and the server enforces them.
import type { MeDto } from '../shared/contracts.ts';
import { hasPermission } from './api/me-query.ts';
import type { NavEntry, WebModule } from './module.ts';

let registered: readonly WebModule[] = [];

/** Called once by the composition root before the app renders. */
export function registerWebModules(modules: readonly WebModule[]): void {
  registered = modules;
}

export function webModules(): readonly WebModule[] {
  return registered;
}

/** A menu section as shown: its heading's namespace and key, and the entries this user may see. */
export type VisibleNavSection = { id: string; namespace: string; label?: string; entries: NavEntry[] };

const PLATFORM_ENTRIES: NavEntry[] = [{ to: '/', label: 'nav.start', permission: null, exact: true }];

/** The sections with the entries this user may see; empty sections are left out. */
export function visibleNavSections(me: MeDto, modules: readonly WebModule[] = registered): VisibleNavSection[] {
  const visible = (e: NavEntry) =>
    (e.permission === null || hasPermission(me, e.permission)) && (e.visible?.(me) ?? true);
  const sections: VisibleNavSection[] = [{ id: 'main', namespace: 'translation', entries: PLATFORM_ENTRIES }];
  for (const module of modules) {
    for (const [index, section] of (module.nav ?? []).entries()) {
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
