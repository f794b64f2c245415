// /staffing/reports/:periodId/import: the Excel round trip. Upload a filled-in template; a file with any wrong cell is
// refused as a whole with every rejected cell listed; otherwise every change (old → new) is shown, and nothing is
// applied until the user confirms. The preview's id is kept in the address, so a reload shows it again.
import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../../platform/web/api/api-client.ts';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import { ErrorAlert, FormError, Loading } from '../../../../platform/web/components/feedback.tsx';
import { FileUpload } from '../../../../platform/web/components/file-upload.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import { useFormat } from '../../../../platform/web/i18n/format.ts';
import { notifySuccess } from '../../../../platform/web/notify.ts';
import { type ImportPreviewDto, STAFFING_LIMITS } from '../../staffing.contracts.ts';
import { describeFactKey } from '../../staffing-labels.ts';
import { DownloadButtons } from '../../web/download-buttons.tsx';
import {
  importQuery,
  periodQuery,
  staffingApi,
  staffingConfigQuery,
  staffingFiles,
  uploadImport,
} from '../../web/reporting-api.ts';
import { useLang } from '../../web/reporting-format.ts';
import { useReportingT } from '../../web/staffing-t.ts';
import { TemplateLink } from './report-period-page.tsx';

export type ImportSearch = { importId?: string };

export function ImportPage({ periodId, importId }: { periodId: string; importId?: string }) {
  const rt = useReportingT();
  const period = useQuery(periodQuery(periodId));
  const label = period.data?.label ?? '';
  return (
    <Page title={rt('import.title', { period: label })}>
      <RouterAnchor to="/staffing/reports/$periodId" params={{ periodId }}>
        {rt('import.back', { period: label })}
      </RouterAnchor>
      {period.isError ? <ErrorAlert error={period.error} onRetry={() => void period.refetch()} /> : null}
      {period.data?.closed ? (
        <Alert color="orange" role="note">
          {rt('import.closed')}
        </Alert>
      ) : null}
      <Stack gap="xs">
        <Text>{rt('import.intro')}</Text>
        <List type="ordered" spacing={4}>
          <List.Item>
            <TemplateLink periodId={periodId} />
          </List.Item>
          <List.Item>{rt('import.step2')}</List.Item>
          <List.Item>{rt('import.step3')}</List.Item>
          <List.Item>{rt('import.step4')}</List.Item>
        </List>
      </Stack>
      {importId ? <ImportPreview periodId={periodId} importId={importId} /> : <ImportUpload periodId={periodId} />}
    </Page>
  );
}

function ImportUpload({ periodId }: { periodId: string }) {
  const rt = useReportingT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/staffing/reports/$periodId/import' });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadImport(periodId, chosen),
    onSuccess: (preview) => {
      queryClient.setQueryData(importQuery(preview.id).queryKey, preview);
      void navigate({ search: { importId: preview.id } });
    },
  });

  const checkFile = (chosen: File | null): string | null => {
    if (!chosen) return rt('import.chooseFile');
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) return rt('import.notXlsx');
    if (chosen.size > STAFFING_LIMITS.uploadBytes) {
      return rt('import.tooLargeSize', {
        max: format.number(STAFFING_LIMITS.uploadBytes / 1024 / 1024),
      });
    }
    return null;
  };

  const onSubmit = () => {
    const problem = checkFile(file);
    setFileError(problem);
    if (problem || !file) return;
    upload.mutate(file);
  };

  const rejected = upload.error instanceof ApiError && upload.error.fields.length > 0 ? upload.error.fields : null;

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="upload-heading">
      <Stack>
        <Title order={2} size="h3" id="upload-heading">
          {rt('import.uploadTitle')}
        </Title>
        <FileUpload
          label={rt('import.file')}
          hint={rt('import.fileHelp', {
            max: format.number(STAFFING_LIMITS.uploadBytes / 1024 / 1024),
          })}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          placeholder={rt('import.filePlaceholder')}
          clearLabel={rt('import.clearFile')}
          value={file}
          fileError={fileError}
          onChange={(chosen) => {
            setFile(chosen);
            setFileError(chosen ? checkFile(chosen) : null);
            upload.reset();
          }}
          submitLabel={rt('import.upload')}
          busy={upload.isPending}
          onSubmit={onSubmit}
          // Rejected cells are listed below as a table by sheet and cell; other failures the component shows.
          error={upload.isError && !rejected ? upload.error : undefined}
        />
        {rejected ? <RejectedCells cells={rejected} message={upload.error?.message ?? ''} /> : null}
      </Stack>
    </Paper>
  );
}

/** Splits "Sjuksköterska!C7" into its sheet and cell (a sheet's name may itself contain "!"). */
function splitCell(path: string): { sheet: string; cell: string } {
  const at = path.lastIndexOf('!');
  return at < 0 ? { sheet: '', cell: path } : { sheet: path.slice(0, at), cell: path.slice(at + 1) };
}

function RejectedCells({ cells, message }: { cells: { path: string; message: string }[]; message: string }) {
  const { t } = useTranslation();
  const rt = useReportingT();
  return (
    <Stack gap="sm">
      <Alert color="red" role="alert" title={rt('import.rejectedTitle')}>
        <Text size="sm">{message}</Text>
        <Text size="sm">{rt('import.rejectedHelp', { count: cells.length })}</Text>
      </Alert>
      <DataTable label={rt('import.rejectedTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{rt('import.sheet')}</Table.Th>
            <Table.Th>{rt('import.cell')}</Table.Th>
            <Table.Th>{rt('import.error')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((cell, index) => {
            const { sheet, cell: ref } = splitCell(cell.path);
            return (
              // The same cell can be rejected for two reasons.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows never move; the list is replaced as a whole.
              <Table.Tr key={index}>
                <Table.Td>{sheet || t('common.none')}</Table.Td>
                <Table.Td>{ref}</Table.Td>
                <Table.Td>{cell.message}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </DataTable>
    </Stack>
  );
}

function ImportPreview({ periodId, importId }: { periodId: string; importId: string }) {
  const rt = useReportingT();
  const query = useQuery(importQuery(importId));
  const config = useQuery(staffingConfigQuery());
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (config.isError) return <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />;
  if (!query.data || !config.data) return <Loading />;
  const preview = query.data;
  if (preview.periodId !== periodId) return <Alert color="orange">{rt('import.otherPeriod')}</Alert>;
  if (preview.status === 'applied') return <ImportApplied preview={preview} />;
  if (preview.status === 'discarded') return <ImportDiscarded />;
  return <PendingPreview preview={preview} />;
}

function PendingPreview({ preview }: { preview: ImportPreviewDto }) {
  const rt = useReportingT();
  const format = useFormat();
  const lang = useLang();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/staffing/reports/$periodId/import' });
  const config = useQuery(staffingConfigQuery()).data;
  const changed = preview.municipalities.filter((m) => m.changeCount > 0);

  const confirm = useMutation({
    mutationFn: () => staffingApi.confirmImport(preview.id),
    onSuccess: async (applied) => {
      queryClient.setQueryData(importQuery(applied.id).queryKey, applied);
      await queryClient.invalidateQueries({ queryKey: ['staffing', 'reports'] });
      await queryClient.invalidateQueries({ queryKey: ['staffing', 'periods'] });
      notifySuccess(rt('import.appliedNotice', { count: applied.changes.length }));
    },
  });
  const discard = useMutation({
    mutationFn: () => staffingApi.discardImport(preview.id),
    onSuccess: (discarded) => {
      queryClient.setQueryData(importQuery(discarded.id).queryKey, discarded);
      notifySuccess(rt('import.discardedNotice'));
      void navigate({ search: {} });
    },
  });
  const pending = confirm.isPending || discard.isPending;
  const value = (v: number | null) => (v === null ? rt('import.empty') : format.number(v));

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="preview-heading">
      <Stack>
        <Title order={2} size="h3" id="preview-heading">
          {rt('import.previewTitle', { file: preview.fileName })}
        </Title>
        {preview.changes.length === 0 ? (
          <Alert color="blue" role="status" title={rt('import.noChanges')}>
            <Text size="sm">{rt('import.unchanged', { count: preview.unchangedCount })}</Text>
          </Alert>
        ) : (
          <>
            <Text fw={600} role="status">
              {rt('import.summary', {
                count: preview.changes.length,
                municipalities: changed.length,
              })}{' '}
              {rt('import.unchanged', { count: preview.unchangedCount })}
            </Text>
            <List spacing={2}>
              {changed.map((m) => (
                <List.Item key={m.id}>
                  {rt('import.municipalityChanges', { municipality: m.name, count: m.changeCount })}
                </List.Item>
              ))}
            </List>
            <Text>{rt('import.notYet')}</Text>
            <DownloadButtons
              what={rt('import.download')}
              href={(format) => staffingFiles.importChanges(preview.id, format)}
            />
            <DataTable label={rt('import.changesTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{rt('period.municipality')}</Table.Th>
                  <Table.Th>{rt('import.sheet')}</Table.Th>
                  <Table.Th>{rt('import.cell')}</Table.Th>
                  <Table.Th>{rt('import.measure')}</Table.Th>
                  <Table.Th>{rt('import.old')}</Table.Th>
                  <Table.Th>{rt('import.new')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.changes.map((change) => (
                  <Table.Tr key={`${change.municipalityId}:${change.sheet}!${change.cell}`}>
                    <Table.Td>{change.municipalityName}</Table.Td>
                    <Table.Td>{change.sheet}</Table.Td>
                    <Table.Td>{change.cell}</Table.Td>
                    <Table.Td>{config ? describeFactKey(config, change.key, lang) : change.key}</Table.Td>
                    <Table.Td>{value(change.old)}</Table.Td>
                    <Table.Td fw={600}>{value(change.new)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </>
        )}
        <FormError
          message={confirm.isError ? errorMessage(confirm.error) : discard.isError ? errorMessage(discard.error) : null}
        />
        <Group>
          {preview.changes.length > 0 ? (
            <Button loading={confirm.isPending} disabled={pending} onClick={() => confirm.mutate()}>
              {rt('import.confirm')}
            </Button>
          ) : null}
          <Button variant="default" loading={discard.isPending} disabled={pending} onClick={() => discard.mutate()}>
            {preview.changes.length > 0 ? rt('import.cancel') : rt('import.another')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ImportApplied({ preview }: { preview: ImportPreviewDto }) {
  const rt = useReportingT();
  const changed = preview.municipalities.filter((m) => m.changeCount > 0);
  return (
    <Alert color="green" role="status" title={rt('import.appliedTitle')}>
      <Stack gap="xs">
        <Text size="sm">{rt('import.appliedText', { count: preview.changes.length })}</Text>
        {changed.map((m) => (
          <RouterAnchor
            key={m.id}
            size="sm"
            to="/staffing/reports/$periodId/$municipalityId"
            params={{ periodId: preview.periodId, municipalityId: m.id }}
          >
            {rt('import.openReport', { municipality: m.name })}
          </RouterAnchor>
        ))}
        <RouterAnchor size="sm" to="/staffing/reports/$periodId/import" params={{ periodId: preview.periodId }}>
          {rt('import.another')}
        </RouterAnchor>
      </Stack>
    </Alert>
  );
}

function ImportDiscarded() {
  const rt = useReportingT();
  const navigate = useNavigate({ from: '/staffing/reports/$periodId/import' });
  return (
    <Alert color="gray" role="status" title={rt('import.discardedTitle')}>
      <Button mt="xs" size="xs" variant="default" onClick={() => void navigate({ search: {} })}>
        {rt('import.another')}
      </Button>
    </Alert>
  );
}
