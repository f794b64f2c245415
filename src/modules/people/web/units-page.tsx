// /people/units: the municipal admin's unit tree — add a unit under another, rename it, give it a code and a kind,
// move it, deactivate it (refused while people or active sub-units use it), and choose its managers.
import { Button, Checkbox, NativeSelect, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { useModalFormSave } from '../../../platform/web/components/use-modal-form-save.ts';
import { UNIT_KINDS, type UnitDto, type UnitKind, type UnitTreeDto } from '../people.contracts.ts';
import { managerCandidatesQuery, peopleApi, unitTreeQuery, usePeopleT } from './people-api.ts';
import { MunicipalitySelect, useIsRegion } from './people-shared.tsx';

export type UnitsSearch = { municipalityId?: string };

export function UnitsPage({ search }: { search: UnitsSearch }) {
  const pt = usePeopleT();
  const region = useIsRegion();
  const navigate = useNavigate({ from: '/people/units' });
  const tree = useQuery({
    ...unitTreeQuery(search.municipalityId),
    enabled: !region || Boolean(search.municipalityId),
  });
  const [editing, setEditing] = useState<UnitDto | 'new' | null>(null);
  const [managing, setManaging] = useState<UnitDto | null>(null);
  const depth = depthsOf(tree.data?.units ?? []);
  return (
    <Page
      title={pt('units.title')}
      actions={tree.data?.canManageUnits ? <Button onClick={() => setEditing('new')}>{pt('units.add')}</Button> : null}
    >
      <Text>{pt('units.intro')}</Text>
      {region ? (
        <MunicipalitySelect
          label={pt('list.municipality')}
          value={search.municipalityId}
          onChange={(municipalityId) => navigate({ search: { municipalityId }, replace: true })}
        />
      ) : null}
      {region && !search.municipalityId ? <Text>{pt('list.chooseMunicipality')}</Text> : null}
      {tree.isPending && tree.fetchStatus !== 'idle' ? <Loading /> : null}
      {tree.isError ? <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      {tree.data?.municipality ? (
        <DataTable
          label={pt('units.table', { name: tree.data.municipality.name })}
          empty={tree.data.units.length === 0}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{pt('units.name')}</Table.Th>
              <Table.Th scope="col">{pt('units.kind')}</Table.Th>
              <Table.Th scope="col">{pt('units.code')}</Table.Th>
              <Table.Th scope="col">{pt('units.managers')}</Table.Th>
              <Table.Th scope="col">{pt('units.staff')}</Table.Th>
              <Table.Th scope="col">{pt('units.active')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{pt('person.edit')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tree.data.units.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Th scope="row" style={{ paddingLeft: `calc(${depth.get(u.id) ?? 0} * 1.25rem + 0.5rem)` }}>
                  {u.name}
                </Table.Th>
                <Table.Td>{pt(`kinds.${u.kind}`)}</Table.Td>
                <Table.Td>{u.code ?? '–'}</Table.Td>
                <Table.Td>
                  {u.managers.length ? u.managers.map((m) => m.name).join(', ') : pt('units.noManagers')}
                </Table.Td>
                <Table.Td>{u.personCount}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={u.active ? 'positive' : 'neutral'}>
                    {u.active ? pt('units.active') : pt('units.inactive')}
                  </StatusBadge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(u)}
                      aria-label={pt('units.editUnit', { name: u.name })}
                    >
                      {pt('person.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setManaging(u)}
                      aria-label={pt('units.setManagers', { name: u.name })}
                    >
                      {pt('units.managers')}
                    </Button>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      ) : null}
      {editing && tree.data ? (
        <UnitFormModal
          tree={tree.data}
          unit={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {managing && tree.data?.municipality ? (
        <ManagersModal municipalityId={tree.data.municipality.id} unit={managing} onClose={() => setManaging(null)} />
      ) : null}
    </Page>
  );
}

function depthsOf(units: UnitDto[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const depth = new Map<string, number>();
  for (const u of units) {
    let d = 0;
    for (let at = u.parentId; at && d < units.length; at = byId.get(at)?.parentId ?? null) d++;
    depth.set(u.id, d);
  }
  return depth;
}

type UnitValues = { name: string; code: string; kind: UnitKind | ''; parentId: string; active: boolean };

function UnitFormModal({ tree, unit, onClose }: { tree: UnitTreeDto; unit?: UnitDto; onClose: () => void }) {
  const pt = usePeopleT();
  const form = useForm<UnitValues>({
    initialValues: {
      name: unit?.name ?? '',
      code: unit?.code ?? '',
      kind: unit?.kind ?? '',
      parentId: unit?.parentId ?? '',
      active: unit?.active ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : pt('form.required')),
      kind: (v) => (v ? null : pt('form.required')),
    },
  });
  const modal = useModalFormSave({
    form,
    save: (v: UnitValues) => {
      const body = { name: v.name, code: v.code, kind: v.kind as UnitKind, parentId: v.parentId || null };
      return unit
        ? peopleApi.updateUnit(unit.id, { ...body, active: v.active })
        : peopleApi.createUnit({ ...body, municipalityId: tree.municipality?.id });
    },
    invalidates: ['people'],
    savedMessage: (saved: UnitDto) => (unit ? pt('units.saved') : pt('units.created', { name: saved.name })),
    onClose,
  });
  const parents = tree.units.filter((u) => u.id !== unit?.id);
  return (
    <AppModal opened onClose={onClose} title={unit ? pt('units.editTitle', { name: unit.name }) : pt('units.addTitle')}>
      <ModalForm {...modal} submitLabel={unit ? pt('retention.save') : pt('units.add')}>
        <TextInput label={pt('units.name')} required data-autofocus {...form.getInputProps('name')} />
        <NativeSelect
          label={pt('units.kind')}
          required
          data={[
            { value: '', label: pt('form.choose') },
            ...UNIT_KINDS.map((k) => ({ value: k, label: pt(`kinds.${k}`) })),
          ]}
          {...form.getInputProps('kind')}
        />
        <NativeSelect
          label={pt('units.parent')}
          data={[{ value: '', label: pt('units.top') }, ...parents.map((u) => ({ value: u.id, label: u.name }))]}
          {...form.getInputProps('parentId')}
        />
        <TextInput label={pt('units.code')} description={pt('units.codeHelp')} {...form.getInputProps('code')} />
        {unit ? <Checkbox label={pt('units.active')} {...form.getInputProps('active', { type: 'checkbox' })} /> : null}
      </ModalForm>
    </AppModal>
  );
}

function ManagersModal({
  municipalityId,
  unit,
  onClose,
}: {
  municipalityId: string;
  unit: UnitDto;
  onClose: () => void;
}) {
  const pt = usePeopleT();
  const candidates = useQuery(managerCandidatesQuery(municipalityId));
  const form = useForm<{ userIds: string[] }>({ initialValues: { userIds: unit.managers.map((m) => m.userId) } });
  const modal = useModalFormSave({
    form,
    save: (v: { userIds: string[] }) => peopleApi.setManagers(unit.id, v.userIds),
    invalidates: ['people'],
    savedMessage: () => pt('units.saved'),
    onClose,
  });
  return (
    <AppModal opened onClose={onClose} title={pt('units.managersTitle', { name: unit.name })}>
      <ModalForm {...modal} submitLabel={pt('retention.save')}>
        {candidates.isPending ? <Loading /> : null}
        {candidates.data?.candidates.length === 0 ? <Text>{pt('units.noCandidates')}</Text> : null}
        {candidates.data && candidates.data.candidates.length > 0 ? (
          <Checkbox.Group
            label={pt('units.managers')}
            description={pt('units.managersHelp')}
            {...form.getInputProps('userIds')}
          >
            <Stack gap="xs" mt="xs">
              {candidates.data.candidates.map((c) => (
                <Checkbox key={c.userId} value={c.userId} label={`${c.name} (${c.email})`} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
      </ModalForm>
    </AppModal>
  );
}
