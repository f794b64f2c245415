// /introductions: the manager's introduction lists — the own municipality's (open, create) and the region's shared
// library of other municipalities' lists (open, copy to the own municipality).
import { Button, Group, NativeSelect, Stack, Table, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { activeOrganisationsQuery } from '../../../platform/web/api/organisations-query.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import type { ListSummaryDto } from '../introductions.contracts.ts';
import { introductionsApi, listsQuery, professionName, professionsQuery } from './introductions-api.ts';
import { useIntroductionsT } from './introductions-t.ts';

export function ListsPage() {
  const ti = useIntroductionsT();
  const me = useMe();
  const canManage = hasPermission(me, 'introductions:manage');
  const [creating, setCreating] = useState(false);
  const own = useQuery(listsQuery('own'));
  const library = useQuery(listsQuery('library'));
  const others = library.data?.lists.filter((l) => !l.canManage) ?? [];
  return (
    <Page
      title={ti('lists.title')}
      actions={canManage ? <Button onClick={() => setCreating(true)}>{ti('lists.create')}</Button> : null}
    >
      <Text>{ti('lists.intro')}</Text>
      <Tabs defaultValue="own">
        <Tabs.List>
          <Tabs.Tab value="own">{ti('lists.own')}</Tabs.Tab>
          <Tabs.Tab value="library">{ti('lists.library')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="own" pt="md">
          {own.isPending ? <Loading /> : null}
          {own.isError ? <ErrorAlert error={own.error} onRetry={() => void own.refetch()} /> : null}
          {own.data ? <ListTable lists={own.data.lists} library={false} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="library" pt="md">
          <Stack>
            <Text>{ti('lists.libraryIntro')}</Text>
            {library.isPending ? <Loading /> : null}
            {library.isError ? <ErrorAlert error={library.error} onRetry={() => void library.refetch()} /> : null}
            {library.data ? <ListTable lists={others} library /> : null}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <AppModal opened={creating} onClose={() => setCreating(false)} title={ti('lists.createTitle')} size="lg">
        {creating ? <CreateListForm onDone={() => setCreating(false)} /> : null}
      </AppModal>
    </Page>
  );
}

function ListTable({ lists, library }: { lists: ListSummaryDto[]; library: boolean }) {
  const ti = useIntroductionsT();
  const { i18n } = useTranslation();
  const professions = useQuery(professionsQuery());
  if (lists.length === 0) return <Text role="status">{library ? ti('lists.noneLibrary') : ti('lists.none')}</Text>;
  return (
    <Table.ScrollContainer
      minWidth={640}
      type="native"
      role="region"
      tabIndex={0}
      aria-label={library ? ti('lists.library') : ti('lists.own')}
    >
      <Table>
        <Table.Caption>{library ? ti('lists.library') : ti('lists.own')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{ti('lists.name')}</Table.Th>
            <Table.Th>{ti('lists.profession')}</Table.Th>
            <Table.Th>{ti('lists.municipality')}</Table.Th>
            <Table.Th>{ti('lists.entries')}</Table.Th>
            {library ? null : <Table.Th>{ti('lists.active')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <RouterAnchor to="/introductions/$listId" params={{ listId: l.id }}>
                  {l.name}
                </RouterAnchor>
              </Table.Td>
              <Table.Td>
                {professionName(professions.data?.professions, l.professionKey, i18n.resolvedLanguage)}
              </Table.Td>
              <Table.Td>{l.municipalityName}</Table.Td>
              <Table.Td>{l.entryCount}</Table.Td>
              {library ? null : <Table.Td>{l.activeAssignments ?? '–'}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type ListFormValues = { name: string; professionKey: string; description: string; municipalityId: string };

function CreateListForm({ onDone }: { onDone: () => void }) {
  const ti = useIntroductionsT();
  const { i18n } = useTranslation();
  const me = useMe();
  const inRegion = me.organisation.kind === 'region';
  const professions = useQuery(professionsQuery());
  const municipalities = useQuery({ ...activeOrganisationsQuery, enabled: inRegion });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ListFormValues>({
    initialValues: { name: '', professionKey: '', description: '', municipalityId: '' },
  });
  const mutation = useMutation({
    mutationFn: (v: ListFormValues) =>
      introductionsApi.createList({
        name: v.name,
        professionKey: v.professionKey,
        description: v.description,
        ...(inRegion && v.municipalityId ? { municipalityId: v.municipalityId } : {}),
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['introductions'] });
      notifySuccess(ti('lists.created', { name: saved.name }));
      onDone();
      await navigate({ to: '/introductions/$listId', params: { listId: saved.id } });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });
  if (professions.isPending) return <Loading />;
  if (professions.isError) return <ErrorAlert error={professions.error} />;
  return (
    <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate>
      <Stack>
        <TextInput
          label={ti('lists.name')}
          description={ti('lists.nameHelp')}
          required
          {...form.getInputProps('name')}
        />
        <NativeSelect
          label={ti('lists.profession')}
          required
          data={[
            { value: '', label: ti('lists.choose') },
            ...professions.data.professions.map((p) => ({
              value: p.key,
              label: i18n.resolvedLanguage === 'en' ? p.nameEn : p.name,
            })),
          ]}
          {...form.getInputProps('professionKey')}
        />
        {inRegion ? (
          <NativeSelect
            label={ti('lists.municipality')}
            required
            data={[
              { value: '', label: ti('lists.choose') },
              ...(municipalities.data ?? [])
                .filter((o) => o.kind === 'municipality')
                .map((o) => ({ value: o.id, label: o.name })),
            ]}
            {...form.getInputProps('municipalityId')}
          />
        ) : null}
        <Textarea label={ti('lists.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {ti('lists.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
