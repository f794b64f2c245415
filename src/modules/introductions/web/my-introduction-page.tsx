// /introductions/mine ("Min introduktion"): the signed-in employee's ongoing introductions, ticked off here too.
import { Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { IntroductionChecklist } from './introduction-checklist.tsx';
import { introductionsApi, myIntroductionsQuery } from './introductions-api.ts';
import { useIntroductionsT } from './introductions-t.ts';

export function MyIntroductionPage() {
  const ti = useIntroductionsT();
  const queryClient = useQueryClient();
  const query = useQuery(myIntroductionsQuery());
  return (
    <Page title={ti('mine.title')}>
      <Text>{ti('mine.intro')}</Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.introductions.length === 0 ? <Text role="status">{ti('mine.none')}</Text> : null}
      <Stack>
        {query.data?.introductions.map((intro) => (
          <IntroductionChecklist
            key={intro.id}
            introduction={intro}
            onTick={(entryId, done) => introductionsApi.tickMine(intro.id, entryId, done)}
            onSaved={(fresh) =>
              queryClient.setQueryData(myIntroductionsQuery().queryKey, (old) =>
                old ? { introductions: old.introductions.map((i) => (i.id === fresh.id ? fresh : i)) } : old,
              )
            }
          />
        ))}
      </Stack>
    </Page>
  );
}
