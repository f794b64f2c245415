// The region report page (issue 4): generate the report in the background, follow its progress, download it later.
import { useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type { regionReportSv } from './region-report.sv.ts';

export function RegionReportsPage() {
  const rt = useNamespaceT<typeof regionReportSv>('regionReport');
  return <h1>{rt('title')}</h1>;
}
