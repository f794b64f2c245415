// The region publishes a period's statistics (decision 016): what other municipalities and the public see changes
// only then (and by the nightly job, and when a period is closed), never when a report is approved.
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { apiRequest } from '../../../../platform/web/api/api-client.ts';
import { ErrorAlert } from '../../../../platform/web/components/feedback.tsx';
import type { PublishOutcomeDto } from '../../staffing.contracts.ts';
import { useReportingT } from '../../web/staffing-t.ts';

export function PublishPanel({ periodId }: { periodId: string }) {
  const rt = useReportingT();
  const headingId = useId();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () =>
      apiRequest<PublishOutcomeDto>(`/api/staffing/periods/${encodeURIComponent(periodId)}/publish`, {
        method: 'POST',
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['staffing'] });
    },
  });
  const outcome = publish.data;
  const message = !outcome
    ? null
    : outcome.made && outcome.publication
      ? rt('publish.made', {
          version: outcome.publication.version,
          count: outcome.publication.municipalities,
          hidden: outcome.publication.hidden,
        })
      : outcome.reason === 'unchanged'
        ? rt('publish.unchanged', { version: outcome.publication?.version ?? 0 })
        : rt('publish.nothingApproved');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h3" id={headingId}>
          {rt('publish.title')}
        </Title>
        <Text>{rt('publish.intro')}</Text>
        <Button onClick={() => publish.mutate()} loading={publish.isPending}>
          {rt('publish.button')}
        </Button>
        <Text role="status" aria-live="polite">
          {publish.isPending ? rt('publish.working') : (message ?? '')}
        </Text>
        {publish.isError ? <ErrorAlert error={publish.error} /> : null}
      </Stack>
    </Paper>
  );
}
