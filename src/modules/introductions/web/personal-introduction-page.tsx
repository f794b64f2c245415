// /introduktion?token=…: the new employee's introduction through the personal link from the e-mail, without signing
// in. The token stays in the query string (left out of the server's request log and sent to no other site).
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { IntroductionChecklist } from './introduction-checklist.tsx';
import { introductionsApi, personalIntroductionQuery } from './introductions-api.ts';
import { useIntroductionsT } from './introductions-t.ts';

export function PersonalIntroductionPage({ token }: { token?: string }) {
  const ti = useIntroductionsT();
  const { t } = useTranslation();
  useDocumentTitle(t('common.pageTitle', { title: ti('personal.title') }));
  return (
    <Stack gap="lg">
      <Title order={1}>{ti('personal.title')}</Title>
      {token ? <PersonalIntroduction token={token} /> : <Alert color="orange">{ti('personal.noToken')}</Alert>}
    </Stack>
  );
}

function PersonalIntroduction({ token }: { token: string }) {
  const ti = useIntroductionsT();
  const queryClient = useQueryClient();
  const query = useQuery(personalIntroductionQuery(token));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <>
      <IntroductionChecklist
        introduction={query.data}
        onTick={(entryId, done) => introductionsApi.tickPersonal(token, entryId, done)}
        onSaved={(fresh) => queryClient.setQueryData(personalIntroductionQuery(token).queryKey, fresh)}
      />
      <Text size="sm" c="dimmed">
        {ti('personal.private')}
      </Text>
    </>
  );
}
