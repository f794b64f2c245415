// "Din rapport: Utkast – sista dag 15 dec. 2026": a municipality's own report in a period, with a link to open it.
import { Group, Stack, Text } from '@mantine/core';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import type { PeriodDetail, PeriodReportRow } from '../../web/reporting-api.ts';
import { useDay } from '../../web/reporting-format.ts';
import { useReportingT } from '../../web/staffing-t.ts';
import { ReportStatusBadge } from './report-status.tsx';

export function OwnReportCard({ period, row }: { period: PeriodDetail; row: PeriodReportRow }) {
  const rt = useReportingT();
  const day = useDay();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={700} size="lg">
          {rt('own.summary', { period: period.label })}
        </Text>
        <ReportStatusBadge status={row.status} />
        <Text fw={700} size="lg">
          {rt('own.deadline', { deadline: day(period.deadline) })}
        </Text>
      </Group>
      {row.status === 'returned' && row.lastComment ? (
        <Text>{rt('own.returnedComment', { comment: row.lastComment })}</Text>
      ) : null}
      <RouterAnchor
        to="/staffing/reports/$periodId/$municipalityId"
        params={{ periodId: period.id, municipalityId: row.municipalityId }}
        fw={600}
      >
        {rt('own.open', { period: period.label })}
      </RouterAnchor>
    </Stack>
  );
}
