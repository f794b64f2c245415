// The comparison as a table with its column choice, downloads and legend; signed in and in the open statistics.
import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ComparisonDto } from '../../staffing.contracts.ts';
import { DownloadButtons } from '../../web/download-buttons.tsx';
import { useLang } from '../../web/reporting-format.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { comparisonExportUrl, type ExportFormat, type StatisticsSource } from '../../web/statistics-api.ts';
import { ColumnChooser } from './comparison-column-chooser.tsx';
import { availableColumns, chosenColumns } from './comparison-columns.ts';
import { ComparisonTable } from './comparison-table.tsx';
import { SuppressionNote } from './statistics-notes.tsx';

type ComparisonViewProps = {
  dto: ComparisonDto;
  source: StatisticsSource;
  label: string;
  columnKeys: readonly string[];
  onColumnsChange: (keys: string[]) => void;
};

export function ComparisonView({ dto, source, label, columnKeys, onColumnsChange }: ComparisonViewProps) {
  const st = useStatisticsT();
  const language = useLang();
  const available = useMemo(() => availableColumns(dto, language), [dto, language]);
  const columns = useMemo(() => chosenColumns(available, columnKeys), [available, columnKeys]);
  const exportUrl = (format: ExportFormat) =>
    comparisonExportUrl(
      source,
      { periodId: dto.period.id, profession: dto.profession },
      format,
      columns.map((c) => c.key),
    );

  return (
    <Stack gap="md">
      <ColumnChooser
        available={available}
        value={columnKeys}
        onChange={onColumnsChange}
        actions={<DownloadButtons href={exportUrl} help={st('download.help')} align="flex-end" />}
      />
      <Text>
        <Text span fw={600}>
          {st('table.coverage', { ...dto.coverage, period: dto.period.label })}
        </Text>
        {dto.coverage.missing.length > 0
          ? ` ${st('table.coverageMissing', { names: dto.coverage.missing.join(', ') })}`
          : null}
      </Text>
      <ComparisonTable dto={dto} columns={columns} label={label} withProfileLinks={source === 'signed-in'} />
      <SuppressionNote minCount={dto.minCount} unsuppressedFor={dto.unsuppressedFor} publication={dto.publication} />
    </Stack>
  );
}
