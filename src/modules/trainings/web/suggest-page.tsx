// /trainings/suggest: any signed-in user suggests a free web training; it waits in the review queue. The form is
// checked with the server's own schema, and the server's refusals (a duplicate link) land next to the field.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { type SuggestTrainingInput, suggestTrainingBodySchema } from '../trainings.contracts.ts';
import {
  EMPTY_TRAINING,
  TrainingFields,
  type TrainingFormValues,
  toTrainingBody,
  validateTraining,
} from './training-fields.tsx';
import { facetsQuery, trainingsApi } from './trainings-api.ts';
import { useTrainingsT } from './trainings-t.ts';

export function SuggestPage() {
  const tt = useTrainingsT();
  const facets = useQuery(facetsQuery());
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({ initialValues: EMPTY_TRAINING, validate: validateTraining(suggestTrainingBodySchema) });
  const mutation = useMutation({
    mutationFn: (values: TrainingFormValues) => trainingsApi.suggest(toTrainingBody(values) as SuggestTrainingInput),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['trainings'] });
      setFormError(null);
      setSent(saved.title);
      form.reset();
    },
    onError: (error) => {
      setSent(null);
      setFormError(applyServerErrors(form, error));
    },
  });

  return (
    <Page title={tt('suggest.title')}>
      <Text>{tt('suggest.intro')}</Text>
      {sent ? (
        <Alert color="green" role="status">
          {tt('suggest.sent', { title: sent })}
        </Alert>
      ) : null}
      {facets.isPending ? <Loading /> : null}
      {facets.isError ? <ErrorAlert error={facets.error} onRetry={() => void facets.refetch()} /> : null}
      {facets.data ? (
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
          <Stack maw={720}>
            <TrainingFields form={form} facets={facets.data} />
            <FormError message={formError} />
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {tt('suggest.submit')}
              </Button>
              <RouterAnchor to="/utbildningar">{tt('catalogue.title')}</RouterAnchor>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Page>
  );
}
