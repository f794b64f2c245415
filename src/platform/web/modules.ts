// The navigation of the built modules, in one explicit list. Each entry says who sees it;
// the pages check the same permissions, and the server enforces them.
import type { LinkProps } from '@tanstack/react-router';
import type { MeDto } from '../../modules/admin/admin.contracts.ts';
import { hasPermission } from './api/me-query.ts';
import type { sv } from './i18n/sv.ts';

export type NavEntry = {
  to: NonNullable<LinkProps['to']>;
  label: keyof typeof sv.nav;
  visible: (me: MeDto) => boolean;
  /** Highlight only on this exact path (the start page would otherwise match every page). */
  exact?: boolean;
};

export type NavSection = { label?: keyof typeof sv.nav; entries: NavEntry[] };

export const NAV_SECTIONS: NavSection[] = [
  {
    entries: [
      { to: '/', label: 'start', visible: () => true, exact: true },
      { to: '/networks', label: 'networks', visible: (me) => hasPermission(me, 'network:read') },
    ],
  },
  {
    label: 'staffing',
    entries: [
      {
        to: '/staffing/reports',
        label: 'staffingReports',
        visible: (me) => hasPermission(me, 'staffing:read_report'),
      },
      {
        to: '/staffing/comparison',
        label: 'staffingComparison',
        visible: (me) => hasPermission(me, 'staffing:read_statistics'),
      },
      {
        to: '/staffing/population',
        label: 'staffingPopulation',
        visible: (me) => hasPermission(me, 'staffing:read_statistics'),
      },
      {
        to: '/staffing/forecast',
        label: 'staffingForecast',
        visible: (me) => hasPermission(me, 'staffing:read_statistics'),
      },
      {
        to: '/staffing/region-reports',
        label: 'staffingRegionReport',
        visible: (me) => hasPermission(me, 'staffing:read_statistics'),
      },
      {
        to: '/staffing/settings',
        label: 'staffingSettings',
        visible: (me) => hasPermission(me, 'staffing:configure'),
      },
    ],
  },
  {
    label: 'trainings',
    entries: [
      { to: '/utbildningar', label: 'trainingsCatalogue', visible: () => true },
      { to: '/trainings/suggest', label: 'trainingsSuggest', visible: (me) => hasPermission(me, 'trainings:suggest') },
      { to: '/trainings/review', label: 'trainingsReview', visible: (me) => hasPermission(me, 'trainings:review') },
      { to: '/trainings/rounds', label: 'trainingsRounds', visible: (me) => hasPermission(me, 'trainings:review') },
      {
        to: '/trainings/my-review',
        label: 'trainingsMyReview',
        visible: (me) => hasPermission(me, 'trainings:review'),
      },
      { to: '/trainings/import', label: 'trainingsImport', visible: (me) => hasPermission(me, 'trainings:manage') },
      { to: '/trainings/topics', label: 'trainingsTopics', visible: (me) => hasPermission(me, 'trainings:manage') },
    ],
  },
  {
    label: 'introductions',
    entries: [
      {
        to: '/introductions',
        label: 'introductionLists',
        visible: (me) => hasPermission(me, 'introductions:read'),
        exact: true,
      },
      {
        to: '/introductions/mine',
        label: 'myIntroduction',
        visible: (me) => hasPermission(me, 'introductions:follow'),
      },
    ],
  },
  {
    label: 'admin',
    entries: [
      {
        to: '/admin/municipalities',
        label: 'municipalities',
        visible: (me) => hasPermission(me, 'organisation:manage'),
      },
      { to: '/admin/users', label: 'users', visible: (me) => hasPermission(me, 'user:read') },
      { to: '/admin/tokens', label: 'tokens', visible: (me) => hasPermission(me, 'token:manage') },
      { to: '/admin/audit', label: 'audit', visible: (me) => hasPermission(me, 'audit:read') },
    ],
  },
];

/** The sections with the entries this user may see; empty sections are left out. */
export function visibleNavSections(me: MeDto): NavSection[] {
  return NAV_SECTIONS.map((section) => ({ ...section, entries: section.entries.filter((e) => e.visible(me)) })).filter(
    (section) => section.entries.length > 0,
  );
}
