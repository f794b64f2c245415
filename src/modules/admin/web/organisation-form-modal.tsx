// Adds a municipality or an education provider, or changes its name (and a municipality's SCB code).
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

type OrganisationFormModalProps = {
  kind: 'municipality' | 'provider';
  organisation?: OrganisationDto;
  onClose: () => void;
};

export function OrganisationFormModal({ kind, organisation, onClose }: OrganisationFormModalProps) {
  const { t } = useTranslation();
  const at = useAdminT();
  const texts = kind === 'municipality' ? 'municipalities' : 'providers';
  const form = useForm({
    initialValues: { name: organisation?.name ?? '', code: organisation?.code ?? '' },
    validate: { name: validateName, code: (value) => (kind === 'municipality' ? validateScbCode(value) : null) },
  });
  const modalForm = useModalFormSave({
    form,
    save: (values: typeof form.values) => {
      const name = values.name.trim();
      const body = kind === 'municipality' ? { name, code: values.code.trim() } : { name };
      return organisation
        ? adminApi.updateOrganisation(organisation.id, body)
        : adminApi.createOrganisation({ kind, ...body });
    },
    invalidates: ['organisations'],
    savedMessage: (saved) => (organisation ? t('common.saved') : at(`${texts}.created`, { name: saved.name })),
    onClose,
  });

  return (
    <AppModal
      opened
      onClose={onClose}
      title={organisation ? at(`${texts}.editTitle`, { name: organisation.name }) : at(`${texts}.createTitle`)}
    >
      <ModalForm {...modalForm} submitLabel={organisation ? t('common.save') : at(`${texts}.createSubmit`)}>
        <TextInput label={at(`${texts}.name`)} required data-autofocus {...form.getInputProps('name')} />
        {kind === 'municipality' ? (
          <TextInput
            label={at('municipalities.code')}
            description={at('municipalities.codeHelp')}
            inputMode="numeric"
            maxLength={4}
            required
            {...form.getInputProps('code')}
          />
        ) : null}
      </ModalForm>
    </AppModal>
  );
}
