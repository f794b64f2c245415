// The population projection page (/staffing/population): a municipality's grid of years × age groups, saved from
// the form by those who may change it, the CSV import (preview, then import) and the CSV download.
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, apiRequest, errorMessage, toQueryString } from '../../../../platform/web/api/api-client.ts';
import { ErrorAlert, FormError, Loading } from '../../../../platform/web/components/feedback.tsx';
import { FileUpload } from '../../../../platform/web/components/file-upload.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { useStatisticsT } from '../../web/staffing-t.ts';
import {
  POPULATION_AGE_GROUPS,
  type PopulationAgeGroup,
  type PopulationImportPreviewDto,
  type PopulationImportResultDto,
  type PopulationMunicipalityDto,
  type PopulationOverviewDto,
} from '../population.contracts.ts';

const overviewQuery = () =>
  queryOptions({
    queryKey: ['staffing', 'population'],
    queryFn: ({ signal }) => apiRequest<PopulationOverviewDto>('/api/staffing/population', { signal }),
  });

const GROUP_LABEL: Record<PopulationAgeGroup, string> = {
  '0-64': '0–64',
  '65-79': '65–79',
  '80+': '80+',
  '20-64': 'varav 20–64',
};

/** The grid as the form holds it: one row per year, a value (or empty) per age group. */
type Grid = { year: number; values: Record<PopulationAgeGroup, number | ''> }[];

function gridOf(m: PopulationMunicipalityDto): Grid {
  const years = [...new Set(m.rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => ({
    year,
    values: Object.fromEntries(
      POPULATION_AGE_GROUPS.map((g) => [g, m.rows.find((r) => r.year === year && r.ageGroup === g)?.inhabitants ?? '']),
    ) as Record<PopulationAgeGroup, number | ''>,
  }));
}

export function PopulationPage() {
  const st = useStatisticsT();
  const overview = useQuery(overviewQuery());
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  const list = overview.data?.municipalities ?? [];
  const chosen = list.find((m) => m.municipalityId === municipalityId) ?? list.find((m) => m.canEdit) ?? list[0];

  return (
    <Page title={st('population.title')}>
      <Text>{st('population.intro')}</Text>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data && chosen ? (
        <>
          <Group align="end">
            <Select
              label={st('population.municipality')}
              data={list.map((m) => ({ value: m.municipalityId, label: m.municipalityName }))}
              value={chosen.municipalityId}
              onChange={setMunicipalityId}
              allowDeselect={false}
              maw={320}
            />
            <Anchor href={`/api/staffing/population/export${toQueryString({ municipalityId: chosen.municipalityId })}`}>
              {st('population.export')}
            </Anchor>
          </Group>
          <PopulationGrid key={chosen.municipalityId} municipality={chosen} years={overview.data.years} />
          {list.some((m) => m.canEdit) ? <PopulationImport /> : null}
        </>
      ) : null}
    </Page>
  );
}

function PopulationGrid({
  municipality,
  years,
}: {
  municipality: PopulationMunicipalityDto;
  years: { min: number; max: number };
}) {
  const st = useStatisticsT();
  const queryClient = useQueryClient();
  // Those who edit see the years from this one (earlier years are history the server keeps); readers see every year.
  const shown = (m: PopulationMunicipalityDto) =>
    gridOf(m).filter((row) => !municipality.canEdit || row.year >= years.min);
  const [grid, setGrid] = useState<Grid>(() => shown(municipality));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      apiRequest<PopulationMunicipalityDto>(`/api/staffing/population/${municipality.municipalityId}`, {
        method: 'PUT',
        body: {
          rows: grid.flatMap((row) =>
            POPULATION_AGE_GROUPS.filter((g) => row.values[g] !== '').map((g) => ({
              year: row.year,
              ageGroup: g,
              inhabitants: row.values[g],
            })),
          ),
        },
      }),
    onSuccess: async (data) => {
      // The grid is keyed by municipality, so it stays mounted: it shows what was saved, in the server's order.
      setGrid(shown(data));
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: overviewQuery().queryKey });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fields : [];
  /** The server's error of a cell: its field path names the row it was sent as. */
  const errorOf = (year: number, group: PopulationAgeGroup): string | undefined => {
    let index = 0;
    for (const row of grid) {
      for (const g of POPULATION_AGE_GROUPS) {
        if (row.values[g] === '') continue;
        if (row.year === year && g === group) {
          return fields.find((f) => f.path === `rows.${index}.inhabitants` || f.path === `rows.${index}.year`)?.message;
        }
        index++;
      }
    }
    return undefined;
  };
  const nextYear = grid.length ? Math.max(...grid.map((r) => r.year)) + 1 : years.min;
  const edit = municipality.canEdit;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="grid-heading">
      <form noValidate onSubmit={onSubmit}>
        <Stack>
          <Title order={2} size="h3" id="grid-heading">
            {st('population.tableLabel', { name: municipality.municipalityName })}
          </Title>
          {edit ? null : <Text size="sm">{st('population.readOnly')}</Text>}
          {grid.length === 0 ? <Text>{st('population.empty')}</Text> : null}
          {grid.length > 0 ? (
            <Table.ScrollContainer minWidth={480}>
              <Table striped aria-labelledby="grid-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{st('population.year')}</Table.Th>
                    {POPULATION_AGE_GROUPS.map((g) => (
                      <Table.Th key={g} scope="col">
                        {GROUP_LABEL[g]}
                      </Table.Th>
                    ))}
                    {edit ? <Table.Th aria-hidden /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {grid.map((row, rowIndex) => (
                    <Table.Tr key={row.year}>
                      <Table.Th scope="row">{row.year}</Table.Th>
                      {POPULATION_AGE_GROUPS.map((g) => (
                        <Table.Td key={g}>
                          {edit ? (
                            <NumberInput
                              aria-label={st('population.cell', {
                                group: GROUP_LABEL[g],
                                year: row.year,
                              })}
                              value={row.values[g]}
                              min={0}
                              allowDecimal={false}
                              allowNegative={false}
                              thousandSeparator=" "
                              hideControls
                              error={errorOf(row.year, g)}
                              onChange={(value) =>
                                setGrid((current) =>
                                  current.map((r, i) =>
                                    i === rowIndex
                                      ? { ...r, values: { ...r.values, [g]: typeof value === 'number' ? value : '' } }
                                      : r,
                                  ),
                                )
                              }
                            />
                          ) : row.values[g] === '' ? (
                            '–'
                          ) : (
                            row.values[g].toLocaleString('sv-SE')
                          )}
                        </Table.Td>
                      ))}
                      {edit ? (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={st('population.removeYear', { year: row.year })}
                            onClick={() => setGrid((current) => current.filter((_, i) => i !== rowIndex))}
                          >
                            ×
                          </ActionIcon>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          {save.isError ? <FormError message={errorMessage(save.error)} /> : null}
          {saved ? (
            <Alert color="green" role="status">
              {st('population.saved')}
            </Alert>
          ) : null}
          {edit ? (
            <Group>
              <Button
                variant="default"
                disabled={nextYear > years.max}
                onClick={() =>
                  setGrid((current) => [
                    ...current,
                    { year: nextYear, values: { '0-64': '', '65-79': '', '80+': '', '20-64': '' } },
                  ])
                }
              >
                {st('population.addYear')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {st('population.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

function upload(path: string, file: File) {
  const body = new FormData();
  body.append('file', file);
  return apiRequest(path, { method: 'POST', body });
}

function PopulationImport() {
  const st = useStatisticsT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: (chosen: File) =>
      upload('/api/staffing/population/import/preview', chosen) as Promise<PopulationImportPreviewDto>,
  });
  const confirm = useMutation({
    mutationFn: ({ chosen, token }: { chosen: File; token: string }) =>
      upload(
        `/api/staffing/population/import/confirm${toQueryString({ token })}`,
        chosen,
      ) as Promise<PopulationImportResultDto>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: overviewQuery().queryKey }),
  });
  const result = preview.data;

  const onSubmit = () => {
    confirm.reset();
    if (!file) {
      setFileError(st('population.chooseFile'));
      return;
    }
    preview.mutate(file);
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="import-heading">
      <Stack>
        <Title order={2} size="h3" id="import-heading">
          {st('population.importTitle')}
        </Title>
        <FileUpload
          label={st('population.file')}
          hint={st('population.importHelp')}
          accept=".csv,text/csv"
          clearLabel={st('population.clearFile')}
          value={file}
          fileError={fileError}
          onChange={(chosen) => {
            setFile(chosen);
            setFileError(null);
            preview.reset();
            confirm.reset();
          }}
          submitLabel={st('population.preview')}
          busy={preview.isPending}
          onSubmit={onSubmit}
          error={preview.isError ? preview.error : undefined}
        />
        {result && result.errors.length > 0 ? (
          <Alert color="red" role="alert" title={st('population.previewErrors')}>
            <List size="sm">
              {result.errors.map((e) => (
                <List.Item key={`${e.row}/${e.column}/${e.message}`}>{e.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {result && result.errors.length === 0 && !confirm.isSuccess ? (
          <Text role="status">
            {st('population.previewSummary', {
              rows: result.counts.rows,
              new: result.counts.new,
              changed: result.counts.changed,
              unchanged: result.counts.unchanged,
            })}
          </Text>
        ) : null}
        {confirm.isError ? <FormError message={errorMessage(confirm.error)} /> : null}
        {confirm.data ? (
          <Alert color="green" role="status">
            {st('population.imported', confirm.data)}
          </Alert>
        ) : null}
        {result?.token && file && !confirm.isSuccess ? (
          <Group>
            <Button
              loading={confirm.isPending}
              onClick={() => confirm.mutate({ chosen: file, token: result.token as string })}
            >
              {st('population.confirm')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
