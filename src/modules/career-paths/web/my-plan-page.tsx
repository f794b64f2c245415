// /career-paths/mine: the signed-in employee's own development plan, when the staff register links them to a person.
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { modelQuery, myPlanQuery } from './career-paths-api.ts';
import { useCareerT } from './career-paths-t.ts';
import { PlanView } from './plan-view.tsx';

export function MyPlanPage() {
  const tc = useCareerT();
  const mine = useQuery(myPlanQuery());
  const model = useQuery(modelQuery());
  return (
    <Page title={tc('mine.title')}>
      <Text>{tc('mine.intro')}</Text>
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && !mine.data.plan ? <Text role="status">{tc('mine.none')}</Text> : null}
      {mine.data?.plan ? <PlanView plan={mine.data.plan} roles={model.data?.current?.model.roles ?? []} /> : null}
    </Page>
  );
}
