// Opens a reporting period, or changes one's label, deadline and whether it is closed. The form is checked with the
// server's own schemas, so the messages next to the fields are the ones the server would give.
import { Checkbox, Group, Radio, Text, TextInput } from '@mantine/core';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../../platform/web/components/modal-form.tsx';
import { useModalFormSave } from '../../../../platform/web/components/use-modal-form-save.ts';
import { contractResolver } from '../../../../platform/web/contract-resolver.ts';
import { createPeriodSchema, type PeriodDto, updatePeriodSchema } from '../../staffing.contracts.ts';
import { staffingApi } from '../../web/reporting-api.ts';
import { useDay } from '../../web/reporting-format.ts';
import { useReportingT } from '../../web/staffing-t.ts';

type PeriodFormModalProps = { period?: PeriodDto; onClose: () => void };

export function PeriodFormModal({ period, onClose }: PeriodFormModalProps) {
  return period ? <EditPeriod period={period} onClose={onClose} /> : <CreatePeriod onClose={onClose} />;
}

const validateCreate = contractResolver(createPeriodSchema);
const validateUpdate = contractResolver(updatePeriodSchema);

function CreatePeriod({ onClose }: { onClose: () => void }) {
  const rt = useReportingT();
  const form = useForm({
    initialValues: { label: '', kind: 'annual' as 'annual' | 'quarterly', referenceDate: '', deadline: '' },
    validate: validateCreate,
  });
  const modalForm = useModalFormSave({
    form,
    save: (values) => staffingApi.createPeriod({ ...values, label: values.label.trim() }),
    invalidates: ['staffing', 'periods'],
    savedMessage: (saved) => rt('periods.created', { label: saved.label }),
    onClose,
  });

  return (
    <AppModal opened onClose={onClose} title={rt('periods.createTitle')}>
      <ModalForm {...modalForm} submitLabel={rt('periods.createSubmit')}>
        <Text>{rt('periods.createHelp')}</Text>
        <TextInput
          label={rt('periods.label')}
          description={rt('periods.labelHelp')}
          required
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('label')}
        />
        <Radio.Group label={rt('periods.kind')} required {...form.getInputProps('kind')}>
          <Group mt="xs">
            <Radio value="annual" label={rt('periods.kinds.annual')} />
            <Radio value="quarterly" label={rt('periods.kinds.quarterly')} />
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          label={rt('periods.referenceDate')}
          description={rt('periods.referenceDateHelp')}
          required
          {...form.getInputProps('referenceDate')}
        />
        <DeadlineField inputProps={form.getInputProps('deadline')} />
      </ModalForm>
    </AppModal>
  );
}

function EditPeriod({ period, onClose }: { period: PeriodDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rt = useReportingT();
  const day = useDay();
  const form = useForm({
    initialValues: { label: period.label, deadline: period.deadline.slice(0, 10), closed: period.closed },
    validate: (values) => {
      const errors = validateUpdate(values);
      if (!errors.deadline && values.deadline < period.referenceDate.slice(0, 10)) {
        errors.deadline = rt('periods.deadlineBeforeReference');
      }
      return errors;
    },
  });
  const modalForm = useModalFormSave({
    form,
    save: (values) => staffingApi.updatePeriod(period.id, { ...values, label: values.label.trim() }),
    invalidates: ['staffing', 'periods'],
    savedMessage: () => t('common.saved'),
    onClose,
  });

  return (
    <AppModal opened onClose={onClose} title={rt('periods.editTitle', { label: period.label })}>
      <ModalForm {...modalForm} submitLabel={t('common.save')}>
        <Text size="sm">
          {rt('periods.kind')}: {rt(`periods.kinds.${period.kind}`)}
          <br />
          {rt('periods.referenceDate')}: {day(period.referenceDate)}
        </Text>
        <TextInput
          label={rt('periods.label')}
          required
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('label')}
        />
        <DeadlineField inputProps={form.getInputProps('deadline')} />
        <Checkbox
          label={rt('periods.closedLabel')}
          description={rt('periods.closedHelp')}
          {...form.getInputProps('closed', { type: 'checkbox' })}
        />
      </ModalForm>
    </AppModal>
  );
}

function DeadlineField({ inputProps }: { inputProps: GetInputPropsReturnType }) {
  const rt = useReportingT();
  return (
    <TextInput
      type="date"
      label={rt('periods.deadline')}
      description={rt('periods.deadlineHelp')}
      required
      {...inputProps}
    />
  );
}
