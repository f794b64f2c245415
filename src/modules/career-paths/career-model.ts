// The career path model's rules as pure functions (decision 027): the "leads to" ways must not form a cycle, every
// key is unique and refers to something in the model, and every task has a value for every role of the matrix.
// Used by the service before a draft is saved, and by the web page to lay the graph out.
import type { Message } from '../../platform/shared/messages.ts';
import type { CareerModel, Way } from './career-paths.contracts.ts';
import { careerMessages as cm } from './career-paths.messages.ts';

/**
 * A cycle in the directed graph of ways, as the role keys along it with the first repeated at the end
 * (`['a', 'b', 'a']`), or null when there is none. Depth-first search with three colours; roles in input order.
 */
export function findCycle(ways: readonly Pick<Way, 'from' | 'to'>[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const w of ways) {
    const list = next.get(w.from) ?? [];
    list.push(w.to);
    next.set(w.from, list);
    if (!next.has(w.to)) next.set(w.to, []);
  }
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: finished
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 1);
    path.push(node);
    for (const to of next.get(node) ?? []) {
      const s = state.get(to);
      if (s === 1) return [...path.slice(path.indexOf(to)), to];
      if (s === undefined) {
        const found = visit(to);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 2);
    return null;
  };
  for (const node of next.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

export type ModelProblem = { path: string; message: Message };

/** Everything wrong with a model beyond its shape (the schema checks that): an empty list when it may be saved. */
export function modelProblems(model: CareerModel, professionKeys: ReadonlySet<string>): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const unique = (list: readonly { key: string }[], where: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.key)) problems.push({ path: `model.${where}.${i}.key`, message: cm.duplicateKey({ key: x.key }) });
      seen.add(x.key);
    });
    return seen;
  };
  const roles = unique(model.roles, 'roles');
  const groups = unique(model.taskGroups, 'taskGroups');
  unique(model.tasks, 'tasks');
  unique(model.checklist, 'checklist');
  model.roles.forEach((r, i) => {
    if (r.professionKey && !professionKeys.has(r.professionKey)) {
      problems.push({
        path: `model.roles.${i}.professionKey`,
        message: cm.unknownProfession({ key: r.professionKey }),
      });
    }
  });
  model.ways.forEach((w, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!roles.has(w[end]))
        problems.push({ path: `model.ways.${i}.${end}`, message: cm.unknownRole({ key: w[end] }) });
    }
    if (w.from === w.to) problems.push({ path: `model.ways.${i}.to`, message: cm.wayToItself() });
  });
  const cycle = findCycle(model.ways.filter((w) => w.from !== w.to));
  if (cycle) problems.push({ path: 'model.ways', message: cm.wayCycle({ cycle: cycle.join(' → ') }) });
  const matrixRoles = new Set(model.roles.filter((r) => r.inMatrix).map((r) => r.key));
  model.tasks.forEach((t, i) => {
    if (!groups.has(t.group))
      problems.push({ path: `model.tasks.${i}.group`, message: cm.unknownGroup({ key: t.group }) });
    for (const roleKey of Object.keys(t.cells)) {
      if (!roles.has(roleKey))
        problems.push({ path: `model.tasks.${i}.cells.${roleKey}`, message: cm.unknownRole({ key: roleKey }) });
    }
    for (const roleKey of matrixRoles) {
      if (!t.cells[roleKey]) {
        problems.push({
          path: `model.tasks.${i}.cells.${roleKey}`,
          message: cm.cellMissing({ task: t.name, role: roleKey }),
        });
      }
    }
  });
  return problems;
}

/**
 * A layered layout of the roles for the model's picture: each role's layer is the length of the longest way leading
 * to it (the graph has no cycle), roles within a layer in model order. Tiny graphs only: O(roles × ways).
 */
export function layerRoles(roleKeys: readonly string[], ways: readonly Pick<Way, 'from' | 'to'>[]): string[][] {
  const layer = new Map(roleKeys.map((k) => [k, 0]));
  for (let round = 0; round < roleKeys.length; round++) {
    let changed = false;
    for (const w of ways) {
      const from = layer.get(w.from);
      const to = layer.get(w.to);
      if (from === undefined || to === undefined) continue;
      if (to < from + 1) {
        layer.set(w.to, from + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const layers: string[][] = [];
  for (const k of roleKeys) {
    const l = layer.get(k) ?? 0;
    layers[l] ??= [];
    layers[l].push(k);
  }
  return layers.filter(Boolean);
}

// ---- the draft editor's additions and removals (pure; the server still checks the saved model as a whole) ----

/** A key for a new role or task from its name ("Stödassistent" → "stodassistent"), unique among `taken`. */
export function keyFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 50) || 'ny';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** Adds a role; as a column of the matrix it gets "does not" in every task until the region sets its cells. */
export function addRole(model: CareerModel, role: CareerModel['roles'][number]): CareerModel {
  return {
    ...model,
    roles: [...model.roles, role],
    tasks: role.inMatrix
      ? model.tasks.map((t) => ({ ...t, cells: { ...t.cells, [role.key]: { value: 'does_not', note: '' } } }))
      : model.tasks,
  };
}

/** What removing a role takes with it: the ways from or to it and its column of the matrix (cells with a value). */
export function roleReferences(model: CareerModel, roleKey: string): { ways: number; cells: number } {
  return {
    ways: model.ways.filter((w) => w.from === roleKey || w.to === roleKey).length,
    cells: model.tasks.filter((t) => t.cells[roleKey] !== undefined).length,
  };
}

/**
 * Removes a role with what only has meaning through it: its ways and its cells. (A way's "via" text and a cell's
 * value describe that role; kept, they would make the model unsavable. The editor says what goes before it does it.)
 */
export function removeRole(model: CareerModel, roleKey: string): CareerModel {
  return {
    ...model,
    roles: model.roles.filter((r) => r.key !== roleKey),
    ways: model.ways.filter((w) => w.from !== roleKey && w.to !== roleKey),
    tasks: model.tasks.map((t) => {
      if (t.cells[roleKey] === undefined) return t;
      const { [roleKey]: _gone, ...cells } = t.cells;
      return { ...t, cells };
    }),
  };
}

/** Adds a task with "does not" for every role of the matrix (the region then sets each cell). */
export function addTask(model: CareerModel, task: { key: string; group: string; name: string; note?: string }) {
  const cells = Object.fromEntries(
    model.roles.filter((r) => r.inMatrix).map((r) => [r.key, { value: 'does_not' as const, note: '' }]),
  );
  return { ...model, tasks: [...model.tasks, { note: '', ...task, cells }] };
}

export function removeTask(model: CareerModel, taskKey: string): CareerModel {
  return { ...model, tasks: model.tasks.filter((t) => t.key !== taskKey) };
}
