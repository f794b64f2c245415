// The region report page (issue 4): generate the report in the background, follow its progress, download it later.
// The list is polled while a report is queued or running; the progress is a labelled bar with the percent and step
// as text, and a polite live region says when a report started here is ready.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiRequest } from '../../../../platform/web/api/api-client.ts';
import { ErrorAlert, FormError, Loading } from '../../../../platform/web/components/feedback.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { StatusBadge } from '../../../../platform/web/components/status-badge.tsx';
import { useNamespaceT } from '../../../../platform/web/i18n/namespace-t.ts';
import {
  REGION_REPORT_KEEP,
  type RegionReportDto,
  type RegionReportListDto,
  type RegionReportStatus,
} from '../region-report.contracts.ts';
import type { regionReportSv } from './region-report.sv.ts';

const ACTIVE: readonly RegionReportStatus[] = ['queued', 'running'];
const STATUS_TONE: Record<RegionReportStatus, 'neutral' | 'attention' | 'positive' | 'negative'> = {
  queued: 'neutral',
  running: 'attention',
  done: 'positive',
  failed: 'negative',
};

const listQuery = () =>
  queryOptions({
    queryKey: ['staffing', 'region-reports'],
    queryFn: ({ signal }) => apiRequest<RegionReportListDto>('/api/staffing/region-reports', { signal }),
    // Followed every second while a report is being made; otherwise read once.
    refetchInterval: (query) => (query.state.data?.reports.some((r) => ACTIVE.includes(r.status)) ? 1000 : false),
  });

const fileUrl = (id: string, format: 'pdf' | 'xlsx') =>
  `/api/staffing/region-reports/${encodeURIComponent(id)}/${format}`;

export function RegionReportsPage() {
  const rt = useNamespaceT<typeof regionReportSv>('regionReport');
  const list = useQuery(listQuery());
  // The report started from this page: the live region says when it is ready.
  const [started, setStarted] = useState<string | null>(null);
  const startedReport = list.data?.reports.find((r) => r.id === started);

  return (
    <Page title={rt('title')}>
      <Text maw={760}>{rt('intro')}</Text>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          {list.data.canGenerate ? (
            <CreateForm periods={list.data.periods} onCreated={setStarted} />
          ) : (
            <Text c="dimmed">{rt('cannotCreate')}</Text>
          )}
          {startedReport && ACTIVE.includes(startedReport.status) ? (
            <Alert color="blue" maw={760}>
              <Text size="sm">{rt('creating')}</Text>
            </Alert>
          ) : null}
          <VisuallyHidden>
            <div role="status" aria-live="polite">
              {startedReport?.status === 'done' ? rt('ready', { period: startedReport.period.label }) : ''}
            </div>
          </VisuallyHidden>
          <ReportList reports={list.data.reports} />
        </>
      ) : null}
    </Page>
  );
}

function CreateForm({
  periods,
  onCreated,
}: {
  periods: RegionReportListDto['periods'];
  onCreated: (id: string) => void;
}) {
  const rt = useNamespaceT<typeof regionReportSv>('regionReport');
  const queryClient = useQueryClient();
  // The newest finished round (closed) is proposed: a round in progress has only some reports approved.
  const [periodId, setPeriodId] = useState<string | null>((periods.find((p) => p.closed) ?? periods[0])?.id ?? null);
  const create = useMutation({
    mutationFn: (id: string) =>
      apiRequest<RegionReportDto>('/api/staffing/region-reports', { method: 'POST', body: { periodId: id } }),
    onSuccess: async (report) => {
      onCreated(report.id);
      await queryClient.invalidateQueries({ queryKey: listQuery().queryKey });
    },
  });
  if (periods.length === 0) return <Text>{rt('noPeriods')}</Text>;
  const fieldError =
    create.error instanceof ApiError ? create.error.fields.find((f) => f.path === 'periodId')?.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (periodId) create.mutate(periodId);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={520}>
        <Group align="end" gap="sm">
          <Select
            label={rt('period')}
            description={rt('periodHelp')}
            data={periods.map((p) => ({
              value: p.id,
              label: rt('periodOption', { period: p.label, count: p.approvedReports }),
            }))}
            value={periodId}
            onChange={setPeriodId}
            allowDeselect={false}
            error={fieldError}
            w={220}
          />
          <Button type="submit" loading={create.isPending}>
            {rt('create')}
          </Button>
        </Group>
        {create.isError && !fieldError ? (
          <FormError message={create.error instanceof Error ? create.error.message : null} />
        ) : null}
      </Stack>
    </form>
  );
}

function ReportList({ reports }: { reports: RegionReportDto[] }) {
  const rt = useNamespaceT<typeof regionReportSv>('regionReport');
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'sv-SE';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const kilobytes = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const size = (bytes: number | null) => `${kilobytes.format(Math.max(1, Math.round((bytes ?? 0) / 1024)))} kB`;

  return (
    <Stack gap="sm">
      <Title order={2}>{rt('listTitle')}</Title>
      {reports.length === 0 ? (
        <Text>{rt('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{rt('listCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{rt('columns.period')}</Table.Th>
                <Table.Th scope="col">{rt('columns.created')}</Table.Th>
                <Table.Th scope="col">{rt('columns.status')}</Table.Th>
                <Table.Th scope="col">{rt('columns.files')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.map((r) => {
                const created = dateTime.format(new Date(r.createdAt));
                const names = { period: r.period.label, created };
                return (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap="xs">
                        {r.period.label}
                        {r.demo ? (
                          <Badge variant="outline" color="gray" size="sm">
                            {rt('demo')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Th>
                    <Table.Td>{created}</Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Group>
                          <StatusBadge tone={STATUS_TONE[r.status]}>{rt(`status.${r.status}`)}</StatusBadge>
                        </Group>
                        {ACTIVE.includes(r.status) ? (
                          <>
                            <Progress value={r.progress} aria-label={rt('progressLabel', names)} w={220} />
                            <Text size="sm">{rt('progressText', { percent: r.progress, step: r.step })}</Text>
                          </>
                        ) : null}
                        {r.status === 'done' && r.pageCount ? (
                          <Text size="sm" c="dimmed">
                            {rt('pages', { count: r.pageCount })}
                          </Text>
                        ) : null}
                        {r.status === 'failed' && r.error ? <Text size="sm">{r.error}</Text> : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {r.status === 'done' ? (
                        <Group gap="md">
                          <Anchor
                            href={fileUrl(r.id, 'pdf')}
                            download
                            aria-label={rt('pdfLabel', { ...names, size: size(r.pdfBytes) })}
                          >
                            {rt('pdf')}
                          </Anchor>
                          <Anchor
                            href={fileUrl(r.id, 'xlsx')}
                            download
                            aria-label={rt('xlsxLabel', { ...names, size: size(r.xlsxBytes) })}
                          >
                            {rt('xlsx')}
                          </Anchor>
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="dimmed">
        {rt('retention', { count: REGION_REPORT_KEEP })}
      </Text>
    </Stack>
  );
}
