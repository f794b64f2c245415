// The new employee's checklist: the introduction's entries in order, each ticked off with a labelled checkbox, with
// the catalogue link or the local link, and progress in words and as a bar. Used by the personal link and
// "Min introduktion".
import { Alert, Checkbox, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { ExternalLink } from '../../../platform/web/components/external-link.tsx';
import { FormError } from '../../../platform/web/components/feedback.tsx';
import type { IntroductionDto } from '../introductions.contracts.ts';
import { useIntroductionsT } from './introductions-t.ts';

export function formatDate(iso: string, lang: string | undefined): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium' }).format(new Date(iso));
}

type Props = {
  introduction: IntroductionDto;
  /** Ticks an entry off or back; answers the introduction as it now is. */
  onTick: (entryId: string, done: boolean) => Promise<IntroductionDto>;
  onSaved: (fresh: IntroductionDto) => void;
  headingLevel?: 2 | 3;
};

export function IntroductionChecklist({ introduction, onTick, onSaved, headingLevel = 2 }: Props) {
  const ti = useIntroductionsT();
  const { i18n } = useTranslation();
  // The box follows the click at once; the server's answer (or an error) settles it.
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const settle = (entryId: string) =>
    setTicking((current) => {
      const { [entryId]: _settled, ...rest } = current;
      return rest;
    });
  const tick = useMutation({
    mutationFn: ({ entryId, done }: { entryId: string; done: boolean }) => onTick(entryId, done),
    onMutate: ({ entryId, done }) => setTicking((current) => ({ ...current, [entryId]: done })),
    onSuccess: onSaved,
    onSettled: (_data, _error, { entryId }) => settle(entryId),
  });
  const headingId = `introduction-${introduction.id}`;
  const percent = introduction.total ? Math.round((introduction.done / introduction.total) * 100) : 0;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={headingLevel} size="h3" id={headingId}>
          {introduction.listName}
        </Title>
        <Text>
          {ti('checklist.fromMunicipality', {
            municipality: introduction.municipalityName,
            done: introduction.done,
            total: introduction.total,
          })}
        </Text>
        <Progress value={percent} aria-label={ti('checklist.progressLabel')} />
        {introduction.total > 0 && introduction.done === introduction.total ? (
          <Alert color="green" role="status">
            {ti('checklist.allDone')}
          </Alert>
        ) : null}
        <FormError message={tick.isError ? errorMessage(tick.error) : null} />
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {introduction.entries.map((entry) => (
            <Paper key={entry.id} component="li" withBorder p="sm" radius="sm">
              <Group align="flex-start" wrap="nowrap" gap="md">
                <Checkbox
                  mt={4}
                  checked={ticking[entry.id] ?? entry.doneAt !== null}
                  aria-label={ti('checklist.doneLabel', { title: entry.title })}
                  onChange={(event) => tick.mutate({ entryId: entry.id, done: event.currentTarget.checked })}
                />
                <Stack gap={4} style={{ flex: 1 }}>
                  <Text fw={600}>{entry.title}</Text>
                  {entry.provider ? (
                    <Text size="sm" c="dimmed">
                      {entry.provider}
                    </Text>
                  ) : null}
                  {entry.description ? <Text size="sm">{entry.description}</Text> : null}
                  {entry.url ? (
                    <ExternalLink href={entry.url} aria-label={ti('checklist.openNamed', { title: entry.title })}>
                      {ti('checklist.open')}
                    </ExternalLink>
                  ) : null}
                  {!entry.available ? (
                    <Text size="sm" fs="italic">
                      {ti('checklist.unavailable')}
                    </Text>
                  ) : null}
                  <Text size="sm" fw={entry.doneAt ? 600 : undefined}>
                    {entry.doneAt
                      ? ti('checklist.doneAt', { date: formatDate(entry.doneAt, i18n.resolvedLanguage) })
                      : ti('progress.notDone')}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
