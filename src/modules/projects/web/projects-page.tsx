// /projects: the projects the user may see, and for the region's admins a new project.
import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { TableScroll } from '../../../platform/web/components/table-scroll.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { choicesQuery, projectsApi, projectsQuery } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

export function ProjectsPage() {
  const pt = useProjectsT();
  const list = useQuery(projectsQuery());
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={pt('list.title')}
      actions={list.data?.canCreate ? <Button onClick={() => setCreating(true)}>{pt('list.create')}</Button> : null}
    >
      <Text>{pt('list.intro')}</Text>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.projects.length === 0 ? <Text role="status">{pt('list.none')}</Text> : null}
      {list.data && list.data.projects.length > 0 ? (
        <TableScroll minWidth={640} label={pt('list.title')}>
          <Table>
            <Table.Caption>{pt('list.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{pt('list.name')}</Table.Th>
                <Table.Th>{pt('list.period')}</Table.Th>
                <Table.Th>{pt('list.leader')}</Table.Th>
                <Table.Th>{pt('list.municipalities')}</Table.Th>
                <Table.Th>{pt('list.access')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.projects.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <RouterAnchor to="/projects/$projectId" params={{ projectId: p.id }}>
                      {p.name}
                    </RouterAnchor>{' '}
                    {p.demo ? (
                      <Badge size="sm" variant="light" color="gray" tt="none">
                        {pt('list.demo')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {p.startDate} – {p.endDate}
                  </Table.Td>
                  <Table.Td>{p.leaderName ?? '–'}</Table.Td>
                  <Table.Td>{p.municipalitiesNow}</Table.Td>
                  <Table.Td>{pt(`list.${p.access}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <AppModal opened={creating} onClose={() => setCreating(false)} title={pt('list.create')}>
        {creating ? <CreateProjectForm onDone={() => setCreating(false)} /> : null}
      </AppModal>
    </Page>
  );
}

function CreateProjectForm({ onDone }: { onDone: () => void }) {
  const pt = useProjectsT();
  const choices = useQuery(choicesQuery(''));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (choices.isPending) return <Loading />;
  if (choices.isError) return <ErrorAlert error={choices.error} />;
  const none = { value: '', label: pt('common.choose') };
  return (
    <Stack>
      <FieldForm
        columns={2}
        submitLabel={pt('form.create')}
        fields={[
          { name: 'name', label: pt('form.name'), required: true },
          { name: 'orderer', label: pt('form.orderer') },
          { name: 'startDate', label: pt('form.startDate'), kind: 'date', required: true },
          { name: 'endDate', label: pt('form.endDate'), kind: 'date', required: true },
          {
            name: 'leaderUserId',
            label: pt('form.leader'),
            kind: 'select',
            options: [
              none,
              ...choices.data.users.map((u) => ({ value: u.id, label: `${u.name} (${u.organisation})` })),
            ],
          },
          {
            name: 'steeringNetworkId',
            label: pt('form.steeringNetwork'),
            kind: 'select',
            options: [none, ...choices.data.networks.map((n) => ({ value: n.id, label: n.name }))],
          },
          { name: 'owner', label: pt('form.owner') },
          { name: 'participantTarget', label: pt('form.participantTarget'), kind: 'number' },
          { name: 'purpose', label: pt('form.purpose'), kind: 'textarea' },
        ]}
        onSubmit={async (body) => {
          const saved = await projectsApi.create(body);
          await queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
          notifySuccess(pt('form.created', { name: saved.name }));
          onDone();
          await navigate({ to: '/projects/$projectId', params: { projectId: saved.id } });
        }}
      />
    </Stack>
  );
}
