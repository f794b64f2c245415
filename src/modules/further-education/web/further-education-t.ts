// Further education's texts live in their own i18next namespace, typed against the Swedish texts.
import { useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type { furtherEducationSv } from './further-education.sv.ts';

export const FURTHER_EDUCATION_NS = 'further_education';
export const useFurtherEducationT = () => useNamespaceT<typeof furtherEducationSv>(FURTHER_EDUCATION_NS);
export type FurtherEducationT = ReturnType<typeof useFurtherEducationT>;
