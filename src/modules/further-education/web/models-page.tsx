// /further-education/models: the training models compared side by side (parameters as rows, models as columns), and
// for the region's admin a form per model (the parameters are data).
import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { ModelDto, ModelInput } from '../further-education.contracts.ts';
import { modelsQuery, optionsQuery, send } from './further-education-api.ts';
import { useFurtherEducationT } from './further-education-t.ts';

type Row = { key: string; label: string; value: (m: ModelDto) => string };

export function ModelsPage() {
  const ft = useFurtherEducationT();
  const models = useQuery(modelsQuery());
  const options = useQuery(optionsQuery());
  const [editing, setEditing] = useState<ModelDto | 'new' | null>(null);
  const professionName = (key: string) => options.data?.professions.find((p) => p.key === key)?.name ?? key;
  const yesNo = (v: boolean) => (v ? ft('models.yes') : ft('models.no'));
  const rows: Row[] = [
    { key: 'professions', label: ft('models.professions'), value: (m) => m.professions.map(professionName).join(', ') },
    { key: 'payPercent', label: ft('models.payPercent'), value: (m) => `${m.payPercent} %` },
    { key: 'studyPacePercent', label: ft('models.studyPacePercent'), value: (m) => `${m.studyPacePercent} %` },
    {
      key: 'clinicalPercent',
      label: ft('models.clinicalPercent'),
      value: (m) => (m.clinicalPercent === null ? ft('models.notStated') : `${m.clinicalPercent} %`),
    },
    { key: 'lengthMonths', label: ft('models.lengthMonths'), value: (m) => String(m.lengthMonths) },
    { key: 'specialistPostAfter', label: ft('models.specialistPostAfter'), value: (m) => yesNo(m.specialistPostAfter) },
    {
      key: 'bindingMonths',
      label: ft('models.bindingMonths'),
      value: (m) => (m.bindingMonths === 0 ? ft('models.noBinding') : String(m.bindingMonths)),
    },
    { key: 'costs', label: ft('models.costs'), value: (m) => m.costs || '–' },
    { key: 'notes', label: ft('models.notes'), value: (m) => m.notes || '–' },
  ];
  const list = models.data?.models ?? [];
  return (
    <Page
      title={ft('models.title')}
      actions={models.data?.canEdit ? <Button onClick={() => setEditing('new')}>{ft('models.create')}</Button> : null}
    >
      <Text>{ft('models.intro')}</Text>
      {models.isPending ? <Loading /> : null}
      {models.isError ? <ErrorAlert error={models.error} onRetry={() => void models.refetch()} /> : null}
      {models.data ? (
        <DataTable label={ft('models.comparison')} empty={list.length === 0}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{ft('models.parameter')}</Table.Th>
              {list.map((m) => (
                <Table.Th scope="col" key={m.id}>
                  {m.name}
                  {models.data.canEdit ? (
                    <Button ml="xs" size="compact-xs" variant="default" onClick={() => setEditing(m)}>
                      {ft('models.edit', { name: m.name })}
                    </Button>
                  ) : null}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row">{r.label}</Table.Th>
                {list.map((m) => (
                  <Table.Td key={m.id} style={{ whiteSpace: 'pre-line', verticalAlign: 'top' }}>
                    {r.value(m)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      ) : null}
      {editing ? (
        <ModelModal
          model={editing === 'new' ? null : editing}
          professions={(options.data?.professions ?? []).map((p) => ({ value: p.key, label: p.name }))}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Page>
  );
}

function ModelModal({
  model,
  professions,
  onClose,
}: {
  model: ModelDto | null;
  professions: { value: string; label: string }[];
  onClose: () => void;
}) {
  const ft = useFurtherEducationT();
  const queryClient = useQueryClient();
  const [v, setV] = useState<ModelInput>({
    name: model?.name ?? '',
    professions: model?.professions ?? [],
    payPercent: model?.payPercent ?? 100,
    studyPacePercent: model?.studyPacePercent ?? 50,
    clinicalPercent: model?.clinicalPercent ?? null,
    lengthMonths: model?.lengthMonths ?? 24,
    specialistPostAfter: model?.specialistPostAfter ?? true,
    bindingMonths: model?.bindingMonths ?? 0,
    costs: model?.costs ?? '',
    notes: model?.notes ?? '',
    active: model?.active ?? true,
  });
  const set = <K extends keyof ModelInput>(key: K, value: ModelInput[K]) => setV((old) => ({ ...old, [key]: value }));
  const num = (value: string | number) => (typeof value === 'number' ? value : Number(value) || 0);
  const save = useMutation({
    mutationFn: () => (model ? send(`/models/${model.id}`, 'PUT', v) : send('/models', 'POST', v)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['further-education'] });
      notifySuccess(ft('models.saved'));
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={model ? ft('models.edit', { name: model.name }) : ft('models.create')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={ft('models.name')}
            value={v.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            required
          />
          <MultiSelect
            label={ft('models.professions')}
            data={professions}
            value={v.professions}
            onChange={(p) => set('professions', p)}
          />
          <Group grow>
            <NumberInput
              label={ft('models.payPercent')}
              min={0}
              max={100}
              value={v.payPercent}
              onChange={(x) => set('payPercent', num(x))}
            />
            <NumberInput
              label={ft('models.studyPacePercent')}
              min={1}
              max={100}
              value={v.studyPacePercent}
              onChange={(x) => set('studyPacePercent', num(x))}
            />
            <NumberInput
              label={ft('models.clinicalPercent')}
              min={0}
              max={100}
              value={v.clinicalPercent ?? ''}
              onChange={(x) => set('clinicalPercent', x === '' ? null : num(x))}
            />
          </Group>
          <Group grow>
            <NumberInput
              label={ft('models.lengthMonths')}
              min={1}
              max={120}
              value={v.lengthMonths}
              onChange={(x) => set('lengthMonths', num(x))}
            />
            <NumberInput
              label={ft('models.bindingMonths')}
              min={0}
              max={120}
              value={v.bindingMonths}
              onChange={(x) => set('bindingMonths', num(x))}
            />
          </Group>
          <Checkbox
            label={ft('models.specialistPostAfter')}
            checked={v.specialistPostAfter}
            onChange={(e) => set('specialistPostAfter', e.currentTarget.checked)}
          />
          <Textarea
            label={ft('models.costs')}
            value={v.costs}
            onChange={(e) => set('costs', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Textarea
            label={ft('models.notes')}
            value={v.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <FormError message={save.isError ? errorMessage(save.error) : null} />
          <Button type="submit" loading={save.isPending}>
            {ft('models.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
