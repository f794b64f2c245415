// A report's status in words on a badge (the colour only repeats what the text says).
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../../platform/web/components/status-badge.tsx';
import type { ReportStatus } from '../../staffing.contracts.ts';

const TONES = {
  not_started: 'neutral',
  draft: 'neutral',
  submitted: 'attention',
  approved: 'positive',
  returned: 'negative',
} as const satisfies Record<ReportStatus, string>;

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status]}>{t(`staffingReporting.status.${status}`)}</StatusBadge>;
}
