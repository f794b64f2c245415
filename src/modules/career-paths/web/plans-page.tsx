// /career-paths/plans: the manager's development plans (persons of their units; the municipal admin's whole
// municipality) with the next review, and a new plan for a person of the staff register.
import { Button, Group, NativeSelect, NumberInput, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { BENNER_STAGES, FUNDING_SOURCES } from '../career-paths.contracts.ts';
import { careerApi, modelQuery, personChoicesQuery, plansQuery } from './career-paths-api.ts';
import { useCareerT, useRoleName } from './career-paths-t.ts';

export function PlansPage() {
  const tc = useCareerT();
  const roleName = useRoleName();
  const fmt = useFormat();
  const plans = useQuery(plansQuery());
  const model = useQuery(modelQuery());
  const roles = model.data?.current?.model.roles ?? [];
  const [creating, setCreating] = useState(false);
  return (
    <Page title={tc('plans.title')} actions={<Button onClick={() => setCreating(true)}>{tc('plans.create')}</Button>}>
      <Text>{tc('plans.intro')}</Text>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.data?.plans.length === 0 ? <Text role="status">{tc('plans.none')}</Text> : null}
      {plans.data?.plans.length ? (
        <Table.ScrollContainer minWidth={800} type="native" role="region" tabIndex={0} aria-label={tc('plans.caption')}>
          <Table striped>
            <Table.Caption>{tc('plans.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tc('plans.person')}</Table.Th>
                <Table.Th>{tc('plans.unit')}</Table.Th>
                <Table.Th>{tc('plans.current')}</Table.Th>
                <Table.Th>{tc('plans.target')}</Table.Th>
                <Table.Th>{tc('plans.stage')}</Table.Th>
                <Table.Th>{tc('plans.education')}</Table.Th>
                <Table.Th>{tc('plans.nextReview')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.data.plans.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">
                    <RouterAnchor to="/career-paths/plans/$planId" params={{ planId: p.id }}>
                      {p.person.name}
                    </RouterAnchor>
                  </Table.Th>
                  <Table.Td>{p.person.unitName}</Table.Td>
                  <Table.Td>{roleName(roles, p.currentRoleKey)}</Table.Td>
                  <Table.Td>{roleName(roles, p.targetRoleKey)}</Table.Td>
                  <Table.Td>{tc(`stage.${p.bennerStage}`)}</Table.Td>
                  <Table.Td>{tc('plans.educationCounts', { planned: p.planned, completed: p.completed })}</Table.Td>
                  <Table.Td>{fmt.date(p.nextReview)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <AppModal opened={creating} onClose={() => setCreating(false)} title={tc('plans.createTitle')} size="lg">
        {creating ? <PlanForm onDone={() => setCreating(false)} /> : null}
      </AppModal>
    </Page>
  );
}

function PlanForm({ onDone }: { onDone: () => void }) {
  const tc = useCareerT();
  const roleName = useRoleName();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const model = useQuery(modelQuery());
  const roles = model.data?.current?.model.roles ?? [];
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const persons = useQuery(personChoicesQuery(debounced));
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      personId: '',
      currentRoleKey: '',
      targetRoleKey: '',
      bennerStage: 'novice' as (typeof BENNER_STAGES)[number],
      targetYear: '' as number | '',
      fundingSource: 'aldreomsorgslyftet' as (typeof FUNDING_SOURCES)[number],
      fundingNote: '',
      nextReview: '',
      note: '',
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      careerApi.createPlan({ ...v, targetYear: v.targetYear === '' ? null : v.targetYear }),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: ['career-paths'] });
      notifySuccess(tc('plans.created', { name: plan.person.name }));
      onDone();
      await navigate({ to: '/career-paths/plans/$planId', params: { planId: plan.id } });
    },
    onError: (e) => setFormError(applyServerErrors(form, e)),
  });
  const roleOptions = [
    { value: '', label: tc('common.choose') },
    ...roles.map((r) => ({ value: r.key, label: roleName(roles, r.key) })),
  ];
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack>
        <TextInput label={tc('plans.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <NativeSelect
          label={tc('plans.person')}
          required
          data={[
            { value: '', label: tc('common.choose') },
            ...(persons.data?.persons ?? []).map((p) => ({ value: p.id, label: `${p.name} – ${p.unitName}` })),
          ]}
          {...form.getInputProps('personId')}
          onChange={(e) => {
            const id = e.currentTarget.value;
            form.setFieldValue('personId', id);
            const p = persons.data?.persons.find((x) => x.id === id);
            const role = roles.find((r) => r.professionKey === p?.professionKey);
            if (role) form.setFieldValue('currentRoleKey', role.key);
          }}
        />
        <Group grow>
          <NativeSelect
            label={tc('plans.current')}
            required
            data={roleOptions}
            {...form.getInputProps('currentRoleKey')}
          />
          <NativeSelect
            label={tc('plans.target')}
            required
            data={roleOptions}
            {...form.getInputProps('targetRoleKey')}
          />
        </Group>
        <Group grow>
          <NativeSelect
            label={tc('plans.stage')}
            description={tc('plans.stageHelp')}
            data={BENNER_STAGES.map((s) => ({ value: s, label: tc(`stage.${s}`) }))}
            {...form.getInputProps('bennerStage')}
          />
          <NumberInput label={tc('plans.targetYear')} min={2000} max={2100} {...form.getInputProps('targetYear')} />
        </Group>
        <Group grow>
          <NativeSelect
            label={tc('plans.funding')}
            data={FUNDING_SOURCES.map((s) => ({ value: s, label: tc(`funding.${s}`) }))}
            {...form.getInputProps('fundingSource')}
          />
          <TextInput type="date" label={tc('plans.nextReview')} required {...form.getInputProps('nextReview')} />
        </Group>
        <TextInput label={tc('plans.fundingNote')} {...form.getInputProps('fundingNote')} />
        <Textarea label={tc('plans.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {tc('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
