// /career-paths/progress: the region's view of every municipality — who owns the model, how far each step of the
// checklist has come, and development plans per target role (small counts shown as ".."); below it, staff by role
// over time from the staffing statistics (the first and the latest period, and the change). A table view; the region
// map is added once the platform has one.
import { Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RegionMap } from '../../../platform/web/components/region-map.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import type { CountCell, ProgressDto, ProgressRowDto, StaffByRoleDto } from '../career-paths.contracts.ts';
import { progressQuery, staffQuery } from './career-paths-api.ts';
import { useCareerT } from './career-paths-t.ts';

export const showCount = (c: CountCell) => (c === null ? '–' : String(c));

export function ProgressPage() {
  const tc = useCareerT();
  const me = useMe();
  const progress = useQuery(progressQuery());
  const staff = useQuery(staffQuery());
  const canOpen = (id: string) =>
    hasPermission(me, 'career:edit_model') ||
    (me.organisation.id === id && hasPermission(me, 'career:read_implementation'));
  return (
    <Page title={tc('progress.title')}>
      <Text>{tc('progress.intro')}</Text>
      {progress.isPending ? <Loading /> : null}
      {progress.isError ? <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} /> : null}
      {progress.data ? (
        <Tabs defaultValue="table">
          <Tabs.List>
            <Tabs.Tab value="table">{tc('progress.tableTab')}</Tabs.Tab>
            <Tabs.Tab value="map">{tc('progress.mapTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="map" pt="md">
            <ProgressMap data={progress.data} />
          </Tabs.Panel>
          <Tabs.Panel value="table" pt="md">
            <Table.ScrollContainer
              minWidth={900}
              type="native"
              role="region"
              tabIndex={0}
              aria-label={tc('progress.caption')}
            >
              <Table striped>
                <Table.Caption>{tc('progress.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{tc('progress.municipality')}</Table.Th>
                    <Table.Th>{tc('progress.owner')}</Table.Th>
                    <Table.Th>{tc('progress.currentStep')}</Table.Th>
                    <Table.Th>{tc('step.plan')}</Table.Th>
                    <Table.Th>{tc('step.implement')}</Table.Th>
                    <Table.Th>{tc('step.evaluate')}</Table.Th>
                    {progress.data.roles.map((r) => (
                      <Table.Th key={r.key}>{tc('progress.plansTo', { role: r.name })}</Table.Th>
                    ))}
                    <Table.Th>{tc('progress.plansTotal')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {progress.data.rows.map((row) => (
                    <Table.Tr key={row.municipalityId}>
                      <Table.Th scope="row">
                        {canOpen(row.municipalityId) ? (
                          <RouterAnchor
                            to="/career-paths/municipalities/$municipalityId"
                            params={{ municipalityId: row.municipalityId }}
                          >
                            {row.name}
                          </RouterAnchor>
                        ) : (
                          row.name
                        )}
                      </Table.Th>
                      <Table.Td>{row.hasOwner ? tc('common.yes') : tc('common.no')}</Table.Td>
                      <Table.Td>
                        <StepBadge row={row} />
                      </Table.Td>
                      {row.steps.map((s) => (
                        <Table.Td key={s.step}>
                          {s.total ? tc('progress.doneOf', { done: s.done, total: s.total }) : '–'}
                        </Table.Td>
                      ))}
                      {progress.data.roles.map((r) => (
                        <Table.Td key={r.key}>{showCount(row.plansByTarget[r.key] ?? null)}</Table.Td>
                      ))}
                      <Table.Td>{showCount(row.plansTotal)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Tabs.Panel>
        </Tabs>
      ) : null}
      {progress.data ? <Text size="sm">{tc('progress.suppressed', { k: progress.data.minCount })}</Text> : null}
      <Title order={2}>{tc('staff.title')}</Title>
      <Text>{tc('staff.intro')}</Text>
      {staff.isPending ? <Loading /> : null}
      {staff.isError ? <ErrorAlert error={staff.error} /> : null}
      {staff.data ? <StaffTrendTable data={staff.data} /> : null}
    </Page>
  );
}

/** Each municipality's current step on the region map (decision 025): colour, pattern and label per step. */
function ProgressMap({ data }: { data: ProgressDto }) {
  const tc = useCareerT();
  const label = (step: ProgressRowDto['currentStep']) =>
    step === null ? tc('progress.notStarted') : step === 'done' ? tc('progress.allDone') : tc(`step.${step}`);
  const entries = Object.fromEntries(
    data.rows.flatMap((r) =>
      r.code
        ? [[r.code, { value: label(r.currentStep), label: label(r.currentStep), category: r.currentStep ?? 'none' }]]
        : [],
    ),
  );
  return (
    <RegionMap
      title={tc('progress.mapTitle')}
      data={entries}
      names={Object.fromEntries(data.rows.flatMap((r) => (r.code ? [[r.code, r.name]] : [])))}
      categories={[
        { key: 'none', label: tc('progress.notStarted') },
        { key: 'plan', label: tc('step.plan') },
        { key: 'implement', label: tc('step.implement') },
        { key: 'evaluate', label: tc('step.evaluate') },
        { key: 'done', label: tc('progress.allDone') },
      ]}
      categoryHeader={tc('progress.currentStep')}
      valueHeader={tc('progress.currentStep')}
    />
  );
}

export function StepBadge({ row }: { row: Pick<ProgressRowDto, 'currentStep' | 'adopted'> }) {
  const tc = useCareerT();
  if (row.currentStep === null) return <StatusBadge tone="neutral">{tc('progress.notStarted')}</StatusBadge>;
  if (row.currentStep === 'done') return <StatusBadge tone="positive">{tc('progress.allDone')}</StatusBadge>;
  return <StatusBadge tone="attention">{tc(`step.${row.currentStep}`)}</StatusBadge>;
}

/** Per municipality and role: the first and the latest period's headcount and the target share. */
export function StaffTrendTable({ data }: { data: StaffByRoleDto }) {
  const tc = useCareerT();
  const first = data.periods[0];
  const last = data.periods.at(-1);
  if (!first || !last) return <Text role="status">{tc('staff.noPeriods')}</Text>;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={800} type="native" role="region" tabIndex={0} aria-label={tc('staff.caption')}>
        <Table striped>
          <Table.Caption>{tc('staff.trendCaption', { first: first.label, last: last.label })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('progress.municipality')}</Table.Th>
              {data.roles.map((r) => (
                <Table.Th key={r.key}>{r.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => (
              <Table.Tr key={row.municipalityId}>
                <Table.Th scope="row">{row.name}</Table.Th>
                {data.roles.map((r) => {
                  const values = row.values[r.key] ?? [];
                  const target = row.targetMix[r.key];
                  return (
                    <Table.Td key={r.key}>
                      {`${showCount(values[0] ?? null)} → ${showCount(values.at(-1) ?? null)}`}
                      {target !== undefined ? (
                        <Text size="xs">{tc('staff.target', { share: target, year: row.targetYear ?? '–' })}</Text>
                      ) : null}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** One municipality's headcount per role in every period, with shares and the target mix. */
export function StaffByPeriodTable({ data }: { data: StaffByRoleDto }) {
  const tc = useCareerT();
  const row = data.rows[0];
  if (!row || data.periods.length === 0) return <Text role="status">{tc('staff.noPeriods')}</Text>;
  const totals = data.periods.map((_, i) =>
    data.roles.reduce((s, r) => {
      const v = row.values[r.key]?.[i];
      return typeof v === 'number' ? s + v : s;
    }, 0),
  );
  return (
    <Table.ScrollContainer minWidth={700} type="native" role="region" tabIndex={0} aria-label={tc('staff.caption')}>
      <Table striped>
        <Table.Caption>{tc('staff.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{tc('model.role')}</Table.Th>
            {data.periods.map((p) => (
              <Table.Th key={p.id}>{p.label}</Table.Th>
            ))}
            <Table.Th>{tc('staff.targetShare')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.roles.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{r.name}</Table.Th>
              {data.periods.map((p, i) => {
                const v = row.values[r.key]?.[i] ?? null;
                const total = totals[i] ?? 0;
                return (
                  <Table.Td key={p.id}>
                    {showCount(v)}
                    {typeof v === 'number' && total > 0 ? ` (${Math.round((v / total) * 100)} %)` : ''}
                  </Table.Td>
                );
              })}
              <Table.Td>{row.targetMix[r.key] !== undefined ? `${row.targetMix[r.key]} %` : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
