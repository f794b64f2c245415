// The fields of a training, shared by the suggestion form and the reviewer's correction: checked with the server's
// own schema, so the messages next to the fields are the ones the server would give (in the interface language).
import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { contractResolver } from '../../../platform/web/contract-resolver.ts';
import {
  type CatalogueFacetsDto,
  type ReviewTrainingDto,
  TRAINING_FORMATS,
  TRAINING_LANGUAGES,
  type TrainingFormat,
  type TrainingLanguage,
} from '../trainings.contracts.ts';
import { topicName, useTrainingsLang } from './trainings-labels.ts';
import { useTrainingsT } from './trainings-t.ts';

export type TrainingFormValues = {
  title: string;
  provider: string;
  url: string;
  description: string;
  lengthMinutes: number | string;
  format: TrainingFormat | '';
  language: TrainingLanguage | '';
  professions: string[];
  topics: string[];
};

export const EMPTY_TRAINING: TrainingFormValues = {
  title: '',
  provider: '',
  url: '',
  description: '',
  lengthMinutes: '',
  format: '',
  language: 'sv',
  professions: [],
  topics: [],
};

export function trainingValuesOf(item: ReviewTrainingDto): TrainingFormValues {
  return {
    title: item.title,
    provider: item.provider,
    url: item.url,
    description: item.description,
    lengthMinutes: item.lengthMinutes,
    format: item.format,
    language: item.language,
    professions: item.professions,
    topics: item.topics.map((t) => t.key),
  };
}

/** The request body: the length as a number; an empty choice is left out, so the schema names the field. */
export function toTrainingBody(values: TrainingFormValues) {
  return {
    ...values,
    lengthMinutes: values.lengthMinutes === '' ? undefined : Number(values.lengthMinutes),
    format: values.format || undefined,
    language: values.language || undefined,
  };
}

export function validateTraining(schema: z.ZodType) {
  const validate = contractResolver(schema as never);
  return (values: TrainingFormValues) => validate(toTrainingBody(values) as never);
}

type TrainingFieldsProps = { form: UseFormReturnType<TrainingFormValues>; facets: CatalogueFacetsDto };

export function TrainingFields({ form, facets }: TrainingFieldsProps) {
  const tt = useTrainingsT();
  const lang = useTrainingsLang();
  return (
    <>
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
          data={[{ value: '', label: '–' }, ...TRAINING_FORMATS.map((f) => ({ value: f, label: tt(`formats.${f}`) }))]}
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
          {facets.professions.map((p) => (
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
          {facets.topics.map((topic) => (
            <Checkbox key={topic.key} value={topic.key} label={topicName(topic, lang)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>{' '}
    </>
  );
}
