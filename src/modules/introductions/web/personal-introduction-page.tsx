// /introduktion?token=…: the new employee's introduction through the personal link from the e-mail, without signing
// in. The token stays in the query string (left out of the server's request log and sent to no other site).
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../platform/web/api/api-client.ts';
import { Loading } from '../../../platform/web/components/feedback.tsx';
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
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(personalIntroductionQuery(token));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    // Plain words for the one who followed a link from an e-mail: a link that does not work (wrong, cut, ended) or a
    // moment's trouble, never a code or a field path.
    const refused = query.error instanceof ApiError && query.error.status >= 400 && query.error.status < 500;
    return (
      <Alert color={refused ? 'orange' : 'red'} role="alert" title={ti('personal.cannotOpen')}>
        <Text size="sm">{ti(refused ? 'personal.invalidLink' : 'personal.tryLater')}</Text>
        {refused ? null : (
          <Button mt="sm" size="xs" variant="default" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        )}
      </Alert>
    );
  }
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
