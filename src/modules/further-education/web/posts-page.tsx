// /further-education/posts: the training posts the user may see (their municipality's; the region's admin every one),
// and a new post for a person chosen from the staff register.
import { Button, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiRequest, errorMessage, toQueryString } from '../../../platform/web/api/api-client.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { type OptionsDto, POST_STATUSES } from '../further-education.contracts.ts';
import { optionsQuery, postsQuery, send } from './further-education-api.ts';
import { useFurtherEducationT } from './further-education-t.ts';

export function PostsPage() {
  const ft = useFurtherEducationT();
  const posts = useQuery(postsQuery());
  const options = useQuery(optionsQuery());
  const [creating, setCreating] = useState(false);
  const professionName = (key: string) => options.data?.professions.find((p) => p.key === key)?.name ?? key;
  const specialtyName = (profession: string, key: string | null) =>
    key === null
      ? ft('posts.noSpecialty')
      : (options.data?.specialties.find((s) => s.professionKey === profession && s.key === key)?.name ?? key);
  const list = posts.data?.posts ?? [];
  return (
    <Page
      title={ft('posts.title')}
      actions={posts.data?.canEdit ? <Button onClick={() => setCreating(true)}>{ft('posts.create')}</Button> : null}
    >
      <Text>{ft('posts.intro')}</Text>
      {posts.isPending ? <Loading /> : null}
      {posts.isError ? <ErrorAlert error={posts.error} onRetry={() => void posts.refetch()} /> : null}
      {posts.data ? (
        list.length === 0 ? (
          <Text>{ft('posts.none')}</Text>
        ) : (
          <DataTable label={ft('posts.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{ft('posts.person')}</Table.Th>
                <Table.Th scope="col">{ft('posts.municipality')}</Table.Th>
                <Table.Th scope="col">{ft('posts.programme')}</Table.Th>
                <Table.Th scope="col">{ft('posts.specialty')}</Table.Th>
                <Table.Th scope="col">{ft('posts.model')}</Table.Th>
                <Table.Th scope="col">{ft('posts.start')}</Table.Th>
                <Table.Th scope="col">{ft('posts.expectedEnd')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {ft('posts.pace')}
                </Table.Th>
                <Table.Th scope="col">{ft('posts.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={400}>
                    {p.personName}
                    <Text size="xs">{p.unitName}</Text>
                  </Table.Th>
                  <Table.Td>{p.municipalityName}</Table.Td>
                  <Table.Td>
                    {p.programme}
                    <Text size="xs">{professionName(p.professionKey)}</Text>
                  </Table.Td>
                  <Table.Td>{specialtyName(p.professionKey, p.specialtyKey)}</Table.Td>
                  <Table.Td>{p.modelName ?? ft('posts.noModel')}</Table.Td>
                  <Table.Td>{p.startDate}</Table.Td>
                  <Table.Td>{p.expectedEnd}</Table.Td>
                  <Table.Td ta="right">{p.pacePercent}</Table.Td>
                  <Table.Td>
                    {posts.data.canEdit ? (
                      <StatusSelect postId={p.id} personName={p.personName} status={p.status} />
                    ) : (
                      ft(`postStatus.${p.status}`)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )
      ) : null}
      {creating && options.data ? <PostModal options={options.data} onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}

/** A post's status, changed in place (finished, interrupted): only posts in training count in the forecast. */
function StatusSelect({ postId, personName, status }: { postId: string; personName: string; status: string }) {
  const ft = useFurtherEducationT();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (next: string) => send(`/posts/${postId}`, 'PATCH', { status: next }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['further-education'] });
      notifySuccess(ft('posts.saved'));
    },
  });
  return (
    <Select
      aria-label={ft('posts.statusOf', { name: personName })}
      data={POST_STATUSES.map((s) => ({ value: s, label: ft(`postStatus.${s}`) }))}
      value={status}
      allowDeselect={false}
      disabled={change.isPending}
      error={change.isError ? errorMessage(change.error) : undefined}
      onChange={(next) => {
        if (next && next !== status) change.mutate(next);
      }}
      w={180}
    />
  );
}

type Choice = { id: string; name: string; unitName: string; professionKey: string | null };

function PostModal({ options, onClose }: { options: OptionsDto; onClose: () => void }) {
  const ft = useFurtherEducationT();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const choices = useQuery({
    queryKey: ['further-education', 'person-choices', q],
    queryFn: ({ signal }) =>
      apiRequest<{ persons: Choice[] }>(`/api/further-education/person-choices${toQueryString({ q })}`, { signal }),
  });
  const [personId, setPersonId] = useState<string | null>(null);
  const [professionKey, setProfessionKey] = useState<string | null>('sjukskoterska');
  const [specialtyKey, setSpecialtyKey] = useState<string | null>(null);
  const [modelId, setModelId] = useState<string | null>(options.models[0]?.id ?? null);
  const [programme, setProgramme] = useState('');
  const [startDate, setStartDate] = useState('');
  const [expectedEnd, setExpectedEnd] = useState('');
  const [pacePercent, setPace] = useState<number>(50);
  const save = useMutation({
    mutationFn: () =>
      send('/posts', 'POST', {
        personId,
        professionKey,
        specialtyKey,
        modelId,
        programme,
        startDate,
        expectedEnd,
        pacePercent,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['further-education'] });
      notifySuccess(ft('posts.saved'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={ft('posts.create')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <TextInput label={ft('posts.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Select
            label={ft('posts.choosePerson')}
            data={(choices.data?.persons ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.unitName})` }))}
            value={personId}
            onChange={setPersonId}
            required
          />
          <Group grow>
            <Select
              label={ft('posts.profession')}
              data={options.professions.map((p) => ({ value: p.key, label: p.name }))}
              value={professionKey}
              onChange={(v) => {
                setProfessionKey(v);
                setSpecialtyKey(null);
              }}
            />
            <Select
              label={ft('posts.specialty')}
              data={options.specialties
                .filter((s) => s.professionKey === professionKey)
                .map((s) => ({ value: s.key, label: s.name }))}
              value={specialtyKey}
              onChange={setSpecialtyKey}
              clearable
            />
          </Group>
          <TextInput
            label={ft('posts.programme')}
            value={programme}
            onChange={(e) => setProgramme(e.currentTarget.value)}
            required
          />
          <Select
            label={ft('posts.model')}
            data={options.models.map((m) => ({ value: m.id, label: m.name }))}
            value={modelId}
            onChange={setModelId}
            clearable
          />
          <Group grow>
            <TextInput
              label={ft('posts.start')}
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
            />
            <TextInput
              label={ft('posts.expectedEnd')}
              type="date"
              value={expectedEnd}
              onChange={(e) => setExpectedEnd(e.currentTarget.value)}
            />
            <NumberInput
              label={ft('posts.pace')}
              min={1}
              max={100}
              value={pacePercent}
              onChange={(x) => setPace(Number(x) || 0)}
            />
          </Group>
          <FormError message={save.isError ? errorMessage(save.error) : null} />
          <Button type="submit" loading={save.isPending}>
            {ft('posts.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
