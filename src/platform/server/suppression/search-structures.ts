// Small data structures of the certificate searches: one side of a bidirectional search, a binary heap.

/** One direction of the bidirectional search: per-state marks (valid when equal to the search's stamp) and links. */
export class SearchSide {
  readonly seen: Int32Array;
  readonly done: Int32Array;
  readonly dist: Float64Array;
  readonly parent: Int32Array;
  readonly parentCell: Int32Array;
  readonly parentSign: Int8Array;
  /** Lazy cursors over an equation's shown cells: the state they leave from and the next position to try. */
  readonly cursorFrom: Int32Array;
  readonly cursorAt: Int32Array;
  cursors = 0;
  root = 0;
  /** With hidden cells only every cost is 0, so a plain queue does what the heap would, faster. */
  private readonly heap = new MinHeap();
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  private costly = false;

  constructor(states: number) {
    this.seen = new Int32Array(states);
    this.done = new Int32Array(states);
    this.dist = new Float64Array(states);
    this.parent = new Int32Array(states);
    this.parentCell = new Int32Array(states);
    this.parentSign = new Int8Array(states);
    this.cursorFrom = new Int32Array(states);
    this.cursorAt = new Int32Array(states);
    this.queue = new Int32Array(states);
  }

  get size(): number {
    return this.costly ? this.heap.size : this.tail - this.head;
  }

  reset(root: number, stamp: number, costly: boolean): void {
    this.costly = costly;
    this.heap.clear();
    this.head = 0;
    this.tail = 0;
    this.cursors = 0;
    this.root = root;
    this.seen[root] = stamp;
    this.dist[root] = 0;
    this.push(0, root);
  }

  push(priority: number, item: number): void {
    if (this.costly) this.heap.push(priority, item);
    else this.queue[this.tail++] = item;
  }

  topPriority(): number {
    return this.costly ? this.heap.topPriority() : 0;
  }

  pop(): number {
    return this.costly ? this.heap.pop() : (this.queue[this.head++] as number);
  }
}

/** Binary min-heap of (priority, item); ties pop in insertion order, which keeps results deterministic. */
export class MinHeap {
  private priority: number[] = [];
  private order: number[] = [];
  private state: number[] = [];
  private counter = 0;

  get size(): number {
    return this.state.length;
  }

  clear(): void {
    this.priority.length = 0;
    this.order.length = 0;
    this.state.length = 0;
    this.counter = 0;
  }

  push(priority: number, state: number): void {
    this.priority.push(priority);
    this.order.push(this.counter++);
    this.state.push(state);
    let i = this.state.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.less(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }

  topPriority(): number {
    return this.priority[0] as number;
  }

  pop(): number {
    const top = this.state[0] as number;
    const last = this.state.length - 1;
    this.swap(0, last);
    this.priority.pop();
    this.order.pop();
    this.state.pop();
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < last && this.less(left, best)) best = left;
      if (right < last && this.less(right, best)) best = right;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    const pi = this.priority[i] as number;
    const pj = this.priority[j] as number;
    return pi < pj || (pi === pj && (this.order[i] as number) < (this.order[j] as number));
  }

  private swap(i: number, j: number): void {
    swapAt(this.priority, i, j);
    swapAt(this.order, i, j);
    swapAt(this.state, i, j);
  }
}

export function swapAt(a: number[], i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
