// "Din rapport: Utkast – sista dag 15 dec. 2026": a municipality's own report in a period, with a link to open it.
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import type { PeriodDetail, PeriodReportRow } from '../../web/reporting-api.ts';
import { useDay } from '../../web/reporting-format.ts';
import { ReportStatusBadge } from './report-status.tsx';

export function OwnReportCard({ period, row }: { period: PeriodDetail; row: PeriodReportRow }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={700} size="lg">
          {t('staffingReporting.own.summary', { period: period.label })}
        </Text>
        <ReportStatusBadge status={row.status} />
        <Text fw={700} size="lg">
          {t('staffingReporting.own.deadline', { deadline: day(period.deadline) })}
        </Text>
      </Group>
      {row.status === 'returned' && row.lastComment ? (
        <Text>{t('staffingReporting.own.returnedComment', { comment: row.lastComment })}</Text>
      ) : null}
      <RouterAnchor
        to="/staffing/reports/$periodId/$municipalityId"
        params={{ periodId: period.id, municipalityId: row.municipalityId }}
        fw={600}
      >
        {t('staffingReporting.own.open', { period: period.label })}
      </RouterAnchor>
    </Stack>
  );
}
