// /projects/$projectId/plan: plan against reality as a Gantt chart or as a table with the same information, the
// baseline, new rows of the plan, and the history of moved dates.
import { Button, Group, NativeSelect, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { CaptionedTable } from '../../../platform/web/components/table-scroll.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { displayStatus, type GanttZoom } from '../gantt-scene.ts';
import { formatDate, ganttTexts } from '../gantt-texts.ts';
import type { ActivityDto, ProjectDto } from '../projects.contracts.ts';
import { ActivityDialog } from './activity-dialog.tsx';
import { type DateChange, GanttChart } from './gantt-chart.tsx';
import { useProjectChange } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

export type PlanSearch = { view?: 'gantt' | 'table'; zoom?: GanttZoom; sub?: string };

export function PlanPage({ project: p, search }: { project: ProjectDto; search: PlanSearch }) {
  const pt = useProjectsT();
  const navigate = useNavigate();
  const view = search.view ?? 'gantt';
  const zoom = search.zoom ?? 'month';
  const canEdit = p.access === 'change';
  // One sub-project's plan: its rows and the phases they belong to.
  const sub = p.subprojects.find((s) => s.id === search.sub);
  const rows = sub
    ? (() => {
        const own = p.activities.filter((a) => a.subprojectId === sub.id);
        const phases = new Set(own.flatMap((a) => (a.phaseId ? [a.phaseId] : [])));
        return p.activities.filter((a) => a.subprojectId === sub.id || phases.has(a.id));
      })()
    : p.activities;
  const shown = rows === p.activities ? p : { ...p, activities: rows };
  const [editing, setEditing] = useState<{ activity: ActivityDto; change?: DateChange } | null>(null);
  const setSearch = (next: PlanSearch) =>
    void navigate({
      to: '/projects/$projectId/plan',
      params: { projectId: p.id },
      search: { view, zoom, ...(search.sub ? { sub: search.sub } : {}), ...next },
      replace: true,
    });
  return (
    <Stack>
      <Title order={2}>{pt('plan.title')}</Title>
      <Baseline project={p} />
      <Group gap="lg" wrap="wrap">
        <Group gap="xs">
          <Text size="sm" id="plan-view-label">
            {pt('plan.view')}
          </Text>
          <SegmentedControl
            aria-labelledby="plan-view-label"
            value={view}
            onChange={(v) => setSearch({ view: v as 'gantt' | 'table' })}
            data={[
              { value: 'gantt', label: pt('plan.chart') },
              { value: 'table', label: pt('plan.table') },
            ]}
          />
        </Group>
        {view === 'gantt' ? (
          <Group gap="xs">
            <Text size="sm" id="plan-zoom-label">
              {pt('plan.zoom')}
            </Text>
            <SegmentedControl
              aria-labelledby="plan-zoom-label"
              value={zoom}
              onChange={(v) => setSearch({ zoom: v as GanttZoom })}
              data={[
                { value: 'month', label: pt('plan.month') },
                { value: 'quarter', label: pt('plan.quarter') },
              ]}
            />
          </Group>
        ) : null}
        {p.subprojects.length ? (
          <NativeSelect
            label={pt('plan.subproject')}
            value={search.sub ?? ''}
            onChange={(e) => setSearch({ sub: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: pt('plan.allSubprojects') },
              ...p.subprojects.map((s) => ({ value: s.id, label: `${s.number}. ${s.name}` })),
            ]}
          />
        ) : null}
        <Text size="sm">{pt('plan.rows', { count: rows.length })}</Text>
      </Group>
      {view === 'gantt' ? (
        <GanttChart
          rows={rows}
          startDate={p.startDate}
          endDate={p.endDate}
          today={p.today}
          zoom={zoom}
          canEdit={canEdit}
          fileName={p.name}
          onCommit={(change) => setEditing({ activity: change.activity, change })}
        />
      ) : (
        <PlanTable project={shown} onEdit={(activity) => setEditing({ activity })} />
      )}
      {editing ? (
        <ActivityDialog
          projectId={p.id}
          activity={editing.activity}
          change={editing.change}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {canEdit ? <AddRow project={p} /> : null}
      <History project={p} />
    </Stack>
  );
}

function Baseline({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const [reason, setReason] = useState('');
  const save = useProjectChange<{ reason: string }>(p.id, 'POST', '/baseline');
  return (
    <Stack gap="xs">
      <Text size="sm">
        {p.baselineSavedAt ? pt('plan.baselineSaved', { date: p.baselineSavedAt.slice(0, 10) }) : pt('plan.noBaseline')}
      </Text>
      {p.access === 'change' ? (
        <Group align="end" gap="xs">
          {p.baselineSavedAt ? (
            <Textarea
              label={pt('plan.baselineReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={1}
              error={save.error ? String(save.error.message) : undefined}
            />
          ) : null}
          <Button
            variant="default"
            loading={save.isPending}
            onClick={() => save.mutate({ reason }, { onSuccess: () => notifySuccess(pt('common.saved')) })}
          >
            {pt('plan.saveBaseline')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

export function PlanTable({ project: p, onEdit }: { project: ProjectDto; onEdit?: (a: ActivityDto) => void }) {
  const pt = useProjectsT();
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
  const texts = ganttTexts(locale);
  const d = (iso: string | null) => formatDate(iso, locale);
  const canEdit = p.access === 'change' && onEdit;
  return (
    <CaptionedTable
      minWidth={900}
      caption={pt('plan.chartLabel')}
      striped
      data-testid="plan-table"
      columns={[
        pt('plan.activity'),
        pt('plan.kind'),
        pt('plan.baselineCol'),
        pt('plan.planned'),
        pt('plan.actual'),
        pt('plan.deviation'),
        pt('plan.status'),
        pt('plan.historyFor'),
        canEdit ? pt('plan.change') : null,
      ]}
    >
      <Table.Tbody>
        {p.activities.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Th scope="row" fw={a.kind === 'phase' ? 700 : 400} pl={a.kind === 'phase' ? 'xs' : 'lg'}>
              {a.name}
            </Table.Th>
            <Table.Td>{pt(`plan.kinds.${a.kind}`)}</Table.Td>
            <Table.Td>{a.baselineStart ? `${d(a.baselineStart)} – ${d(a.baselineEnd)}` : '–'}</Table.Td>
            <Table.Td>
              {d(a.plannedStart)} – {d(a.plannedEnd)}
            </Table.Td>
            <Table.Td>{a.actualStart ? `${d(a.actualStart)} – ${a.actualEnd ? d(a.actualEnd) : '…'}` : '–'}</Table.Td>
            <Table.Td>{a.deviationDays ? texts.deviation(a.deviationDays) : '–'}</Table.Td>
            <Table.Td>{texts.status[displayStatus(a)]}</Table.Td>
            <Table.Td>{a.changeCount}</Table.Td>
            {canEdit ? (
              <Table.Td>
                {a.kind === 'phase' ? null : (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onEdit(a)}
                    aria-label={pt('plan.changeItem', { name: a.name })}
                  >
                    {pt('plan.change')}
                  </Button>
                )}
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </CaptionedTable>
  );
}

function AddRow({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const add = useProjectChange<Record<string, unknown>>(p.id, 'POST', '/activities');
  const phases = p.activities.filter((a) => a.kind === 'phase');
  return (
    <Stack gap="xs">
      <Title order={3}>{pt('plan.add')}</Title>
      <FieldForm
        columns={3}
        submitLabel={pt('common.add')}
        fields={[
          { name: 'name', label: pt('plan.activity'), required: true },
          {
            name: 'kind',
            label: pt('plan.kind'),
            kind: 'select',
            initial: 'activity',
            options: (['activity', 'milestone', 'phase'] as const).map((k) => ({
              value: k,
              label: pt(`plan.kinds.${k}`),
            })),
          },
          {
            name: 'phaseId',
            label: pt('plan.phase'),
            kind: 'select',
            options: [{ value: '', label: pt('common.none') }, ...phases.map((x) => ({ value: x.id, label: x.name }))],
          },
          { name: 'plannedStart', label: pt('plan.plannedStart'), kind: 'date', required: true },
          { name: 'plannedEnd', label: pt('plan.plannedEnd'), kind: 'date', required: true },
          { name: 'responsible', label: pt('plan.responsible') },
          ...(p.subprojects.length
            ? [
                {
                  name: 'subprojectId',
                  label: pt('plan.subproject'),
                  kind: 'select' as const,
                  options: [
                    { value: '', label: pt('common.none') },
                    ...p.subprojects.map((s) => ({ value: s.id, label: `${s.number}. ${s.name}` })),
                  ],
                },
              ]
            : []),
        ]}
        onSubmit={(body) => add.mutateAsync(body)}
      />
    </Stack>
  );
}

function History({ project: p }: { project: ProjectDto }) {
  const pt = useProjectsT();
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
  const d = (iso: string | null) => formatDate(iso, locale);
  const names = new Map(p.activities.map((a) => [a.id, a.name]));
  const changes = [...p.dateChanges].reverse();
  if (changes.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3}>{pt('plan.history')}</Title>
      <CaptionedTable
        minWidth={800}
        caption={pt('plan.history')}
        data-testid="plan-history"
        columns={[
          pt('plan.when'),
          pt('plan.activity'),
          pt('plan.status'),
          pt('plan.from'),
          pt('plan.to'),
          pt('plan.who'),
          pt('plan.reason'),
        ]}
      >
        <Table.Tbody>
          {changes.slice(0, 200).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.changedAt.slice(0, 10)}</Table.Td>
              <Table.Td>{names.get(c.activityId) ?? ''}</Table.Td>
              <Table.Td>
                {pt(`plan.which.${c.which}`)}
                {c.afterBaseline ? ` (${pt('plan.afterBaseline')})` : ''}
              </Table.Td>
              <Table.Td>
                {d(c.fromStart)} – {d(c.fromEnd)}
              </Table.Td>
              <Table.Td>
                {d(c.toStart)} – {d(c.toEnd)}
              </Table.Td>
              <Table.Td>{c.changedByName}</Table.Td>
              <Table.Td>{c.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </CaptionedTable>
    </Stack>
  );
}
