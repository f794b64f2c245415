// Invites a user (name, e-mail, organisation, roles) or changes an existing user's name and roles.
import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../platform/shared/roles.ts';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { useMe } from '../../../platform/web/api/me-query.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { validateEmail } from '../../../platform/web/validation.ts';
import type { UserDto } from '../admin.contracts.ts';
import { adminApi } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';
import { validateName, validateRoles } from './admin-validation.ts';
import { keepAllowedRoles, useOrganisationOptions } from './organisation-options.ts';
import { OrganisationSelect } from './organisation-select.tsx';
import { RoleCheckboxes } from './role-checkboxes.tsx';

type UserFormModalProps = { user?: UserDto; onClose: () => void };
type Values = { name: string; email: string; organisationId: string; roles: Role[] };

export function UserFormModal({ user, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const at = useAdminT();
  const me = useMe();
  const queryClient = useQueryClient();
  const organisations = useOrganisationOptions(me);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      organisationId: user?.organisationId ?? organisations.only ?? '',
      roles: user?.roles ?? [],
    },
    validate: {
      name: validateName,
      email: (value) => (user ? null : validateEmail(value)),
      organisationId: (value) => (value ? null : at('validation.organisation')),
      roles: validateRoles,
    },
  });

  const kind = organisations.kindOf(form.values.organisationId);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      user
        ? adminApi.updateUser(user.id, { name: values.name.trim(), roles: values.roles })
        : adminApi.inviteUser({
            name: values.name.trim(),
            email: values.email.trim(),
            organisationId: values.organisationId,
            roles: values.roles,
          }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      if (saved.id === me.id) await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifySuccess(user ? t('common.saved') : at('users.invited', { email: saved.email }));
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  const onOrganisationChange = (value: string) => {
    form.setFieldValue('organisationId', value);
    form.setFieldValue('roles', (roles) => keepAllowedRoles(roles, organisations.kindOf(value)));
  };

  return (
    <AppModal
      opened
      onClose={onClose}
      title={user ? at('users.editTitle', { name: user.name }) : at('users.inviteTitle')}
    >
      <ModalForm
        form={form}
        onSubmit={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        pending={mutation.isPending}
        formError={formError}
        submitLabel={user ? t('common.save') : at('users.inviteSubmit')}
        onCancel={onClose}
      >
        {user ? null : <Text>{at('users.inviteHelp')}</Text>}
        <TextInput
          label={at('users.name')}
          required
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('name')}
        />
        {user ? (
          <Text size="sm">
            {at('users.email')}: {user.email}
            <br />
            {at('users.organisation')}: {user.organisationName}
          </Text>
        ) : (
          <>
            <TextInput
              label={at('users.email')}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <OrganisationSelect
              options={organisations.options}
              value={form.values.organisationId}
              onChange={onOrganisationChange}
              error={form.errors.organisationId}
              disabled={organisations.isPending}
            />
          </>
        )}
        {kind ? (
          <RoleCheckboxes
            kind={kind}
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue('roles', roles)}
            error={form.errors.roles}
          />
        ) : null}
      </ModalForm>
    </AppModal>
  );
}
