// Creates a network (or steering, reference or working group) or changes its name, kind and description.
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { useModalFormSave } from '../../../platform/web/components/use-modal-form-save.ts';
import type { NetworkDto } from '../admin.contracts.ts';
import { adminApi } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';
import { isNetworkKind, NETWORK_KINDS, validateDescription, validateName } from './admin-validation.ts';

type NetworkKind = NetworkDto['kind'];
type NetworkFormModalProps = { network?: NetworkDto; onClose: () => void };

export function NetworkFormModal({ network, onClose }: NetworkFormModalProps) {
  const { t } = useTranslation();
  const at = useAdminT();
  const form = useForm({
    initialValues: {
      name: network?.name ?? '',
      kind: network?.kind ?? ('network' as NetworkKind),
      description: network?.description ?? '',
    },
    validate: {
      name: validateName,
      description: validateDescription,
    },
  });
  const modalForm = useModalFormSave({
    form,
    save: (values: typeof form.values) => {
      const body = { name: values.name.trim(), kind: values.kind, description: values.description.trim() };
      return network ? adminApi.updateNetwork(network.id, body) : adminApi.createNetwork(body);
    },
    invalidates: ['networks'],
    savedMessage: (saved) => (network ? t('common.saved') : at('networks.created', { name: saved.name })),
    onClose,
  });

  return (
    <AppModal
      opened
      onClose={onClose}
      title={network ? at('networks.editTitle', { name: network.name }) : at('networks.createTitle')}
    >
      <ModalForm {...modalForm} submitLabel={network ? t('common.save') : at('networks.createSubmit')}>
        <TextInput label={at('networks.name')} required data-autofocus {...form.getInputProps('name')} />
        <NativeSelect
          label={at('networks.kind')}
          required
          data={NETWORK_KINDS.map((kind) => ({ value: kind, label: at(`networkKinds.${kind}`) }))}
          value={form.values.kind}
          error={form.errors.kind}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isNetworkKind(value)) form.setFieldValue('kind', value);
          }}
        />
        <Textarea
          label={at('networks.description')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('description')}
        />
      </ModalForm>
    </AppModal>
  );
}
