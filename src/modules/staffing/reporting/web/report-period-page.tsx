// /staffing/reports/:periodId: one period — the municipalities' reports with status, last change and last comment,
// the Excel template and import, and the export of the status table.
import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../../../platform/web/api/me-query.ts';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../../platform/web/components/feedback.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import { SortableTh, useSortedRows } from '../../../../platform/web/components/sortable-table.tsx';
import { StatusBadge } from '../../../../platform/web/components/status-badge.tsx';
import { useFormat } from '../../../../platform/web/i18n/format.ts';
import { REPORT_STATUSES } from '../../staffing.contracts.ts';
import { type PeriodDetail, type PeriodReportRow, periodQuery, staffingFiles } from '../../web/reporting-api.ts';
import { useDay } from '../../web/reporting-format.ts';
import { useReportingT } from '../../web/staffing-t.ts';
import { PublishPanel } from './publish-panel.tsx';
import { OwnReportCard } from './report-own-card.tsx';
import { ReportStatusBadge } from './report-status.tsx';
import { StatusCounts } from './reports-page.tsx';

const COLUMNS = {
  municipality: (row: PeriodReportRow) => row.municipalityName,
  status: (row: PeriodReportRow) => REPORT_STATUSES.indexOf(row.status),
  updated: (row: PeriodReportRow) => row.updatedAt ?? '',
};

export function ReportPeriodPage({ periodId }: { periodId: string }) {
  const rt = useReportingT();
  const query = useQuery(periodQuery(periodId));
  if (!query.isSuccess) {
    return (
      <Page title={rt('title')}>
        <RouterAnchor to="/staffing/reports">{rt('period.back')}</RouterAnchor>
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : <Loading />}
      </Page>
    );
  }
  return <PeriodView period={query.data} />;
}

function PeriodView({ period }: { period: PeriodDetail }) {
  const rt = useReportingT();
  const me = useMe();
  const day = useDay();
  const isRegion = me.organisation.kind === 'region';
  const own = isRegion ? undefined : period.reports.find((r) => r.municipalityId === me.organisation.id);

  return (
    <Page title={rt('period.title', { label: period.label })}>
      <RouterAnchor to="/staffing/reports">{rt('period.back')}</RouterAnchor>
      <Group gap="xl">
        <Text>
          <Text span fw={700}>
            {rt('periods.referenceDate')}:
          </Text>{' '}
          {day(period.referenceDate)}
        </Text>
        <Text>
          <Text span fw={700}>
            {rt('periods.deadline')}:
          </Text>{' '}
          {day(period.deadline)}
        </Text>
        <StatusBadge tone={period.closed ? 'neutral' : 'positive'}>
          {period.closed ? rt('periods.closed') : rt('periods.open')}
        </StatusBadge>
      </Group>
      {own ? (
        <Paper withBorder p="lg" radius="md" component="section" aria-label={rt('own.label')}>
          <OwnReportCard period={period} row={own} />
        </Paper>
      ) : null}
      <PeriodFiles period={period} />
      {hasPermission(me, 'staffing:publish_statistics') ? <PublishPanel periodId={period.id} /> : null}
      <Stack gap="xs" component="section" aria-labelledby="reports-heading">
        <Title order={2} size="h3" id="reports-heading">
          {rt('period.reportsTitle')}
        </Title>
        {isRegion ? <StatusCounts counts={period.statusCounts} /> : null}
        <ReportsTable period={period} />
      </Stack>
    </Page>
  );
}

function PeriodFiles({ period }: { period: PeriodDetail }) {
  const rt = useReportingT();
  const canEdit = hasPermission(useMe(), 'staffing:edit_report');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="files-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="files-heading">
          {rt('period.filesTitle')}
        </Title>
        <Text>{rt('period.filesIntro')}</Text>
        <TemplateLink periodId={period.id} />
        {canEdit && !period.closed ? (
          <RouterAnchor to="/staffing/reports/$periodId/import" params={{ periodId: period.id }}>
            {rt('period.import')}
          </RouterAnchor>
        ) : null}
        <Anchor href={staffingFiles.export(period.id, 'xlsx')} download>
          {rt('period.exportXlsx')}
        </Anchor>
        <Anchor href={staffingFiles.export(period.id, 'csv')} download>
          {rt('period.exportCsv')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** The Excel template: the region's has every municipality, a municipality's only its own. */
export function TemplateLink({ periodId }: { periodId: string }) {
  const rt = useReportingT();
  const me = useMe();
  const isRegion = me.organisation.kind === 'region';
  return (
    <Anchor href={staffingFiles.template(periodId, isRegion ? undefined : me.organisation.id)} download>
      {isRegion ? rt('period.templateAll') : rt('period.templateOwn', { municipality: me.organisation.name })}
    </Anchor>
  );
}

function ReportsTable({ period }: { period: PeriodDetail }) {
  const { t } = useTranslation();
  const rt = useReportingT();
  const me = useMe();
  const format = useFormat();
  const { sorted, sort } = useSortedRows(period.reports, COLUMNS, 'municipality');
  const mayOpen = (row: PeriodReportRow) =>
    me.organisation.kind === 'region' || row.municipalityId === me.organisation.id;

  return (
    <DataTable label={rt('period.reportsTitle')} empty={sorted.length === 0}>
      <Table.Thead>
        <Table.Tr>
          <SortableTh column="municipality" label={rt('period.municipality')} sort={sort} />
          <SortableTh column="status" label={t('common.status')} sort={sort} />
          <SortableTh column="updated" label={rt('period.updated')} sort={sort} />
          <Table.Th>{rt('period.lastComment')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((row) => (
          <Table.Tr key={row.municipalityId}>
            <Table.Td fw={600}>
              {mayOpen(row) ? (
                <RouterAnchor
                  to="/staffing/reports/$periodId/$municipalityId"
                  params={{ periodId: period.id, municipalityId: row.municipalityId }}
                  aria-label={rt('period.openReport', { municipality: row.municipalityName })}
                >
                  {row.municipalityName}
                </RouterAnchor>
              ) : (
                row.municipalityName
              )}
            </Table.Td>
            <Table.Td>
              <ReportStatusBadge status={row.status} />
            </Table.Td>
            <Table.Td>{row.updatedAt ? format.dateTime(row.updatedAt) : t('common.none')}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-line' }}>{row.lastComment ?? t('common.none')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}
