// "Att göra" on the start page: each module's tasks for the signed-in user (GET /api/me/tasks, decision 018), as
// direct links with their counts and deadlines. Nothing to read first; an empty list says so in one sentence.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDto } from '../../shared/contracts.ts';
import { apiRequest } from '../api/api-client.ts';
import { ErrorAlert, Loading } from '../components/feedback.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useFormat } from '../i18n/format.ts';

export const myTasksQuery = queryOptions({
  queryKey: ['me', 'tasks'],
  queryFn: ({ signal }) => apiRequest<{ tasks: TaskDto[] }>('/api/me/tasks', { signal }),
});

/** Today in Sweden as YYYY-MM-DD (deadlines are Swedish dates). */
function swedishToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

export function StartTasks() {
  const { t } = useTranslation();
  const query = useQuery(myTasksQuery);
  const tasks = [...(query.data?.tasks ?? [])].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || 0);
  return (
    <Stack gap="xs" component="section" aria-labelledby="tasks-heading">
      <Title order={2} size="h3" id="tasks-heading">
        {t('start.tasksTitle')}
      </Title>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && tasks.length === 0 ? <Text>{t('start.noTasks')}</Text> : null}
      {tasks.length > 0 ? (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="tasks">
          {tasks.map((task) => (
            <TaskRow key={task.key} task={task} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

function TaskRow({ task }: { task: TaskDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const router = useRouter();
  const overdue = task.due !== null && task.due < swedishToday();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href: task.href });
  };
  return (
    <Paper component="li" withBorder px="md" py="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Badge variant="filled" color="blue" size="lg" miw={32} px={8} aria-hidden="true" style={{ flexShrink: 0 }}>
            {task.count}
          </Badge>
          <Anchor href={task.href} onClick={follow} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {task.label}
          </Anchor>
        </Group>
        {task.due ? (
          <Group gap="xs">
            <Text size="sm">{t('start.due', { date: format.date(task.due) })}</Text>
            {overdue ? <StatusBadge tone="negative">{t('start.overdue')}</StatusBadge> : null}
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
