// /activities/occasions/:id — one occasion: when and where, seats per municipality, the registrations the viewer may
// see with the waiting list in order, registering staff (a manager) or oneself (an employee), and for the organiser
// the occasion's status, attendance with hours and the evaluation.
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { hasPermission, useMe } from '../../../platform/web/api/me-query.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { ATTENDANCE_STATES, type OccasionDetail, type RegistrationRow } from '../activities.contracts.ts';
import {
  activitiesApi,
  candidatesQuery,
  formatDateTime,
  formatWhen,
  occasionQuery,
  STATUS_TONE,
  useActivitiesT,
} from './activities-api.ts';
import { OccasionFormModal } from './activity-forms.tsx';

export function OccasionPage({ occasionId }: { occasionId: string }) {
  const at = useActivitiesT();
  const me = useMe();
  const query = useQuery(occasionQuery(occasionId));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const o = d.occasion;
  const when = formatWhen(o.startsAt, o.endsAt, me.locale);
  return (
    <Page title={at('occasion.title', { title: d.activity.title, date: when })} heading={d.activity.title}>
      <Stack gap="xs">
        <Group gap="sm">
          <StatusBadge tone={STATUS_TONE[o.status]}>{at(`status.${o.status}`)}</StatusBadge>
          <Text>
            {at(`kind.${d.activity.kind}`)} · {d.activity.organiser.name}
            {d.activity.network ? ` · ${d.activity.network.name}` : ''}
          </Text>
        </Group>
        {o.status === 'cancelled' && o.cancelReason ? (
          <Alert color="red" title={at('status.cancelled')}>
            {at('occasion.cancelReason', { reason: o.cancelReason })}
          </Alert>
        ) : null}
        <Text>
          <strong>{at('occasion.when')}:</strong> {when}
        </Text>
        {o.place ? (
          <Text>
            <strong>{at('occasion.where')}:</strong> {o.place}
          </Text>
        ) : null}
        {o.onlineUrl ? (
          <Text>
            <strong>{at('occasion.link')}:</strong>{' '}
            <Anchor href={o.onlineUrl} target="_blank" rel="noreferrer">
              {o.onlineUrl}
            </Anchor>
          </Text>
        ) : null}
        <Text>
          <strong>{at('occasion.deadline')}:</strong> {formatDateTime(o.registrationDeadline)}
        </Text>
        <Text>
          {at('occasion.registeredOf', { registered: o.registered, capacity: o.capacity })}
          {o.waitlisted > 0 ? ` · ${at('occasion.waiting', { count: o.waitlisted })}` : ''}
        </Text>
        {d.activity.description ? <Text>{d.activity.description}</Text> : null}
        <Group gap="md">
          <Anchor href={`/api/activities/occasions/${o.id}/calendar`} download>
            {at('occasion.download')}
          </Anchor>
          <RouterAnchor to="/activities/$activityId" params={{ activityId: d.activity.id }}>
            {d.activity.title}
          </RouterAnchor>
        </Group>
      </Stack>
      <MyRegistration detail={d} />
      {d.seats.length > 0 ? <Seats detail={d} /> : null}
      <Registrations detail={d} />
      {d.activity.canOrganise ? <OrganiserTools detail={d} /> : null}
      {!d.activity.canOrganise &&
      o.status === 'held' &&
      d.activity.surveyTemplate &&
      hasPermission(me, 'activities:read_results') ? (
        <RouterAnchor to="/activities/occasions/$occasionId/results" params={{ occasionId: o.id }}>
          {at('occasion.results')}
        </RouterAnchor>
      ) : null}
    </Page>
  );
}

function useRefresh(occasionId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['activities'] }).then(() => occasionId);
}

function MyRegistration({ detail }: { detail: OccasionDetail }) {
  const at = useActivitiesT();
  const refresh = useRefresh(detail.occasion.id);
  const self = useMutation({
    mutationFn: () => activitiesApi.registerSelf(detail.occasion.id),
    onSuccess: async (res) => {
      const r = res.results[0];
      notifySuccess(
        r?.state === 'registered'
          ? at('occasion.registeredSelf')
          : at('occasion.waitlistedSelf', { n: r?.position ?? '' }),
      );
      await refresh();
    },
  });
  const mine = detail.myRegistration;
  if (!mine && !detail.canRegisterSelf) return null;
  return (
    <Stack gap="xs">
      {mine && mine.state !== 'cancelled' ? (
        <Group gap="sm">
          <Text fw={600} role="status">
            {at('occasion.myRegistration', { state: at(`state.${mine.state}`) })}
            {mine.waitlistPosition ? ` (${at('occasion.position', { n: mine.waitlistPosition })})` : ''}
          </Text>
          {mine.canCancel ? <CancelButton registration={mine} occasionId={detail.occasion.id} /> : null}
        </Group>
      ) : null}
      {detail.canRegisterSelf ? (
        <Group>
          <Button onClick={() => self.mutate()} loading={self.isPending}>
            {at('occasion.registerSelf')}
          </Button>
        </Group>
      ) : null}
      <FormError message={self.isError ? errorMessage(self.error) : null} />
    </Stack>
  );
}

function Seats({ detail }: { detail: OccasionDetail }) {
  const at = useActivitiesT();
  return (
    <Stack gap="xs">
      <Title order={2}>{at('occasion.seatsTitle')}</Title>
      <DataTable label={at('occasion.seatsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{at('occasion.seatsMunicipality')}</Table.Th>
            <Table.Th scope="col">{at('occasion.seatsReserved')}</Table.Th>
            <Table.Th scope="col">{at('occasion.seatsRegistered')}</Table.Th>
            <Table.Th scope="col">{at('occasion.seatsWaiting')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.seats.map((s) => (
            <Table.Tr key={s.organisationId}>
              <Table.Th scope="row">{s.name}</Table.Th>
              <Table.Td>{s.seats}</Table.Td>
              <Table.Td>{s.registered}</Table.Td>
              <Table.Td>{s.waitlisted}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
      <Text>{at('occasion.openSeats', { count: detail.openSeats })}</Text>
      <Text>
        {detail.seatsReleased
          ? at('occasion.released')
          : detail.occasion.seatsReleaseAt
            ? at('occasion.releaseAt', { date: formatDateTime(detail.occasion.seatsReleaseAt) })
            : null}
      </Text>
    </Stack>
  );
}

function CancelButton({ registration, occasionId }: { registration: RegistrationRow; occasionId: string }) {
  const at = useActivitiesT();
  const refresh = useRefresh(occasionId);
  const [asking, setAsking] = useState(false);
  const cancel = useMutation({
    mutationFn: () => activitiesApi.cancel(registration.id),
    onSuccess: async (res) => {
      setAsking(false);
      notifySuccess(res.promoted > 0 ? at('occasion.promoted', { count: res.promoted }) : at('occasion.cancelled'));
      await refresh();
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => setAsking(true)}
        aria-label={at('occasion.cancelFor', { name: registration.name })}
      >
        {at('occasion.cancel')}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={at('occasion.cancelFor', { name: registration.name })}
        text={at('occasion.confirmCancel', { name: registration.name })}
        confirmLabel={at('occasion.cancel')}
        loading={cancel.isPending}
        error={cancel.isError ? errorMessage(cancel.error) : null}
        onConfirm={() => cancel.mutate()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}

function Registrations({ detail }: { detail: OccasionDetail }) {
  const at = useActivitiesT();
  const [registering, setRegistering] = useState(false);
  const active = detail.registrations.filter((r) => r.state !== 'cancelled');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2}>{at('occasion.registrations')}</Title>
        {detail.canRegister ? <Button onClick={() => setRegistering(true)}>{at('occasion.register')}</Button> : null}
      </Group>
      {active.length === 0 ? (
        <Text>{at('occasion.registrationsNone')}</Text>
      ) : (
        <DataTable label={at('occasion.registrationsTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{at('occasion.name')}</Table.Th>
              <Table.Th scope="col">{at('occasion.unit')}</Table.Th>
              <Table.Th scope="col">{at('occasion.municipality')}</Table.Th>
              <Table.Th scope="col">{at('occasion.state')}</Table.Th>
              <Table.Th scope="col">{at('attendance.present')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{at('occasion.cancel')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row">{r.name}</Table.Th>
                <Table.Td>{r.unitName ?? ''}</Table.Td>
                <Table.Td>{r.municipality}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={r.state === 'registered' ? 'positive' : 'attention'}>
                    {r.waitlistPosition
                      ? `${at(`state.${r.state}`)}, ${at('occasion.position', { n: r.waitlistPosition })}`
                      : at(`state.${r.state}`)}
                  </StatusBadge>
                </Table.Td>
                <Table.Td>
                  {r.attendance
                    ? `${at(`attendance.${r.attendance}`)}${r.hours !== null ? ` (${r.hours} h)` : ''}`
                    : ''}
                </Table.Td>
                <Table.Td>
                  {r.canCancel ? <CancelButton registration={r} occasionId={detail.occasion.id} /> : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      {registering ? <RegisterModal detail={detail} onClose={() => setRegistering(false)} /> : null}
    </Stack>
  );
}

function RegisterModal({ detail, onClose }: { detail: OccasionDetail; onClose: () => void }) {
  const at = useActivitiesT();
  const refresh = useRefresh(detail.occasion.id);
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const candidates = useQuery(candidatesQuery(detail.occasion.id, q.trim()));
  const register = useMutation({
    mutationFn: () => activitiesApi.register(detail.occasion.id, [...chosen]),
    onSuccess: async (res) => {
      const registered = res.results.filter((r) => r.state === 'registered').length;
      notifySuccess(at('register.result', { registered, waitlisted: res.results.length - registered }));
      await refresh();
      onClose();
    },
  });
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <AppModal opened onClose={onClose} title={at('register.title')}>
      <Stack>
        <TextInput label={at('register.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        {candidates.isPending ? <Loading /> : null}
        {candidates.data && candidates.data.length === 0 ? <Text>{at('register.none')}</Text> : null}
        {candidates.data && candidates.data.length > 0 ? (
          <Stack gap={6} role="group" aria-label={at('register.table')}>
            {candidates.data.map((c) => (
              <Checkbox
                key={c.id}
                disabled={c.state === 'registered' || c.state === 'waitlisted'}
                checked={chosen.has(c.id)}
                onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                label={`${c.name} · ${c.unitName}${c.targeted ? '' : ` · ${at('register.notTargeted')}`}${
                  c.state && c.state !== 'cancelled' ? ` · ${at(`state.${c.state}`)}` : ''
                }`}
              />
            ))}
          </Stack>
        ) : null}
        <FormError message={register.isError ? errorMessage(register.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {at('occasion.cancel')}
          </Button>
          <Button disabled={chosen.size === 0} loading={register.isPending} onClick={() => register.mutate()}>
            {at('register.submit', { count: chosen.size })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function OrganiserTools({ detail }: { detail: OccasionDetail }) {
  const at = useActivitiesT();
  const o = detail.occasion;
  const refresh = useRefresh(o.id);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const status = useMutation({
    mutationFn: (next: { status: string; reason?: string }) => activitiesApi.setStatus(o.id, next.status, next.reason),
    onSuccess: async () => {
      setCancelling(false);
      notifySuccess(at('occasion.statusSaved'));
      await refresh();
    },
  });
  const survey = useMutation({
    mutationFn: () => activitiesApi.sendSurvey(o.id),
    onSuccess: async (res) => {
      notifySuccess(at('occasion.surveySentNow', { count: res.invited }));
      await refresh();
    },
  });
  const started = new Date(o.startsAt) <= new Date();
  const ended = new Date(o.endsAt) <= new Date();
  const closedForGood = o.status === 'cancelled' || o.status === 'held';
  return (
    <Stack gap="md">
      <Title order={2}>{at('occasion.actions')}</Title>
      <Group gap="sm">
        {!closedForGood ? (
          <Button variant="default" onClick={() => setEditing(true)}>
            {at('occasionForm.edit')}
          </Button>
        ) : null}
        {o.status === 'planned' ? (
          <Button onClick={() => status.mutate({ status: 'open' })}>{at('occasion.open')}</Button>
        ) : null}
        {!closedForGood && o.registered + o.waitlisted === 0 && o.status !== 'planned' ? (
          <Button variant="default" onClick={() => status.mutate({ status: 'planned' })}>
            {at('occasion.pause')}
          </Button>
        ) : null}
        {!closedForGood && ended ? (
          <Button onClick={() => status.mutate({ status: 'held' })}>{at('occasion.markHeld')}</Button>
        ) : null}
        {!closedForGood ? (
          <Button color="red" variant="outline" onClick={() => setCancelling(true)}>
            {at('occasion.cancelOccasion')}
          </Button>
        ) : null}
      </Group>
      <FormError message={status.isError ? errorMessage(status.error) : null} />
      {o.status !== 'cancelled' ? (
        started ? (
          <Attendance detail={detail} />
        ) : (
          <Text>{at('occasion.attendanceLater')}</Text>
        )
      ) : null}
      {detail.survey ? (
        <Stack gap="xs">
          <Title order={2}>{at('occasion.surveyTitle')}</Title>
          <Text role="status">
            {detail.survey.sentAt
              ? at('occasion.surveySent', {
                  date: formatDateTime(detail.survey.sentAt),
                  answered: detail.survey.answered,
                  invited: detail.survey.invited,
                })
              : at('occasion.surveyNotSent')}
          </Text>
          <Group gap="sm">
            {o.status === 'held' ? (
              <Button variant="default" onClick={() => survey.mutate()} loading={survey.isPending}>
                {at('occasion.sendSurvey')}
              </Button>
            ) : null}
            {detail.survey.sentAt ? (
              <RouterAnchor to="/activities/occasions/$occasionId/results" params={{ occasionId: o.id }}>
                {at('occasion.results')}
              </RouterAnchor>
            ) : null}
          </Group>
          <FormError message={survey.isError ? errorMessage(survey.error) : null} />
        </Stack>
      ) : null}
      {editing ? (
        <OccasionFormModal opened onClose={() => setEditing(false)} activityId={detail.activity.id} occasion={detail} />
      ) : null}
      <AppModal opened={cancelling} onClose={() => setCancelling(false)} title={at('occasion.cancelOccasion')}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            status.mutate({ status: 'cancelled', reason });
          }}
        >
          <Stack>
            <Textarea
              label={at('occasion.cancelReasonLabel')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <FormError message={status.isError ? errorMessage(status.error) : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCancelling(false)}>
                {at('occasion.cancel')}
              </Button>
              <Button type="submit" color="red" loading={status.isPending}>
                {at('occasion.cancelOccasion')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}

function Attendance({ detail }: { detail: OccasionDetail }) {
  const at = useActivitiesT();
  const refresh = useRefresh(detail.occasion.id);
  const registered = detail.registrations.filter((r) => r.state === 'registered');
  const [values, setValues] = useState(() =>
    Object.fromEntries(
      registered.map((r) => [r.id, { attendance: r.attendance ?? '', hours: r.hours ?? ('' as number | string) }]),
    ),
  );
  const save = useMutation({
    mutationFn: () =>
      activitiesApi.attendance(
        detail.occasion.id,
        Object.entries(values)
          .filter(([, v]) => v.attendance !== '')
          .map(([registrationId, v]) => ({
            registrationId,
            attendance: v.attendance,
            hours: v.attendance === 'absent' || v.hours === '' ? null : Number(v.hours),
          })),
      ),
    onSuccess: async () => {
      notifySuccess(at('occasion.attendanceSaved'));
      await refresh();
    },
  });
  if (registered.length === 0) return null;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={2}>{at('occasion.attendanceTitle')}</Title>
        <Text>{at('occasion.attendanceIntro', { hours: detail.occasion.lengthHours })}</Text>
        <DataTable label={at('occasion.attendanceTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{at('occasion.name')}</Table.Th>
              <Table.Th scope="col">{at('occasion.state')}</Table.Th>
              <Table.Th scope="col">{at('occasion.hours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {registered.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row">{r.name}</Table.Th>
                <Table.Td>
                  <Select
                    aria-label={at('occasion.attendanceFor', { name: r.name })}
                    data={[
                      { value: '', label: at('attendance.none') },
                      ...ATTENDANCE_STATES.map((s) => ({ value: s, label: at(`attendance.${s}`) })),
                    ]}
                    value={values[r.id]?.attendance ?? ''}
                    allowDeselect={false}
                    onChange={(v) =>
                      setValues((prev) => ({
                        ...prev,
                        [r.id]: { hours: prev[r.id]?.hours ?? '', attendance: v ?? '' },
                      }))
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={at('occasion.hoursFor', { name: r.name })}
                    min={0}
                    max={detail.occasion.lengthHours}
                    step={0.5}
                    decimalScale={2}
                    w={110}
                    disabled={values[r.id]?.attendance === 'absent'}
                    value={values[r.id]?.hours ?? ''}
                    onChange={(v) =>
                      setValues((prev) => ({ ...prev, [r.id]: { attendance: prev[r.id]?.attendance ?? '', hours: v } }))
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
        <FormError message={save.isError ? errorMessage(save.error) : null} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {at('occasion.saveAttendance')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
