// The one piece the protector and the audit share: a thin wrapper over HiGHS (npm `highs`, the Edinburgh solver
// compiled to WebAssembly). One solver instance per process, loaded on first use; one persistent model per linear
// program family so that re-solves with another objective start from the previous basis. Creating a HiGHS instance
// costs about 1.3 ms, ten times what passing a small program to an existing one and solving it does, and the engine
// solves thousands of small programs: disposed instances go back to a pool and are reused.
import loadHighs, { type Highs, type Model } from 'highs';

let loading: Promise<Highs> | undefined;
const pool: Model[] = [];
const POOL_SIZE = 4;

export function solver(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}

/** A linear program in row form: lower ≤ A·x ≤ upper, colLower ≤ x ≤ colUpper. */
export type LinearProgram = {
  numCols: number;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** Rows as sparse lists over columns. */
  rows: { cols: number[]; coefs: number[]; lower: number; upper: number }[];
};

export type LpOutcome =
  | { status: 'optimal'; x: Float64Array; objective: number }
  | { status: 'infeasible' | 'unbounded' | 'unboundedOrInfeasible' | 'limit' | 'error' };

/** A persistent model: build once, then minimise or maximise different objectives. Call dispose() when done. */
export class LpModel {
  readonly #highs: Highs;
  readonly #model: Model;
  readonly #numCols: number;

  constructor(highs: Highs, lp: LinearProgram, seconds: number) {
    this.#highs = highs;
    this.#numCols = lp.numCols;
    const starts = new Int32Array(lp.rows.length + 1);
    let nnz = 0;
    for (let r = 0; r < lp.rows.length; r++) {
      nnz += (lp.rows[r] as LinearProgram['rows'][number]).cols.length;
      starts[r + 1] = nnz;
    }
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    const rowLower = new Float64Array(lp.rows.length);
    const rowUpper = new Float64Array(lp.rows.length);
    let at = 0;
    lp.rows.forEach((row, r) => {
      rowLower[r] = row.lower;
      rowUpper[r] = row.upper;
      for (let i = 0; i < row.cols.length; i++) {
        indices[at] = row.cols[i] as number;
        values[at] = row.coefs[i] as number;
        at++;
      }
    });
    this.#model = pool.pop() ?? highs.createModel();
    try {
      // Presolve off: these programs are small and sparse, and presolve cost more than it saved (decision 014).
      this.#model.options.set({ output_flag: false, time_limit: seconds, presolve: 'off' });
      this.#model.passModel({
        numCols: lp.numCols,
        numRows: lp.rows.length,
        colCost: new Float64Array(lp.numCols),
        colLower: lp.colLower,
        colUpper: lp.colUpper,
        rowLower,
        rowUpper,
        matrix: { format: 'csr', numRows: lp.rows.length, numCols: lp.numCols, starts, indices, values },
      });
    } catch (error) {
      this.#model.dispose();
      throw error;
    }
  }

  /** Optimise Σ cost·x (sparse cost: the other columns cost 0). */
  optimise(sense: 'min' | 'max', cost: Float64Array): LpOutcome {
    const { objectiveSense, modelStatus } = this.#highs.constants;
    this.#model.changeObjectiveSense(sense === 'min' ? objectiveSense.minimize : objectiveSense.maximize);
    if (this.#numCols > 0) this.#model.changeColsCost({ kind: 'range', from: 0, to: this.#numCols - 1 }, cost);
    try {
      // HiGHS counts time_limit over all runs of a model: restart the clock so the limit is per program.
      this.#model.zeroAllClocks();
      this.#model.run();
    } catch {
      return { status: 'error' };
    }
    const status = this.#model.getModelStatus();
    if (status === modelStatus.optimal || status === modelStatus.empty) {
      const x = this.#numCols > 0 ? this.#model.getSolution().colValue : new Float64Array(0);
      return { status: 'optimal', x, objective: this.#model.getObjectiveValue() };
    }
    if (status === modelStatus.infeasible) return { status: 'infeasible' };
    if (status === modelStatus.unbounded) return { status: 'unbounded' };
    if (status === modelStatus.unboundedOrInfeasible) return { status: 'unboundedOrInfeasible' };
    if (status === modelStatus.timeLimit || status === modelStatus.iterationLimit) return { status: 'limit' };
    return { status: 'error' };
  }

  setColBounds(col: number, lower: number, upper: number): void {
    this.#model.changeColBounds(col, lower, upper);
  }

  /** Done with the program: the instance goes back to the pool (passModel replaces its model and solver state). */
  dispose(): void {
    if (pool.length < POOL_SIZE && pool.indexOf(this.#model) < 0) pool.push(this.#model);
    else this.#model.dispose();
  }
}
