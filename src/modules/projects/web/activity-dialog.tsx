// Changing an activity's dates: plan and reality side by side, the reason required once the baseline is saved (the
// history keeps who, when and why). Opened from the chart (keyboard or mouse) and from the table.
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { FormError } from '../../../platform/web/components/feedback.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { ganttTexts } from '../gantt-texts.ts';
import { ACTIVITY_STATUSES, type ActivityDto } from '../projects.contracts.ts';
import type { DateChange } from './gantt-chart.tsx';
import { useProjectChange } from './projects-api.ts';
import { useProjectsT } from './projects-t.ts';

type Values = {
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  status: string;
  reason: string;
};

export function initialValues(a: ActivityDto, change?: DateChange): Values {
  const v: Values = {
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    actualStart: a.actualStart ?? '',
    actualEnd: a.actualEnd ?? '',
    status: '',
    reason: '',
  };
  if (change?.bar === 'plan') Object.assign(v, { plannedStart: change.start, plannedEnd: change.end });
  if (change?.bar === 'actual') {
    // Moving the end of a reality not yet finished sets its end; a reality not begun starts at the plan's start.
    Object.assign(v, { actualStart: change.start, actualEnd: change.end });
  }
  return v;
}

type Props = { projectId: string; activity: ActivityDto; change?: DateChange; onClose: () => void };

export function ActivityDialog({ projectId, activity, change, onClose }: Props) {
  const pt = useProjectsT();
  const form = useForm<Values>({ initialValues: initialValues(activity, change) });
  const [error, setError] = useState<string | null>(null);
  const save = useProjectChange<Record<string, unknown>>(projectId, 'PATCH', `/activities/${activity.id}`);
  const submit = (v: Values) => {
    const body: Record<string, unknown> = {};
    if (v.plannedStart !== activity.plannedStart) body.plannedStart = v.plannedStart;
    if (v.plannedEnd !== activity.plannedEnd) body.plannedEnd = v.plannedEnd;
    if ((v.actualStart || null) !== activity.actualStart) body.actualStart = v.actualStart || null;
    if ((v.actualEnd || null) !== activity.actualEnd) body.actualEnd = v.actualEnd || null;
    if (v.status) body.status = v.status;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    if (v.reason) body.reason = v.reason;
    save.mutate(body, {
      onSuccess: () => {
        notifySuccess(pt('common.saved'));
        onClose();
      },
      onError: (e) => setError(applyServerErrors(form, e)),
    });
  };
  const { i18n } = useTranslation();
  const statuses = ganttTexts(i18n.resolvedLanguage === 'en' ? 'en' : 'sv').status;
  return (
    <AppModal opened onClose={onClose} title={pt('plan.edit', { name: activity.name })}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={pt('plan.plannedStart')} {...form.getInputProps('plannedStart')} />
            <TextInput type="date" label={pt('plan.plannedEnd')} {...form.getInputProps('plannedEnd')} />
            <TextInput type="date" label={pt('plan.actualStart')} {...form.getInputProps('actualStart')} />
            <TextInput type="date" label={pt('plan.actualEnd')} {...form.getInputProps('actualEnd')} />
          </SimpleGrid>
          <NativeSelect
            label={pt('plan.status')}
            data={[
              { value: '', label: pt('common.choose') },
              ...ACTIVITY_STATUSES.map((s) => ({ value: s, label: statuses[s] })),
            ]}
            {...form.getInputProps('status')}
          />
          <Textarea
            label={pt('plan.reason')}
            description={pt('plan.reasonHelp')}
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <FormError message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {pt('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {pt('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
