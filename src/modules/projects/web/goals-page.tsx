// /projects/$projectId/goals: project goals, each tied to one effect goal, with status (a goal lifted out carries the
// reason and the decision) and an indicator with its trend.
import { Button, Card, Group, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { FormError } from '../../../platform/web/components/feedback.tsx';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { CaptionedTable } from '../../../platform/web/components/table-scroll.tsx';
import { GOAL_STATUSES, type GoalDto, type ProjectDto } from '../projects.contracts.ts';
import { useProjectChange } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

const TONE = { not_started: 'neutral', ongoing: 'attention', achieved: 'positive', lifted_out: 'neutral' } as const;

export function GoalsPage({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const canEdit = p.access === 'change';
  const effect = new Map(p.effectGoals.map((e) => [e.id, e]));
  const taken = new Set(p.goals.map((g) => g.effectGoalId));
  const addEffect = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/effect-goals');
  const addGoal = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/goals');
  return (
    <Stack>
      <Title order={2}>{pt('goals.title')}</Title>
      <CaptionedTable
        minWidth={700}
        caption={pt('goals.title')}
        columns={[pt('goals.projectGoal'), pt('goals.effectGoal'), pt('goals.status'), pt('goals.indicator')]}
      >
        <Table.Tbody>
          {p.goals.map((g) => {
            const e = effect.get(g.effectGoalId);
            return (
              <Table.Tr key={g.id}>
                <Table.Td>
                  {g.number}. {g.text}
                </Table.Td>
                <Table.Td>{e ? `${e.number}. ${e.text}` : ''}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={TONE[g.status]}>{pt(`goals.statuses.${g.status}`)}</StatusBadge>
                  {g.statusReason ? <Text size="xs">{g.statusReason}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <Indicator goal={g} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </CaptionedTable>
      {canEdit ? p.goals.map((g) => <GoalEditor key={g.id} project={p} goal={g} />) : null}
      {canEdit ? (
        <Group align="start" grow>
          <Card withBorder>
            <Title order={3} size="h4">
              {pt('goals.addEffect')}
            </Title>
            <FieldForm
              submitLabel={pt('common.add')}
              fields={[{ name: 'text', label: pt('goals.text'), kind: 'textarea', required: true }]}
              onSubmit={(body) => addEffect.mutateAsync(body)}
            />
          </Card>
          <Card withBorder>
            <Title order={3} size="h4">
              {pt('goals.addGoal')}
            </Title>
            <FieldForm
              submitLabel={pt('common.add')}
              fields={[
                { name: 'text', label: pt('goals.text'), kind: 'textarea', required: true },
                {
                  name: 'effectGoalId',
                  label: pt('goals.effectGoal'),
                  kind: 'select',
                  required: true,
                  options: [
                    { value: '', label: pt('common.choose') },
                    ...p.effectGoals
                      .filter((e) => !taken.has(e.id))
                      .map((e) => ({ value: e.id, label: `${e.number}. ${e.text}` })),
                  ],
                },
                { name: 'indicatorName', label: pt('goals.indicatorName') },
                { name: 'indicatorUnit', label: pt('goals.indicatorUnit') },
                { name: 'indicatorTarget', label: pt('goals.indicatorTarget'), kind: 'number' },
              ]}
              onSubmit={(body) => addGoal.mutateAsync(body)}
            />
          </Card>
        </Group>
      ) : null}
    </Stack>
  );
}

function Indicator({ goal: g }: { goal: GoalDto }) {
  const pt = useProjectsT();
  const i = g.indicator;
  if (!i) return <>–</>;
  const last = i.values.at(-1);
  return (
    <Stack gap={2}>
      <Text size="sm">
        {i.name}: {last ? `${last.value.toLocaleString('sv-SE')} ${i.unit}` : '–'}
        {i.target !== null ? ` (${pt('goals.target', { target: i.target.toLocaleString('sv-SE') })})` : ''}
      </Text>
      {i.trend ? (
        <Text size="xs">
          {i.trend === 'up' ? '▲' : i.trend === 'down' ? '▼' : '▬'} {pt(`goals.trend.${i.trend}`)} ·{' '}
          {i.values.map((v) => `${v.date}: ${v.value.toLocaleString('sv-SE')}`).join(', ')}
        </Text>
      ) : null}
      <Text size="xs">{pt('goals.indicatorSource')}</Text>
    </Stack>
  );
}

function GoalEditor({ project: p, goal: g }: { project: ProjectDto; goal: GoalDto }) {
  const pt = useProjectsT();
  const [status, setStatus] = useState<string>(g.status);
  const [reason, setReason] = useState(g.statusReason);
  const [decisionId, setDecisionId] = useState(g.statusDecisionId ?? '');
  const save = useProjectChange<Record<string, unknown>>(p.id, 'PATCH', `/goals/${g.id}`);
  const addValue = useProjectChange<Record<string, unknown>>(p.id, 'PUT', `/goals/${g.id}/indicator`);
  return (
    <Card withBorder>
      <Title order={3} size="h5">
        {pt('goals.changeStatus')}: {pt('goals.projectGoal')} {g.number}
      </Title>
      <Group align="end" wrap="wrap">
        <NativeSelect
          label={pt('goals.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={GOAL_STATUSES.map((s) => ({ value: s, label: pt(`goals.statuses.${s}`) }))}
        />
        <Textarea
          label={pt('goals.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={1}
        />
        <NativeSelect
          label={pt('goals.decision')}
          value={decisionId}
          onChange={(e) => setDecisionId(e.currentTarget.value)}
          data={[
            { value: '', label: pt('common.none') },
            ...p.decisions.map((d) => ({ value: d.id, label: `${d.date} ${d.forum}` })),
          ]}
        />
        <Button
          variant="default"
          loading={save.isPending}
          onClick={() => save.mutate({ status, statusReason: reason, statusDecisionId: decisionId || null })}
        >
          {pt('common.save')}
        </Button>
      </Group>
      <FormError message={save.error ? errorMessage(save.error) : null} />
      {g.indicator ? (
        <FieldForm
          columns={2}
          submitLabel={pt('goals.addValue')}
          fields={[
            { name: 'date', label: pt('common.date'), kind: 'date', required: true },
            { name: 'value', label: pt('goals.value'), kind: 'number', required: true },
          ]}
          onSubmit={(body) => addValue.mutateAsync(body)}
        />
      ) : null}
    </Card>
  );
}
