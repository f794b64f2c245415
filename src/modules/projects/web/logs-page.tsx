// /projects/$projectId/logs: the decision log (date, forum, decision, what it concerns, documents) and the
// presentation log with the count per forum, as in the final report's table.
import { Anchor, Stack, Table, Title } from '@mantine/core';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { CaptionedTable } from '../../../platform/web/components/table-scroll.tsx';
import type { ProjectDto } from '../projects.contracts.ts';
import { useProjectChange } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

export function LogsPage({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const canEdit = p.access === 'change';
  const addDecision = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/decisions', (v) => {
    const { documentTitle, documentUrl, ...rest } = v as Record<string, unknown> & {
      documentTitle?: string;
      documentUrl?: string;
    };
    return {
      ...rest,
      documents: documentTitle ? [{ title: documentTitle, ...(documentUrl ? { url: documentUrl } : {}) }] : [],
    };
  });
  const addPresentation = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/presentations');
  const goal = new Map(p.goals.map((g) => [g.id, `${pt('goals.projectGoal')} ${g.number}`]));
  const sub = new Map(p.subprojects.map((s) => [s.id, `${s.number}. ${s.name}`]));
  const act = new Map(p.activities.map((a) => [a.id, a.name]));
  const none = { value: '', label: pt('common.none') };
  return (
    <Stack>
      <Title order={2}>{pt('logs.decisions')}</Title>
      <CaptionedTable
        minWidth={700}
        caption={pt('logs.decisions')}
        data-testid="decisions"
        columns={[pt('common.date'), pt('logs.forum'), pt('logs.decision'), pt('logs.concerns'), pt('logs.documents')]}
      >
        <Table.Tbody>
          {p.decisions.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.date}</Table.Td>
              <Table.Td>{d.forum}</Table.Td>
              <Table.Td>{d.text}</Table.Td>
              <Table.Td>
                {[goal.get(d.goalId ?? ''), sub.get(d.subprojectId ?? ''), act.get(d.activityId ?? '')]
                  .filter(Boolean)
                  .join(', ')}
              </Table.Td>
              <Table.Td>
                {d.documents.map((doc) =>
                  doc.url ? (
                    <Anchor key={doc.title} href={doc.url} target="_blank" rel="noreferrer" display="block">
                      {doc.title}
                    </Anchor>
                  ) : (
                    <span key={doc.title}>{doc.title}</span>
                  ),
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </CaptionedTable>
      {canEdit ? (
        <FieldForm
          columns={3}
          submitLabel={pt('logs.addDecision')}
          fields={[
            { name: 'date', label: pt('common.date'), kind: 'date', required: true },
            { name: 'forum', label: pt('logs.forum'), required: true, initial: 'Styrgrupp' },
            { name: 'text', label: pt('logs.decision'), kind: 'textarea', required: true },
            {
              name: 'goalId',
              label: pt('logs.goal'),
              kind: 'select',
              options: [none, ...p.goals.map((g) => ({ value: g.id, label: goal.get(g.id) ?? '' }))],
            },
            {
              name: 'subprojectId',
              label: pt('logs.subproject'),
              kind: 'select',
              options: [none, ...p.subprojects.map((s) => ({ value: s.id, label: sub.get(s.id) ?? '' }))],
            },
            {
              name: 'activityId',
              label: pt('logs.activity'),
              kind: 'select',
              options: [
                none,
                ...p.activities
                  .filter((a) => a.kind !== 'phase')
                  .slice(0, 500)
                  .map((a) => ({ value: a.id, label: a.name })),
              ],
            },
            { name: 'documentTitle', label: pt('logs.documentTitle') },
            { name: 'documentUrl', label: pt('logs.documentUrl') },
          ]}
          onSubmit={(body) => addDecision.mutateAsync(body)}
        />
      ) : null}

      <Title order={2}>{pt('logs.presentations')}</Title>
      <Table maw={520} data-testid="presentation-counts">
        <Table.Caption>{pt('logs.counts')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{pt('logs.forum')}</Table.Th>
            <Table.Th scope="col">{pt('logs.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.presentationCounts.map((c) => (
            <Table.Tr key={c.forum}>
              <Table.Th scope="row" fw={400}>
                {c.forum}
              </Table.Th>
              <Table.Td>{c.count}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{pt('logs.total')}</Table.Th>
            <Table.Td fw={700}>{p.presentations.length}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <CaptionedTable
        minWidth={700}
        caption={pt('logs.presentations')}
        columns={[pt('common.date'), pt('logs.forum'), pt('logs.audience'), pt('logs.presenter'), pt('logs.topic')]}
      >
        <Table.Tbody>
          {p.presentations.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.date}</Table.Td>
              <Table.Td>{x.forum}</Table.Td>
              <Table.Td>{x.audience}</Table.Td>
              <Table.Td>{x.presenter}</Table.Td>
              <Table.Td>{x.topic}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </CaptionedTable>
      {canEdit ? (
        <FieldForm
          columns={3}
          submitLabel={pt('logs.addPresentation')}
          fields={[
            { name: 'date', label: pt('common.date'), kind: 'date', required: true },
            { name: 'forum', label: pt('logs.forum'), required: true },
            { name: 'audience', label: pt('logs.audience') },
            { name: 'presenter', label: pt('logs.presenter') },
            { name: 'topic', label: pt('logs.topic') },
          ]}
          onSubmit={(body) => addPresentation.mutateAsync(body)}
        />
      ) : null}
    </Stack>
  );
}
