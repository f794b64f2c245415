// A worker thread's share of a disclosure computation (parallel.ts): protect or audit some of the sensitive cells.

import type { AuditInput } from './audit.ts';
import { type AuditPartResult, auditPart } from './audit.ts';
import { type ProtectInput, type ProtectPartResult, protectPart } from './protect.ts';

export type DisclosureTask =
  | { kind: 'protect'; input: Omit<ProtectInput, 'cost'>; part: number[]; seconds: number }
  | { kind: 'audit'; input: AuditInput; part: number[]; seconds: number };

export default async function run(task: DisclosureTask): Promise<ProtectPartResult | AuditPartResult> {
  if (task.kind === 'protect') return protectPart(task.input, task.part, task.seconds);
  return auditPart(task.input, task.part, task.seconds);
}
