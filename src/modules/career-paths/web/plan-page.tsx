// /career-paths/plans/$planId: the manager's page of one development plan — the plan, its education (add an occasion
// of the calendar, a catalogue item or one's own, mark done), the next review and the Benner stage.
import { Button, Group, NativeSelect, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { BENNER_STAGES, type PlanDto } from '../career-paths.contracts.ts';
import {
  careerApi,
  catalogueChoicesQuery,
  modelQuery,
  type OccasionChoice,
  occasionChoicesQuery,
  planQuery,
} from './career-paths-api.ts';
import { useCareerT } from './career-paths-t.ts';
import { PlanView } from './plan-view.tsx';

const todayIso = () => new Date().toISOString().slice(0, 10);

export function PlanPage({ planId }: { planId: string }) {
  const tc = useCareerT();
  const plan = useQuery(planQuery(planId));
  const model = useQuery(modelQuery());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const set = (fresh: PlanDto) => {
    queryClient.setQueryData(planQuery(planId).queryKey, fresh);
    void queryClient.invalidateQueries({ queryKey: ['career-paths', 'plans'] });
  };
  const complete = useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      careerApi.completeEducation(planId, id, done ? todayIso() : null),
    onSuccess: set,
  });
  const remove = useMutation({ mutationFn: (id: string) => careerApi.removeEducation(planId, id), onSuccess: set });
  const removePlan = useMutation({
    mutationFn: () => careerApi.deletePlan(planId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['career-paths'] });
      await navigate({ to: '/career-paths/plans' });
    },
  });
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  return (
    <Page title={tc('plan.title', { name: p.person.name })}>
      <PlanView
        plan={p}
        roles={model.data?.current?.model.roles ?? []}
        onComplete={(id, done) => complete.mutate({ id, done })}
        onRemove={(id) => remove.mutate(id)}
      />
      <Title order={2}>{tc('plan.addEducation')}</Title>
      <EducationForm planId={planId} onSaved={set} />
      <Title order={2}>{tc('plan.followUp')}</Title>
      <FollowUpForm plan={p} onSaved={set} />
      <Group>
        <Button variant="subtle" color="red" onClick={() => removePlan.mutate()} loading={removePlan.isPending}>
          {tc('plan.delete')}
        </Button>
      </Group>
    </Page>
  );
}

function EducationForm({ planId, onSaved }: { planId: string; onSaved: (p: PlanDto) => void }) {
  const tc = useCareerT();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const items = useQuery({ ...catalogueChoicesQuery(debounced), enabled: debounced.length > 1 });
  // The occasion picker is made anew after each added education (its search text starts empty again).
  const [pickerKey, setPickerKey] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      occasionId: '',
      refId: '',
      title: '',
      year: '' as number | '',
      cost: 0 as number | '',
      funded: 0 as number | '',
    },
  });
  const add = useMutation({
    mutationFn: (v: typeof form.values) =>
      careerApi.addEducation(planId, {
        kind: v.occasionId ? 'occasion' : v.refId ? 'catalogue' : 'other',
        refId: v.occasionId || v.refId || null,
        title: v.title,
        status: 'planned',
        year: v.year === '' ? null : v.year,
        cost: v.cost === '' ? 0 : v.cost,
        funded: v.funded === '' ? 0 : v.funded,
      }),
    onSuccess: (fresh) => {
      onSaved(fresh);
      form.reset();
      setQ('');
      setPickerKey((k) => k + 1);
      notifySuccess(tc('common.saved'));
    },
    onError: (e) => setFormError(applyServerErrors(form, e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
      <Stack maw={720}>
        <Text size="sm">{tc('plan.educationHelp')}</Text>
        <OccasionPicker
          key={pickerKey}
          error={form.errors.refId && form.values.occasionId ? String(form.errors.refId) : undefined}
          onPick={(id) => form.setFieldValue('occasionId', id ?? '')}
        />
        <TextInput label={tc('plan.searchCatalogue')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <NativeSelect
          label={tc('plan.catalogueItem')}
          data={[
            { value: '', label: tc('plan.ownEducation') },
            ...(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.title} (${i.provider})` })),
          ]}
          {...form.getInputProps('refId')}
        />
        <TextInput
          label={tc('plan.educationTitle')}
          description={tc('plan.educationTitleHelp')}
          {...form.getInputProps('title')}
        />
        <Group grow>
          <NumberInput label={tc('budget.year')} min={2000} max={2100} {...form.getInputProps('year')} />
          <NumberInput
            label={tc('plan.cost')}
            min={0}
            thousandSeparator=" "
            suffix=" kr"
            {...form.getInputProps('cost')}
          />
          <NumberInput
            label={tc('plan.funded')}
            min={0}
            thousandSeparator=" "
            suffix=" kr"
            {...form.getInputProps('funded')}
          />
        </Group>
        <FormError message={formError} />
        <Group>
          <Button type="submit" variant="default" loading={add.isPending}>
            {tc('plan.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const MIN_SEARCH = 2;

/** A searchable combobox of the occasions the municipality's staff can attend (the server searches by name). */
function OccasionPicker({ onPick, error }: { onPick: (id: string | null) => void; error?: string | undefined }) {
  const tc = useCareerT();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  // Once an occasion is picked the box shows its label; that text is not a new search.
  const searching = picked && search === picked.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(searching, 250);
  const found = useQuery({ ...occasionChoicesQuery(debounced), enabled: debounced.length >= MIN_SEARCH });
  const label = (o: OccasionChoice) =>
    `${o.title} – ${fmt.date(o.startsAt)}${o.place ? `, ${o.place}` : ''} (${tc(`plan.occasionStatus.${o.status}`)})`;
  const list = (found.data?.occasions ?? [])
    .filter((o) => o.id !== picked?.value)
    .map((o) => ({ value: o.id, label: label(o) }));
  const options = picked ? [picked, ...list] : list;
  return (
    <Select
      label={tc('plan.occasion')}
      description={tc('plan.occasionHelp')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={picked?.value ?? null}
      onChange={(_value, option) => {
        const next = option ? { value: option.value, label: option.label } : null;
        setPicked(next);
        onPick(next?.value ?? null);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length >= MIN_SEARCH && found.isSuccess ? tc('plan.noOccasionsFound') : undefined}
      error={error}
    />
  );
}

function FollowUpForm({ plan, onSaved }: { plan: PlanDto; onSaved: (p: PlanDto) => void }) {
  const tc = useCareerT();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { nextReview: plan.nextReview, bennerStage: plan.bennerStage } });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => careerApi.updatePlan(plan.id, v),
    onSuccess: (fresh) => {
      onSaved(fresh);
      notifySuccess(tc('common.saved'));
    },
    onError: (e) => setFormError(applyServerErrors(form, e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Group align="flex-end">
        <TextInput type="date" label={tc('plans.nextReview')} {...form.getInputProps('nextReview')} />
        <NativeSelect
          label={tc('plans.stage')}
          data={BENNER_STAGES.map((s) => ({ value: s, label: tc(`stage.${s}`) }))}
          {...form.getInputProps('bennerStage')}
        />
        <Button type="submit" loading={save.isPending}>
          {tc('common.save')}
        </Button>
      </Group>
      <FormError message={formError} />
    </form>
  );
}
