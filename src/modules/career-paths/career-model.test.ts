// The model's pure rules: cycle detection in "leads to", the checks before a draft is saved, the graph's layers.
import { describe, expect, it } from 'vitest';
import { findCycle, layerRoles, modelProblems } from './career-model.ts';
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
