// Statistical disclosure control for any module's published tables (decision 014, reliability guide item 19).
export { type AuditInput, auditPublication } from './audit.ts';
export { type ProtectInput, type ProtectResult, protect } from './protect.ts';
export { atMostRelation, sumRelation, type TableTotals, tableRelations } from './relations.ts';
export {
  type AuditResult,
  DEFAULT_K,
  type DisclosureCell,
  type DisclosureInput,
  type EarlierPublication,
  type Interval,
  type Relation,
  type SolverLimits,
  type Violation,
} from './types.ts';
