// /people/$personId/extract: the register extract (GDPR art. 15) — everything every module holds about the person,
// a table per kind of record, with downloads as Excel and JSON. Making it is audited on the server.
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import type { ExtractSectionDto } from '../people.contracts.ts';
import { extractFileUrl, extractQuery, usePeopleT } from './people-api.ts';

export function ExtractPage({ personId }: { personId: string }) {
  const pt = usePeopleT();
  const format = useFormat();
  const query = useQuery(extractQuery(personId));
  const extract = query.data;
  return (
    <Page
      title={pt('extract.title')}
      heading={extract ? pt('extract.heading', { name: extract.person.name }) : pt('extract.title')}
    >
      {extract ? (
        <RouterAnchor to="/people/$personId" params={{ personId }}>
          {pt('extract.back', { name: extract.person.name })}
        </RouterAnchor>
      ) : null}
      <Text>{pt('extract.intro')}</Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {extract ? (
        <>
          <Text size="sm">
            {extract.person.municipality} · {pt('extract.made', { at: format.dateTime(extract.generatedAt) })}
          </Text>
          <Group gap="sm" role="group" aria-label={pt('extract.downloads')}>
            <Button
              component="a"
              href={extractFileUrl(personId, 'xlsx')}
              download
              variant="default"
              aria-label={pt('extract.xlsxOf')}
            >
              {pt('extract.xlsx')}
            </Button>
            <Button
              component="a"
              href={extractFileUrl(personId, 'json')}
              download
              variant="default"
              aria-label={pt('extract.jsonOf')}
            >
              {pt('extract.json')}
            </Button>
          </Group>
          {extract.sections.map((section) => (
            <Section key={section.key} section={section} />
          ))}
        </>
      ) : null}
    </Page>
  );
}

function Section({ section }: { section: ExtractSectionDto }) {
  const pt = usePeopleT();
  const headingId = `extract-${section.key.replace(/\W/g, '-')}`;
  const cell = (v: string | number | boolean | null) =>
    v === null ? '–' : typeof v === 'boolean' ? (v ? pt('extract.yes') : pt('extract.no')) : String(v);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {section.title}
        </Title>
        {section.description ? <Text size="sm">{section.description}</Text> : null}
        <Text size="sm" fw={600}>
          {pt('extract.records', { count: section.rows.length })}
        </Text>
        {section.rows.length > 0 ? (
          <DataTable label={section.title}>
            <Table.Thead>
              <Table.Tr>
                {section.columns.map((c) => (
                  <Table.Th key={c.key} scope="col">
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: records have no id of their own; the order is fixed
                <Table.Tr key={i}>
                  {section.columns.map((c) => (
                    <Table.Td key={c.key} style={{ overflowWrap: 'anywhere' }}>
                      {cell(row[c.key] ?? null)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        ) : null}
      </Stack>
    </Paper>
  );
}
