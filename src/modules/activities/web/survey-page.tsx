// /survey?token=… — the evaluation behind a personal one-time link: no account, phone-sized, one question after the
// other with native radio groups (keyboard and screen readers know them), required ones marked in words.
import { Alert, Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../platform/web/api/api-client.ts';
import { FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import type { SurveyQuestion } from '../activities.contracts.ts';
import { activitiesApi, formatDateTime, publicSurveyQuery, useActivitiesT } from './activities-api.ts';

type Value = string | number | boolean;

export function SurveyPage({ token }: { token: string | undefined }) {
  const at = useActivitiesT();
  const survey = useQuery({ ...publicSurveyQuery(token ?? ''), enabled: Boolean(token) });
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const send = useMutation({ mutationFn: () => activitiesApi.answer(token ?? '', answers) });
  if (!token) return <Alert color="red">{at('survey.invalid')}</Alert>;
  if (survey.isPending) return <Loading />;
  if (survey.isError) {
    const answered = survey.error instanceof ApiError && survey.error.status === 409;
    return (
      <Stack maw={640} mx="auto">
        <Title order={1}>{at('survey.title')}</Title>
        <Alert color={answered ? 'green' : 'red'} role="alert">
          {answered ? at('survey.answered') : at('survey.invalid')}
        </Alert>
      </Stack>
    );
  }
  if (send.isSuccess) {
    return (
      <Stack maw={640} mx="auto">
        <Title order={1}>{survey.data.title}</Title>
        <Alert color="green" role="status">
          {at('survey.thanks')}
        </Alert>
      </Stack>
    );
  }
  const s = survey.data;
  const submit = () => {
    const lacking = s.questions
      .filter((q) => q.required && (answers[q.id] === undefined || answers[q.id] === ''))
      .map((q) => q.id);
    setMissing(lacking);
    if (lacking.length === 0) send.mutate();
    else document.getElementById(`q-${lacking[0]}`)?.focus();
  };
  return (
    <Stack maw={640} mx="auto" gap="lg">
      <div>
        <Title order={1}>{s.title}</Title>
        <Text>
          {s.organiser} · {formatDateTime(s.startsAt)}
        </Text>
      </div>
      <Text>{at('survey.intro', { k: s.minCount })}</Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="xl">
          {s.questions.map((q) => (
            <Question
              key={q.id}
              question={q}
              value={answers[q.id]}
              error={missing.includes(q.id) ? at('survey.missing') : null}
              onChange={(v) => setAnswers((prev) => ({ ...prev, [q.id]: v }))}
            />
          ))}
          <FormError message={send.isError ? errorMessage(send.error) : null} />
          <Group>
            <Button type="submit" size="md" loading={send.isPending}>
              {at('survey.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function Question({
  question: q,
  value,
  error,
  onChange,
}: {
  question: SurveyQuestion;
  value: Value | undefined;
  error: string | null;
  onChange: (v: Value) => void;
}) {
  const at = useActivitiesT();
  const label = `${q.text}${q.required ? ` (${at('survey.required').toLowerCase()})` : ''}`;
  if (q.kind === 'text') {
    return (
      <Textarea
        id={`q-${q.id}`}
        label={label}
        autosize
        minRows={3}
        maxLength={2000}
        value={typeof value === 'string' ? value : ''}
        error={error}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  const choices =
    q.kind === 'likert'
      ? ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))
      : q.kind === 'yes_no'
        ? [
            { value: 'true', label: at('survey.yes') },
            { value: 'false', label: at('survey.no') },
          ]
        : (q.options ?? []).map((o) => ({ value: o, label: o }));
  return (
    <Radio.Group
      id={`q-${q.id}`}
      label={label}
      description={q.kind === 'likert' ? `${at('survey.scaleLow')}, ${at('survey.scaleHigh')}` : undefined}
      error={error}
      value={value === undefined ? null : String(value)}
      onChange={(v) => onChange(q.kind === 'likert' ? Number(v) : q.kind === 'yes_no' ? v === 'true' : v)}
    >
      <Group mt="xs" gap="md">
        {choices.map((c) => (
          <Radio key={c.value} value={c.value} label={c.label} size="md" />
        ))}
      </Group>
    </Radio.Group>
  );
}
