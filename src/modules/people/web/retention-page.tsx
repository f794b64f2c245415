// /people/retention: every retention rule of every module in one table — what is kept, for how long, and how the
// rule is carried out — with the periods the region may choose (the regional admin saves them), and what the staff
// register's rule would anonymise tonight.
import { Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { RetentionRuleDto } from '../people.contracts.ts';
import { peopleApi, retentionQuery, usePeopleT } from './people-api.ts';

export function RetentionPage() {
  const pt = usePeopleT();
  const query = useQuery(retentionQuery());
  return (
    <Page title={pt('retention.title')}>
      <Text>{pt('retention.intro')}</Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <Text fw={600} role="status">
            {pt('retention.due', query.data.due)}
          </Text>
          <DataTable label={pt('retention.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{pt('retention.data')}</Table.Th>
                <Table.Th scope="col">{pt('retention.rule')}</Table.Th>
                <Table.Th scope="col">{pt('retention.enforcement')}</Table.Th>
                <Table.Th scope="col">{pt('retention.period')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.rules.map((rule) => (
                <Table.Tr key={rule.key}>
                  <Table.Th scope="row">{rule.data}</Table.Th>
                  <Table.Td>{rule.rule}</Table.Td>
                  <Table.Td>{rule.enforcement}</Table.Td>
                  <Table.Td miw={220}>
                    {rule.months === null ? (
                      pt('retention.fixed')
                    ) : query.data.canConfigure ? (
                      <PeriodForm rule={rule} />
                    ) : (
                      `${rule.months} ${pt('retention.months').toLowerCase()}`
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        </>
      ) : null}
    </Page>
  );
}

function PeriodForm({ rule }: { rule: RetentionRuleDto }) {
  const pt = usePeopleT();
  const queryClient = useQueryClient();
  const [months, setMonths] = useState<number | string>(rule.months ?? '');
  const save = useMutation({
    mutationFn: () => peopleApi.setRetention(rule.key, Number(months)),
    onSuccess: async (fresh) => {
      queryClient.setQueryData(retentionQuery().queryKey, fresh);
      notifySuccess(pt('retention.saved'));
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Group gap="xs" align="end" wrap="nowrap">
        <NumberInput
          label={pt('retention.months')}
          aria-label={pt('retention.monthsFor', { data: rule.data })}
          description={pt('retention.monthsHelp', {
            min: rule.minMonths,
            max: rule.maxMonths,
            default: rule.defaultMonths,
          })}
          min={rule.minMonths ?? undefined}
          max={rule.maxMonths ?? undefined}
          allowDecimal={false}
          w={110}
          value={months}
          onChange={setMonths}
          error={save.isError ? errorMessage(save.error) : undefined}
        />
        <Button
          type="submit"
          size="sm"
          loading={save.isPending}
          aria-label={pt('retention.saveFor', { data: rule.data })}
        >
          {pt('retention.save')}
        </Button>
      </Group>
    </form>
  );
}
