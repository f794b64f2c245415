// /trainings/import: the regional admin imports the region's link list (CSV or XLSX). The upload first gives a
// preview — every row with its result, each error beside its row and all of them summed up — and writes nothing;
// confirming sends the same file again, which the server checks again and imports in one transaction.
import { Alert, Button, Group, List, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../platform/web/api/api-client.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { FormError } from '../../../platform/web/components/feedback.tsx';
import { FileUpload } from '../../../platform/web/components/file-upload.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import {
  type ImportPreviewDto,
  type ImportResultDto,
  type ImportRowDto,
  TRAINING_IMPORT_LIMITS,
} from '../trainings.contracts.ts';
import { FileDownloads } from './file-downloads.tsx';
import { importApi, importTemplateUrl } from './trainings-api.ts';
import { useTrainingsLang } from './trainings-labels.ts';
import { useTrainingsT } from './trainings-t.ts';

const MAX_MB = TRAINING_IMPORT_LIMITS.uploadBytes / 1024 / 1024;

export function ImportPage() {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [status, setStatus] = useState<'suggested' | 'approved'>('suggested');
  const [result, setResult] = useState<ImportResultDto | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const rows = TRAINING_IMPORT_LIMITS.rows.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE');

  const preview = useMutation({ mutationFn: (chosen: File) => importApi.preview(chosen) });
  const confirm = useMutation({
    mutationFn: (v: { file: File; token: string }) => importApi.confirm(v.file, v.token, status),
    onSuccess: async (done) => {
      setResult(done);
      preview.reset();
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ['trainings'] });
      // The message takes the place of the preview: move focus there so it is read out.
      setTimeout(() => resultRef.current?.focus(), 0);
    },
  });

  const checkFile = (chosen: File | null): string | null => {
    if (!chosen) return tt('import.chooseFile');
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) return tt('import.wrongType');
    if (chosen.size > TRAINING_IMPORT_LIMITS.uploadBytes) return tt('import.tooLargeSize', { max: MAX_MB });
    return null;
  };
  const onSubmit = () => {
    const problem = checkFile(file);
    setFileError(problem);
    if (problem || !file) return;
    setResult(null);
    confirm.reset();
    preview.mutate(file);
  };

  return (
    <Page title={tt('import.title')}>
      <Stack gap="xs">
        <Text>{tt('import.intro')}</Text>
        <List type="ordered" spacing={4}>
          <List.Item>{tt('import.step1')}</List.Item>
          <List.Item>{tt('import.step2')}</List.Item>
          <List.Item>{tt('import.step3')}</List.Item>
          <List.Item>{tt('import.step4')}</List.Item>
        </List>
      </Stack>
      <Stack gap={4}>
        <Text fw={600}>{tt('import.template')}</Text>
        <FileDownloads label={tt('import.template')} what={tt('import.templateWhat')} href={importTemplateUrl} />
      </Stack>

      {result ? (
        <Stack gap="xs">
          <Alert
            ref={resultRef}
            tabIndex={-1}
            color="green"
            role="status"
            title={tt('import.done', { count: result.created, status: tt(`statuses.${result.status}`).toLowerCase() })}
          >
            {result.skipped > 0 ? <Text size="sm">{tt('import.skipped', { count: result.skipped })}</Text> : null}
          </Alert>
          {/* Outside the alert: a link's blue on the alert's green is below 4.5:1. */}
          <RouterAnchor to="/trainings/review" search={{ status: result.status }} fw={600}>
            {tt('import.toReview')}
          </RouterAnchor>
        </Stack>
      ) : null}

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="import-upload-heading">
        <Stack>
          <Title order={2} size="h3" id="import-upload-heading">
            {tt('import.uploadTitle')}
          </Title>
          <FileUpload
            label={tt('import.file')}
            hint={tt('import.fileHelp', { max: MAX_MB, rows })}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            placeholder={tt('import.filePlaceholder')}
            clearLabel={tt('import.clearFile')}
            value={file}
            fileError={fileError}
            onChange={(chosen) => {
              setFile(chosen);
              setFileError(chosen ? checkFile(chosen) : null);
              preview.reset();
              confirm.reset();
            }}
            submitLabel={tt('import.preview')}
            busy={preview.isPending}
            onSubmit={onSubmit}
            error={preview.isError ? preview.error : undefined}
            errorsTitle={tt('import.errorsTitle')}
          />
        </Stack>
      </Paper>

      {preview.data && file ? (
        <PreviewSection
          preview={preview.data}
          status={status}
          onStatus={setStatus}
          confirming={confirm.isPending}
          confirmError={confirm.error}
          onConfirm={(token) => confirm.mutate({ file, token })}
        />
      ) : null}
    </Page>
  );
}

type PreviewSectionProps = {
  preview: ImportPreviewDto;
  status: 'suggested' | 'approved';
  onStatus: (status: 'suggested' | 'approved') => void;
  confirming: boolean;
  confirmError: unknown;
  onConfirm: (token: string) => void;
};

function PreviewSection({ preview, status, onStatus, confirming, confirmError, onConfirm }: PreviewSectionProps) {
  const tt = useTrainingsT();
  const headingId = useId();
  const { counts } = preview;
  // Errors of the file as a whole (its header row) have no row of their own in the table.
  const fileErrors = preview.errors.filter((e) => !preview.rows.some((r) => r.row === e.row));
  const rejected = confirmError instanceof ApiError ? confirmError.fields : [];
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack>
        <Title order={2} size="h3" id={headingId}>
          {tt('import.previewTitle', { file: preview.fileName })}
        </Title>
        <Text role="status" fw={600}>
          {tt('import.summary', counts)} {tt('import.nothingSaved')}
        </Text>
        {preview.errors.length > 0 ? (
          <Alert color="red" role="alert" title={tt('import.errorsTitle')}>
            <Text size="sm">{tt('import.errors', { count: preview.errors.length })}</Text>
            {fileErrors.length > 0 ? (
              <List size="sm" mt="xs">
                {fileErrors.map((e) => (
                  <List.Item key={e.message}>{e.message}</List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}
        {preview.errors.length === 0 && counts.new === 0 ? (
          <Alert color="blue" role="note">
            {tt('import.nothingNew')}
          </Alert>
        ) : null}
        {preview.rows.length > 0 ? <RowsTable rows={preview.rows} /> : null}
        {preview.token ? (
          <Stack>
            <Radio.Group
              label={tt('import.status')}
              value={status}
              onChange={(value) => onStatus(value === 'approved' ? 'approved' : 'suggested')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="suggested" label={tt('import.statusSuggested')} />
                <Radio value="approved" label={tt('import.statusApproved')} />
              </Stack>
            </Radio.Group>
            {confirmError ? <FormError message={errorMessage(confirmError)} /> : null}
            {rejected.length > 0 ? (
              <List size="sm">
                {rejected.map((f) => (
                  <List.Item key={f.path}>{f.message}</List.Item>
                ))}
              </List>
            ) : null}
            <Group>
              <Button loading={confirming} onClick={() => preview.token && onConfirm(preview.token)}>
                {tt('import.confirm', { count: counts.new })}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

const TONES = { new: 'positive', exists: 'neutral', error: 'negative' } as const;

function RowsTable({ rows }: { rows: ImportRowDto[] }) {
  const tt = useTrainingsT();
  const outcomeText = (row: ImportRowDto) =>
    row.outcome === 'new'
      ? tt('import.outcomeNew')
      : row.outcome === 'exists'
        ? tt('import.outcomeExists')
        : tt('import.outcomeError');
  return (
    <DataTable label={tt('import.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{tt('import.row')}</Table.Th>
          <Table.Th scope="col">{tt('import.titleColumn')}</Table.Th>
          <Table.Th scope="col">{tt('import.link')}</Table.Th>
          <Table.Th scope="col">{tt('import.outcome')}</Table.Th>
          <Table.Th scope="col">{tt('import.problems')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.row}>
            <Table.Th scope="row">{row.row}</Table.Th>
            <Table.Td>{row.title}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{row.url}</Table.Td>
            <Table.Td>
              <StatusBadge tone={TONES[row.outcome]}>{outcomeText(row)}</StatusBadge>
              {row.existingTitle ? (
                <Text size="xs" mt={4}>
                  {tt('import.outcomeExistsAs', { title: row.existingTitle })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              {row.errors.length > 0 ? (
                <List size="sm" spacing={2}>
                  {row.errors.map((e) => (
                    <List.Item key={e.column}>{e.message}</List.Item>
                  ))}
                </List>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}
