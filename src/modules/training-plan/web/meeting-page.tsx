// /training-plan/cycles/$cycleId/meeting: the prioritisation meeting on a projector — the merged needs in the order
// of the aggregated ranking, in large type, driven by the keyboard: arrow keys move between the needs (the focused
// one framed), Enter shows the municipalities' participants and rationales, Space marks a need for the decision, and
// the coordinator records the decision with the marked needs.
import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useRef, useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { aggregateQuery, cycleQuery, tpApi, useTpT } from './training-plan-api.ts';

export function MeetingPage({ cycleId }: { cycleId: string }) {
  const tt = useTpT();
  const cycle = useQuery(cycleQuery(cycleId));
  const agg = useQuery(aggregateQuery(cycleId));
  const queryClient = useQueryClient();
  const [focus, setFocus] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [marked, setMarked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  if (cycle.isPending || agg.isPending) return <Loading />;
  if (cycle.isError) return <ErrorAlert error={cycle.error} />;
  if (agg.isError) return <ErrorAlert error={agg.error} />;
  const needs = new Map(cycle.data.needs.map((n) => [n.id, n]));
  const rows = agg.data.rows;
  const decidedIds = new Set(cycle.data.decision?.needIds ?? []);
  const move = (to: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, to));
    setFocus(i);
    buttons.current[i]?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number, id: string) => {
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === ' ') setMarked((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id]));
    else if (e.key === 'Enter') setOpen((o) => (o === id ? null : id));
    else return;
    e.preventDefault();
  };
  const decide = async () => {
    setError(null);
    try {
      await tpApi.post(`/cycles/${cycleId}/decision`, {
        decidedOn: cycle.data.cycle.meetingDate,
        forum: tt('cycles.meetingDate'),
        needIds: rows.map((r) => r.needId).filter((id) => marked.includes(id)),
      });
      await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
      notifySuccess(tt('cycle.decideSaved'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const winner = rows.find((r) => r.needId === agg.data.condorcetWinner);
  return (
    <Page title={tt('meeting.title', { cycle: cycle.data.cycle.title })}>
      <Text fz="xl">{tt('meeting.help')}</Text>
      <Text fz="xl" fw={700}>
        {winner ? tt('cycle.condorcet', { title: winner.title }) : tt('cycle.noCondorcet')}
      </Text>
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={tt('cycle.aggregate')}>
        {rows.map((r, i) => {
          const need = needs.get(r.needId);
          const isMarked = marked.includes(r.needId) || decidedIds.has(r.needId);
          const expanded = open === r.needId;
          return (
            <li key={r.needId} style={{ marginBottom: 12 }}>
              <button
                type="button"
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                tabIndex={i === focus ? 0 : -1}
                aria-expanded={expanded}
                onFocus={() => setFocus(i)}
                onClick={() => setOpen((o) => (o === r.needId ? null : r.needId))}
                onKeyDown={(e) => onKey(e, i, r.needId)}
                style={{
                  width: '100%',
                  textAlign: 'left',
                  fontSize: '1.75rem',
                  lineHeight: 1.3,
                  padding: '12px 16px',
                  border: i === focus ? '4px solid #1c3f94' : '2px solid #5c5f66',
                  borderRadius: 8,
                  background: isMarked ? '#e7f0ff' : '#ffffff',
                  color: '#1a1b1e',
                  cursor: 'pointer',
                }}
              >
                <strong>
                  {r.place}
                  {r.tied ? ` (${tt('cycle.tie')})` : ''}. {r.title}
                </strong>{' '}
                – {r.points} {tt('cycle.points').toLowerCase()}, {need?.expectedParticipants ?? 0}{' '}
                {tt('common.participants').toLowerCase()}
                {isMarked ? ` – ${tt('meeting.marked')}` : ''}
              </button>
              {expanded && need ? (
                <Box p="md" style={{ fontSize: '1.35rem' }}>
                  <ul>
                    {need.contributions.map((c) => (
                      <li key={c.organisation.id}>
                        <strong>
                          {c.organisation.name} ({c.expectedParticipants}):
                        </strong>{' '}
                        {c.rationale}
                      </li>
                    ))}
                  </ul>
                </Box>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Stack gap="xs">
        <Title order={2} fz="1.75rem">
          {tt('meeting.selected', { n: marked.length })}
        </Title>
        <FormError message={error} />
        <Group>
          {cycle.data.can.coordinate && cycle.data.cycle.phase === 'prioritisation' ? (
            <Button size="lg" disabled={marked.length === 0} onClick={() => void decide()}>
              {tt('cycle.decide')}
            </Button>
          ) : null}
          <RouterAnchor to="/training-plan/cycles/$cycleId" params={{ cycleId }}>
            {tt('meeting.back')}
          </RouterAnchor>
        </Group>
      </Stack>
    </Page>
  );
}
