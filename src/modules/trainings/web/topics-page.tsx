// /trainings/topics: the regional admin keeps the catalogue's topics (Ämnen) — adds one (its key made from the name
// unless typed), renames it, changes the order, deactivates or activates it. Keys never change: shared links hold them.
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { useModalFormSave } from '../../../platform/web/components/use-modal-form-save.ts';
import { contractResolver } from '../../../platform/web/contract-resolver.ts';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { type AdminTopicDto, createTopicSchema, updateTopicSchema } from '../trainings.contracts.ts';
import { topicsApi, topicsQuery } from './trainings-api.ts';
import { useTrainingsT } from './trainings-t.ts';

/** A key made from a name: "Vård av äldre" → "vard-av-aldre" (what the server's key rule allows). */
export function topicKeyOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 41)
    .replace(/-+$/, '');
}

/**
 * Moves focus to the form's first field with an error (once it is drawn), so a screen reader reads its label and
 * message at once.
 */
function focusFirstError(form: RefObject<HTMLFormElement | null>) {
  setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}

export function TopicsPage() {
  const tt = useTrainingsT();
  const topics = useQuery(topicsQuery());
  const [editing, setEditing] = useState<AdminTopicDto | null>(null);
  const list = topics.data?.topics ?? [];
  return (
    <Page title={tt('topics.title')}>
      <Text>{tt('topics.intro')}</Text>
      <AddTopicForm />
      {topics.isPending ? <Loading /> : null}
      {topics.isError ? <ErrorAlert error={topics.error} onRetry={() => void topics.refetch()} /> : null}
      {topics.data ? (
        <Stack gap="xs">
          <Text fw={600}>
            {tt('topics.summary', { count: list.length, active: list.filter((topic) => topic.active).length })}
          </Text>
          {list.length === 0 ? <Text>{tt('topics.none')}</Text> : <TopicsTable topics={list} onEdit={setEditing} />}
        </Stack>
      ) : null}
      {editing ? <EditTopicModal topic={editing} onClose={() => setEditing(null)} /> : null}
    </Page>
  );
}

function TopicsTable({ topics, onEdit }: { topics: AdminTopicDto[]; onEdit: (topic: AdminTopicDto) => void }) {
  const tt = useTrainingsT();
  return (
    <DataTable label={tt('topics.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{tt('topics.name')}</Table.Th>
          <Table.Th scope="col">{tt('topics.nameEn')}</Table.Th>
          <Table.Th scope="col">{tt('topics.key')}</Table.Th>
          <Table.Th scope="col">{tt('topics.sort')}</Table.Th>
          <Table.Th scope="col">{tt('topics.items')}</Table.Th>
          <Table.Th scope="col">{tt('topics.status')}</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>{tt('topics.edit')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {topics.map((topic) => (
          <Table.Tr key={topic.id}>
            <Table.Th scope="row">{topic.name}</Table.Th>
            <Table.Td>{topic.nameEn}</Table.Td>
            <Table.Td>
              <code>{topic.key}</code>
            </Table.Td>
            <Table.Td>{topic.sort}</Table.Td>
            <Table.Td>{topic.items}</Table.Td>
            <Table.Td>
              <StatusBadge tone={topic.active ? 'positive' : 'neutral'}>
                {topic.active ? tt('topics.active') : tt('topics.inactive')}
              </StatusBadge>
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-sm"
                variant="default"
                aria-label={tt('topics.editName', { name: topic.name })}
                onClick={() => onEdit(topic)}
              >
                {tt('topics.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

type AddValues = { name: string; nameEn: string; key: string };
const EMPTY: AddValues = { name: '', nameEn: '', key: '' };
const validateCreate = contractResolver(createTopicSchema);
const trimmed = (v: AddValues) => ({ key: v.key.trim(), name: v.name.trim(), nameEn: v.nameEn.trim() });

function AddTopicForm() {
  const tt = useTrainingsT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [keyTouched, setKeyTouched] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AddValues>({ initialValues: EMPTY, validate: (values) => validateCreate(trimmed(values)) });
  const create = useMutation({
    mutationFn: (values: AddValues) => topicsApi.create(trimmed(values)),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['trainings'] });
      notifySuccess(tt('topics.added', { name: created.name }));
      form.reset();
      setKeyTouched(false);
    },
    onError: (error) => {
      setFormError(applyServerErrors(form, error));
      // The field the server refused (a name or key in use) takes the focus, so its message is read out.
      focusFirstError(formRef);
    },
  });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) => {
            setFormError(null);
            create.mutate(values);
          },
          () => focusFirstError(formRef),
        )}
      >
        <Stack>
          <Title order={2} size="h3" id={headingId}>
            {tt('topics.addTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={tt('topics.name')}
              required
              autoComplete="off"
              {...form.getInputProps('name')}
              onChange={(event) => {
                const name = event.currentTarget.value;
                form.setFieldValue('name', name);
                if (!keyTouched) form.setFieldValue('key', topicKeyOf(name));
              }}
            />
            <TextInput label={tt('topics.nameEn')} required autoComplete="off" {...form.getInputProps('nameEn')} />
            <TextInput
              label={tt('topics.key')}
              description={tt('topics.keyHelp')}
              required
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('key')}
              onChange={(event) => {
                setKeyTouched(true);
                form.setFieldValue('key', event.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {tt('topics.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type EditValues = { name: string; nameEn: string; sort: number | string; active: boolean };
const validateUpdate = contractResolver(updateTopicSchema);
const toUpdate = (v: EditValues) => ({
  name: v.name.trim(),
  nameEn: v.nameEn.trim(),
  sort: typeof v.sort === 'number' ? v.sort : v.sort.trim() === '' ? undefined : Number(v.sort),
  active: v.active,
});

/** Renames, reorders, deactivates or activates a topic; the key is shown but cannot change. */
function EditTopicModal({ topic, onClose }: { topic: AdminTopicDto; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = useTrainingsT();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<EditValues>({
    initialValues: { name: topic.name, nameEn: topic.nameEn, sort: topic.sort, active: topic.active },
    validate: (values) => {
      const errors = validateUpdate(toUpdate(values));
      if (toUpdate(values).sort === undefined) errors.sort = tt('topics.sortHelp');
      return errors;
    },
  });
  const modalForm = useModalFormSave({
    form,
    save: (values) => topicsApi.update(topic.id, toUpdate(values)),
    invalidates: ['trainings'],
    savedMessage: (saved) => tt('topics.saved', { name: saved.name }),
    onClose,
  });
  return (
    <AppModal opened onClose={onClose} title={tt('topics.editTitle', { name: topic.name })}>
      <form ref={formRef} noValidate onSubmit={form.onSubmit(modalForm.onSubmit, () => focusFirstError(formRef))}>
        <Stack>
          <TextInput
            label={tt('topics.name')}
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput label={tt('topics.nameEn')} required autoComplete="off" {...form.getInputProps('nameEn')} />
          <Text size="sm">
            {tt('topics.key')}: <code>{topic.key}</code> ({tt('topics.keyFixed')})
          </Text>
          <NumberInput
            label={tt('topics.sort')}
            description={tt('topics.sortHelp')}
            required
            allowDecimal={false}
            allowNegative={false}
            min={0}
            max={100_000}
            maw={200}
            {...form.getInputProps('sort')}
          />
          <Checkbox
            label={tt('topics.activeLabel')}
            description={tt('topics.activeHelp')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <FormError message={modalForm.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={modalForm.pending}>
              {tt('topics.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
