// The project pages' texts live in their own i18next namespace ("projects"), typed against the Swedish texts.
import { useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type { projectsSv } from './projects.sv.ts';

export const PROJECTS_NS = 'projects';
export const useProjectsT = () => useNamespaceT<typeof projectsSv>(PROJECTS_NS);
export type ProjectsT = ReturnType<typeof useProjectsT>;
