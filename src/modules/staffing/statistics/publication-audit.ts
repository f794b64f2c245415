// The operator's audit of the stored publications (issue 13, decision 016): for every publication, the platform's
// attacker audit over everything it and the period's earlier publications showed, with the report's rules, against
// the public and against every municipality knowing its own figures. Independent of how the pattern was chosen (the
// demo's patterns were computed ahead; a database restored from elsewhere is checked the same way).
import { asc, eq } from 'drizzle-orm';
import { auditPublication } from '../../../platform/server/disclosure/audit.ts';
import type { Violation } from '../../../platform/server/disclosure/types.ts';
import { staffingPublication } from '../publication.table.ts';
import { staffingPeriod } from '../staffing.table.ts';
import { loadConfig, type StaffingDeps } from '../staffing-config.service.ts';
import { disclosureModel, publicationShape } from './publication.ts';
import { earlierOf, type StoredPublication } from './publications.service.ts';

export type PublicationAudit = {
  period: string;
  version: number;
  publishedAt: string;
  cells: number;
  hidden: number;
  ok: boolean;
  violations: Violation[];
  lps: number;
  seconds: number;
};

/** The model of a stored publication: its stored values, the report's rules and sums, its earlier publications. */
export async function storedModel(deps: StaffingDeps, row: StoredPublication, before: readonly StoredPublication[]) {
  const shape = publicationShape(await loadConfig(deps));
  const raw = new Map(Object.entries(row.cellValues));
  const model = disclosureModel(
    shape,
    raw,
    row.municipalities.map((m) => m.id),
  );
  return { ...model, earlier: earlierOf(before, model.cells) };
}

/** Audits every stored publication (or one period's, by label), oldest first. */
export async function auditStoredPublications(
  deps: StaffingDeps,
  options: { period?: string; onResult?: (r: PublicationAudit) => void } = {},
): Promise<PublicationAudit[]> {
  const rows = await deps.db
    .select({ publication: staffingPublication, label: staffingPeriod.label })
    .from(staffingPublication)
    .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingPublication.periodId))
    .where(options.period ? eq(staffingPeriod.label, options.period) : undefined)
    .orderBy(asc(staffingPeriod.referenceDate), asc(staffingPublication.version));
  const results: PublicationAudit[] = [];
  for (const { publication, label } of rows) {
    const started = performance.now();
    const before = rows
      .filter((r) => r.publication.periodId === publication.periodId && r.publication.version < publication.version)
      .map((r) => r.publication);
    const model = await storedModel(deps, publication, before);
    const audit = await auditPublication({
      cells: model.cells,
      relations: model.relations,
      earlier: model.earlier,
      forced: model.forced,
      hidden: new Set(publication.hidden),
      k: deps.minCount,
    });
    const result: PublicationAudit = {
      period: label,
      version: publication.version,
      publishedAt: publication.publishedAt.toISOString(),
      cells: model.cells.length,
      hidden: publication.hidden.length,
      ok: audit.ok,
      violations: audit.violations,
      lps: audit.lps,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    options.onResult?.(result);
    results.push(result);
  }
  return results;
}
