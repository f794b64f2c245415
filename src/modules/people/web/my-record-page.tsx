// /people/mine: the signed-in employee's own record in the staff register (read only; reading it is audited).
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { myRecordQuery, usePeopleT } from './people-api.ts';
import { PersonDetails } from './person-page.tsx';

export function MyRecordPage() {
  const pt = usePeopleT();
  const query = useQuery(myRecordQuery());
  return (
    <Page title={pt('mine.title')}>
      <Text>{pt('mine.intro')}</Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.persons.length === 0 ? <Text>{pt('mine.none')}</Text> : null}
      {query.data?.persons.map((person) => (
        <PersonDetails key={person.id} person={person} professions={undefined} />
      ))}
    </Page>
  );
}
