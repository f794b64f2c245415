// /projects/$projectId/financing: co-financing in hours and money, planned against actual per municipality, with a
// warning for those who fall behind; pledges, hours given, and the budget with grants such as ESF.
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { CaptionedTable } from '../../../platform/web/components/table-scroll.tsx';
import type { ProjectDto } from '../projects.contracts.ts';
import { useProjectChange } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

const num = (n: number) => n.toLocaleString('sv-SE');

export function FinancingPage({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const canEdit = p.access === 'change';
  const c = p.cofinancing;
  const pledge = useProjectChange<Record<string, unknown>>(
    p.id,
    'PUT',
    (v) => `/pledges/${String(v.municipalityId)}`,
    ({ municipalityId: _, ...rest }) => rest,
  );
  const contribute = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/contributions');
  const budget = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/budget-lines');
  const municipalities = [
    { value: '', label: pt('common.choose') },
    ...p.participation.map((m) => ({ value: m.municipalityId, label: m.name })),
  ];
  const behind = c.rows.filter((r) => r.behind);
  return (
    <Stack>
      <Title order={2}>{pt('financing.title')}</Title>
      <Text>{pt('financing.intro')}</Text>
      {behind.length ? (
        <Alert color="orange" role="alert" title={pt('overview.behind', { count: behind.length })}>
          {behind.map((r) => r.name).join(', ')}
        </Alert>
      ) : null}
      <CaptionedTable
        minWidth={1000}
        caption={pt('financing.title')}
        striped
        data-testid="cofinancing"
        columns={[
          pt('financing.municipality'),
          pt('financing.plannedHours'),
          pt('financing.dueHours'),
          pt('financing.actualHours'),
          pt('financing.attendanceHours'),
          pt('financing.value'),
          pt('financing.plannedMoney'),
          pt('financing.actualMoney'),
          pt('financing.state'),
        ]}
      >
        <Table.Tbody>
          {c.rows.map((r) => (
            <Table.Tr key={r.municipalityId}>
              <Table.Th scope="row" fw={400}>
                {r.name}
              </Table.Th>
              <Table.Td>{num(r.plannedHours)}</Table.Td>
              <Table.Td>{num(r.dueHours)}</Table.Td>
              <Table.Td>{num(r.actualHours)}</Table.Td>
              <Table.Td>{num(r.attendanceHours)}</Table.Td>
              <Table.Td>{num(r.actualHoursValue)}</Table.Td>
              <Table.Td>{num(r.plannedMoney)}</Table.Td>
              <Table.Td>{num(r.actualMoney)}</Table.Td>
              <Table.Td>
                <StatusBadge tone={r.behind ? 'attention' : 'positive'}>
                  {r.behind ? pt('financing.behind') : pt('financing.onTrack')}
                </StatusBadge>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{pt('financing.total')}</Table.Th>
            <Table.Td fw={700}>{num(c.totals.plannedHours)}</Table.Td>
            <Table.Td fw={700}>{num(c.totals.dueHours)}</Table.Td>
            <Table.Td fw={700}>{num(c.totals.actualHours)}</Table.Td>
            <Table.Td fw={700}>{num(c.totals.attendanceHours)}</Table.Td>
            <Table.Td fw={700}>{num(c.totals.actualHoursValue)}</Table.Td>
            <Table.Td fw={700}>{num(c.totals.plannedMoney)}</Table.Td>
            <Table.Td fw={700}>{num(c.totals.actualMoney)}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </CaptionedTable>
      <Text size="sm">{pt('financing.attendance')}</Text>
      {canEdit ? (
        <>
          <Title order={3}>{pt('financing.contributions')}</Title>
          <FieldForm
            columns={5}
            submitLabel={pt('financing.addContribution')}
            fields={[
              {
                name: 'municipalityId',
                label: pt('financing.municipality'),
                kind: 'select',
                options: municipalities,
                required: true,
              },
              { name: 'date', label: pt('common.date'), kind: 'date', required: true },
              { name: 'hours', label: pt('financing.hours'), kind: 'number' },
              { name: 'money', label: pt('financing.money'), kind: 'number' },
              { name: 'note', label: pt('financing.note') },
            ]}
            onSubmit={(body) => contribute.mutateAsync(body)}
          />
          <Title order={3}>{pt('financing.pledge')}</Title>
          <FieldForm
            columns={3}
            submitLabel={pt('financing.setPledge')}
            fields={[
              {
                name: 'municipalityId',
                label: pt('financing.municipality'),
                kind: 'select',
                options: municipalities,
                required: true,
              },
              { name: 'plannedHours', label: pt('financing.plannedHours'), kind: 'number', required: true },
              { name: 'plannedMoney', label: pt('financing.plannedMoney'), kind: 'number' },
            ]}
            onSubmit={(body) => pledge.mutateAsync(body)}
          />
        </>
      ) : null}
      <Title order={3}>{pt('financing.budget')}</Title>
      <CaptionedTable
        minWidth={600}
        caption={pt('financing.budget')}
        columns={[
          pt('financing.kind'),
          pt('financing.label'),
          pt('financing.funder'),
          pt('financing.planned'),
          pt('financing.actual'),
        ]}
      >
        <Table.Tbody>
          {c.budgetLines.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{pt(`financing.kinds.${b.kind}`)}</Table.Td>
              <Table.Td>{b.label}</Table.Td>
              <Table.Td>{b.funder}</Table.Td>
              <Table.Td>{num(b.planned)}</Table.Td>
              <Table.Td>{num(b.actual)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </CaptionedTable>
      {canEdit ? (
        <FieldForm
          columns={5}
          submitLabel={pt('financing.addBudget')}
          fields={[
            {
              name: 'kind',
              label: pt('financing.kind'),
              kind: 'select',
              initial: 'cost',
              options: (['cost', 'grant'] as const).map((k) => ({ value: k, label: pt(`financing.kinds.${k}`) })),
            },
            { name: 'label', label: pt('financing.label'), required: true },
            { name: 'funder', label: pt('financing.funder') },
            { name: 'planned', label: pt('financing.planned'), kind: 'number' },
            { name: 'actual', label: pt('financing.actual'), kind: 'number' },
          ]}
          onSubmit={(body) => budget.mutateAsync(body)}
        />
      ) : null}
    </Stack>
  );
}
