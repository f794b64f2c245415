// The model's pure rules: cycle detection in "leads to", the checks before a draft is saved, the graph's layers.
import { describe, expect, it } from 'vitest';
import {
  addRole,
  addTask,
  findCycle,
  keyFromName,
  layerRoles,
  modelProblems,
  removeRole,
  removeTask,
  roleReferences,
} from './career-model.ts';
import { DEFAULT_MODEL } from './career-model-defaults.ts';
import { careerModelSchema } from './career-paths.contracts.ts';

const PROFESSIONS = new Set([
  'bitrade',
  'vardbitrade',
  'underskoterska',
  'specialistunderskoterska',
  'sjukskoterska',
  'arbetsterapeut',
  'fysioterapeut',
]);
const w = (from: string, to: string) => ({ from, to });

describe('findCycle', () => {
  it('finds none in a graph without cycles, however the ways are ordered', () => {
    expect(findCycle([])).toBeNull();
    expect(findCycle([w('a', 'b'), w('b', 'c'), w('a', 'c')])).toBeNull();
    expect(findCycle([w('b', 'c'), w('a', 'c'), w('a', 'b'), w('d', 'a')])).toBeNull();
  });
  it('returns the roles along a cycle, the first repeated at the end', () => {
    expect(findCycle([w('a', 'b'), w('b', 'a')])).toEqual(['a', 'b', 'a']);
    expect(findCycle([w('x', 'a'), w('a', 'b'), w('b', 'c'), w('c', 'a')])).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle([w('a', 'a')])).toEqual(['a', 'a']);
  });
  it('finds a cycle reached only through a branch searched second', () => {
    expect(findCycle([w('a', 'b'), w('a', 'c'), w('c', 'd'), w('d', 'c')])).toEqual(['c', 'd', 'c']);
  });
});

describe('modelProblems', () => {
  it('finds nothing wrong with the default model, which has ≥ 30 tasks in groups and a cell per matrix role', () => {
    expect(modelProblems(DEFAULT_MODEL, PROFESSIONS)).toEqual([]);
    expect(DEFAULT_MODEL.tasks.length).toBeGreaterThanOrEqual(30);
    expect(DEFAULT_MODEL.roles.every((r) => r.education.toVerify && r.education.source.length > 0)).toBe(true);
  });
  it('refuses a cycle in the ways, naming it', () => {
    const model = {
      ...DEFAULT_MODEL,
      ways: [...DEFAULT_MODEL.ways, { from: 'specialistunderskoterska', to: 'bitrade', via: 'x' }],
    };
    const problems = modelProblems(model, PROFESSIONS);
    expect(problems.map((p) => p.message.code)).toEqual(['careerPaths.wayCycle']);
    expect(problems[0]?.message.params?.cycle).toContain('bitrade');
  });
  it('refuses unknown roles, groups and professions, duplicate keys and a missing cell', () => {
    const [first, ...rest] = DEFAULT_MODEL.tasks;
    if (!first) throw new Error('no tasks');
    const { bitrade: _gone, ...cells } = first.cells;
    const model = {
      ...DEFAULT_MODEL,
      roles: [
        ...DEFAULT_MODEL.roles,
        { ...(DEFAULT_MODEL.roles[0] as (typeof DEFAULT_MODEL.roles)[0]), professionKey: 'okand' },
      ],
      ways: [{ from: 'bitrade', to: 'nobody', via: 'x' }],
      tasks: [{ ...first, group: 'nogroup', cells }, ...rest],
    };
    const codes = modelProblems(model, PROFESSIONS).map((p) => `${p.path} ${p.message.code}`);
    expect(codes).toEqual([
      'model.roles.8.key careerPaths.duplicateKey',
      'model.roles.8.professionKey careerPaths.unknownProfession',
      'model.ways.0.to careerPaths.unknownRole',
      'model.tasks.0.group careerPaths.unknownGroup',
      'model.tasks.0.cells.bitrade careerPaths.cellMissing',
    ]);
  });
  it('refuses a cell with an unknown value at the schema', () => {
    const [first] = DEFAULT_MODEL.tasks;
    const bad = { ...DEFAULT_MODEL, tasks: [{ ...first, cells: { bitrade: { value: 'sometimes', note: '' } } }] };
    const parsed = careerModelSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('careerPaths.cellValueInvalid');
  });
});

describe('layerRoles', () => {
  it('puts each role one layer below the longest way into it', () => {
    expect(layerRoles(['a', 'b', 'c', 'd'], [w('a', 'b'), w('b', 'c'), w('a', 'c')])).toEqual([
      ['a', 'd'],
      ['b'],
      ['c'],
    ]);
    const layers = layerRoles(
      DEFAULT_MODEL.roles.map((r) => r.key),
      DEFAULT_MODEL.ways,
    );
    expect(layers[0]).toEqual(['bitrade', 'arbetsterapeut', 'fysioterapeut']);
    expect(layers[2]).toEqual(['underskoterska']);
  });
});

describe('adding and removing roles and tasks in the draft', () => {
  const model = careerModelSchema.parse(DEFAULT_MODEL);
  const role = {
    key: keyFromName('Stödassistent', new Set(model.roles.map((r) => r.key))),
    name: 'Stödassistent',
    nameEn: 'Support assistant',
    professionKey: null,
    protectedTitle: false,
    licensed: false,
    areas: [],
    education: { text: 'Introduktion', points: null, pointsUnit: null, toVerify: false, source: '' },
    inMatrix: true,
  };

  it('makes keys from names, unique among those taken', () => {
    expect(role.key).toBe('stodassistent');
    expect(keyFromName('Undersköterska', new Set(['underskoterska']))).toBe('underskoterska_2');
    expect(keyFromName('Undersköterska', new Set(['underskoterska', 'underskoterska_2']))).toBe('underskoterska_3');
    expect(keyFromName('  Mat & måltider!  ', new Set())).toBe('mat_maltider');
    expect(keyFromName('???', new Set())).toBe('ny');
  });

  it('a role added to the matrix gets a cell in every task, and the model can still be saved', () => {
    const added = addRole(model, role);
    expect(added.roles.at(-1)?.key).toBe('stodassistent');
    expect(added.tasks.every((t) => t.cells.stodassistent?.value === 'does_not')).toBe(true);
    expect(modelProblems(added, PROFESSIONS)).toEqual([]);
    // Outside the matrix: no cells.
    const outside = addRole(model, { ...role, inMatrix: false });
    expect(outside.tasks.some((t) => t.cells.stodassistent)).toBe(false);
    expect(modelProblems(outside, PROFESSIONS)).toEqual([]);
  });

  it('removing a role takes its ways and its column, so the model can be saved; without that it cannot', () => {
    const refs = roleReferences(model, 'vardbitrade');
    expect(refs.ways).toBe(model.ways.filter((x) => x.from === 'vardbitrade' || x.to === 'vardbitrade').length);
    expect(refs.ways).toBeGreaterThan(0);
    expect(refs.cells).toBe(model.tasks.length);
    const removed = removeRole(model, 'vardbitrade');
    expect(removed.roles.some((r) => r.key === 'vardbitrade')).toBe(false);
    expect(removed.ways.some((x) => x.from === 'vardbitrade' || x.to === 'vardbitrade')).toBe(false);
    expect(removed.ways).toHaveLength(model.ways.length - refs.ways);
    expect(removed.tasks.some((t) => 'vardbitrade' in t.cells)).toBe(false);
    expect(modelProblems(removed, PROFESSIONS)).toEqual([]);
    // Only the role itself removed: its ways and cells name a role that is not there.
    const dangling = { ...model, roles: model.roles.filter((r) => r.key !== 'vardbitrade') };
    const paths = modelProblems(dangling, PROFESSIONS).map((p) => p.path);
    expect(paths.some((p) => /^model\.ways\.\d+\.(from|to)$/.test(p))).toBe(true);
    expect(paths).toContain('model.tasks.0.cells.vardbitrade');
  });

  it('a task added gets "does not" for every role of the matrix; a removed one is gone', () => {
    const added = addTask(model, { key: 'ny_uppgift', group: model.taskGroups[0]?.key ?? '', name: 'Ny uppgift' });
    const task = added.tasks.at(-1);
    expect(Object.keys(task?.cells ?? {}).sort()).toEqual(
      model.roles
        .filter((r) => r.inMatrix)
        .map((r) => r.key)
        .sort(),
    );
    expect(modelProblems(added, PROFESSIONS)).toEqual([]);
    expect(removeTask(added, 'ny_uppgift').tasks).toEqual(model.tasks);
    // A duplicate key is still refused by the rules.
    const twice = addTask(added, { key: 'ny_uppgift', group: model.taskGroups[0]?.key ?? '', name: 'Igen' });
    expect(modelProblems(twice, PROFESSIONS).map((p) => p.path)).toEqual([`model.tasks.${model.tasks.length + 1}.key`]);
  });
});
