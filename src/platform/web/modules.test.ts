// The menu built from the modules' manifests: entries by permission, headed sections in list order, and sections
// without a heading joining the top group beside the start page.
import { describe, expect, it } from 'vitest';
import type { MeDto } from '../shared/contracts.ts';
import type { WebModule } from './module.ts';
import { moduleAuditLabel, visibleNavSections } from './modules.ts';

const me = (permissions: string[]) =>
  ({ id: 'u', name: 'N', email: 'n@x', locale: 'sv', roles: ['manager'], permissions }) as unknown as MeDto;

const modules: WebModule[] = [
  { name: 'admin', nav: [{ entries: [{ to: '/networks', label: 'nav.networks', permission: 'network:read' }] }] },
  {
    name: 'staffing',
    nav: [
      {
        label: 'nav.staffing',
        entries: [
          { to: '/staffing/reports', label: 'nav.reports', permission: 'staffing:read_report' },
          { to: '/staffing/settings', label: 'nav.settings', permission: 'staffing:configure' },
        ],
      },
    ],
  },
];

describe('visibleNavSections', () => {
  it('puts unheaded entries beside the start page, keeps headed sections, and shows only what the user may', () => {
    const sections = visibleNavSections(me(['network:read', 'staffing:read_report']), modules);
    expect(sections.map((s) => [s.label ?? null, s.entries.map((e) => e.to)])).toEqual([
      [null, ['/', '/networks']],
      ['nav.staffing', ['/staffing/reports']],
    ]);
    expect(sections[0]?.entries[1]).toMatchObject({ namespace: 'admin' });
  });

  it('leaves out a section the user may see nothing of', () => {
    expect(visibleNavSections(me([]), modules).map((s) => s.entries.map((e) => e.to))).toEqual([['/']]);
  });
});

describe('moduleAuditLabel', () => {
  const labelled: WebModule[] = [
    { name: 'a', auditLabels: { actions: { 'a_thing.save': { sv: 'Sak sparad', en: 'Thing saved' } } } },
    { name: 'b', auditLabels: { entityTypes: { b_thing: { sv: 'Sak', en: 'Thing' } } } },
  ];
  it("finds a module's label of an action or object type in the language, none for an unknown code", () => {
    expect(moduleAuditLabel('actions', 'a_thing.save', 'sv', labelled)).toBe('Sak sparad');
    expect(moduleAuditLabel('actions', 'a_thing.save', 'en', labelled)).toBe('Thing saved');
    expect(moduleAuditLabel('entityTypes', 'b_thing', 'sv', labelled)).toBe('Sak');
    expect(moduleAuditLabel('actions', 'b_thing.save', 'sv', labelled)).toBeUndefined();
    expect(moduleAuditLabel('entityTypes', 'a_thing.save', 'sv', labelled)).toBeUndefined();
  });
});
