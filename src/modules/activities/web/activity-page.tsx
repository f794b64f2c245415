// /activities/:id — an activity: what it is, for whom, and its occasions; the organiser changes it and adds occasions.
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../../platform/web/api/me-query.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { activityQuery, formatWhen, STATUS_TONE, useActivitiesT } from './activities-api.ts';
import { ActivityFormModal, OccasionFormModal } from './activity-forms.tsx';

export function ActivityPage({ activityId }: { activityId: string }) {
  const at = useActivitiesT();
  const me = useMe();
  const query = useQuery(activityQuery(activityId));
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { activity: a, occasions } = query.data;
  return (
    <Page
      title={a.title}
      actions={
        a.canOrganise ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => setEditing(true)}>
              {at('activityForm.edit')}
            </Button>
            <Button onClick={() => setAdding(true)}>{at('activity.addOccasion')}</Button>
          </Group>
        ) : undefined
      }
    >
      <Stack gap="xs">
        <Text>
          {at(`kind.${a.kind}`)} · {a.organiser.name}
          {a.network ? ` · ${a.network.name}` : ''}
        </Text>
        {a.description ? <Text>{a.description}</Text> : null}
        <Text>
          {a.targetProfessions.length ? a.targetProfessions.map((p) => p.name).join(', ') : at('activity.targetAll')}
        </Text>
        <Text>{a.selfRegistration ? at('activity.selfYes') : at('activity.selfNo')}</Text>
        <Text>
          {a.surveyTemplate ? at('activity.survey', { name: a.surveyTemplate.name }) : at('activity.noSurvey')}
        </Text>
      </Stack>
      <Title order={2}>{at('activity.occasions')}</Title>
      {occasions.length === 0 ? (
        <Text>{at('activity.noOccasions')}</Text>
      ) : (
        <DataTable label={at('activity.occasions')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{at('calendar.when')}</Table.Th>
              <Table.Th scope="col">{at('calendar.place')}</Table.Th>
              <Table.Th scope="col">{at('calendar.seats')}</Table.Th>
              <Table.Th scope="col">{at('calendar.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {occasions.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Th scope="row" fw={400}>
                  <RouterAnchor to="/activities/occasions/$occasionId" params={{ occasionId: o.id }}>
                    {formatWhen(o.startsAt, o.endsAt, me.locale)}
                  </RouterAnchor>
                </Table.Th>
                <Table.Td>{o.place ?? at('calendar.digital')}</Table.Td>
                <Table.Td>
                  {at('calendar.seatsText', { registered: o.registered, capacity: o.capacity })}
                  {o.waitlisted ? ` · ${at('calendar.waiting', { count: o.waitlisted })}` : ''}
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={STATUS_TONE[o.status]}>{at(`status.${o.status}`)}</StatusBadge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      <RouterAnchor to="/activities">{at('activity.back')}</RouterAnchor>
      {editing ? <ActivityFormModal opened onClose={() => setEditing(false)} activity={a} /> : null}
      {adding ? <OccasionFormModal opened onClose={() => setAdding(false)} activityId={a.id} /> : null}
    </Page>
  );
}
