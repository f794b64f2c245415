// /activities/occasions/:id/results — the evaluation's results, as the shared suppression publishes them: a question
// answered by fewer than k is not shown, small counts and what would give them away are "..", the mean only when
// every count shows; free text for the organiser only.
import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { resultsQuery, useActivitiesT } from './activities-api.ts';

export function ResultsPage({ occasionId }: { occasionId: string }) {
  const at = useActivitiesT();
  const query = useQuery(resultsQuery(occasionId));
  return (
    <Page
      title={at('results.title')}
      heading={query.data ? `${at('results.title')}: ${query.data.title}` : at('results.title')}
    >
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <Stack gap="lg">
          <Text fw={600}>{at('results.summary', { answered: query.data.answered, invited: query.data.invited })}</Text>
          <Text>{at('results.suppression', { k: query.data.minCount })}</Text>
          <Group gap="md">
            <Anchor href={`/api/activities/occasions/${occasionId}/survey/results.xlsx`} download>
              {at('results.download')}
            </Anchor>
            <RouterAnchor to="/activities/occasions/$occasionId" params={{ occasionId }}>
              {at('results.back')}
            </RouterAnchor>
          </Group>
          {query.data.questions.map((q) => (
            <Stack key={q.id} gap="xs">
              <Title order={2} size="h3">
                {q.text}
              </Title>
              {q.kind === 'text' ? (
                q.texts === null ? (
                  q.shown ? null : (
                    <Text>{at('results.hidden', { k: query.data.minCount })}</Text>
                  )
                ) : q.texts.length === 0 ? (
                  <Text>{at('results.noTexts')}</Text>
                ) : (
                  <Stack gap={4}>
                    <Text fw={600}>{at('results.texts')}</Text>
                    {q.texts.map((t, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: free texts have no id (they are kept apart from who wrote them)
                      <Text key={i} component="blockquote" style={{ borderLeft: '3px solid #868e96', paddingLeft: 8 }}>
                        {t}
                      </Text>
                    ))}
                  </Stack>
                )
              ) : !q.shown ? (
                <Text>{at('results.hidden', { k: query.data.minCount })}</Text>
              ) : (
                <>
                  <DataTable label={at('results.table', { question: q.text })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{at('results.answer')}</Table.Th>
                        <Table.Th scope="col">{at('results.count')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {q.counts.map((c) => (
                        <Table.Tr key={c.label}>
                          <Table.Th scope="row">{c.label}</Table.Th>
                          <Table.Td>{c.count ?? ''}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </DataTable>
                  {q.mean !== null ? <Text>{at('results.mean', { mean: q.mean.toLocaleString('sv-SE') })}</Text> : null}
                </>
              )}
            </Stack>
          ))}
        </Stack>
      ) : null}
    </Page>
  );
}
