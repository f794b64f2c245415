// /career-paths/municipalities/$municipalityId/budget: what the move toward the model costs — the inputs the
// municipality enters (monthly salary per role, on-cost, its own planned moves), the moves from development plans, and
// the yearly budget effect, with the calculation explained in words; XLSX.
import { Anchor, Button, Group, List, NativeSelect, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { BudgetDto, BudgetInputs } from '../career-paths.contracts.ts';
import { budgetQuery, careerApi, careerFileUrl } from './career-paths-api.ts';
import { useCareerT } from './career-paths-t.ts';

export function BudgetPage({ municipalityId }: { municipalityId: string }) {
  const tc = useCareerT();
  const budget = useQuery(budgetQuery(municipalityId));
  if (budget.isPending) return <Loading />;
  if (budget.isError) return <ErrorAlert error={budget.error} onRetry={() => void budget.refetch()} />;
  const b = budget.data;
  return (
    <Page title={tc('budget.title', { name: b.municipality.name })}>
      <Text>{tc('budget.intro')}</Text>
      <List size="sm">
        <List.Item>{tc('budget.explainMove')}</List.Item>
        <List.Item>{tc('budget.explainSalary')}</List.Item>
        <List.Item>{tc('budget.explainEducation')}</List.Item>
        <List.Item>{tc('budget.explainNet')}</List.Item>
      </List>
      <Anchor href={careerFileUrl.budget(municipalityId)} download>
        {tc('budget.xlsx')}
      </Anchor>
      <BudgetResult b={b} />
      <Title order={2}>{tc('budget.inputs')}</Title>
      <InputsForm b={b} municipalityId={municipalityId} />
    </Page>
  );
}

function BudgetResult({ b }: { b: BudgetDto }) {
  const tc = useCareerT();
  const { i18n } = useTranslation();
  const fmt = (n: number) =>
    new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 0 }).format(n);
  const name = (k: string) => b.roles.find((r) => r.key === k)?.name ?? k;
  return (
    <Stack>
      {b.missingSalaries.length ? (
        <Text role="status">{tc('budget.missing', { roles: b.missingSalaries.map(name).join(', ') })}</Text>
      ) : null}
      <Table.ScrollContainer minWidth={640} type="native">
        <Table striped>
          <Table.Caption>{tc('budget.resultCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('budget.year')}</Table.Th>
              <Table.Th ta="right">{tc('budget.moves')}</Table.Th>
              <Table.Th ta="right">{tc('budget.salaryEffect')}</Table.Th>
              <Table.Th ta="right">{tc('budget.educationCost')}</Table.Th>
              <Table.Th ta="right">{tc('budget.funding')}</Table.Th>
              <Table.Th ta="right">{tc('budget.net')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...b.years.map((y) => ({ ...y, label: String(y.year) })), { ...b.total, label: tc('budget.total') }].map(
              (y) => (
                <Table.Tr key={y.label}>
                  <Table.Th scope="row">{y.label}</Table.Th>
                  <Table.Td ta="right">{y.moves}</Table.Td>
                  <Table.Td ta="right">{fmt(y.salaryEffect)}</Table.Td>
                  <Table.Td ta="right">{fmt(y.educationCost)}</Table.Td>
                  <Table.Td ta="right">{fmt(y.funding)}</Table.Td>
                  <Table.Td ta="right">{fmt(y.net)}</Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table>
          <Table.Caption>{tc('budget.movesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('budget.source')}</Table.Th>
              <Table.Th>{tc('model.from')}</Table.Th>
              <Table.Th>{tc('model.to')}</Table.Th>
              <Table.Th>{tc('budget.year')}</Table.Th>
              <Table.Th ta="right">{tc('budget.count')}</Table.Th>
              <Table.Th ta="right">{tc('budget.perYear')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.moves.map((m) => (
              <Table.Tr key={`${m.source}-${m.fromRole}-${m.toRole}-${m.year}-${m.count}-${m.yearlySalaryEffect}`}>
                <Table.Td>{tc(`budget.source_${m.source}`)}</Table.Td>
                <Table.Td>{name(m.fromRole)}</Table.Td>
                <Table.Td>{name(m.toRole)}</Table.Td>
                <Table.Td>{m.year}</Table.Td>
                <Table.Td ta="right">{m.count}</Table.Td>
                <Table.Td ta="right">{fmt(m.yearlySalaryEffect)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function InputsForm({ b, municipalityId }: { b: BudgetDto; municipalityId: string }) {
  const tc = useCareerT();
  const queryClient = useQueryClient();
  const [inputs, setInputs] = useState<BudgetInputs>(b.inputs);
  useEffect(() => setInputs(b.inputs), [b.inputs]);
  const save = useMutation({
    mutationFn: () => careerApi.saveBudget(municipalityId, inputs),
    onSuccess: (fresh) => {
      queryClient.setQueryData(budgetQuery(municipalityId).queryKey, fresh);
      notifySuccess(tc('common.saved'));
    },
  });
  const num = (v: string | number) => (typeof v === 'number' ? v : 0);
  const ro = !b.canManage;
  const options = b.roles.map((r) => ({ value: r.key, label: r.name }));
  return (
    <Stack>
      <Group>
        <NumberInput
          label={tc('budget.startYear')}
          w={140}
          readOnly={ro}
          value={inputs.startYear}
          onChange={(v) => setInputs({ ...inputs, startYear: num(v) })}
        />
        <NumberInput
          label={tc('budget.years')}
          w={140}
          min={1}
          max={10}
          readOnly={ro}
          value={inputs.years}
          onChange={(v) => setInputs({ ...inputs, years: num(v) })}
        />
        <NumberInput
          label={tc('budget.onCost')}
          w={180}
          suffix=" %"
          readOnly={ro}
          value={inputs.onCostPercent}
          onChange={(v) => setInputs({ ...inputs, onCostPercent: num(v) })}
        />
      </Group>
      <Title order={3}>{tc('budget.salaries')}</Title>
      <Group>
        {b.roles.map((r) => (
          <NumberInput
            key={r.key}
            w={200}
            label={r.name}
            suffix=" kr"
            thousandSeparator=" "
            readOnly={ro}
            value={inputs.monthlySalary[r.key] ?? ''}
            onChange={(v) => {
              const next = { ...inputs.monthlySalary };
              if (typeof v === 'number') next[r.key] = v;
              else delete next[r.key];
              setInputs({ ...inputs, monthlySalary: next });
            }}
          />
        ))}
      </Group>
      <Title order={3}>{tc('budget.extraMoves')}</Title>
      <Text size="sm">{tc('budget.extraHelp')}</Text>
      {inputs.extraMoves.map((m, i) => {
        const set = (patch: Partial<typeof m>) =>
          setInputs({ ...inputs, extraMoves: inputs.extraMoves.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are edited in place and have no identity of their own
          <Group key={`move-${i}`} align="flex-end">
            <NativeSelect
              label={tc('model.from')}
              data={options}
              value={m.fromRole}
              disabled={ro}
              onChange={(e) => set({ fromRole: e.currentTarget.value })}
            />
            <NativeSelect
              label={tc('model.to')}
              data={options}
              value={m.toRole}
              disabled={ro}
              onChange={(e) => set({ toRole: e.currentTarget.value })}
            />
            <NumberInput
              label={tc('budget.year')}
              w={110}
              readOnly={ro}
              value={m.year}
              onChange={(v) => set({ year: num(v) })}
            />
            <NumberInput
              label={tc('budget.count')}
              w={100}
              readOnly={ro}
              value={m.count}
              onChange={(v) => set({ count: num(v) })}
            />
            <NumberInput
              label={tc('budget.educationPerPerson')}
              w={170}
              readOnly={ro}
              value={m.educationCost}
              onChange={(v) => set({ educationCost: num(v) })}
            />
            <NumberInput
              label={tc('budget.fundedPerPerson')}
              w={170}
              readOnly={ro}
              value={m.funded}
              onChange={(v) => set({ funded: num(v) })}
            />
            {ro ? null : (
              <Button
                variant="subtle"
                onClick={() => setInputs({ ...inputs, extraMoves: inputs.extraMoves.filter((_, j) => j !== i) })}
              >
                {tc('common.remove')}
              </Button>
            )}
          </Group>
        );
      })}
      {ro ? null : (
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setInputs({
                ...inputs,
                extraMoves: [
                  ...inputs.extraMoves,
                  {
                    fromRole: 'vardbitrade',
                    toRole: 'underskoterska',
                    year: inputs.startYear,
                    count: 1,
                    educationCost: 0,
                    funded: 0,
                  },
                ],
              })
            }
          >
            {tc('budget.addMove')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {tc('budget.calculate')}
          </Button>
        </Group>
      )}
      <FormError message={save.isError ? errorMessage(save.error) : null} />
    </Stack>
  );
}
