// The forms of the activities pages, each in a modal: a new (or changed) activity, a new (or changed) occasion with
// seats per municipality. The server checks everything again and its field errors land on the fields.
import {
  Checkbox,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef } from 'react';
import { toStockholmLocal } from '../../../platform/shared/stockholm-time.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { useModalFormSave } from '../../../platform/web/components/use-modal-form-save.ts';
import { ACTIVITY_KINDS, type ActivitySummary, type OccasionDetail } from '../activities.contracts.ts';
import { type ActivityBody, activitiesApi, type OccasionBody, optionsQuery, useActivitiesT } from './activities-api.ts';

type ActivityValues = {
  title: string;
  description: string;
  kind: string;
  organiserId: string;
  networkId: string;
  targetProfessions: string[];
  selfRegistration: boolean;
  surveyTemplateId: string;
};

export function ActivityFormModal({
  opened,
  onClose,
  activity,
}: {
  opened: boolean;
  onClose: () => void;
  activity?: ActivitySummary;
}) {
  const at = useActivitiesT();
  const navigate = useNavigate();
  const options = useQuery(optionsQuery());
  const form = useForm<ActivityValues>({
    initialValues: {
      title: activity?.title ?? '',
      description: activity?.description ?? '',
      kind: activity?.kind ?? 'course',
      organiserId: activity?.organiser.id ?? '',
      networkId: activity?.network?.id ?? '',
      targetProfessions: activity?.targetProfessions.map((p) => p.key) ?? [],
      selfRegistration: activity?.selfRegistration ?? false,
      surveyTemplateId: activity ? (activity.surveyTemplate?.id ?? '') : 'standard',
    },
    validate: { title: (v) => (v.trim() ? null : at('activityForm.title')) },
  });
  const standard = options.data?.templates.find((t) => t.standard)?.id ?? null;
  const body = (v: ActivityValues): ActivityBody => ({
    title: v.title,
    description: v.description,
    kind: v.kind,
    ...(activity ? {} : v.organiserId ? { organiserId: v.organiserId } : {}),
    networkId: v.networkId || null,
    targetProfessions: v.targetProfessions,
    selfRegistration: v.selfRegistration,
    surveyTemplateId: v.surveyTemplateId === 'standard' ? standard : v.surveyTemplateId || null,
  });
  const created = useRef<string | null>(null);
  const modalForm = useModalFormSave({
    form,
    save: (v: ActivityValues) =>
      activity ? activitiesApi.updateActivity(activity.id, body(v)) : activitiesApi.createActivity(body(v)),
    invalidates: ['activities'],
    savedMessage: (saved) => {
      created.current = saved.id;
      return at(activity ? 'activityForm.saved' : 'activityForm.created');
    },
    onClose: () => {
      onClose();
      // A new activity opens on its own page, where its first occasion is added.
      if (!activity && created.current) {
        void navigate({ to: '/activities/$activityId', params: { activityId: created.current } });
      }
    },
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={at(activity ? 'activityForm.edit' : 'calendar.newActivity')}>
      <ModalForm
        {...modalForm}
        submitLabel={at(activity ? 'activityForm.save' : 'activityForm.create')}
        onCancel={onClose}
      >
        <TextInput label={at('activityForm.title')} required {...form.getInputProps('title')} />
        <Textarea label={at('activityForm.description')} autosize minRows={3} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={at('activityForm.kind')}
            required
            allowDeselect={false}
            data={ACTIVITY_KINDS.map((k) => ({ value: k, label: at(`kind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          {activity ? null : (
            <Select
              label={at('activityForm.organiser')}
              data={(options.data?.organisers ?? []).map((o) => ({ value: o.id, label: o.name }))}
              placeholder={options.data?.organisers[0]?.name}
              {...form.getInputProps('organiserId')}
            />
          )}
          <Select
            label={at('activityForm.network')}
            data={[
              { value: '', label: at('activityForm.noNetwork') },
              ...(options.data?.networks ?? []).map((n) => ({ value: n.id, label: n.name })),
            ]}
            {...form.getInputProps('networkId')}
          />
          <Select
            label={at('activityForm.survey')}
            allowDeselect={false}
            data={[
              { value: '', label: at('activityForm.noSurvey') },
              ...(options.data?.templates ?? []).map((t) => ({ value: t.standard ? 'standard' : t.id, label: t.name })),
            ]}
            {...form.getInputProps('surveyTemplateId')}
          />
        </SimpleGrid>
        <MultiSelect
          label={at('activityForm.professions')}
          description={at('activityForm.professionsHelp')}
          data={(options.data?.professions ?? []).map((p) => ({ value: p.key, label: p.name }))}
          searchable
          {...form.getInputProps('targetProfessions')}
        />
        <Checkbox
          label={at('activityForm.selfRegistration')}
          {...form.getInputProps('selfRegistration', { type: 'checkbox' })}
        />
      </ModalForm>
    </AppModal>
  );
}

type OccasionValues = {
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  capacity: number | string;
  registrationDeadline: string;
  seatsReleaseAt: string;
  seats: Record<string, number | string>;
  open: boolean;
};

const local = (iso: string | null | undefined) => (iso ? toStockholmLocal(new Date(iso)) : '');

export function OccasionFormModal({
  opened,
  onClose,
  activityId,
  occasion,
}: {
  opened: boolean;
  onClose: () => void;
  activityId: string;
  occasion?: OccasionDetail;
}) {
  const at = useActivitiesT();
  const options = useQuery(optionsQuery());
  const o = occasion?.occasion;
  const form = useForm<OccasionValues>({
    initialValues: {
      startsAt: local(o?.startsAt),
      endsAt: local(o?.endsAt),
      place: o?.place ?? '',
      onlineUrl: o?.onlineUrl ?? '',
      capacity: o?.capacity ?? 20,
      registrationDeadline: local(o?.registrationDeadline),
      seatsReleaseAt: local(o?.seatsReleaseAt),
      seats: Object.fromEntries((occasion?.seats ?? []).map((s) => [s.organisationId, s.seats])),
      open: o ? o.status !== 'planned' : true,
    },
  });
  const body = (v: OccasionValues): OccasionBody => ({
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    place: v.place || null,
    onlineUrl: v.onlineUrl || null,
    capacity: Number(v.capacity),
    registrationDeadline: v.registrationDeadline,
    seatsReleaseAt: v.seatsReleaseAt || null,
    seats: Object.entries(v.seats)
      .filter(([, n]) => n !== '' && Number(n) > 0)
      .map(([organisationId, n]) => ({ organisationId, seats: Number(n) })),
    status: v.open ? 'open' : 'planned',
  });
  const modalForm = useModalFormSave({
    form,
    save: (v: OccasionValues) =>
      occasion
        ? activitiesApi.updateOccasion(occasion.occasion.id, body(v))
        : activitiesApi.createOccasion(activityId, body(v)),
    invalidates: ['activities'],
    savedMessage: () => at(occasion ? 'occasionForm.saved' : 'occasionForm.created'),
    onClose,
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={at(occasion ? 'occasionForm.edit' : 'activity.addOccasion')}>
      <ModalForm
        {...modalForm}
        submitLabel={at(occasion ? 'occasionForm.save' : 'occasionForm.create')}
        onCancel={onClose}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={at('occasionForm.startsAt')}
            required
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label={at('occasionForm.endsAt')}
            required
            {...form.getInputProps('endsAt')}
          />
          <TextInput label={at('occasionForm.place')} {...form.getInputProps('place')} />
          <TextInput
            label={at('occasionForm.onlineUrl')}
            description={at('occasionForm.onlineHelp')}
            {...form.getInputProps('onlineUrl')}
          />
          <NumberInput
            label={at('occasionForm.capacity')}
            required
            min={1}
            allowDecimal={false}
            {...form.getInputProps('capacity')}
          />
          <TextInput
            type="datetime-local"
            label={at('occasionForm.deadline')}
            required
            {...form.getInputProps('registrationDeadline')}
          />
          <TextInput
            type="datetime-local"
            label={at('occasionForm.release')}
            description={at('occasionForm.releaseHelp')}
            {...form.getInputProps('seatsReleaseAt')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text fw={600} id="seats-heading">
            {at('occasionForm.seats')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} role="group" aria-labelledby="seats-heading">
            {(options.data?.municipalities ?? []).map((m) => (
              <NumberInput
                key={m.id}
                label={m.name}
                aria-label={at('occasionForm.seatsFor', { name: m.name })}
                min={0}
                allowDecimal={false}
                {...form.getInputProps(`seats.${m.id}`)}
                value={form.values.seats[m.id] ?? ''}
              />
            ))}
          </SimpleGrid>
        </Stack>
        {o && o.status !== 'planned' ? null : (
          <Checkbox label={at('occasionForm.openNow')} {...form.getInputProps('open', { type: 'checkbox' })} />
        )}
      </ModalForm>
    </AppModal>
  );
}
