// A table's downloads: Excel and CSV as plain links (the browser sends the session cookie), in a labelled group.
// Where a page has several tables, each button's accessible name also says which table it downloads.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileDto, ProfileTable } from '../staffing.contracts.ts';
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
  const { t } = useTranslation();
  const buttons = (
    <Group
      gap="sm"
      role="group"
      aria-label={what ? t('staffingStatistics.download.labelOf', { what }) : t('staffingStatistics.download.label')}
    >
      {FORMATS.map((format) => (
        <Button
          key={format}
          component="a"
          href={href(format)}
          download
          variant="default"
          aria-label={what ? t(`staffingStatistics.download.${format}Of`, { what }) : undefined}
        >
          {t(`staffingStatistics.download.${format}`)}
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
  ratios: 'staffingStatistics.profile.downloadRatios',
  breakdowns: 'staffingStatistics.profile.downloadBreakdowns',
  trend: 'staffingStatistics.profile.downloadTrend',
} as const satisfies Record<ProfileTable, string>;

/** The downloads of one of a municipality profile's tables. */
export function ProfileDownloads({ profile, table }: { profile: ProfileDto; table: ProfileTable }) {
  const { t } = useTranslation();
  return (
    <DownloadButtons what={t(PROFILE_TABLE_NAMES[table])} href={(format) => profileExportUrl(profile, table, format)} />
  );
}
