// A report's history: every status change with who made it, when, and the comment of a return.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import { useFormat } from '../../../../platform/web/i18n/format.ts';
import type { ReportDto } from '../../staffing.contracts.ts';
import { DownloadButtons } from '../../web/download-buttons.tsx';
import { staffingFiles } from '../../web/reporting-api.ts';
import { useReportingT } from '../../web/staffing-t.ts';
import { ReportStatusBadge } from './report-status.tsx';

type ReportHistoryProps = { report: Pick<ReportDto, 'history' | 'periodId' | 'municipalityId'> };

export function ReportHistory({ report }: ReportHistoryProps) {
  const { t } = useTranslation();
  const rt = useReportingT();
  const format = useFormat();
  const newestFirst = [...report.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h3" id="history-heading">
        {rt('history.title')}
      </Title>
      {newestFirst.length === 0 ? (
        <Text>{rt('history.empty')}</Text>
      ) : (
        <>
          <DownloadButtons
            what={rt('history.download')}
            href={(kind) => staffingFiles.history(report.periodId, report.municipalityId, kind)}
          />
          <DataTable label={rt('history.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{rt('history.at')}</Table.Th>
                <Table.Th>{rt('history.actor')}</Table.Th>
                <Table.Th>{rt('history.to')}</Table.Th>
                <Table.Th>{rt('history.from')}</Table.Th>
                <Table.Th>{rt('history.comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {newestFirst.map((entry) => (
                <Table.Tr key={`${entry.at}-${entry.toStatus}`}>
                  <Table.Td>{format.dateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actorName}</Table.Td>
                  <Table.Td>
                    <ReportStatusBadge status={entry.toStatus} />
                  </Table.Td>
                  <Table.Td>{rt(`status.${entry.fromStatus}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{entry.comment ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        </>
      )}
    </Stack>
  );
}
