// A web module's manifest: its pages (public and signed in), its menu section and its texts. The composition root
// (src/app/web-modules.ts) lists the manifests; the web shell loops over them and never names a module.
import type { AnyRoute } from '@tanstack/react-router';
import type { MeDto } from '../shared/contracts.ts';
import type { Action } from '../shared/policy-kit.ts';

export type NavEntry = {
  /** A path of one of the module's pages. */
  to: string;
  /** A key in the module's translation namespace, e.g. "nav.reports". */
  label: string;
  /** Shown to users holding this permission; `null` shows it to everyone signed in. */
  permission: Action | null;
  /** Extra condition beside the permission. */
  visible?: (me: MeDto) => boolean;
  /** Highlight only on this exact path. */
  exact?: boolean;
};

export type NavSection = {
  /** A key in the module's namespace for the section heading; none for the platform's top entries. */
  label?: string;
  entries: NavEntry[];
};

/** Texts of one namespace: nested objects of strings. */
export type Texts = { readonly [key: string]: string | Texts };

/** A label in both languages. */
export type Wording = { sv: string; en: string };

/** How the audit log names a module's events and the kinds of object they concern (e.g. "staffing_report.submit"). */
export type AuditLabels = {
  actions?: Readonly<Record<string, Wording>>;
  entityTypes?: Readonly<Record<string, Wording>>;
};

export type WebModule = {
  /** Short English name ("staffing"); also the default translation namespace. */
  name: string;
  /** The module's texts, one or more namespaces, each in Swedish and English. */
  translations?: { namespace: string; sv: Texts; en: Texts }[];
  /** Pages anyone may open (no sign-in). */
  publicRoutes?: readonly AnyRoute[];
  /** Pages under the signed-in frame. */
  signedInRoutes?: readonly AnyRoute[];
  /** The module's menu sections; their labels and entries are keys in `navNamespace` (default: `name`). */
  nav?: NavSection[];
  navNamespace?: string;
  /** Swedish and English labels of the module's audit events, shown in the audit log. */
  auditLabels?: AuditLabels;
};
