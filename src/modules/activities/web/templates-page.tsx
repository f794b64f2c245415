// /activities/templates — the evaluation templates: the region's standard one and the organisation's own, each with
// its questions; an organiser makes a new one (Likert 1–5, single choice, yes/no, free text) to choose on an activity.
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { QUESTION_KINDS, type QuestionKind, type SurveyQuestion } from '../activities.contracts.ts';
import { activitiesApi, templatesQuery, useActivitiesT } from './activities-api.ts';

type Draft = { kind: QuestionKind; text: string; options: string; required: boolean };
const emptyDraft = (): Draft => ({ kind: 'likert', text: '', options: '', required: true });

export function TemplatesPage() {
  const at = useActivitiesT();
  const me = useMe();
  const query = useQuery(templatesQuery());
  const canCreate = hasPermission(me, 'activities:manage_templates');
  return (
    <Page title={at('templates.title')}>
      <Text>{at('templates.intro')}</Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.map((t) => (
        <Stack key={t.id} gap="xs">
          <Title order={2} size="h3">
            {t.name}
            {t.standard ? ` (${at('templates.standard')})` : ''}
          </Title>
          <DataTable label={at('templates.questionsOf', { name: t.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{at('templates.question')}</Table.Th>
                <Table.Th scope="col">{at('templates.kind')}</Table.Th>
                <Table.Th scope="col">{at('templates.required')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {t.questions.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Th scope="row" fw={400}>
                    {me.locale === 'en' && q.textEn ? q.textEn : q.text}
                    {q.options?.length ? ` (${q.options.join(', ')})` : ''}
                  </Table.Th>
                  <Table.Td>{at(`questionKind.${q.kind}`)}</Table.Td>
                  <Table.Td>{q.required ? at('survey.yes') : at('survey.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        </Stack>
      ))}
      {canCreate ? <NewTemplate /> : null}
    </Page>
  );
}

function NewTemplate() {
  const at = useActivitiesT();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [drafts, setDrafts] = useState<Draft[]>([emptyDraft()]);
  const save = useMutation({
    mutationFn: () =>
      activitiesApi.createTemplate({
        name,
        questions: drafts.map(
          (d, i): SurveyQuestion => ({
            id: `q${i + 1}`,
            kind: d.kind,
            text: d.text,
            required: d.required,
            ...(d.kind === 'single'
              ? {
                  options: d.options
                    .split('\n')
                    .map((o) => o.trim())
                    .filter(Boolean),
                }
              : {}),
          }),
        ),
      }),
    onSuccess: async () => {
      notifySuccess(at('templates.created'));
      setName('');
      setDrafts([emptyDraft()]);
      await queryClient.invalidateQueries({ queryKey: ['activities'] });
    },
  });
  const set = (i: number, patch: Partial<Draft>) =>
    setDrafts((prev) => prev.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2}>{at('templates.new')}</Title>
        <TextInput
          label={at('templates.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {drafts.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a draft question has no id until the template is saved
          <Stack key={i} gap={6} p="sm" style={{ border: '1px solid #ced4da', borderRadius: 4 }}>
            <Group justify="space-between">
              <Text fw={600}>{at('templates.questionNo', { n: i + 1 })}</Text>
              {drafts.length > 1 ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={at('templates.remove', { n: i + 1 })}
                  onClick={() => setDrafts((prev) => prev.filter((_, k) => k !== i))}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
            <TextInput
              label={at('templates.question')}
              required
              value={d.text}
              onChange={(e) => set(i, { text: e.currentTarget.value })}
            />
            <Select
              label={at('templates.kind')}
              allowDeselect={false}
              data={QUESTION_KINDS.map((k) => ({ value: k, label: at(`questionKind.${k}`) }))}
              value={d.kind}
              onChange={(v) => set(i, { kind: (v ?? 'likert') as QuestionKind })}
            />
            {d.kind === 'single' ? (
              <Textarea
                label={at('templates.options')}
                description={at('templates.optionsHelp')}
                autosize
                minRows={3}
                value={d.options}
                onChange={(e) => set(i, { options: e.currentTarget.value })}
              />
            ) : null}
            <Checkbox
              label={at('templates.required')}
              checked={d.required}
              onChange={(e) => set(i, { required: e.currentTarget.checked })}
            />
          </Stack>
        ))}
        <Group>
          <Button variant="default" onClick={() => setDrafts((prev) => [...prev, emptyDraft()])}>
            {at('templates.add')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {at('templates.save')}
          </Button>
        </Group>
        <FormError message={save.isError ? errorMessage(save.error) : null} />
      </Stack>
    </form>
  );
}
