// /career-paths/draft: the regional admin edits the next version of the model — roles added or removed (a removed
// role's ways and matrix column go with it, after a confirmation that says so), each role's education requirement
// (confirming a default clears "to verify"), the ways between roles, tasks added or removed and the task matrix's
// cells — then publishes it with the decision's date. The server refuses a cycle in the ways, an unknown cell value or
// a role the municipalities' development plans still use, and nothing is saved.
import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { addRole, addTask, keyFromName, removeRole, removeTask, roleReferences } from '../career-model.ts';
import { type CareerModel, CELL_VALUES, type CellValue } from '../career-paths.contracts.ts';
import { careerApi, modelQuery, versionQuery } from './career-paths-api.ts';
import { useCareerT, useRoleName } from './career-paths-t.ts';

export function DraftPage() {
  const tc = useCareerT();
  const overview = useQuery(modelQuery());
  const draftVersion = overview.data?.draft?.version;
  const draft = useQuery({ ...versionQuery(draftVersion ?? 0), enabled: draftVersion !== undefined });
  if (overview.isPending || (draftVersion !== undefined && draft.isPending)) return <Loading />;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  if (draftVersion === undefined || !draft.data) {
    return (
      <Page title={tc('draft.title')}>
        <Text role="status">{tc('draft.none')}</Text>
      </Page>
    );
  }
  return <DraftEditor version={draftVersion} initial={draft.data.model} />;
}

function DraftEditor({ version, initial }: { version: number; initial: CareerModel }) {
  const tc = useCareerT();
  const roleName = useRoleName();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [model, setModel] = useState<CareerModel>(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setModel(initial), [initial]);
  const save = useMutation({
    mutationFn: () => careerApi.saveDraft(model),
    onSuccess: async () => {
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ['career-paths'] });
      notifySuccess(tc('draft.saved'));
    },
    onError: (e) => setError(errorDetails(e)),
  });
  const discard = useMutation({
    mutationFn: careerApi.discardDraft,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['career-paths'] });
      await navigate({ to: '/career-paths' });
    },
  });
  const setRole = (i: number, patch: Partial<CareerModel['roles'][number]['education']>) =>
    setModel((m) => ({
      ...m,
      roles: m.roles.map((r, j) => (j === i ? { ...r, education: { ...r.education, ...patch } } : r)),
    }));
  const setCell = (taskKey: string, roleKey: string, value: CellValue) =>
    setModel((m) => ({
      ...m,
      tasks: m.tasks.map((t) =>
        t.key === taskKey
          ? { ...t, cells: { ...t.cells, [roleKey]: { value, note: t.cells[roleKey]?.note ?? '' } } }
          : t,
      ),
    }));
  const matrixRoles = model.roles.filter((r) => r.inMatrix);
  const [removing, setRemoving] = useState<{ kind: 'role' | 'task'; key: string; name: string } | null>(null);
  const removingText = () => {
    if (!removing) return '';
    if (removing.kind === 'task') return tc('draft.removeTaskText', { name: removing.name });
    const refs = roleReferences(model, removing.key);
    return tc('draft.removeRoleText', { name: removing.name, ways: refs.ways, cells: refs.cells });
  };
  return (
    <Page title={tc('draft.title')} heading={tc('draft.heading', { version })}>
      <Text>{tc('draft.intro')}</Text>
      <Title order={2}>{tc('draft.roles')}</Title>
      <Stack>
        {model.roles.map((r, i) => (
          <fieldset key={r.key} style={{ border: '1px solid #ccc', borderRadius: 8, padding: 12 }}>
            <legend>{roleName(model.roles, r.key)}</legend>
            <Stack gap="xs">
              <Textarea
                label={tc('model.education')}
                autosize
                minRows={1}
                value={r.education.text}
                onChange={(e) => setRole(i, { text: e.currentTarget.value })}
              />
              <TextInput
                label={tc('model.source')}
                value={r.education.source}
                onChange={(e) => setRole(i, { source: e.currentTarget.value })}
              />
              <Checkbox
                label={tc('draft.toVerify')}
                checked={r.education.toVerify}
                onChange={(e) => setRole(i, { toVerify: e.currentTarget.checked })}
              />
              <Group>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setRemoving({ kind: 'role', key: r.key, name: roleName(model.roles, r.key) })}
                >
                  {tc('draft.removeRole', { name: roleName(model.roles, r.key) })}
                </Button>
              </Group>
            </Stack>
          </fieldset>
        ))}
      </Stack>
      <AddRoleForm model={model} onAdd={(role) => setModel((m) => addRole(m, role))} />
      <Title order={2}>{tc('draft.ways')}</Title>
      <WaysEditor model={model} onChange={(ways) => setModel((m) => ({ ...m, ways }))} />
      <Title order={2}>{tc('draft.matrix')}</Title>
      <Table.ScrollContainer minWidth={900} type="native">
        <Table>
          <Table.Caption>{tc('draft.matrixCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('matrix.task')}</Table.Th>
              {matrixRoles.map((r) => (
                <Table.Th key={r.key}>{roleName(model.roles, r.key)}</Table.Th>
              ))}
              <Table.Th>{tc('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.tasks.map((t) => (
              <Table.Tr key={t.key}>
                <Table.Td>{t.name}</Table.Td>
                {matrixRoles.map((r) => (
                  <Table.Td key={r.key}>
                    <NativeSelect
                      aria-label={tc('draft.cellLabel', { task: t.name, role: roleName(model.roles, r.key) })}
                      value={t.cells[r.key]?.value ?? 'does_not'}
                      onChange={(e) => setCell(t.key, r.key, e.currentTarget.value as CellValue)}
                      data={CELL_VALUES.map((v) => ({ value: v, label: tc(`cell.${v}`) }))}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving({ kind: 'task', key: t.key, name: t.name })}
                    aria-label={tc('draft.removeTask', { name: t.name })}
                  >
                    {tc('common.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AddTaskForm model={model} onAdd={(task) => setModel((m) => addTask(m, task))} />
      <ConfirmDialog
        opened={removing !== null}
        title={removing?.kind === 'task' ? tc('draft.removeTaskTitle') : tc('draft.removeRoleTitle')}
        text={removingText()}
        confirmLabel={tc('common.remove')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) {
            const { kind, key } = removing;
            setModel((m) => (kind === 'role' ? removeRole(m, key) : removeTask(m, key)));
          }
          setRemoving(null);
        }}
      />
      <FormError message={error} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {tc('draft.save')}
        </Button>
        <Button variant="default" color="red" onClick={() => discard.mutate()} loading={discard.isPending}>
          {tc('draft.discard')}
        </Button>
      </Group>
      <PublishForm />
    </Page>
  );
}

function errorDetails(e: unknown): string {
  const fields = (e as { fields?: { message: string }[] }).fields;
  return [errorMessage(e), ...(fields ?? []).map((f) => f.message)].join(' ');
}

function WaysEditor({ model, onChange }: { model: CareerModel; onChange: (ways: CareerModel['ways']) => void }) {
  const tc = useCareerT();
  const roleName = useRoleName();
  const [from, setFrom] = useState(model.roles[0]?.key ?? '');
  const [to, setTo] = useState(model.roles[1]?.key ?? '');
  const [via, setVia] = useState('');
  const options = model.roles.map((r) => ({ value: r.key, label: roleName(model.roles, r.key) }));
  return (
    <Stack>
      <Table.ScrollContainer minWidth={560} type="native">
        <Table>
          <Table.Caption>{tc('model.waysCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('model.from')}</Table.Th>
              <Table.Th>{tc('model.to')}</Table.Th>
              <Table.Th>{tc('model.via')}</Table.Th>
              <Table.Th>{tc('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.ways.map((w, i) => (
              <Table.Tr key={`${w.from}-${w.to}`}>
                <Table.Td>{roleName(model.roles, w.from)}</Table.Td>
                <Table.Td>{roleName(model.roles, w.to)}</Table.Td>
                <Table.Td>{w.via}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onChange(model.ways.filter((_, j) => j !== i))}
                    aria-label={tc('draft.removeWay', {
                      from: roleName(model.roles, w.from),
                      to: roleName(model.roles, w.to),
                    })}
                  >
                    {tc('common.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={tc('model.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          data={options}
        />
        <NativeSelect label={tc('model.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data={options} />
        <TextInput label={tc('model.via')} value={via} onChange={(e) => setVia(e.currentTarget.value)} />
        <Button
          variant="default"
          onClick={() => {
            onChange([...model.ways, { from, to, via: via || '–' }]);
            setVia('');
          }}
        >
          {tc('draft.addWay')}
        </Button>
      </Group>
    </Stack>
  );
}

type NewRole = CareerModel['roles'][number];

/** A new role: its names, education requirement and kind; the key is made from the Swedish name. */
function AddRoleForm({ model, onAdd }: { model: CareerModel; onAdd: (role: NewRole) => void }) {
  const tc = useCareerT();
  const form = useForm({
    initialValues: { name: '', nameEn: '', education: '', protectedTitle: false, licensed: false, inMatrix: true },
    validate: {
      name: (v) => (v.trim() ? null : tc('draft.required')),
      nameEn: (v) => (v.trim() ? null : tc('draft.required')),
      education: (v) => (v.trim() ? null : tc('draft.required')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        const key = keyFromName(v.name, new Set(model.roles.map((r) => r.key)));
        onAdd({
          key,
          name: v.name.trim(),
          nameEn: v.nameEn.trim(),
          professionKey: null,
          protectedTitle: v.protectedTitle,
          licensed: v.licensed,
          areas: [],
          education: { text: v.education.trim(), points: null, pointsUnit: null, toVerify: false, source: '' },
          inMatrix: v.inMatrix,
        });
        form.reset();
      })}
    >
      <fieldset style={{ border: '1px solid #ccc', borderRadius: 8, padding: 12 }}>
        <legend>{tc('draft.addRole')}</legend>
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput label={tc('draft.roleName')} required {...form.getInputProps('name')} />
            <TextInput label={tc('draft.roleNameEn')} required {...form.getInputProps('nameEn')} />
          </Group>
          <Textarea label={tc('model.education')} required autosize minRows={1} {...form.getInputProps('education')} />
          <Group>
            <Checkbox
              label={tc('draft.protectedTitle')}
              {...form.getInputProps('protectedTitle', { type: 'checkbox' })}
            />
            <Checkbox label={tc('draft.licensed')} {...form.getInputProps('licensed', { type: 'checkbox' })} />
            <Checkbox label={tc('draft.inMatrix')} {...form.getInputProps('inMatrix', { type: 'checkbox' })} />
          </Group>
          <Text size="sm">{tc('draft.addRoleHelp')}</Text>
          <Group>
            <Button type="submit" variant="default">
              {tc('draft.addRole')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}

/** A new task in one of the model's groups; its cells start as "does not" for every role of the matrix. */
function AddTaskForm({
  model,
  onAdd,
}: {
  model: CareerModel;
  onAdd: (task: { key: string; group: string; name: string; note: string }) => void;
}) {
  const tc = useCareerT();
  const form = useForm({
    initialValues: { name: '', group: model.taskGroups[0]?.key ?? '', note: '' },
    validate: { name: (v) => (v.trim() ? null : tc('draft.required')) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        onAdd({
          key: keyFromName(v.name, new Set(model.tasks.map((t) => t.key))),
          group: v.group,
          name: v.name.trim(),
          note: v.note.trim(),
        });
        form.reset();
      })}
    >
      <fieldset style={{ border: '1px solid #ccc', borderRadius: 8, padding: 12 }}>
        <legend>{tc('draft.addTask')}</legend>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={tc('draft.taskName')} required {...form.getInputProps('name')} />
          <NativeSelect
            label={tc('draft.taskGroup')}
            data={model.taskGroups.map((g) => ({ value: g.key, label: g.name }))}
            {...form.getInputProps('group')}
          />
          <TextInput label={tc('draft.taskNote')} {...form.getInputProps('note')} />
        </Group>
        <Text size="sm" mt="xs">
          {tc('draft.addTaskHelp')}
        </Text>
        <Button type="submit" variant="default" mt="xs">
          {tc('draft.addTask')}
        </Button>
      </fieldset>
    </form>
  );
}

function PublishForm() {
  const tc = useCareerT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { decisionDate: '', decisionNote: '' } });
  const publish = useMutation({
    mutationFn: careerApi.publish,
    onSuccess: async (v) => {
      await queryClient.invalidateQueries({ queryKey: ['career-paths'] });
      notifySuccess(tc('draft.published', { version: v.version }));
      await navigate({ to: '/career-paths' });
    },
    onError: (e) => setFormError(applyServerErrors(form, e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => publish.mutate(v))} noValidate>
      <Stack>
        <Title order={2}>{tc('draft.publishTitle')}</Title>
        <Text size="sm">{tc('draft.publishHelp')}</Text>
        <TextInput type="date" label={tc('draft.decisionDate')} required {...form.getInputProps('decisionDate')} />
        <TextInput label={tc('draft.decisionNote')} {...form.getInputProps('decisionNote')} />
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={publish.isPending}>
            {tc('draft.publish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
