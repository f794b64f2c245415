// The list page's follow-up: give the list to a new employee by e-mail, and each person's progress (done of total,
// last activity, every entry's state) with resending the link, ending and removing an introduction.
import { Button, Group, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { AssignmentDto, ListDto } from '../introductions.contracts.ts';
import { formatDate } from './introduction-checklist.tsx';
import { assignmentsQuery, introductionsApi } from './introductions-api.ts';
import { useIntroductionsT } from './introductions-t.ts';

export function AssignmentsSection({ list }: { list: ListDto }) {
  const ti = useIntroductionsT();
  const query = useQuery(assignmentsQuery(list.id));
  return (
    <Stack gap="lg">
      <AssignForm list={list} />
      <Stack component="section" aria-labelledby="progress-heading" gap="sm">
        <Title order={2} size="h3" id="progress-heading">
          {ti('progress.title')}
        </Title>
        {query.isPending ? <Loading /> : null}
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data?.assignments.length === 0 ? <Text role="status">{ti('progress.none')}</Text> : null}
        {query.data && query.data.assignments.length > 0 ? (
          <ProgressTable assignments={query.data.assignments} />
        ) : null}
      </Stack>
    </Stack>
  );
}

type AssignValues = { email: string; name: string };

function AssignForm({ list }: { list: ListDto }) {
  const ti = useIntroductionsT();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AssignValues>({ initialValues: { email: '', name: '' } });
  const assign = useMutation({
    mutationFn: (v: AssignValues) =>
      introductionsApi.assign(list.id, { email: v.email.trim(), ...(v.name.trim() ? { name: v.name.trim() } : {}) }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['introductions'] });
      setFormError(null);
      notifySuccess(ti('assign.sent', { email: saved.email }));
      form.reset();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="assign-heading">
      <form onSubmit={form.onSubmit((v) => assign.mutate(v))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="assign-heading">
            {ti('assign.title')}
          </Title>
          <Text size="sm">{ti('assign.intro')}</Text>
          <Group align="flex-start" grow>
            <TextInput label={ti('assign.email')} type="email" required {...form.getInputProps('email')} />
            <TextInput label={ti('assign.name')} {...form.getInputProps('name')} />
          </Group>
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={assign.isPending} disabled={list.entries.length === 0}>
              {ti('assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type Pending = { kind: 'end' | 'remove'; assignment: AssignmentDto } | null;

function ProgressTable({ assignments }: { assignments: AssignmentDto[] }) {
  const ti = useIntroductionsT();
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['introductions'] });
  const resend = useMutation({
    mutationFn: (a: AssignmentDto) => introductionsApi.resend(a.id),
    onSuccess: async (saved) => {
      await refresh();
      notifySuccess(ti('progress.resent', { email: saved.email }));
    },
  });
  const confirm = useMutation({
    mutationFn: async (p: NonNullable<Pending>) => {
      if (p.kind === 'end') await introductionsApi.end(p.assignment.id);
      else await introductionsApi.removeAssignment(p.assignment.id);
    },
    onSuccess: async (_saved, p) => {
      setPending(null);
      await refresh();
      notifySuccess(p.kind === 'end' ? ti('progress.endedDone') : ti('progress.removed'));
    },
  });
  const who = (a: AssignmentDto) => a.name ?? a.email;
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      <FormError message={resend.isError ? errorMessage(resend.error) : null} />
      <Table.ScrollContainer minWidth={760} type="native" role="region" tabIndex={0} aria-label={ti('progress.title')}>
        <Table>
          <Table.Caption>{ti('progress.title')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{ti('progress.person')}</Table.Th>
              <Table.Th>{ti('progress.progress')}</Table.Th>
              <Table.Th>{ti('progress.lastActivity')}</Table.Th>
              <Table.Th>{ti('progress.status')}</Table.Th>
              <Table.Th>{ti('progress.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.map((a) => {
              const expanded = open.has(a.id);
              const detailsId = `assignment-entries-${a.id}`;
              const percent = a.total ? Math.round((a.done / a.total) * 100) : 0;
              return (
                <Fragment key={a.id}>
                  <Table.Tr>
                    <Table.Td>
                      <Text fw={600}>{who(a)}</Text>
                      {a.name ? <Text size="sm">{a.email}</Text> : null}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Text size="sm">{ti('progress.doneOf', { done: a.done, total: a.total })}</Text>
                        <Progress value={percent} aria-label={ti('progress.progressLabel', { name: who(a) })} />
                      </Stack>
                    </Table.Td>
                    <Table.Td>{a.lastActivityAt ? formatDate(a.lastActivityAt, lang) : ti('progress.never')}</Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Group>
                          {a.endedAt ? (
                            <StatusBadge tone="neutral">{ti('progress.ended')}</StatusBadge>
                          ) : a.total > 0 && a.done === a.total ? (
                            <StatusBadge tone="positive">{ti('progress.finished')}</StatusBadge>
                          ) : (
                            <StatusBadge tone="attention">{ti('progress.ongoing')}</StatusBadge>
                          )}
                        </Group>
                        {a.endedAt ? null : (
                          <Text size="xs">{ti('progress.linkUntil', { date: formatDate(a.linkExpiresAt, lang) })}</Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Button
                          size="xs"
                          variant="default"
                          aria-expanded={expanded}
                          aria-controls={detailsId}
                          aria-label={
                            expanded ? ti('progress.hide', { name: who(a) }) : ti('progress.show', { name: who(a) })
                          }
                          onClick={() => toggle(a.id)}
                        >
                          {expanded ? ti('progress.hideShort') : ti('progress.showShort')}
                        </Button>
                        {a.endedAt ? null : (
                          <>
                            <Button
                              size="xs"
                              variant="default"
                              loading={resend.isPending && resend.variables?.id === a.id}
                              aria-label={ti('progress.resendNamed', { name: who(a) })}
                              onClick={() => resend.mutate(a)}
                            >
                              {ti('progress.resend')}
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={ti('progress.endNamed', { name: who(a) })}
                              onClick={() => setPending({ kind: 'end', assignment: a })}
                            >
                              {ti('progress.end')}
                            </Button>
                          </>
                        )}
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          aria-label={ti('progress.removeNamed', { name: who(a) })}
                          onClick={() => setPending({ kind: 'remove', assignment: a })}
                        >
                          {ti('progress.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {expanded ? (
                    <Table.Tr id={detailsId}>
                      <Table.Td colSpan={5}>
                        <Stack component="ol" gap={4} m={0}>
                          {a.entries.map((e) => (
                            <Text component="li" key={e.id} size="sm">
                              {e.title} –{' '}
                              {e.doneAt
                                ? ti('progress.doneAt', { date: formatDate(e.doneAt, lang) })
                                : ti('progress.notDone')}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={pending !== null}
        title={pending?.kind === 'end' ? ti('progress.endTitle') : ti('progress.removeTitle')}
        text={
          pending
            ? pending.kind === 'end'
              ? ti('progress.endText', { name: who(pending.assignment) })
              : ti('progress.removeText', { name: who(pending.assignment) })
            : ''
        }
        confirmLabel={pending?.kind === 'end' ? ti('progress.end') : ti('progress.remove')}
        onConfirm={() => pending && confirm.mutate(pending)}
        onCancel={() => setPending(null)}
        loading={confirm.isPending}
        error={confirm.isError ? errorMessage(confirm.error) : null}
      />
    </>
  );
}
