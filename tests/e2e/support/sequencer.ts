// The order the journey files start in. Two workers take files from the front of one queue, so the run ends when the
// last file to start ends: the longest files should start first (and the short ones fill the gaps at the end).
// Vitest orders files by their last run's duration when it has one (node_modules/.vite/vitest), else by size,
// largest first. A clean clone (CI) has no durations, and size guesses badly here: platform.e2e.ts is the 7th
// largest file but the slowest journey (eight roles each sign in and visit their pages, every page checked by axe).
// So: the files below (measured on CI's 2-core machine, slowest first) start first, the rest as vitest would order
// them. A file missing from the list only starts later than it might; measure again with E2E_TIMING=1 when the
// journeys change much.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const SLOWEST_JOURNEYS = [
  'tests/e2e/platform.e2e.ts', // ~92 s
  'tests/e2e/staffing-reporting.e2e.ts', // ~64 s
  'tests/e2e/trainings.e2e.ts', // ~59 s
  'tests/e2e/training-plan.e2e.ts', // ~50 s
];

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rank = (spec: TestSpecification) => {
      const index = SLOWEST_JOURNEYS.findIndex((file) => spec.moduleId === `${root}/${file}`);
      return index === -1 ? SLOWEST_JOURNEYS.length : index;
    };
    // Array.prototype.sort is stable: files off the list keep vitest's order among themselves.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
