// Opens a reporting period, or changes one's label, deadline and whether it is closed. The form is checked with the
// server's own schemas, so the messages next to the fields are the ones the server would give.
import { Checkbox, Group, Radio, Text, TextInput } from '@mantine/core';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../../platform/web/components/modal-form.tsx';
import { useModalFormSave } from '../../../../platform/web/components/use-modal-form-save.ts';
import { createPeriodSchema, type PeriodDto, updatePeriodSchema } from '../../staffing.contracts.ts';
import { contractResolver } from '../../web/contract-resolver.ts';
import { staffingApi } from '../../web/reporting-api.ts';
import { useDay } from '../../web/reporting-format.ts';

type PeriodFormModalProps = { period?: PeriodDto; onClose: () => void };

export function PeriodFormModal({ period, onClose }: PeriodFormModalProps) {
  return period ? <EditPeriod period={period} onClose={onClose} /> : <CreatePeriod onClose={onClose} />;
}

const validateCreate = contractResolver(createPeriodSchema);
const validateUpdate = contractResolver(updatePeriodSchema);

function CreatePeriod({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { label: '', kind: 'annual' as 'annual' | 'quarterly', referenceDate: '', deadline: '' },
    validate: validateCreate,
  });
  const modalForm = useModalFormSave({
    form,
    save: (values) => staffingApi.createPeriod({ ...values, label: values.label.trim() }),
    invalidates: ['staffing', 'periods'],
    savedMessage: (saved) => t('staffingReporting.periods.created', { label: saved.label }),
    onClose,
  });

  return (
    <AppModal opened onClose={onClose} title={t('staffingReporting.periods.createTitle')}>
      <ModalForm {...modalForm} submitLabel={t('staffingReporting.periods.createSubmit')}>
        <Text>{t('staffingReporting.periods.createHelp')}</Text>
        <TextInput
          label={t('staffingReporting.periods.label')}
          description={t('staffingReporting.periods.labelHelp')}
          required
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('label')}
        />
        <Radio.Group label={t('staffingReporting.periods.kind')} required {...form.getInputProps('kind')}>
          <Group mt="xs">
            <Radio value="annual" label={t('staffingReporting.periods.kinds.annual')} />
            <Radio value="quarterly" label={t('staffingReporting.periods.kinds.quarterly')} />
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          label={t('staffingReporting.periods.referenceDate')}
          description={t('staffingReporting.periods.referenceDateHelp')}
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
  const day = useDay();
  const form = useForm({
    initialValues: { label: period.label, deadline: period.deadline.slice(0, 10), closed: period.closed },
    validate: (values) => {
      const errors = validateUpdate(values);
      if (!errors.deadline && values.deadline < period.referenceDate.slice(0, 10)) {
        errors.deadline = t('staffingReporting.periods.deadlineBeforeReference');
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
    <AppModal opened onClose={onClose} title={t('staffingReporting.periods.editTitle', { label: period.label })}>
      <ModalForm {...modalForm} submitLabel={t('common.save')}>
        <Text size="sm">
          {t('staffingReporting.periods.kind')}: {t(`staffingReporting.periods.kinds.${period.kind}`)}
          <br />
          {t('staffingReporting.periods.referenceDate')}: {day(period.referenceDate)}
        </Text>
        <TextInput
          label={t('staffingReporting.periods.label')}
          required
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('label')}
        />
        <DeadlineField inputProps={form.getInputProps('deadline')} />
        <Checkbox
          label={t('staffingReporting.periods.closedLabel')}
          description={t('staffingReporting.periods.closedHelp')}
          {...form.getInputProps('closed', { type: 'checkbox' })}
        />
      </ModalForm>
    </AppModal>
  );
}

function DeadlineField({ inputProps }: { inputProps: GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="date"
      label={t('staffingReporting.periods.deadline')}
      description={t('staffingReporting.periods.deadlineHelp')}
      required
      {...inputProps}
    />
  );
}
