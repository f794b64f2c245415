// /training-plan/orders/$orderId: the order's specification and history; the broker answers it and plans occasions
// (in the shared activities, where registration and attendance happen); seats, attendance and cost per
// municipality; the cost key, the invoice basis and the evaluation.

import { Anchor, Badge, Button, Group, NativeSelect, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { TableScroll } from '../../../platform/web/components/table-scroll.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { COST_KEYS, type CostKey, type OrderDetail, SEAT_KEYS } from '../training-plan.contracts.ts';
import { invoiceUrl, orderQuery, tpApi, useTpT } from './training-plan-api.ts';

export function OrderPage({ orderId }: { orderId: string }) {
  const tt = useTpT();
  const f = useFormat();
  const q = useQuery(orderQuery(orderId));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  return (
    <Page title={o.title}>
      <Group gap="sm">
        <Badge size="lg" variant="light" tt="none">
          {tt('order.status')}: {tt(`orderStatus.${o.status}`)}
        </Badge>
        <Text>
          {tt('order.broker')}: {o.broker.name}
        </Text>
        <RouterAnchor to="/training-plan/cycles/$cycleId" params={{ cycleId: o.cycleId }}>
          {o.cycleTitle}
        </RouterAnchor>
      </Group>
      <Stack gap={4}>
        <Title order={2}>{tt('order.spec')}</Title>
        <Text>
          <strong>{tt('order.goal')}:</strong> {o.goal}
        </Text>
        {o.content ? (
          <Text>
            <strong>{tt('order.content')}:</strong> {o.content}
          </Text>
        ) : null}
        {o.targetGroup ? (
          <Text>
            <strong>{tt('order.targetGroup')}:</strong> {o.targetGroup}
          </Text>
        ) : null}
        <Text>
          <strong>{tt('order.wantedFrom')}:</strong> {f.date(o.wantedFrom)} – {f.date(o.wantedTo)} ·{' '}
          <strong>{tt('order.budget')}:</strong> {f.number(o.budgetCeiling)}
        </Text>
        <Text>
          <strong>{tt('order.contactName')}:</strong> {o.contactName} ({o.contactEmail})
        </Text>
      </Stack>
      <Stack gap={4}>
        <Title order={2}>{tt('order.events')}</Title>
        <ul>
          {o.events.map((e) => (
            <li key={`${e.kind}-${e.at}`}>
              {f.dateTime(e.at)} – {tt(`event.${e.kind}`)}
              {e.by ? ` (${e.by})` : ''}
              {e.text ? `: ${e.text}` : ''}
            </li>
          ))}
        </ul>
      </Stack>
      {o.can.answer ? <AnswerForm order={o} /> : null}
      {o.can.coordinate && o.status === 'question' ? <ReplyForm order={o} /> : null}
      {o.can.plan ? <PlanOccasion order={o} /> : null}
      <Occasions order={o} />
      <Municipalities order={o} />
      {o.can.coordinate ? <CostForm order={o} /> : null}
      <Evaluation order={o} />
      {(o.can.coordinate || o.can.plan) && o.status === 'accepted' ? <Delivered order={o} /> : null}
    </Page>
  );
}

function useSend(orderId: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const send = async (path: string, body: unknown, done: string, method: 'POST' | 'PUT' = 'POST') => {
    setError(null);
    try {
      await (method === 'POST'
        ? tpApi.post(`/orders/${orderId}${path}`, body)
        : tpApi.put(`/orders/${orderId}${path}`, body));
      await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
      notifySuccess(done);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };
  return { send, error };
}

function AnswerForm({ order }: { order: OrderDetail }) {
  const tt = useTpT();
  const [text, setText] = useState('');
  const { send, error } = useSend(order.id);
  const answer = (kind: 'accept' | 'question' | 'decline') =>
    void send('/answer', { kind, text }, tt('order.answered'));
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('order.answer')}</Title>
      <Textarea
        label={tt('order.answerText')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <FormError message={error} />
      <Group>
        <Button onClick={() => answer('accept')}>{tt('order.accept')}</Button>
        <Button variant="light" onClick={() => answer('question')}>
          {tt('order.question')}
        </Button>
        <Button variant="light" color="red" onClick={() => answer('decline')}>
          {tt('order.decline')}
        </Button>
      </Group>
    </Stack>
  );
}

function ReplyForm({ order }: { order: OrderDetail }) {
  const tt = useTpT();
  const { send } = useSend(order.id);
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('order.reply')}</Title>
      <FieldForm
        submitLabel={tt('order.reply')}
        fields={[{ name: 'text', label: tt('order.answerText'), kind: 'textarea', required: true }]}
        onSubmit={async (body) => {
          if (!(await send('/reply', body, tt('order.replied')))) throw new Error(tt('order.reply'));
        }}
      />
    </Stack>
  );
}

function PlanOccasion({ order }: { order: OrderDetail }) {
  const tt = useTpT();
  const queryClient = useQueryClient();
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('order.plan')}</Title>
      <FieldForm
        columns={2}
        submitLabel={tt('order.plan')}
        fields={[
          { name: 'startsAt', label: tt('order.startsAt'), kind: 'datetime', required: true },
          { name: 'endsAt', label: tt('order.endsAt'), kind: 'datetime', required: true },
          { name: 'registrationDeadline', label: tt('order.deadline'), kind: 'datetime', required: true },
          { name: 'seatsReleaseAt', label: tt('order.release'), kind: 'datetime', emptyAsNull: true },
          { name: 'place', label: tt('order.place') },
          { name: 'onlineUrl', label: tt('order.onlineUrl') },
          {
            name: 'capacity',
            label: tt('order.capacity'),
            kind: 'number',
            required: true,
            initial: order.municipalities.reduce((s, m) => s + m.participants, 0),
          },
          {
            name: 'seatKey',
            label: tt('order.seatKey'),
            kind: 'select',
            initial: 'participants',
            options: SEAT_KEYS.map((k) => ({ value: k, label: tt(`seatKey.${k}`) })),
          },
          { name: 'price', label: tt('order.price'), kind: 'number', required: true },
          {
            name: 'vatRate',
            label: tt('order.vat'),
            kind: 'select',
            initial: '0',
            options: ['0', '6', '12', '25'].map((v) => ({ value: v, label: `${v} %` })),
          },
        ]}
        onSubmit={async (body) => {
          await tpApi.post(`/orders/${order.id}/occasions`, { ...body, vatRate: Number(body.vatRate ?? 0) });
          await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
          notifySuccess(tt('order.planned'));
        }}
      />
    </Stack>
  );
}

function Occasions({ order }: { order: OrderDetail }) {
  const tt = useTpT();
  const f = useFormat();
  if (order.occasions.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('order.occasions')}</Title>
      <TableScroll minWidth={640} label={tt('order.occasions')}>
        <Table>
          <Table.Caption>{tt('order.occasions')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tt('order.occasion')}</Table.Th>
              <Table.Th>{tt('order.place')}</Table.Th>
              <Table.Th ta="right">{tt('order.capacity')}</Table.Th>
              <Table.Th>{tt('order.seatKey')}</Table.Th>
              <Table.Th ta="right">{tt('order.price')}</Table.Th>
              <Table.Th>{tt('order.evaluation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.occasions.map((o) => (
              <Table.Tr key={o.occasionId}>
                <Table.Td>
                  <RouterAnchor to="/activities/occasions/$occasionId" params={{ occasionId: o.occasionId }}>
                    {f.dateTime(o.startsAt)}
                  </RouterAnchor>
                </Table.Td>
                <Table.Td>{o.place ?? '–'}</Table.Td>
                <Table.Td ta="right">{o.capacity}</Table.Td>
                <Table.Td>{tt(`seatKey.${o.seatKey}`)}</Table.Td>
                <Table.Td ta="right">
                  {f.number(o.price)} {o.vatRate ? `+ ${o.vatRate} %` : ''}
                </Table.Td>
                <Table.Td>{tt('order.evaluationAnswered', { answered: o.answered, invited: o.invited })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

function Municipalities({ order }: { order: OrderDetail }) {
  const tt = useTpT();
  const f = useFormat();
  const show = (v: number | string | null) => (typeof v === 'number' ? f.number(v) : (v ?? '–'));
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('order.perMunicipality')}</Title>
      <TableScroll minWidth={560} label={tt('order.perMunicipality')}>
        <Table>
          <Table.Caption>{tt('order.perMunicipality')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tt('common.municipality')}</Table.Th>
              <Table.Th ta="right">{tt('common.participants')}</Table.Th>
              <Table.Th ta="right">{tt('order.seats')}</Table.Th>
              <Table.Th ta="right">{tt('order.attended')}</Table.Th>
              <Table.Th ta="right">{tt('order.cost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.municipalities.map((m) => (
              <Table.Tr key={m.organisation.id}>
                <Table.Td>{m.organisation.name}</Table.Td>
                <Table.Td ta="right">{m.participants}</Table.Td>
                <Table.Td ta="right">{m.seats}</Table.Td>
                <Table.Td ta="right">{show(m.attended)}</Table.Td>
                <Table.Td ta="right">{show(m.cost)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Text>{tt('order.totalCost', { cost: f.number(order.totalCost) })}</Text>
      <Text size="sm">{tt('common.suppressed', { k: order.evaluation.minCount })}</Text>
      {order.can.coordinate || order.can.plan || order.status === 'accepted' ? (
        <Group gap="md">
          <Anchor href={invoiceUrl(order.id, 'xlsx')}>{tt('order.invoiceXlsx')}</Anchor>
          <Anchor href={invoiceUrl(order.id, 'csv')}>{tt('order.invoiceCsv')}</Anchor>
        </Group>
      ) : null}
    </Stack>
  );
}

function CostForm({ order }: { order: OrderDetail }) {
  const tt = useTpT();
  const [costKey, setCostKey] = useState<CostKey>(order.costKey);
  const [withVat, setWithVat] = useState(order.withVat);
  const { send, error } = useSend(order.id);
  return (
    <Group align="flex-end">
      <NativeSelect
        label={tt('order.costKey')}
        value={costKey}
        onChange={(e) => setCostKey(e.currentTarget.value as CostKey)}
        data={COST_KEYS.map((k) => ({ value: k, label: tt(`costKey.${k}`) }))}
      />
      <Switch label={tt('order.withVat')} checked={withVat} onChange={(e) => setWithVat(e.currentTarget.checked)} />
      <Button variant="light" onClick={() => void send('/cost', { costKey, withVat }, tt('order.costSaved'), 'PUT')}>
        {tt('common.save')}
      </Button>
      <FormError message={error} />
    </Group>
  );
}

function Evaluation({ order }: { order: OrderDetail }) {
  const tt = useTpT();
  const e = order.evaluation;
  if (order.occasions.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2}>{tt('order.evaluation')}</Title>
      <Text>{tt('order.evaluationAnswered', { answered: e.answered, invited: e.invited })}</Text>
      <ul>
        {e.questions.map((q) => (
          <li key={q.id}>
            {q.text}: {q.mean === null ? tt('order.belowK', { k: e.minCount }) : `${tt('order.mean')} ${q.mean}`}
          </li>
        ))}
      </ul>
    </Stack>
  );
}

function Delivered({ order }: { order: OrderDetail }) {
  const tt = useTpT();
  const { send, error } = useSend(order.id);
  return (
    <Group>
      <Button variant="light" onClick={() => void send('/delivered', {}, tt('order.deliveredDone'))}>
        {tt('order.delivered')}
      </Button>
      <FormError message={error} />
    </Group>
  );
}
