// Adds a municipality or changes its name and SCB code.
import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { useModalFormSave } from '../../../platform/web/components/use-modal-form-save.ts';
import type { OrganisationDto } from '../admin.contracts.ts';
import { adminApi } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';
import { validateName, validateScbCode } from './admin-validation.ts';

type MunicipalityFormModalProps = { municipality?: OrganisationDto; onClose: () => void };

export function MunicipalityFormModal({ municipality, onClose }: MunicipalityFormModalProps) {
  const { t } = useTranslation();
  const at = useAdminT();
  const form = useForm({
    initialValues: { name: municipality?.name ?? '', code: municipality?.code ?? '' },
    validate: { name: validateName, code: validateScbCode },
  });
  const modalForm = useModalFormSave({
    form,
    save: (values: typeof form.values) => {
      const body = { name: values.name.trim(), code: values.code.trim() };
      return municipality ? adminApi.updateOrganisation(municipality.id, body) : adminApi.createMunicipality(body);
    },
    invalidates: ['organisations'],
    savedMessage: (saved) => (municipality ? t('common.saved') : at('municipalities.created', { name: saved.name })),
    onClose,
  });

  return (
    <AppModal
      opened
      onClose={onClose}
      title={
        municipality ? at('municipalities.editTitle', { name: municipality.name }) : at('municipalities.createTitle')
      }
    >
      <ModalForm {...modalForm} submitLabel={municipality ? t('common.save') : at('municipalities.createSubmit')}>
        <TextInput label={at('municipalities.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label={at('municipalities.code')}
          description={at('municipalities.codeHelp')}
          inputMode="numeric"
          maxLength={4}
          required
          {...form.getInputProps('code')}
        />
      </ModalForm>
    </AppModal>
  );
}
