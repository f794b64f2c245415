// One key ratio over the periods: the municipality against the region's total and median, as a line chart and a
// table of the same values.
import { Select, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { ProfileDto } from '../../staffing.contracts.ts';
import { RATIO_BY_KEY, RATIO_DEFS, RATIOS, type RatioKey } from '../../staffing-measures.ts';
import { ProfileDownloads } from '../../web/download-buttons.tsx';
import { useLang } from '../../web/reporting-format.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { ProfileChart } from './profile-chart.tsx';
import { RatioTable } from './profile-ratios.tsx';
import { ratioLabel } from './statistics-format.ts';

type ProfileTrendProps = {
  profile: ProfileDto;
  /** The periods' ids from the oldest to the newest, to draw the trend in time order. */
  periodOrder: readonly string[];
  ratio: RatioKey;
  onRatioChange: (ratio: RatioKey) => void;
};

export function ProfileTrend({ profile, periodOrder, ratio, onRatioChange }: ProfileTrendProps) {
  const st = useStatisticsT();
  const language = useLang();
  const headingId = useId();
  const name = profile.municipality.name;
  const percent = RATIO_BY_KEY.get(ratio)?.unit === 'percent';
  const position = (periodId: string) => {
    const index = periodOrder.indexOf(periodId);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const rows = [...profile.trend]
    .sort((a, b) => position(a.periodId) - position(b.periodId))
    .map((point) => ({
      key: point.periodId,
      label: point.label,
      ratio,
      municipality: point.ratios[ratio],
      regionTotal: point.regionTotal[ratio],
      regionMedian: point.regionMedian[ratio],
    }));
  const label = ratioLabel(ratio, language);
  const caption = st('profile.trendTable', { ratio: label, name });

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {st('profile.trendTitle')}
      </Title>
      <ProfileDownloads profile={profile} table="trend" />
      <Select
        label={st('profile.trendRatio')}
        allowDeselect={false}
        maw={420}
        data={RATIO_DEFS.map((def) => ({ value: def.key, label: def.label[language] }))}
        value={ratio}
        onChange={(value) => {
          const next = RATIOS.find((r) => r === value);
          if (next) onRatioChange(next);
        }}
      />
      {rows.length < 2 ? <Text>{st('profile.noTrend')}</Text> : null}
      <ProfileChart
        type="line"
        caption={caption}
        name={name}
        rows={rows}
        withMedian
        percent={percent}
        height={280}
        table={<RatioTable label={caption} rowHeader={st('profile.period')} name={name} rows={rows} />}
      />
    </Stack>
  );
}
