// /trainings/rounds: review rounds of the MAS network — the regional admin opens a round (name, due date, how the
// items are spread, optionally which reviewers), follows progress per reviewer and closes it; reviewers see progress.
// /trainings/my-review ("Min granskning"): a reviewer's items in the open round and their decision on each.
import {
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ExternalLink } from '../../../platform/web/components/external-link.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { PagePagination } from '../../../platform/web/components/page-pagination.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { contractMessage } from '../../../platform/web/contract-resolver.ts';
import { compareSwedish } from '../../../platform/web/i18n/format.ts';
import { notifyError, notifySuccess } from '../../../platform/web/notify.ts';
import { type MyReviewDto, openRoundSchema, type RoundDto } from '../trainings.contracts.ts';
import { LinkHealth } from './review-page.tsx';
import { myReviewQuery, roundReviewersQuery, roundsQuery, trainingsApi } from './trainings-api.ts';
import { formatDay, useTrainingsLang } from './trainings-labels.ts';
import { useTrainingsT } from './trainings-t.ts';

type Decision = 'approved' | 'needs_change' | 'removed';

export function RoundsPage() {
  const tt = useTrainingsT();
  const me = useMe();
  const canManage = hasPermission(me, 'trainings:manage');
  const rounds = useQuery(roundsQuery());
  const open = rounds.data?.rounds.find((r) => r.status === 'open') ?? null;
  const closed = rounds.data?.rounds.filter((r) => r.status === 'closed') ?? [];
  return (
    <Page title={tt('rounds.title')}>
      <Text>{tt('rounds.intro')}</Text>
      {rounds.isPending ? <Loading /> : null}
      {rounds.isError ? <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
      {rounds.data ? (
        <>
          {open ? <RoundProgress round={open} canClose={canManage} /> : <Text role="status">{tt('rounds.none')}</Text>}
          {!open && canManage ? <OpenRoundForm /> : null}
          <ClosedRounds rounds={closed} />
        </>
      ) : null}
    </Page>
  );
}

function RoundProgress({ round, canClose }: { round: RoundDto; canClose: boolean }) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => trainingsApi.closeRound(round.id),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['trainings'] });
      notifySuccess(tt('rounds.closed', { name: saved.name }));
    },
  });
  const percent = (done: number, assigned: number) => (assigned ? Math.round((done / assigned) * 100) : 100);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="current-round">
      <Stack gap="sm">
        <Title order={2} size="h3" id="current-round">
          {tt('rounds.current', { name: round.name })}
        </Title>
        <Text>{tt('rounds.due', { date: formatDay(round.dueDate, lang) })}</Text>
        <Text fw={600}>{tt('rounds.overall', { done: round.done, assigned: round.assigned })}</Text>
        <Table>
          <Table.Caption>{tt('rounds.progressCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tt('rounds.reviewer')}</Table.Th>
              <Table.Th>{tt('rounds.progress')}</Table.Th>
              <Table.Th>{tt('rounds.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.reviewers.map((r) => (
              <Table.Tr key={r.userId}>
                <Table.Td>{[r.name, r.organisation].filter(Boolean).join(', ')}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Text size="sm">
                      {r.done} / {r.assigned}
                    </Text>
                    <Progress
                      value={percent(r.done, r.assigned)}
                      aria-label={tt('rounds.progressLabel', { name: r.name })}
                    />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={r.done === r.assigned ? 'positive' : 'attention'}>
                    {r.done === r.assigned ? tt('rounds.finished') : tt('rounds.ongoing')}
                  </StatusBadge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <FormError message={close.isError ? errorMessage(close.error) : null} />
        {canClose ? (
          <Group>
            <Button loading={close.isPending} onClick={() => close.mutate()}>
              {tt('rounds.close')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function OpenRoundForm() {
  const tt = useTrainingsT();
  const queryClient = useQueryClient();
  const reviewers = useQuery(roundReviewersQuery());
  const [name, setName] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [assignBy, setAssignBy] = useState<'even' | 'topic'>('even');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: trainingsApi.openRound,
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['trainings'] });
      notifySuccess(tt('rounds.opened', { name: saved.name }));
    },
  });
  const submit = () => {
    const parsed = openRoundSchema.safeParse({
      name,
      dueDate,
      assignBy,
      ...(chosen.length ? { reviewerIds: chosen } : {}),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), contractMessage(i.message)])));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="open-round">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Title order={2} size="h3" id="open-round">
            {tt('rounds.openTitle')}
          </Title>
          <TextInput
            label={tt('rounds.name')}
            description={tt('rounds.nameHelp')}
            required
            maw={420}
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={tt('rounds.dueDate')}
            required
            maw={220}
            value={dueDate}
            error={errors.dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
          />
          <Radio.Group
            label={tt('rounds.assignBy')}
            value={assignBy}
            onChange={(v) => setAssignBy(v === 'topic' ? 'topic' : 'even')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="even" label={tt('rounds.even')} />
              <Radio value="topic" label={tt('rounds.byTopic')} />
            </Stack>
          </Radio.Group>
          {reviewers.data ? (
            reviewers.data.reviewers.length ? (
              <Checkbox.Group
                label={tt('rounds.reviewers')}
                description={tt('rounds.reviewersHelp')}
                value={chosen}
                onChange={setChosen}
                error={errors.reviewerIds}
              >
                <Stack gap={6} mt={6}>
                  {reviewers.data.reviewers.map((r) => (
                    <Checkbox
                      key={r.userId}
                      value={r.userId}
                      label={[r.name, r.organisation].filter(Boolean).join(', ')}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            ) : (
              <Text role="status">{tt('rounds.noReviewers')}</Text>
            )
          ) : null}
          <FormError message={mutation.isError ? errorMessage(mutation.error) : null} />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {tt('rounds.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ClosedRounds({ rounds }: { rounds: RoundDto[] }) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  return (
    <section aria-labelledby="closed-rounds">
      <Title order={2} size="h3" id="closed-rounds" mb="xs">
        {tt('rounds.history')}
      </Title>
      {rounds.length === 0 ? <Text>{tt('rounds.noHistory')}</Text> : null}
      <ul>
        {rounds.map((r) => (
          <li key={r.id}>
            <Text>
              {tt('rounds.closedEntry', {
                name: r.name,
                opened: formatDay(r.openedAt, lang),
                closed: r.closedAt ? formatDay(r.closedAt, lang) : '–',
                done: r.done,
                assigned: r.assigned,
              })}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MyReviewPage() {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  const me = useMe();
  const data = useQuery(myReviewQuery());
  const [asking, setAsking] = useState<{ item: MyReviewDto['items'][number]; status: Decision } | null>(null);
  const round = data.data?.round ?? null;
  const mine = round?.reviewers.find((r) => r.userId === me.id);
  const [filter, setFilter] = useState<MyReviewFilter>('todo');
  const [page, setPage] = useState(1);
  const all = data.data?.items ?? [];
  // Unreviewed first, then by title the Swedish way; the filter narrows, and ten per page.
  const items = useMemo(
    () =>
      all
        .filter((item) => MY_REVIEW_FILTERS[filter](item))
        .sort((a, b) => Number(a.outcome !== null) - Number(b.outcome !== null) || compareSwedish(a.title, b.title)),
    [all, filter],
  );
  const shown = items.slice((page - 1) * MY_REVIEW_PAGE, page * MY_REVIEW_PAGE);
  return (
    <Page title={tt('myReview.title')}>
      <Text>{tt('myReview.intro')}</Text>
      {data.isPending ? <Loading /> : null}
      {data.isError ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
      {data.data && !round ? <Text role="status">{tt('myReview.none')}</Text> : null}
      {round ? (
        <>
          <Title order={2} size="h3">
            {tt('myReview.round', { name: round.name, date: formatDay(round.dueDate, lang) })}
          </Title>
          {mine ? <Text fw={600}>{tt('myReview.mine', { done: mine.done, assigned: mine.assigned })}</Text> : null}
          {all.length === 0 ? (
            <Text role="status">{tt('myReview.empty')}</Text>
          ) : (
            <SegmentedControl
              aria-label={tt('myReview.filter')}
              value={filter}
              onChange={(value) => {
                setFilter(value as MyReviewFilter);
                setPage(1);
              }}
              data={(Object.keys(MY_REVIEW_FILTERS) as MyReviewFilter[]).map((key) => ({
                value: key,
                label: `${tt(`myReview.filters.${key}`)} (${all.filter(MY_REVIEW_FILTERS[key]).length})`,
              }))}
              style={{ alignSelf: 'flex-start', maxWidth: '100%', flexWrap: 'wrap' }}
            />
          )}
          {all.length > 0 && items.length === 0 ? <Text role="status">{tt('myReview.noneInFilter')}</Text> : null}
          {shown.map((item) => (
            <AssignmentCard
              key={item.id}
              roundId={round.id}
              item={item}
              onAsk={(status) => setAsking({ item, status })}
            />
          ))}
          <PagePagination total={items.length} page={page} pageSize={MY_REVIEW_PAGE} onChange={setPage} />
        </>
      ) : null}
      {asking && round ? (
        <DecisionModal roundId={round.id} item={asking.item} status={asking.status} onClose={() => setAsking(null)} />
      ) : null}
    </Page>
  );
}

type MyReviewItem = MyReviewDto['items'][number];
const MY_REVIEW_PAGE = 10;
const MY_REVIEW_FILTERS = {
  todo: (item: MyReviewItem) => item.outcome === null,
  done: (item: MyReviewItem) => item.outcome !== null,
  links: (item: MyReviewItem) => item.link.broken || item.link.outcome === 'moved',
  all: () => true,
} satisfies Record<string, (item: MyReviewItem) => boolean>;
type MyReviewFilter = keyof typeof MY_REVIEW_FILTERS;

function useDecision(roundId: string) {
  const tt = useTrainingsT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { itemId: string; status: Decision; comment?: string }) =>
      trainingsApi.decide(roundId, v.itemId, { status: v.status, ...(v.comment ? { comment: v.comment } : {}) }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['trainings'] });
      notifySuccess(tt('myReview.saved', { title: saved.title, status: tt(`statuses.${saved.status}`) }));
    },
  });
}

type AssignmentCardProps = {
  roundId: string;
  item: MyReviewDto['items'][number];
  onAsk: (status: Decision) => void;
};

function AssignmentCard({ roundId, item, onAsk }: AssignmentCardProps) {
  const tt = useTrainingsT();
  const approve = useDecision(roundId);
  return (
    <Paper withBorder p="md" radius="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            {item.title}
          </Title>
          <StatusBadge tone={item.outcome ? 'positive' : 'attention'}>
            {item.outcome ? tt('myReview.outcome', { status: tt(`statuses.${item.outcome}`) }) : tt('myReview.notDone')}
          </StatusBadge>
        </Group>
        <Text size="sm">
          <ExternalLink href={item.url}>{item.url}</ExternalLink> – {item.provider}
        </Text>
        <LinkHealth item={item} />
        {item.description ? <Text>{item.description}</Text> : null}
        {item.comment ? <Text size="sm">”{item.comment}”</Text> : null}
        <Group gap="xs" role="group" aria-label={tt('review.actionsFor', { title: item.title })}>
          <Button
            size="xs"
            loading={approve.isPending}
            onClick={() =>
              approve.mutate({ itemId: item.id, status: 'approved' }, { onError: (e) => notifyError(errorMessage(e)) })
            }
          >
            {tt('review.approve')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onAsk('needs_change')}>
            {tt('review.needsChange')}
          </Button>
          <Button size="xs" variant="default" color="red" onClick={() => onAsk('removed')}>
            {tt('review.remove')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type DecisionModalProps = {
  roundId: string;
  item: MyReviewDto['items'][number];
  status: Decision;
  onClose: () => void;
};

function DecisionModal({ roundId, item, status, onClose }: DecisionModalProps) {
  const { t } = useTranslation();
  const tt = useTrainingsT();
  const mutation = useDecision(roundId);
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const required = status === 'needs_change';
  return (
    <AppModal
      opened
      onClose={onClose}
      title={tt(required ? 'review.needsChangeTitle' : 'review.removeTitle', { title: item.title })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (required && !comment.trim()) {
            setFieldError(tt('review.commentHelp'));
            return;
          }
          mutation.mutate({ itemId: item.id, status, comment: comment.trim() || undefined }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Textarea
            label={required ? tt('review.comment') : tt('review.commentOptional')}
            description={required ? tt('review.commentHelp') : undefined}
            required={required}
            autosize
            minRows={3}
            data-autofocus
            value={comment}
            error={fieldError}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setFieldError(null);
            }}
          />
          <FormError message={mutation.isError ? errorMessage(mutation.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={required ? undefined : 'red'} loading={mutation.isPending}>
              {required ? tt('review.needsChange') : tt('review.confirmRemove')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
