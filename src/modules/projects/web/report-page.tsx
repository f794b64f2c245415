// /projects/$projectId/report: the final report's chapters — the project leader's text beside what is taken from
// the project (tables, the Gantt figure) — and its downloads.
import { Anchor, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { TableScroll } from '../../../platform/web/components/table-scroll.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { ProjectDto, ReportModel } from '../projects.contracts.ts';
import { projectFileUrl, reportQuery, useProjectChange } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

export function ReportPage({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const report = useQuery(reportQuery(p.id));
  return (
    <Stack>
      <Title order={2}>{pt('report.title')}</Title>
      <Text>{pt('report.intro')}</Text>
      <Group>
        <Anchor href={projectFileUrl(p.id, 'report.pdf')} download>
          {pt('report.pdf')}
        </Anchor>
        <Anchor href={projectFileUrl(p.id, 'report.xlsx')} download>
          {pt('report.xlsx')}
        </Anchor>
        <Anchor href={projectFileUrl(p.id, 'gantt.svg', '?zoom=quarter')} download>
          {pt('report.svg')}
        </Anchor>
      </Group>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data?.chapters.map((c) => (
        <Chapter key={c.key} project={p} chapter={c} />
      ))}
    </Stack>
  );
}

function Chapter({ project: p, chapter: c }: { project: ProjectDto; chapter: ReportModel['chapters'][number] }) {
  const pt = useProjectsT();
  const [text, setText] = useState(c.text);
  const save = useProjectChange<{ text: string }>(p.id, 'PUT', `/report/texts/${c.key}`);
  return (
    <Stack gap="xs" component="section" aria-labelledby={`chapter-${c.key}`}>
      <Title order={3} id={`chapter-${c.key}`}>
        {c.number}. {c.title}
      </Title>
      {p.access === 'change' ? (
        <Stack gap={4}>
          <Textarea
            label={pt('report.chapterText', { n: c.number, title: c.title })}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="default"
              loading={save.isPending}
              onClick={() => save.mutate({ text }, { onSuccess: () => notifySuccess(pt('common.saved')) })}
            >
              {pt('report.saveText')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text>{c.text || pt('report.noText')}</Text>
      )}
      {c.paragraphs.filter(Boolean).length || c.tables.length || c.figure ? (
        <Text size="sm" fw={700}>
          {pt('report.generated')}
        </Text>
      ) : null}
      {c.paragraphs.filter(Boolean).map((x) => (
        <Text key={x} size="sm">
          {x}
        </Text>
      ))}
      {c.figure ? (
        <figure style={{ margin: 0, overflowX: 'auto' }}>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.figure.svg)}`}
            alt={c.figure.alt}
            style={{ maxWidth: '100%' }}
          />
          <figcaption>
            <Text size="sm">{c.figure.caption}</Text>
          </figcaption>
        </figure>
      ) : null}
      {c.tables
        .filter((t) => t.rows.length > 0)
        .map((t) => (
          <TableScroll key={t.caption} minWidth={600} label={t.caption}>
            <Table>
              <Table.Caption>{t.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {t.columns.map((h) => (
                    <Table.Th key={h} scope="col">
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {t.rows.slice(0, 100).map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no id and never reorder
                  <Table.Tr key={i}>
                    {r.map((v, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed column order
                      <Table.Td key={j}>{v}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ))}
    </Stack>
  );
}
