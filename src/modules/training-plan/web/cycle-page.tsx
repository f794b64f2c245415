// /training-plan/cycles/$cycleId: one network's training plan for a year — its phase and dates, the needs (submit,
// merge, split), the municipality's ranking, the aggregated ranking, the network's decision and the orders.

import { Badge, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { TableScroll } from '../../../platform/web/components/table-scroll.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { CYCLE_PHASES, type CycleDetail, NEED_FORMATS, NEED_TERMS, type NeedDto } from '../training-plan.contracts.ts';
import { AggregateTable } from './aggregate-table.tsx';
import { OrderForm } from './order-form.tsx';
import {
  aggregateMunicipalitiesQuery,
  aggregateQuery,
  cycleQuery,
  optionsQuery,
  tpApi,
  useTpT,
} from './training-plan-api.ts';

export function CyclePage({ cycleId }: { cycleId: string }) {
  const tt = useTpT();
  const f = useFormat();
  const q = useQuery(cycleQuery(cycleId));
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const { cycle, can } = d;
  const phaseIndex = CYCLE_PHASES.indexOf(cycle.phase);
  const next = CYCLE_PHASES[phaseIndex + 1];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['training-plan'] });
  const move = async () => {
    setError(null);
    try {
      await tpApi.post(`/cycles/${cycleId}/phase`, { phase: next });
      await refresh();
      notifySuccess(tt('cycle.phaseChanged'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const open = d.needs.filter((n) => n.status === 'open');
  return (
    <Page
      title={cycle.title}
      actions={
        <Group gap="xs">
          {phaseIndex >= 1 ? (
            <RouterAnchor to="/training-plan/cycles/$cycleId/meeting" params={{ cycleId }}>
              {tt('cycle.meeting')}
            </RouterAnchor>
          ) : null}
          {can.coordinate && next && next !== 'decided' ? (
            <Button variant="light" onClick={() => void move()}>
              {tt('cycle.nextPhase', { phase: tt(`phase.${next}`) })}
            </Button>
          ) : null}
        </Group>
      }
    >
      <FormError message={error} />
      <Group gap="lg">
        <Badge size="lg" variant="light" tt="none">
          {tt('cycles.phase')}: {tt(`phase.${cycle.phase}`)}
        </Badge>
        <Text>
          {tt('cycles.needsDeadline')}: {f.date(cycle.needsDeadline)} · {tt('cycles.meetingDate')}:{' '}
          {f.date(cycle.meetingDate)} · {tt('cycles.forumDate')}: {f.date(cycle.forumDate)}
        </Text>
      </Group>
      {d.decision ? (
        <Text>
          <strong>{tt('cycle.decision')}:</strong>{' '}
          {tt('cycle.decisionText', { date: f.date(d.decision.decidedOn), forum: d.decision.forum })} {d.decision.notes}
        </Text>
      ) : null}
      <NeedsSection detail={d} />
      {can.rank ? <RankingEditor detail={d} open={open} /> : null}
      {can.nameRanker ? <NameRanker detail={d} /> : null}
      {phaseIndex >= 1 ? <AggregateSection cycleId={cycleId} /> : null}
      {can.coordinate && cycle.phase === 'prioritisation' ? <DecisionForm detail={d} open={open} /> : null}
    </Page>
  );
}

function needLine(n: NeedDto) {
  return n.contributions.map((c) => `${c.organisation.name} ${c.expectedParticipants}`).join(', ');
}

function NeedsSection({ detail }: { detail: CycleDetail }) {
  const tt = useTpT();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [splitting, setSplitting] = useState<NeedDto | null>(null);
  const [ordering, setOrdering] = useState<NeedDto | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [mergeTitle, setMergeTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { can, cycle } = detail;
  const open = detail.needs.filter((n) => n.status === 'open');
  const canReshape = can.coordinate && (cycle.phase === 'needs' || cycle.phase === 'prioritisation');
  const merge = async () => {
    setError(null);
    try {
      await tpApi.post(`/cycles/${cycle.id}/merge`, { needIds: selected, title: mergeTitle });
      setSelected([]);
      setMergeTitle('');
      await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
      notifySuccess(tt('cycle.merged'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{tt('cycle.needsTitle')}</Title>
        {can.submitNeed ? <Button onClick={() => setSubmitting(true)}>{tt('cycle.submit')}</Button> : null}
      </Group>
      {open.length === 0 ? <Text>{tt('common.none')}</Text> : null}
      {open.length > 0 ? (
        <TableScroll minWidth={760} label={tt('cycle.needsTitle')}>
          <Table>
            <Table.Caption>{tt('cycle.needsTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {canReshape ? <Table.Th>{tt('cycle.merge')}</Table.Th> : null}
                <Table.Th>{tt('cycle.title')}</Table.Th>
                <Table.Th>{tt('cycle.professions')}</Table.Th>
                <Table.Th>{tt('cycle.urgency')}</Table.Th>
                <Table.Th ta="right">{tt('common.participants')}</Table.Th>
                <Table.Th>{tt('cycle.contributions')}</Table.Th>
                <Table.Th>{tt('order.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((n) => (
                <Table.Tr key={n.id}>
                  {canReshape ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={tt('cycle.select', { title: n.title })}
                        checked={selected.includes(n.id)}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setSelected((s) => (on ? [...s, n.id] : s.filter((x) => x !== n.id)));
                        }}
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Text fw={600}>{n.title}</Text>
                    {n.topic ? <Text size="sm">{n.topic.name}</Text> : null}
                    {n.description ? <Text size="sm">{n.description}</Text> : null}
                  </Table.Td>
                  <Table.Td>{n.targetProfessions.map((p) => p.name).join(', ') || '–'}</Table.Td>
                  <Table.Td>{n.urgency}</Table.Td>
                  <Table.Td ta="right">{n.expectedParticipants}</Table.Td>
                  <Table.Td>{needLine(n)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {n.decided ? (
                        <Badge variant="light" tt="none">
                          {tt('cycle.decided')}
                        </Badge>
                      ) : null}
                      {n.orderId ? (
                        <RouterAnchor to="/training-plan/orders/$orderId" params={{ orderId: n.orderId }}>
                          {tt('cycle.ordered')}
                        </RouterAnchor>
                      ) : null}
                      {canReshape ? (
                        <Button size="compact-sm" variant="subtle" onClick={() => setSplitting(n)}>
                          {tt('cycle.split')}
                        </Button>
                      ) : null}
                      {can.coordinate && n.decided && !n.orderId ? (
                        <Button size="compact-sm" onClick={() => setOrdering(n)}>
                          {tt('cycle.order')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {canReshape && selected.length >= 2 ? (
        <Group align="flex-end">
          <TextInput
            label={tt('cycle.mergeTitle')}
            value={mergeTitle}
            onChange={(e) => setMergeTitle(e.currentTarget.value)}
            required
          />
          <Button onClick={() => void merge()}>{tt('cycle.merge')}</Button>
        </Group>
      ) : null}
      <FormError message={error} />
      <AppModal opened={submitting} onClose={() => setSubmitting(false)} title={tt('cycle.submit')}>
        {submitting ? <NeedForm cycleId={cycle.id} onDone={() => setSubmitting(false)} /> : null}
      </AppModal>
      <AppModal opened={splitting !== null} onClose={() => setSplitting(null)} title={tt('cycle.splitTitle')}>
        {splitting ? <SplitForm need={splitting} onDone={() => setSplitting(null)} /> : null}
      </AppModal>
      <AppModal opened={ordering !== null} onClose={() => setOrdering(null)} title={tt('order.create')}>
        {ordering ? <OrderForm need={ordering} onDone={() => setOrdering(null)} /> : null}
      </AppModal>
    </Stack>
  );
}

function NeedForm({ cycleId, onDone }: { cycleId: string; onDone: () => void }) {
  const tt = useTpT();
  const options = useQuery(optionsQuery());
  const queryClient = useQueryClient();
  if (options.isPending) return <Loading />;
  if (options.isError) return <ErrorAlert error={options.error} />;
  const none = { value: '', label: tt('common.choose') };
  const o = options.data;
  return (
    <FieldForm
      columns={2}
      submitLabel={tt('cycle.submit')}
      fields={[
        { name: 'title', label: tt('cycle.title'), required: true },
        {
          name: 'topicKey',
          label: tt('cycle.topic'),
          kind: 'select',
          emptyAsNull: true,
          options: [none, ...o.topics.map((t) => ({ value: t.id, label: t.name }))],
        },
        {
          name: 'profession',
          label: tt('cycle.professions'),
          kind: 'select',
          options: [none, ...o.professions.map((p) => ({ value: p.id, label: p.name }))],
        },
        { name: 'expectedParticipants', label: tt('cycle.expected'), kind: 'number', required: true },
        {
          name: 'urgency',
          label: tt('cycle.urgency'),
          kind: 'select',
          required: true,
          description: tt('cycle.urgencyHelp'),
          initial: '2',
          options: (['1', '2', '3'] as const).map((u) => ({ value: u, label: tt(`urgency.${u}`) })),
        },
        {
          name: 'format',
          label: tt('cycle.format'),
          kind: 'select',
          initial: 'any',
          options: NEED_FORMATS.map((x) => ({ value: x, label: tt(`format.${x}`) })),
        },
        {
          name: 'term',
          label: tt('cycle.term'),
          kind: 'select',
          initial: 'any',
          options: NEED_TERMS.map((x) => ({ value: x, label: tt(`term.${x}`) })),
        },
        { name: 'rationale', label: tt('cycle.rationale'), kind: 'textarea', required: true },
        { name: 'description', label: tt('cycle.description'), kind: 'textarea' },
      ]}
      onSubmit={async (body) => {
        const { profession, urgency, ...rest } = body;
        await tpApi.post(`/cycles/${cycleId}/needs`, {
          ...rest,
          urgency: Number(urgency),
          targetProfessions: profession ? [profession] : [],
        });
        await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
        notifySuccess(tt('cycle.submitted'));
        onDone();
      }}
    />
  );
}

function SplitForm({ need, onDone }: { need: NeedDto; onDone: () => void }) {
  const tt = useTpT();
  const queryClient = useQueryClient();
  return (
    <FieldForm
      submitLabel={tt('cycle.split')}
      fields={[
        { name: 'part1', label: tt('cycle.part1'), required: true, initial: need.title },
        { name: 'part2', label: tt('cycle.part2'), required: true },
      ]}
      onSubmit={async (body) => {
        await tpApi.post(`/needs/${need.id}/split`, { parts: [{ title: body.part1 }, { title: body.part2 }] });
        await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
        notifySuccess(tt('cycle.splitDone'));
        onDone();
      }}
    />
  );
}

/** The municipality's ranking: the open needs in order, each moved up or down, or left out (an abstention). */
function RankingEditor({ detail, open }: { detail: CycleDetail; open: NeedDto[] }) {
  const tt = useTpT();
  const queryClient = useQueryClient();
  const openIds = open.map((n) => n.id);
  const initial = (detail.myRanking ?? openIds).filter((id) => openIds.includes(id));
  const [order, setOrder] = useState<string[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const title = (id: string) => open.find((n) => n.id === id)?.title ?? id;
  const swap = (i: number, j: number) =>
    setOrder((o) => {
      const copy = [...o];
      [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
      return copy;
    });
  const save = async () => {
    setError(null);
    try {
      await tpApi.put(`/cycles/${detail.cycle.id}/ranking`, { needIds: order });
      await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
      notifySuccess(tt('cycle.rankSaved'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const left = openIds.filter((id) => !order.includes(id));
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('cycle.rankTitle')}</Title>
      <Text>{tt('cycle.rankIntro')}</Text>
      <ol aria-label={tt('cycle.rankTitle')}>
        {order.map((id, i) => (
          <li key={id}>
            <Group gap="xs" wrap="nowrap">
              <Text style={{ flex: 1 }}>{title(id)}</Text>
              <Button
                size="compact-sm"
                variant="default"
                disabled={i === 0}
                onClick={() => swap(i, i - 1)}
                aria-label={tt('cycle.up', { title: title(id) })}
              >
                ↑
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                disabled={i === order.length - 1}
                onClick={() => swap(i, i + 1)}
                aria-label={tt('cycle.down', { title: title(id) })}
              >
                ↓
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setOrder((o) => o.filter((x) => x !== id))}
                aria-label={tt('cycle.remove', { title: title(id) })}
              >
                {tt('cycle.abstained')}
              </Button>
            </Group>
          </li>
        ))}
      </ol>
      {left.length ? (
        <Group gap="xs">
          <Text size="sm">{tt('cycle.abstained')}:</Text>
          {left.map((id) => (
            <Button
              key={id}
              size="compact-sm"
              variant="light"
              onClick={() => setOrder((o) => [...o, id])}
              aria-label={tt('cycle.add', { title: title(id) })}
            >
              + {title(id)}
            </Button>
          ))}
        </Group>
      ) : null}
      <FormError message={error} />
      <Group>
        <Button onClick={() => void save()}>{tt('cycle.saveRanking')}</Button>
      </Group>
    </Stack>
  );
}

function NameRanker({ detail }: { detail: CycleDetail }) {
  const tt = useTpT();
  const options = useQuery(optionsQuery());
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState(detail.ranker?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!options.data) return null;
  const save = async () => {
    setError(null);
    try {
      await tpApi.put(`/cycles/${detail.cycle.id}/ranker`, { userId });
      await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
      notifySuccess(tt('cycle.rankerSaved'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Group align="flex-end">
      <NativeSelect
        label={tt('cycle.nameRanker')}
        value={userId}
        onChange={(e) => setUserId(e.currentTarget.value)}
        data={[
          { value: '', label: tt('common.choose') },
          ...options.data.users.map((u) => ({ value: u.id, label: u.name })),
        ]}
      />
      <Button variant="light" onClick={() => void save()} disabled={!userId}>
        {tt('common.save')}
      </Button>
      <FormError message={error} />
    </Group>
  );
}

function AggregateSection({ cycleId }: { cycleId: string }) {
  const tt = useTpT();
  const q = useQuery(aggregateQuery(cycleId));
  const m = useQuery(aggregateMunicipalitiesQuery(cycleId));
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('cycle.aggregate')}</Title>
      <Text size="sm">{tt('cycle.aggregateIntro')}</Text>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.data ? <AggregateTable aggregate={q.data} municipalities={m.data} /> : null}
    </Stack>
  );
}

function DecisionForm({ detail, open }: { detail: CycleDetail; open: NeedDto[] }) {
  const tt = useTpT();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('cycle.decision')}</Title>
      <Text size="sm">{tt('cycle.decisionIntro')}</Text>
      <Stack gap={4}>
        {open.map((n) => (
          <Checkbox
            key={n.id}
            label={n.title}
            aria-label={tt('cycle.decideNeed', { title: n.title })}
            checked={chosen.includes(n.id)}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setChosen((s) => (on ? [...s, n.id] : s.filter((x) => x !== n.id)));
            }}
          />
        ))}
      </Stack>
      <FieldForm
        columns={2}
        submitLabel={tt('cycle.decide')}
        fields={[
          {
            name: 'decidedOn',
            label: tt('cycle.decidedOn'),
            kind: 'date',
            required: true,
            initial: detail.cycle.meetingDate,
          },
          { name: 'forum', label: tt('cycle.forum'), required: true, initial: tt('cycles.meetingDate') },
          { name: 'notes', label: tt('cycle.notes'), kind: 'textarea' },
        ]}
        onSubmit={async (body) => {
          await tpApi.post(`/cycles/${detail.cycle.id}/decision`, { ...body, needIds: chosen });
          await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
          notifySuccess(tt('cycle.decideSaved'));
        }}
      />
    </Stack>
  );
}
