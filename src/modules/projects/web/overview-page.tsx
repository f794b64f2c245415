// /projects/$projectId: the overview for the steering group — who, when, goals, plan against reality, the latest
// decisions and co-financing with a warning when a municipality falls behind.
import { Alert, Button, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { ProjectDto } from '../projects.contracts.ts';
import { useProjectChange } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

const num = (n: number) => n.toLocaleString('sv-SE');

export function OverviewPage({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const [editing, setEditing] = useState(false);
  const goals = p.goals;
  const rows = p.activities.filter((a) => a.kind !== 'phase');
  const late = rows.filter((a) => a.late && a.status !== 'done');
  const lateEver = rows.filter((a) => a.late);
  const behind = p.cofinancing.rows.filter((r) => r.behind);
  const now = p.participation.filter((m) => m.participatingNow).length;
  return (
    <Stack>
      <Title order={2}>{pt('overview.title')}</Title>
      {p.purpose ? <Text>{p.purpose}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Card withBorder>
          <dl style={{ margin: 0 }}>
            {(
              [
                ['period', `${p.startDate} – ${p.endDate}`],
                ['leader', p.leader?.name ?? '–'],
                ['steering', p.steeringNetwork?.name ?? '–'],
                ['orderer', p.orderer || '–'],
                ['owner', p.owner || '–'],
                ['municipalitiesNow', `${now} / ${p.participation.length}`],
                ...(p.participantTarget !== null ? [['participantTarget', num(p.participantTarget)]] : []),
              ] as [string, string][]
            ).map(([k, v]) => (
              <div key={k}>
                <Text component="dt" size="sm" fw={700}>
                  {pt(`overview.${k}` as 'overview.period')}
                </Text>
                <Text component="dd" size="sm" ml={0} mb="xs">
                  {v}
                </Text>
              </div>
            ))}
          </dl>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4">
            {pt('overview.goals')}
          </Title>
          <Text size="sm">
            {pt('overview.goalsSummary', {
              achieved: goals.filter((g) => g.status === 'achieved').length,
              ongoing: goals.filter((g) => g.status === 'ongoing').length,
              lifted: goals.filter((g) => g.status === 'lifted_out').length,
              total: goals.length,
            })}
          </Text>
          <Title order={3} size="h4" mt="md">
            {pt('overview.plan')}
          </Title>
          <Text size="sm">
            {pt('overview.planSummary', {
              done: rows.filter((a) => a.status === 'done').length,
              total: rows.length,
              late: late.length || lateEver.length,
            })}
          </Text>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4">
            {pt('overview.cofinancing')}
          </Title>
          <Text size="sm">
            {pt('overview.cofinancingSummary', {
              actual: num(p.cofinancing.totals.actualHours),
              planned: num(p.cofinancing.totals.plannedHours),
            })}
          </Text>
          {behind.length ? (
            <Alert color="orange" mt="xs" title={pt('overview.behind', { count: behind.length })}>
              <List size="sm">
                {behind.map((r) => (
                  <List.Item key={r.municipalityId}>
                    {r.name}: {num(r.actualHours)} / {num(r.dueHours)} h{' '}
                    <StatusBadge tone="attention">{pt('financing.behind')}</StatusBadge>
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Text size="sm">{pt('overview.noneBehind')}</Text>
          )}
        </Card>
      </SimpleGrid>
      <Title order={3}>{pt('overview.decisions')}</Title>
      <List>
        {[...p.decisions]
          .reverse()
          .slice(0, 5)
          .map((d) => (
            <List.Item key={d.id}>
              {d.date} · {d.forum}: {d.text}
            </List.Item>
          ))}
      </List>
      {p.access === 'change' ? (
        <div>
          <Button variant="default" onClick={() => setEditing(true)}>
            {pt('overview.edit')}
          </Button>
        </div>
      ) : null}
      <AppModal opened={editing} onClose={() => setEditing(false)} title={pt('overview.editTitle')}>
        {editing ? <EditProject project={p} onDone={() => setEditing(false)} /> : null}
      </AppModal>
    </Stack>
  );
}

function EditProject({ project: p, onDone }: { project: ProjectDto; onDone: () => void }) {
  const pt = useProjectsT();
  const save = useProjectChange<Record<string, unknown>>(p.id, 'PATCH', '');
  return (
    <FieldForm
      columns={2}
      reset={false}
      submitLabel={pt('common.save')}
      fields={[
        { name: 'name', label: pt('form.name'), initial: p.name, required: true },
        { name: 'orderer', label: pt('form.orderer'), initial: p.orderer },
        { name: 'owner', label: pt('form.owner'), initial: p.owner },
        { name: 'startDate', label: pt('form.startDate'), kind: 'date', initial: p.startDate },
        { name: 'endDate', label: pt('form.endDate'), kind: 'date', initial: p.endDate },
        {
          name: 'participantTarget',
          label: pt('form.participantTarget'),
          kind: 'number',
          initial: p.participantTarget ?? '',
          emptyAsNull: true,
        },
        { name: 'hourlyRate', label: pt('form.hourlyRate'), kind: 'number', initial: p.hourlyRate },
        { name: 'purpose', label: pt('form.purpose'), kind: 'textarea', initial: p.purpose },
      ]}
      onSubmit={async (body) => {
        await save.mutateAsync(body);
        notifySuccess(pt('common.saved'));
      }}
      onDone={onDone}
    />
  );
}
