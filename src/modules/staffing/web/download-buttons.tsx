// A table's downloads: Excel and CSV as plain links (the browser sends the session cookie), in a labelled group.
// Where a page has several tables, each button's accessible name also says which table it downloads.
import { Button, Group, Stack, Text } from '@mantine/core';
import type { ProfileDto, ProfileTable } from '../staffing.contracts.ts';
import { type StatisticsKey, useStatisticsT } from './staffing-t.ts';
import { type ExportFormat, profileExportUrl } from './statistics-api.ts';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

type DownloadButtonsProps = {
  /** The address of the file in a format. */
  href: (format: ExportFormat) => string;
  /** Which table the files hold ("nyckeltalen"), when the page has more than one. */
  what?: string;
  /** A line below the buttons on what the files hold. */
  help?: string;
  /** Which side the buttons and the help line keep to. */
  align?: 'flex-start' | 'flex-end';
};

export function DownloadButtons({ href, what, help, align = 'flex-start' }: DownloadButtonsProps) {
  const st = useStatisticsT();
  const buttons = (
    <Group gap="sm" role="group" aria-label={what ? st('download.labelOf', { what }) : st('download.label')}>
      {FORMATS.map((format) => (
        <Button
          key={format}
          component="a"
          href={href(format)}
          download
          variant="default"
          aria-label={what ? st(`download.${format}Of`, { what }) : undefined}
        >
          {st(`download.${format}`)}
        </Button>
      ))}
    </Group>
  );
  if (!help) return buttons;
  return (
    <Stack gap={4} align={align}>
      {buttons}
      <Text size="xs" c="dimmed" maw={360} ta={align === 'flex-end' ? 'right' : 'left'}>
        {help}
      </Text>
    </Stack>
  );
}

const PROFILE_TABLE_NAMES = {
  ratios: 'profile.downloadRatios',
  breakdowns: 'profile.downloadBreakdowns',
  trend: 'profile.downloadTrend',
} as const satisfies Record<ProfileTable, StatisticsKey>;

/** The downloads of one of a municipality profile's tables. */
export function ProfileDownloads({ profile, table }: { profile: ProfileDto; table: ProfileTable }) {
  const st = useStatisticsT();
  return (
    <DownloadButtons
      what={st(PROFILE_TABLE_NAMES[table])}
      href={(format) => profileExportUrl(profile, table, format)}
    />
  );
}
