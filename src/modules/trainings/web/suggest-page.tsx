// /trainings/suggest: any signed-in user suggests a free web training; it waits in the review queue. The form is
// checked with the server's own schema, and the server's refusals (a duplicate link) land next to the field.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import {
  suggestTrainingSchema,
  TRAINING_FORMATS,
  TRAINING_LANGUAGES,
  type TrainingFormat,
  type TrainingLanguage,
} from '../trainings.contracts.ts';
import { facetsQuery, trainingsApi } from './trainings-api.ts';
import { topicName, useTrainingsLang } from './trainings-labels.ts';
import { useTrainingsT } from './trainings-t.ts';

const validate = schemaResolver(suggestTrainingSchema, { sync: true });
const EMPTY = {
  title: '',
  provider: '',
  url: '',
  description: '',
  lengthMinutes: '' as number | string,
  format: '' as TrainingFormat | '',
  language: 'sv' as TrainingLanguage | '',
  professions: [] as string[],
  topics: [] as string[],
};

export function SuggestPage() {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  const facets = useQuery(facetsQuery());
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({ initialValues: EMPTY, validate: (values) => validate(toBody(values) as never) });
  const mutation = useMutation({
    mutationFn: (values: typeof EMPTY) => trainingsApi.suggest(toBody(values) as never),
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
            <TextInput label={tt('suggest.titleLabel')} required {...form.getInputProps('title')} />
            <TextInput
              label={tt('suggest.provider')}
              description={tt('suggest.providerHelp')}
              required
              {...form.getInputProps('provider')}
            />
            <TextInput
              label={tt('suggest.url')}
              description={tt('suggest.urlHelp')}
              type="url"
              required
              {...form.getInputProps('url')}
            />
            <Textarea label={tt('suggest.description')} autosize minRows={3} {...form.getInputProps('description')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={tt('suggest.lengthMinutes')}
                required
                min={1}
                allowDecimal={false}
                {...form.getInputProps('lengthMinutes')}
              />
              <NativeSelect
                label={tt('suggest.format')}
                required
                data={[
                  { value: '', label: '–' },
                  ...TRAINING_FORMATS.map((f) => ({ value: f, label: tt(`formats.${f}`) })),
                ]}
                {...form.getInputProps('format')}
              />
              <NativeSelect
                label={tt('suggest.language')}
                required
                data={TRAINING_LANGUAGES.map((l) => ({ value: l, label: tt(`languages.${l}`) }))}
                {...form.getInputProps('language')}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={tt('suggest.professions')}
              description={tt('suggest.professionsHelp')}
              required
              {...form.getInputProps('professions')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {facets.data.professions.map((p) => (
                  <Checkbox key={p.key} value={p.key} label={lang === 'en' ? p.nameEn : p.name} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Checkbox.Group
              label={tt('suggest.topics')}
              description={tt('suggest.topicsHelp')}
              {...form.getInputProps('topics')}
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
                {facets.data.topics.map((topic) => (
                  <Checkbox key={topic.key} value={topic.key} label={topicName(topic, lang)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
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

/** The request body: trimmed texts, the length as a number (empty → missing, so the schema names the field). */
function toBody(values: typeof EMPTY) {
  return {
    ...values,
    lengthMinutes: values.lengthMinutes === '' ? undefined : Number(values.lengthMinutes),
    format: values.format || undefined,
    language: values.language || undefined,
  };
}
