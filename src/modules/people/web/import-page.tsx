// /people/import: the HR file into the staff register. The upload gives a preview — new, changed, ended and
// unchanged persons, those missing from the file, and every rejected cell by row and column — and writes nothing;
// confirming applies exactly that preview in one transaction. A manager imports the staff of their own units.
import { Alert, Button, Checkbox, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { FormError } from '../../../platform/web/components/feedback.tsx';
import { FileUpload } from '../../../platform/web/components/file-upload.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { type ImportPreviewDto, type ImportResultDto, type ImportRowDto, PEOPLE_LIMITS } from '../people.contracts.ts';
import { peopleApi, templateUrl, usePeopleT } from './people-api.ts';
import { MunicipalitySelect, useIsRegion } from './people-shared.tsx';

const MAX_MB = PEOPLE_LIMITS.uploadBytes / 1024 / 1024;

export function ImportPage() {
  const pt = usePeopleT();
  const format = useFormat();
  const region = useIsRegion();
  const queryClient = useQueryClient();
  const [municipalityId, setMunicipalityId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResultDto | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const preview = useMutation({ mutationFn: (chosen: File) => peopleApi.previewImport(chosen, municipalityId) });
  const confirm = useMutation({
    mutationFn: (v: { id: string; endMissing: boolean }) => peopleApi.confirmImport(v.id, v.endMissing),
    onSuccess: async (done) => {
      setResult(done);
      preview.reset();
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      // The message takes the place of the preview: focus moves there so it is read out.
      setTimeout(() => resultRef.current?.focus(), 0);
    },
  });

  const checkFile = (chosen: File | null): string | null => {
    if (!chosen) return pt('import.chooseFile');
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) return pt('import.wrongType');
    if (chosen.size > PEOPLE_LIMITS.uploadBytes) return pt('import.tooLarge', { max: MAX_MB });
    return null;
  };
  const onSubmit = () => {
    const problem = checkFile(file) ?? (region && !municipalityId ? pt('import.chooseMunicipality') : null);
    setFileError(problem);
    if (problem || !file) return;
    setResult(null);
    confirm.reset();
    preview.mutate(file);
  };

  return (
    <Page title={pt('import.title')}>
      <Stack gap="xs">
        <Text>{pt('import.intro')}</Text>
        <List type="ordered" spacing={4}>
          <List.Item>{pt('import.step1')}</List.Item>
          <List.Item>{pt('import.step2')}</List.Item>
          <List.Item>{pt('import.step3')}</List.Item>
          <List.Item>{pt('import.step4')}</List.Item>
        </List>
      </Stack>
      {region ? (
        <MunicipalitySelect
          label={pt('import.municipality')}
          value={municipalityId}
          onChange={(id) => {
            setMunicipalityId(id);
            preview.reset();
          }}
        />
      ) : null}
      <Group gap="sm" role="group" aria-label={pt('import.template')}>
        <Button component="a" href={templateUrl('xlsx', municipalityId)} download variant="default" size="sm">
          {pt('import.templateXlsx')}
        </Button>
        <Button component="a" href={templateUrl('csv')} download variant="default" size="sm">
          {pt('import.templateCsv')}
        </Button>
      </Group>

      {result ? (
        <Stack gap="xs">
          <Alert ref={resultRef} tabIndex={-1} color="green" role="status" title={pt('import.done', result)} />
          <RouterAnchor to="/people" search={{}} fw={600}>
            {pt('import.toList')}
          </RouterAnchor>
        </Stack>
      ) : null}

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="people-upload-heading">
        <Stack>
          <Title order={2} size="h3" id="people-upload-heading">
            {pt('import.uploadTitle')}
          </Title>
          <FileUpload
            label={pt('import.file')}
            hint={pt('import.fileHelp', { max: MAX_MB, rows: format.number(PEOPLE_LIMITS.importRows) })}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            placeholder={pt('import.filePlaceholder')}
            clearLabel={pt('import.clearFile')}
            value={file}
            fileError={fileError}
            onChange={(chosen) => {
              setFile(chosen);
              setFileError(chosen ? checkFile(chosen) : null);
              preview.reset();
              confirm.reset();
            }}
            submitLabel={pt('import.preview')}
            busy={preview.isPending}
            onSubmit={onSubmit}
            error={preview.isError ? preview.error : undefined}
            errorsTitle={pt('import.errorsTitle')}
          />
        </Stack>
      </Paper>

      {preview.data ? (
        <PreviewSection
          preview={preview.data}
          confirming={confirm.isPending}
          confirmError={confirm.error}
          onConfirm={(id, endMissing) => confirm.mutate({ id, endMissing })}
        />
      ) : null}
    </Page>
  );
}

type PreviewSectionProps = {
  preview: ImportPreviewDto;
  confirming: boolean;
  confirmError: unknown;
  onConfirm: (id: string, endMissing: boolean) => void;
};

function PreviewSection({ preview, confirming, confirmError, onConfirm }: PreviewSectionProps) {
  const pt = usePeopleT();
  const headingId = useId();
  const [endMissing, setEndMissing] = useState(false);
  const { counts } = preview;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack>
        <Title order={2} size="h3" id={headingId}>
          {pt('import.previewTitle', { file: preview.fileName })}
        </Title>
        <Text role="status" fw={600}>
          {pt('import.summary', counts)} {pt('import.nothingSaved')}
        </Text>
        {preview.scopeUnits ? (
          <Text size="sm">{pt('import.scope', { units: preview.scopeUnits.join(', ') })}</Text>
        ) : null}
        {preview.truncated ? <Text size="sm">{pt('import.truncated', { max: PEOPLE_LIMITS.previewRows })}</Text> : null}
        {preview.errors.length > 0 ? (
          <>
            <Alert color="red" role="alert" title={pt('import.errorsTitle')}>
              <Text size="sm">{pt('import.errors', { count: counts.errors })}</Text>
            </Alert>
            <DataTable label={pt('import.errorTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{pt('import.row')}</Table.Th>
                  <Table.Th scope="col">{pt('import.column')}</Table.Th>
                  <Table.Th scope="col">{pt('import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.errors.map((e) => (
                  <Table.Tr key={`${e.row}:${e.column}:${e.message}`}>
                    <Table.Th scope="row">{e.row}</Table.Th>
                    <Table.Td>{e.column}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </>
        ) : null}
        {preview.errors.length === 0 && !preview.id ? (
          <Alert color="blue" role="note">
            {pt('import.nothing')}
          </Alert>
        ) : null}
        <RowsTable label={pt('import.newTable')} rows={preview.new} />
        <RowsTable label={pt('import.changedTable')} rows={preview.changed} changes />
        <RowsTable label={pt('import.endedTable')} rows={preview.ended} changes />
        {preview.missing.length > 0 ? (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {pt('import.missingTable')}
            </Title>
            <Text size="sm">{pt('import.missingHelp')}</Text>
            <DataTable label={pt('import.missingTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{pt('fields.employeeNumber')}</Table.Th>
                  <Table.Th scope="col">{pt('fields.name')}</Table.Th>
                  <Table.Th scope="col">{pt('fields.unit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.missing.map((m) => (
                  <Table.Tr key={m.employeeNumber}>
                    <Table.Th scope="row">{m.employeeNumber}</Table.Th>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{m.unitName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </Stack>
        ) : null}
        {preview.id ? (
          <Stack>
            {counts.missing > 0 ? (
              <Checkbox
                checked={endMissing}
                onChange={(e) => setEndMissing(e.currentTarget.checked)}
                label={pt('import.endMissing', { count: counts.missing })}
              />
            ) : null}
            {confirmError ? <FormError message={errorMessage(confirmError)} /> : null}
            <Group>
              <Button loading={confirming} onClick={() => preview.id && onConfirm(preview.id, endMissing)}>
                {pt('import.confirm')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

function RowsTable({ label, rows, changes }: { label: string; rows: ImportRowDto[]; changes?: boolean }) {
  const pt = usePeopleT();
  if (rows.length === 0) return null;
  const fieldName = (field: string) => (field in FIELD_LABELS ? pt(FIELD_LABELS[field] as 'fields.name') : field);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {label}
      </Title>
      <DataTable label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{pt('import.row')}</Table.Th>
            <Table.Th scope="col">{pt('fields.employeeNumber')}</Table.Th>
            <Table.Th scope="col">{pt('fields.name')}</Table.Th>
            <Table.Th scope="col">{pt('fields.unit')}</Table.Th>
            {changes ? <Table.Th scope="col">{pt('import.changes')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Th scope="row">{r.row}</Table.Th>
              <Table.Td>{r.employeeNumber}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.unitName}</Table.Td>
              {changes ? (
                <Table.Td>
                  {r.changes.map((c) => `${fieldName(c.field)}: ${c.from ?? '–'} → ${c.to ?? '–'}`).join('; ')}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
    </Stack>
  );
}

const FIELD_LABELS: Record<string, string> = {
  firstName: 'fields.firstName',
  lastName: 'fields.lastName',
  email: 'fields.email',
  unit: 'fields.unit',
  professionKey: 'fields.profession',
  employmentForm: 'fields.employmentForm',
  employmentRate: 'fields.employmentRate',
  employmentStart: 'fields.employmentStart',
  employmentEnd: 'fields.employmentEnd',
  birthYear: 'fields.birthYear',
};
