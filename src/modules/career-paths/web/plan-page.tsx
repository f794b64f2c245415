// /career-paths/plans/$planId: the manager's page of one development plan — the plan, its education (add a catalogue
// item or one's own, mark done), the next review and the Benner stage.
import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { BENNER_STAGES, type PlanDto } from '../career-paths.contracts.ts';
import { careerApi, catalogueChoicesQuery, modelQuery, planQuery } from './career-paths-api.ts';
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
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { refId: '', title: '', year: '' as number | '', cost: 0 as number | '', funded: 0 as number | '' },
  });
  const add = useMutation({
    mutationFn: (v: typeof form.values) =>
      careerApi.addEducation(planId, {
        kind: v.refId ? 'catalogue' : 'other',
        refId: v.refId || null,
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
      notifySuccess(tc('common.saved'));
    },
    onError: (e) => setFormError(applyServerErrors(form, e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
      <Stack maw={720}>
        <Text size="sm">{tc('plan.educationHelp')}</Text>
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
