// /introductions/$listId: one introduction list — its entries in order (move up/down, remove, add from the catalogue
// or as a local item), giving it to a new employee by e-mail, and each person's progress. Another municipality's
// list is read-only here, with a button to copy it to the own municipality.
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { ExternalLink } from '../../../platform/web/components/external-link.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { ListDto } from '../introductions.contracts.ts';
import { AssignmentsSection } from './assignments-section.tsx';
import { catalogueChoicesQuery, introductionsApi, listQuery, professionsQuery } from './introductions-api.ts';
import { useIntroductionsT } from './introductions-t.ts';

export function ListPage({ listId }: { listId: string }) {
  const ti = useIntroductionsT();
  const query = useQuery(listQuery(listId));
  const title = query.data?.name ?? ti('lists.title');
  return (
    <Page title={title}>
      <RouterAnchor to="/introductions">{ti('list.back')}</RouterAnchor>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <ListBody list={query.data} /> : null}
    </Page>
  );
}

function ListBody({ list }: { list: ListDto }) {
  const ti = useIntroductionsT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const copy = useMutation({
    mutationFn: () => introductionsApi.copyList(list.id),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['introductions'] });
      notifySuccess(ti('lists.copied', { name: saved.name }));
      await navigate({ to: '/introductions/$listId', params: { listId: saved.id } });
    },
  });
  if (!list.canManage) {
    return (
      <Stack>
        <Alert color="blue">{ti('list.notYours', { municipality: list.municipalityName })}</Alert>
        {list.description ? <Text>{list.description}</Text> : null}
        <Entries list={list} editable={false} />
        <FormError message={copy.isError ? errorMessage(copy.error) : null} />
        <Group>
          <Button loading={copy.isPending} onClick={() => copy.mutate()}>
            {ti('lists.copy')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="xl">
      <Entries list={list} editable />
      <AddCatalogueItem list={list} />
      <AddLocalItem list={list} />
      <AssignmentsSection list={list} />
      <Details list={list} />
    </Stack>
  );
}

function useListSaved(listId: string) {
  const queryClient = useQueryClient();
  return async (saved: ListDto) => {
    queryClient.setQueryData(listQuery(listId).queryKey, saved);
    await queryClient.invalidateQueries({ queryKey: ['introductions', 'lists'] });
  };
}

function Entries({ list, editable }: { list: ListDto; editable: boolean }) {
  const ti = useIntroductionsT();
  const saved = useListSaved(list.id);
  const change = useMutation({
    mutationFn: (action: { entryId: string; kind: 'up' | 'down' | 'remove' }) =>
      action.kind === 'remove'
        ? introductionsApi.removeEntry(list.id, action.entryId)
        : introductionsApi.moveEntry(list.id, action.entryId, action.kind),
    onSuccess: saved,
  });
  return (
    <Stack component="section" aria-labelledby="entries-heading" gap="sm">
      <Title order={2} size="h3" id="entries-heading">
        {ti('list.entries')}
      </Title>
      <Text size="sm">{ti('list.entriesHelp')}</Text>
      {list.entries.length === 0 ? <Text role="status">{ti('list.noEntries')}</Text> : null}
      <FormError message={change.isError ? errorMessage(change.error) : null} />
      <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {list.entries.map((entry, index) => (
          <Paper key={entry.id} component="li" withBorder p="sm" radius="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
                <Text size="sm" c="dimmed">
                  {ti('list.position', { n: index + 1 })} ·{' '}
                  {entry.kind === 'catalogue' ? ti('list.catalogueItem') : ti('list.localItem')}
                </Text>
                <Text fw={600}>{entry.title}</Text>
                {entry.provider ? <Text size="sm">{entry.provider}</Text> : null}
                {entry.description ? <Text size="sm">{entry.description}</Text> : null}
                {entry.url ? (
                  <ExternalLink href={entry.url} size="sm">
                    {entry.url}
                  </ExternalLink>
                ) : null}
                {!entry.available ? (
                  <Group>
                    <StatusBadge tone="attention">{ti('list.unavailable')}</StatusBadge>
                  </Group>
                ) : null}
              </Stack>
              {editable ? (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={index === 0 || change.isPending}
                    aria-label={ti('list.moveUp', { title: entry.title })}
                    onClick={() => change.mutate({ entryId: entry.id, kind: 'up' })}
                  >
                    {ti('list.up')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={index === list.entries.length - 1 || change.isPending}
                    aria-label={ti('list.moveDown', { title: entry.title })}
                    onClick={() => change.mutate({ entryId: entry.id, kind: 'down' })}
                  >
                    {ti('list.down')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    disabled={change.isPending}
                    aria-label={ti('list.remove', { title: entry.title })}
                    onClick={() => change.mutate({ entryId: entry.id, kind: 'remove' })}
                  >
                    {ti('list.removeShort')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function AddCatalogueItem({ list }: { list: ListDto }) {
  const ti = useIntroductionsT();
  const saved = useListSaved(list.id);
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const results = useQuery({ ...catalogueChoicesQuery(q ?? ''), enabled: q !== null });
  const inList = new Set(list.entries.map((e) => e.trainingItemId));
  const add = useMutation({
    mutationFn: (trainingItemId: string) => introductionsApi.addEntry(list.id, { kind: 'catalogue', trainingItemId }),
    onSuccess: async (fresh, trainingItemId) => {
      await saved(fresh);
      const title = fresh.entries.find((e) => e.trainingItemId === trainingItemId)?.title ?? '';
      notifySuccess(ti('list.added', { title }));
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="add-catalogue">
      <Stack gap="sm">
        <Title order={2} size="h3" id="add-catalogue">
          {ti('list.addCatalogue')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setQ(text.trim());
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={ti('list.search')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default">
              {ti('list.searchSubmit')}
            </Button>
          </Group>
        </form>
        {results.isFetching ? <Loading /> : null}
        {results.isError ? <ErrorAlert error={results.error} /> : null}
        <FormError message={add.isError ? errorMessage(add.error) : null} />
        {results.data && results.data.items.length === 0 ? <Text role="status">{ti('list.noHits')}</Text> : null}
        {results.data && results.data.items.length > 0 ? (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {results.data.items.map((item) => (
              <Group key={item.id} component="li" justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text fw={600}>{item.title}</Text>
                  <Text size="sm">{item.provider}</Text>
                </Stack>
                <Button
                  size="xs"
                  disabled={inList.has(item.id) || add.isPending}
                  aria-label={ti('list.addNamed', { title: item.title })}
                  onClick={() => add.mutate(item.id)}
                >
                  {ti('list.add')}
                </Button>
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

type LocalValues = { title: string; url: string; description: string };

function AddLocalItem({ list }: { list: ListDto }) {
  const ti = useIntroductionsT();
  const saved = useListSaved(list.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<LocalValues>({ initialValues: { title: '', url: '', description: '' } });
  const add = useMutation({
    mutationFn: (v: LocalValues) =>
      introductionsApi.addEntry(list.id, {
        kind: 'local',
        title: v.title,
        ...(v.url.trim() ? { url: v.url.trim() } : {}),
        description: v.description,
      }),
    onSuccess: async (fresh, v) => {
      await saved(fresh);
      setFormError(null);
      notifySuccess(ti('list.added', { title: v.title.trim() }));
      form.reset();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="add-local">
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="add-local">
            {ti('list.addLocal')}
          </Title>
          <TextInput
            label={ti('list.localTitle')}
            description={ti('list.localTitleHelp')}
            required
            {...form.getInputProps('title')}
          />
          <TextInput
            label={ti('list.localUrl')}
            description={ti('list.localUrlHelp')}
            type="url"
            {...form.getInputProps('url')}
          />
          <Textarea label={ti('list.localDescription')} autosize minRows={2} {...form.getInputProps('description')} />
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {ti('list.addLocalSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type DetailValues = { name: string; professionKey: string; description: string };

function Details({ list }: { list: ListDto }) {
  const ti = useIntroductionsT();
  const { i18n } = useTranslation();
  const saved = useListSaved(list.id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const professions = useQuery(professionsQuery());
  const [formError, setFormError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const form = useForm<DetailValues>({
    initialValues: { name: list.name, professionKey: list.professionKey, description: list.description },
  });
  const update = useMutation({
    mutationFn: (v: DetailValues) => introductionsApi.updateList(list.id, v),
    onSuccess: async (fresh) => {
      await saved(fresh);
      setFormError(null);
      notifySuccess(ti('list.saved'));
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });
  const remove = useMutation({
    mutationFn: () => introductionsApi.deleteList(list.id),
    onSuccess: async () => {
      setDeleting(false);
      queryClient.removeQueries({ queryKey: listQuery(list.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: ['introductions', 'lists'] });
      notifySuccess(ti('list.deleted'));
      await navigate({ to: '/introductions' });
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="list-details">
      <form onSubmit={form.onSubmit((v) => update.mutate(v))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="list-details">
            {ti('list.details')}
          </Title>
          <TextInput label={ti('lists.name')} required {...form.getInputProps('name')} />
          <NativeSelect
            label={ti('lists.profession')}
            required
            data={(professions.data?.professions ?? []).map((p) => ({
              value: p.key,
              label: i18n.resolvedLanguage === 'en' ? p.nameEn : p.name,
            }))}
            {...form.getInputProps('professionKey')}
          />
          <Textarea label={ti('lists.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <FormError message={formError} />
          <Group justify="space-between">
            <Button type="submit" variant="default" loading={update.isPending}>
              {ti('list.saveDetails')}
            </Button>
            <Button color="red" variant="outline" onClick={() => setDeleting(true)}>
              {ti('list.delete')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={deleting}
        title={ti('list.deleteTitle')}
        text={ti('list.deleteText')}
        confirmLabel={ti('list.delete')}
        onConfirm={() => remove.mutate()}
        onCancel={() => setDeleting(false)}
        loading={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
      />
    </Paper>
  );
}
