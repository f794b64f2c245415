// /trainings/review: the review queue of the regional admin and the MAS network — suggestions and items that need a
// change, each with its status history; approve, ask for a change (comment required) or remove.
import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ExternalLink } from '../../../platform/web/components/external-link.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { useModalFormSave } from '../../../platform/web/components/use-modal-form-save.ts';
import { notifyError, notifySuccess } from '../../../platform/web/notify.ts';
import {
  type ReviewTrainingDto,
  type SuggestTrainingInput,
  suggestTrainingBodySchema,
  TRAINING_STATUSES,
  TRAINING_TRANSITIONS,
  type TrainingStatus,
} from '../trainings.contracts.ts';
import { FileDownloads } from './file-downloads.tsx';
import { PagedList } from './paged-list.tsx';
import { TrainingFields, toTrainingBody, trainingValuesOf, validateTraining } from './training-fields.tsx';
import { facetsQuery, type ReviewFilter, reviewExportUrl, reviewQuery, trainingsApi } from './trainings-api.ts';
import { formatDay, professionNames, topicName, useTrainingsLang } from './trainings-labels.ts';
import { useTrainingsT } from './trainings-t.ts';

export type ReviewSearch = { status?: 'links' | TrainingStatus; page?: number };
type Decision = 'approved' | 'needs_change' | 'removed';

const TONES = { suggested: 'attention', approved: 'positive', needs_change: 'attention', removed: 'neutral' } as const;

export function ReviewPage({ search }: { search: ReviewSearch }) {
  const tt = useTrainingsT();
  const me = useMe();
  const navigate = useNavigate({ from: '/trainings/review' });
  const filter: ReviewFilter = search.status ?? 'open';
  const page = search.page ?? 1;
  const list = useQuery({ ...reviewQuery(filter, page), placeholderData: keepPreviousData });
  const [asking, setAsking] = useState<{ item: ReviewTrainingDto; status: Decision } | null>(null);
  const [editing, setEditing] = useState<ReviewTrainingDto | null>(null);

  return (
    <Page title={tt('review.title')}>
      <Text>{tt('review.intro')}</Text>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Text fw={600}>{tt('review.download')}</Text>
          <FileDownloads
            label={tt('review.download')}
            what={tt('review.downloadWhat')}
            href={(file) => reviewExportUrl(file)}
            help={tt('review.downloadHelp')}
          />
        </Stack>
        {hasPermission(me, 'trainings:manage') ? (
          <Stack gap={4}>
            <RouterAnchor to="/trainings/import" fw={600}>
              {tt('review.importLink')}
            </RouterAnchor>
            <RouterAnchor to="/trainings/topics" fw={600}>
              {tt('topics.manageLink')}
            </RouterAnchor>
          </Stack>
        ) : null}
      </Group>
      <NativeSelect
        label={tt('review.show')}
        maw={320}
        value={filter}
        onChange={(e) => {
          const value = e.currentTarget.value;
          void navigate({
            search: { status: value === 'open' ? undefined : (value as 'links' | TrainingStatus), page: undefined },
          });
        }}
        data={[
          { value: 'open', label: tt('review.open') },
          { value: 'links', label: tt('review.links') },
          ...TRAINING_STATUSES.map((s) => ({ value: s, label: tt(`statuses.${s}`) })),
        ]}
      />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          {list.data.items.length === 0 ? <Text role="status">{tt('review.none')}</Text> : null}
          <PagedList
            data={list.data}
            render={(item) => (
              <ReviewCard item={item} onAsk={(status) => setAsking({ item, status })} onEdit={() => setEditing(item)} />
            )}
            onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p }) })}
          />
        </>
      ) : null}
      {editing ? <EditModal item={editing} onClose={() => setEditing(null)} /> : null}
      {asking ? <CommentModal item={asking.item} status={asking.status} onClose={() => setAsking(null)} /> : null}
    </Page>
  );
}

function useTransition() {
  const tt = useTrainingsT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { item: ReviewTrainingDto; status: Decision; comment?: string }) =>
      trainingsApi.transition(v.item.id, { status: v.status, ...(v.comment ? { comment: v.comment } : {}) }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['trainings'] });
      notifySuccess(
        saved.status === 'approved'
          ? tt('review.approved', { title: saved.title })
          : tt('review.changed', { title: saved.title, status: tt(`statuses.${saved.status}`) }),
      );
    },
  });
}

type ReviewCardProps = { item: ReviewTrainingDto; onAsk: (status: Decision) => void; onEdit: () => void };

function ReviewCard({ item, onAsk, onEdit }: ReviewCardProps) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  const facets = useQuery(facetsQuery());
  const approve = useTransition();
  const allowed = TRAINING_TRANSITIONS[item.status];
  const who = (p: { name: string | null; organisation: string | null }) =>
    [p.name, p.organisation].filter(Boolean).join(', ') || tt('review.someone');
  return (
    <Paper withBorder p="md" radius="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4">
            {item.title}
          </Title>
          <StatusBadge tone={TONES[item.status]}>{tt(`statuses.${item.status}`)}</StatusBadge>
        </Group>
        <Text size="sm">
          <ExternalLink href={item.url}>{item.url}</ExternalLink> – {item.provider}
        </Text>
        <LinkHealth item={item} />
        <Text size="sm" c="dimmed">
          {tt('review.addedBy', { who: who(item.addedBy), date: formatDay(item.addedAt, lang) })}
        </Text>
        {item.description ? <Text>{item.description}</Text> : null}
        <Text size="sm">
          {tt(`formats.${item.format}`)} · {tt('catalogue.minutes', { count: item.lengthMinutes })} ·{' '}
          {tt(`languages.${item.language}`)}
        </Text>
        <Text size="sm">
          {tt('review.professions', { list: professionNames(facets.data, item.professions, lang).join(', ') })}
        </Text>
        {item.topics.length ? (
          <Text size="sm">{tt('review.topics', { list: item.topics.map((x) => topicName(x, lang)).join(', ') })}</Text>
        ) : null}
        <details>
          <summary>{tt('review.history')}</summary>
          <ol>
            {item.history.map((h) => (
              <li key={`${h.at}-${h.toStatus}`}>
                <Text size="sm">
                  {tt('review.historyEntry', {
                    status: tt(`statuses.${h.toStatus}`),
                    who: who(h.by),
                    date: formatDay(h.at, lang),
                  })}
                  {h.comment ? ` – ”${h.comment}”` : ''}
                </Text>
              </li>
            ))}
          </ol>
        </details>
        {allowed.length ? (
          <Group gap="xs" role="group" aria-label={tt('review.actionsFor', { title: item.title })}>
            {allowed.includes('approved') ? (
              <Button
                size="xs"
                loading={approve.isPending}
                onClick={() =>
                  approve.mutate({ item, status: 'approved' }, { onError: (e) => notifyError(errorMessage(e)) })
                }
              >
                {tt('review.approve')}
              </Button>
            ) : null}
            {allowed.includes('needs_change') ? (
              <Button size="xs" variant="default" onClick={() => onAsk('needs_change')}>
                {tt('review.needsChange')}
              </Button>
            ) : null}
            <Button size="xs" variant="default" onClick={onEdit}>
              {tt('review.edit')}
            </Button>
            {allowed.includes('removed') ? (
              <Button size="xs" variant="default" color="red" onClick={() => onAsk('removed')}>
                {tt('review.remove')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The link's health in words (a badge with text, not colour alone), the offered new address and "check now". */
export function LinkHealth({ item }: { item: Pick<ReviewTrainingDto, 'id' | 'title' | 'status' | 'link'> }) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: () => trainingsApi.checkLink(item.id),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['trainings'] });
      notifySuccess(tt('review.checkedNow', { title: saved.title }));
    },
    onError: (e) => notifyError(errorMessage(e)),
  });
  const { link } = item;
  const status = link.httpStatus ?? '–';
  let badge: { tone: 'positive' | 'neutral' | 'attention' | 'negative'; text: string } | null = null;
  if (link.broken) {
    badge = {
      tone: 'negative',
      text: link.httpStatus ? tt('review.linkBroken', { status }) : tt('review.linkBrokenNoStatus'),
    };
  } else if (link.outcome === 'moved' && link.newUrl) {
    badge = { tone: 'attention', text: tt('review.linkMoved', { url: link.newUrl }) };
  } else if (link.outcome === 'failing' || link.outcome === 'timeout') {
    badge = { tone: 'attention', text: tt('review.linkFailing', { status }) };
  } else if (link.outcome === 'blocked') {
    badge = { tone: 'neutral', text: tt('review.linkBlocked', { status }) };
  } else if (link.outcome === 'ok') {
    badge = { tone: 'positive', text: tt('review.linkOk') };
  }
  if (item.status === 'removed') return null;
  return (
    <Group gap="xs" align="center">
      {badge ? <StatusBadge tone={badge.tone}>{badge.text}</StatusBadge> : null}
      {link.outcome === 'moved' && link.newUrl ? (
        <ExternalLink size="sm" href={link.newUrl}>
          {link.newUrl}
        </ExternalLink>
      ) : null}
      <Text size="sm" c="dimmed">
        {link.checkedAt
          ? tt('review.linkChecked', { date: formatDay(link.checkedAt, lang) })
          : tt('review.linkNotChecked')}
      </Text>
      <Button size="compact-xs" variant="default" loading={check.isPending} onClick={() => check.mutate()}>
        {tt('review.checkNow')}
      </Button>
    </Group>
  );
}

function CommentModal({ item, status, onClose }: { item: ReviewTrainingDto; status: Decision; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = useTrainingsT();
  const mutation = useTransition();
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const required = status === 'needs_change';
  const submit = () => {
    if (required && !comment.trim()) {
      setFieldError(tt('review.commentHelp'));
      return;
    }
    mutation.mutate({ item, status, comment: comment.trim() || undefined }, { onSuccess: onClose });
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={tt(required ? 'review.needsChangeTitle' : 'review.removeTitle', { title: item.title })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
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

/** A reviewer corrects the item's fields (after "needs change"); the status stays until approved or removed. */
function EditModal({ item, onClose }: { item: ReviewTrainingDto; onClose: () => void }) {
  const tt = useTrainingsT();
  const facets = useQuery(facetsQuery());
  const form = useForm({
    initialValues: trainingValuesOf(item),
    validate: validateTraining(suggestTrainingBodySchema),
  });
  const modalForm = useModalFormSave({
    form,
    save: (values) => trainingsApi.update(item.id, toTrainingBody(values) as SuggestTrainingInput),
    invalidates: ['trainings'],
    savedMessage: (saved) => tt('review.saved', { title: saved.title }),
    onClose,
  });
  return (
    <AppModal opened onClose={onClose} title={tt('review.editTitle', { title: item.title })}>
      {facets.data ? (
        <ModalForm {...modalForm} submitLabel={tt('review.saveEdit')}>
          <TrainingFields form={form} facets={facets.data} />
        </ModalForm>
      ) : (
        <Loading />
      )}
    </AppModal>
  );
}
