// /staffing/reports: the reporting periods, newest first, with how far the municipalities have come. A municipality's
// users see their own report for each open period first; the region opens, changes and closes periods.
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../platform/web/api/api-client.ts';
import { hasPermission, useMe } from '../../../../platform/web/api/me-query.ts';
import { ConfirmDialog } from '../../../../platform/web/components/confirm-dialog.tsx';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../../platform/web/components/feedback.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../../platform/web/components/status-badge.tsx';
import { notifySuccess } from '../../../../platform/web/notify.ts';
import { type PeriodDto, REPORT_STATUSES } from '../../staffing.contracts.ts';
import { DownloadButtons } from '../../web/download-buttons.tsx';
import { periodQuery, periodsQuery, staffingApi, staffingFiles } from '../../web/reporting-api.ts';
import { useDay } from '../../web/reporting-format.ts';
import { useReportingT } from '../../web/staffing-t.ts';
import { PeriodFormModal } from './period-form-modal.tsx';
import { OwnReportCard } from './report-own-card.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; period: PeriodDto } | { kind: 'close'; period: PeriodDto };

export function ReportsPage() {
  const rt = useReportingT();
  const me = useMe();
  const queryClient = useQueryClient();
  const canConfigure = hasPermission(me, 'staffing:configure');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const query = useQuery(periodsQuery());

  const setClosed = useMutation({
    mutationFn: ({ period, closed }: { period: PeriodDto; closed: boolean }) =>
      staffingApi.updatePeriod(period.id, { closed }),
    onSuccess: async (period) => {
      await queryClient.invalidateQueries({ queryKey: ['staffing', 'periods'] });
      notifySuccess(
        rt(period.closed ? 'periods.closedDone' : 'periods.reopened', {
          label: period.label,
        }),
      );
      setDialog(null);
    },
  });

  return (
    <Page
      title={rt('title')}
      actions={
        canConfigure ? <Button onClick={() => setDialog({ kind: 'create' })}>{rt('periods.create')}</Button> : null
      }
    >
      <Text>{rt('periods.intro')}</Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <>
          {me.organisation.kind === 'municipality' ? (
            <OwnReports periods={query.data.filter((p) => !p.closed)} />
          ) : null}
          <Stack gap="xs" component="section" aria-labelledby="periods-heading">
            <Title order={2} size="h3" id="periods-heading">
              {rt('periods.title')}
            </Title>
            {query.data.length > 0 ? (
              <DownloadButtons what={rt('periods.download')} href={staffingFiles.periods} />
            ) : null}
            <PeriodsTable
              periods={query.data}
              canConfigure={canConfigure}
              onEdit={(period) => setDialog({ kind: 'edit', period })}
              onToggleClosed={(period) => {
                setClosed.reset();
                if (period.closed) setClosed.mutate({ period, closed: false });
                else setDialog({ kind: 'close', period });
              }}
              reopening={setClosed.isPending ? setClosed.variables.period.id : null}
            />
            {setClosed.isError && dialog === null ? <ErrorAlert error={setClosed.error} /> : null}
          </Stack>
        </>
      ) : null}
      {dialog?.kind === 'create' ? <PeriodFormModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <PeriodFormModal period={dialog.period} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'close' ? (
        <ConfirmDialog
          opened
          title={rt('periods.closeTitle', { label: dialog.period.label })}
          text={rt('periods.closeText')}
          confirmLabel={rt('periods.close')}
          loading={setClosed.isPending}
          error={setClosed.isError ? errorMessage(setClosed.error) : null}
          onCancel={() => setDialog(null)}
          onConfirm={() => setClosed.mutate({ period: dialog.period, closed: true })}
        />
      ) : null}
    </Page>
  );
}

type PeriodsTableProps = {
  periods: PeriodDto[];
  canConfigure: boolean;
  onEdit: (period: PeriodDto) => void;
  onToggleClosed: (period: PeriodDto) => void;
  reopening: string | null;
};

function PeriodsTable({ periods, canConfigure, onEdit, onToggleClosed, reopening }: PeriodsTableProps) {
  const { t } = useTranslation();
  const rt = useReportingT();
  const day = useDay();
  return (
    <DataTable label={rt('periods.title')} empty={periods.length === 0}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{rt('periods.label')}</Table.Th>
          <Table.Th>{rt('periods.referenceDate')}</Table.Th>
          <Table.Th>{rt('periods.deadline')}</Table.Th>
          <Table.Th>{rt('periods.state')}</Table.Th>
          <Table.Th>{rt('periods.progress')}</Table.Th>
          {canConfigure ? <Table.Th>{t('common.actions')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {periods.map((period) => (
          <Table.Tr key={period.id}>
            <Table.Td fw={600}>
              <RouterAnchor to="/staffing/reports/$periodId" params={{ periodId: period.id }}>
                {period.label}
              </RouterAnchor>
              <Text size="sm" c="dimmed">
                {rt(`periods.kinds.${period.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td>{day(period.referenceDate)}</Table.Td>
            <Table.Td>{day(period.deadline)}</Table.Td>
            <Table.Td>
              <StatusBadge tone={period.closed ? 'neutral' : 'positive'}>
                {period.closed ? rt('periods.closed') : rt('periods.open')}
              </StatusBadge>
            </Table.Td>
            <Table.Td>
              <StatusCounts counts={period.statusCounts} />
            </Table.Td>
            {canConfigure ? (
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`${t('common.edit')} ${period.label}`}
                    onClick={() => onEdit(period)}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`${period.closed ? rt('periods.reopen') : rt('periods.close')} ${period.label}`}
                    loading={reopening === period.id}
                    onClick={() => onToggleClosed(period)}
                  >
                    {period.closed ? rt('periods.reopen') : rt('periods.close')}
                  </Button>
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

/** "2 inskickade, 13 ej påbörjade": the counts in words, leaving out the statuses no report has. */
export function StatusCounts({ counts }: { counts: PeriodDto['statusCounts'] }) {
  const rt = useReportingT();
  const parts = REPORT_STATUSES.filter((status) => counts[status] > 0).map((status) =>
    rt(`counts.${status}`, { count: counts[status] }),
  );
  return <Text size="sm">{parts.length > 0 ? parts.join(', ') : rt('counts.none')}</Text>;
}

/** The user's own municipality's report in each open period, with its status and deadline. */
function OwnReports({ periods }: { periods: PeriodDto[] }) {
  const rt = useReportingT();
  const me = useMe();
  const details = useQueries({ queries: periods.map((period) => periodQuery(period.id)) });
  if (periods.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="own-reports-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="own-reports-heading">
          {rt('own.title', { municipality: me.organisation.name })}
        </Title>
        {details.map((detail, index) => {
          const period = periods[index];
          if (!period) return null;
          if (detail.isError) return <ErrorAlert key={period.id} error={detail.error} />;
          if (!detail.data) return <Loading key={period.id} />;
          const row = detail.data.reports.find((r) => r.municipalityId === me.organisation.id);
          return row ? <OwnReportCard key={period.id} period={detail.data} row={row} /> : null;
        })}
      </Stack>
    </Paper>
  );
}
