// A report's status in words on a badge (the colour only repeats what the text says).
import { StatusBadge } from '../../../../platform/web/components/status-badge.tsx';
import type { ReportStatus } from '../../staffing.contracts.ts';
import { useReportingT } from '../../web/staffing-t.ts';

const TONES = {
  not_started: 'neutral',
  draft: 'neutral',
  submitted: 'attention',
  approved: 'positive',
  returned: 'negative',
} as const satisfies Record<ReportStatus, string>;

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const rt = useReportingT();
  return <StatusBadge tone={TONES[status]}>{rt(`status.${status}`)}</StatusBadge>;
}
