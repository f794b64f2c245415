// /people: the staff register — the unit tree beside a sortable, filterable, paged list of the persons the user may
// see (a manager: their units'). Filters, sorting and the page live in the address, so a view can be shared and the
// back button works. Sorting is done by the server (the list is paged), in Swedish order.
import {
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { PagePagination } from '../../../platform/web/components/page-pagination.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { EMPLOYMENT_FORMS, PEOPLE_LIMITS, type PersonSort, type PersonSummaryDto } from '../people.contracts.ts';
import { type PersonSearch, personsQuery, unitTreeQuery, usePeopleT } from './people-api.ts';
import { MunicipalitySelect, useIsRegion, useProfessionName } from './people-shared.tsx';
import { PersonFormModal } from './person-form-modal.tsx';
import { UnitTree } from './unit-tree.tsx';

export function PeoplePage({ search }: { search: PersonSearch }) {
  const pt = usePeopleT();
  const region = useIsRegion();
  const format = useFormat();
  const navigate = useNavigate({ from: '/people' });
  const [adding, setAdding] = useState(false);
  const tree = useQuery(unitTreeQuery(search.municipalityId));
  const query = { ...search, page: search.page ?? 1, pageSize: search.pageSize ?? 25 };
  const persons = useQuery({ ...personsQuery(query), placeholderData: keepPreviousData });
  const router = useRouter();
  const setSearch = (changes: PersonSearch) => {
    // The search box applies its text after a pause: by then the user may have opened a person, whose page (loaded
    // on first visit) keeps this one on screen a moment longer. Changing the list's search then would take them back.
    if (router.state.location.pathname !== '/people') return;
    navigate({ search: (previous: PersonSearch) => ({ ...previous, ...changes, page: changes.page }), replace: true });
  };
  const visible = new Set(tree.data?.visibleUnitIds ?? []);

  return (
    <Page
      title={pt('list.title')}
      actions={
        tree.data?.canManagePeople ? (
          <Group gap="sm">
            <Button onClick={() => setAdding(true)}>{pt('list.add')}</Button>
            <RouterAnchor to="/people/import" fw={600}>
              {pt('list.importLink')}
            </RouterAnchor>
          </Group>
        ) : null
      }
    >
      <Text>{pt('list.intro')}</Text>
      {region ? (
        <MunicipalitySelect
          label={pt('list.municipality')}
          value={search.municipalityId}
          emptyLabel={pt('list.allMunicipalities')}
          onChange={(municipalityId) => setSearch({ municipalityId, unitId: undefined })}
        />
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm" component="section" aria-labelledby="people-tree-heading">
            <Title order={2} size="h4" id="people-tree-heading" mb="xs">
              {pt('list.tree')}
            </Title>
            {tree.isPending ? <Loading /> : null}
            {tree.isError ? <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} /> : null}
            {tree.data && !tree.data.municipality ? <Text size="sm">{pt('list.chooseMunicipality')}</Text> : null}
            {tree.data?.municipality && tree.data.units.length > 0 ? (
              <UnitTree
                units={tree.data.units}
                visible={visible}
                selected={search.unitId}
                onSelect={(unitId) => setSearch({ unitId })}
              />
            ) : null}
            {tree.data?.municipality && visible.size === 0 ? <Text size="sm">{pt('list.notInTree')}</Text> : null}
            {tree.data?.canManageUnits ? (
              <RouterAnchor
                to="/people/units"
                search={{ municipalityId: search.municipalityId }}
                size="sm"
                mt="sm"
                display="block"
              >
                {pt('list.unitsLink')}
              </RouterAnchor>
            ) : null}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Filters search={search} professions={tree.data?.professions ?? []} onChange={setSearch} />
            {persons.isPending ? <Loading /> : null}
            {persons.isError ? <ErrorAlert error={persons.error} onRetry={() => void persons.refetch()} /> : null}
            {persons.data ? (
              <>
                <Text fw={600} role="status">
                  {persons.data.totalCapped
                    ? pt('list.countCapped', { count: format.number(persons.data.total) })
                    : pt('list.count', { count: persons.data.total })}
                </Text>
                {persons.data.items.length === 0 ? (
                  <Text>{pt('list.none')}</Text>
                ) : (
                  <PersonsTable
                    rows={persons.data.items}
                    professions={tree.data?.professions}
                    showMunicipality={region && !search.municipalityId}
                    sort={search.sort ?? 'name'}
                    dir={search.dir ?? 'asc'}
                    onSort={(sort, dir) => setSearch({ sort, dir })}
                  />
                )}
                <Group justify="space-between" align="end">
                  <PagePagination
                    total={persons.data.total}
                    page={query.page}
                    pageSize={query.pageSize}
                    onChange={(page) => setSearch({ page })}
                  />
                  <NativeSelect
                    label={pt('list.pageSize')}
                    w={140}
                    data={PEOPLE_LIMITS.pageSizes.map((n) => String(n))}
                    value={String(query.pageSize)}
                    onChange={(event) => setSearch({ pageSize: Number(event.currentTarget.value) })}
                  />
                </Group>
              </>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
      {adding && tree.data ? <PersonFormModal tree={tree.data} onClose={() => setAdding(false)} /> : null}
    </Page>
  );
}

type FiltersProps = {
  search: PersonSearch;
  professions: { key: string; name: string; nameEn: string }[];
  onChange: (changes: PersonSearch) => void;
};

function Filters({ search, professions, onChange }: FiltersProps) {
  const pt = usePeopleT();
  const professionName = useProfessionName(professions);
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  // The search follows typing after a short pause, so each key does not ask the server.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((search.q ?? '') !== q.trim()) onChange({ q: q.trim() || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [q, search.q, onChange]);
  return (
    <Paper withBorder p="md" component="section" aria-label={pt('list.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput label={pt('list.search')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <NativeSelect
          label={pt('list.profession')}
          data={[
            { value: '', label: pt('list.all') },
            ...professions.map((p) => ({ value: p.key, label: professionName(p.key) })),
          ]}
          value={search.profession ?? ''}
          onChange={(e) => onChange({ profession: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={pt('list.form')}
          data={[
            { value: '', label: pt('list.all') },
            ...EMPLOYMENT_FORMS.map((f) => ({ value: f, label: pt(`forms.${f}`) })),
          ]}
          value={search.form ?? ''}
          onChange={(e) => onChange({ form: (e.currentTarget.value || undefined) as PersonSearch['form'] | undefined })}
        />
        <NativeSelect
          label={pt('list.status')}
          data={[
            { value: 'current', label: pt('list.statusCurrent') },
            { value: 'ended', label: pt('list.statusEnded') },
            { value: 'all', label: pt('list.statusAll') },
          ]}
          value={search.status ?? 'current'}
          onChange={(e) => onChange({ status: e.currentTarget.value as PersonSearch['status'] })}
        />
      </SimpleGrid>
    </Paper>
  );
}

type PersonsTableProps = {
  rows: PersonSummaryDto[];
  professions: { key: string; name: string; nameEn: string }[] | undefined;
  showMunicipality: boolean;
  sort: PersonSort;
  dir: 'asc' | 'desc';
  onSort: (sort: PersonSort, dir: 'asc' | 'desc') => void;
};

function PersonsTable({ rows, professions, showMunicipality, sort, dir, onSort }: PersonsTableProps) {
  const pt = usePeopleT();
  const format = useFormat();
  const professionName = useProfessionName(professions);
  const header = (column: PersonSort, label: string) => {
    const active = sort === column;
    return (
      <Table.Th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <UnstyledButton
          fw={700}
          fz="sm"
          onClick={() => onSort(column, active && dir === 'asc' ? 'desc' : 'asc')}
          aria-label={pt('list.sortBy', { column: label })}
        >
          {label} <span aria-hidden="true">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <DataTable label={pt('list.table')}>
      <Table.Thead>
        <Table.Tr>
          {header('name', pt('fields.name'))}
          {header('employeeNumber', pt('fields.employeeNumber'))}
          {showMunicipality ? <Table.Th scope="col">{pt('fields.municipality')}</Table.Th> : null}
          {header('unit', pt('fields.unit'))}
          {header('profession', pt('fields.profession'))}
          <Table.Th scope="col">{pt('fields.employmentForm')}</Table.Th>
          {header('rate', pt('fields.employmentRate'))}
          {header('start', pt('fields.employmentStart'))}
          {header('end', pt('fields.employmentEnd'))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Th scope="row">
              <RouterAnchor to="/people/$personId" params={{ personId: p.id }}>
                {p.lastName}, {p.firstName}
              </RouterAnchor>
            </Table.Th>
            <Table.Td>{p.employeeNumber ?? '–'}</Table.Td>
            {showMunicipality ? <Table.Td>{p.municipalityName}</Table.Td> : null}
            <Table.Td>{p.unitName}</Table.Td>
            <Table.Td>{professionName(p.professionKey)}</Table.Td>
            <Table.Td>{pt(`forms.${p.employmentForm}`)}</Table.Td>
            <Table.Td>{p.employmentRate === null ? '–' : `${format.number(p.employmentRate)} %`}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.employmentStart}</Table.Td>
            <Table.Td>
              {p.current ? (
                (p.employmentEnd ?? <StatusBadge tone="positive">{pt('list.current')}</StatusBadge>)
              ) : (
                <StatusBadge tone="neutral">{pt('list.ended', { date: p.employmentEnd ?? '' })}</StatusBadge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}
