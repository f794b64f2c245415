// Creates an API token, then shows it once with a copy button and a clear warning.
import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role } from '../../../platform/shared/roles.ts';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { useMe } from '../../../platform/web/api/me-query.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { adminApi, type CreatedApiToken } from './admin-api.ts';
import { useAdminT } from './admin-t.ts';
import { validateName, validateRoles } from './admin-validation.ts';
import { keepAllowedRoles, useOrganisationOptions } from './organisation-options.ts';
import { OrganisationSelect } from './organisation-select.tsx';
import { RoleCheckboxes } from './role-checkboxes.tsx';

type Values = { name: string; organisationId: string; roles: Role[]; expiresOn: string };

/** Today's date as YYYY-MM-DD in local time, the format of <input type="date">. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function TokenCreateModal({ onClose }: { onClose: () => void }) {
  const at = useAdminT();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <AppModal
      opened
      onClose={onClose}
      title={created ? at('tokens.shownOnceTitle') : at('tokens.createTitle')}
      closeOnClickOutside={!created}
    >
      {created ? (
        <CreatedToken created={created} onDone={onClose} />
      ) : (
        <TokenForm onCreated={setCreated} onCancel={onClose} />
      )}
    </AppModal>
  );
}

function TokenForm({ onCreated, onCancel }: { onCreated: (created: CreatedApiToken) => void; onCancel: () => void }) {
  const at = useAdminT();
  const me = useMe();
  const queryClient = useQueryClient();
  const organisations = useOrganisationOptions(me);
  const [formError, setFormError] = useState<string | null>(null);
  const today = localDate(new Date());
  const form = useForm<Values>({
    initialValues: { name: '', organisationId: organisations.only ?? '', roles: [], expiresOn: '' },
    validate: {
      name: validateName,
      organisationId: (value) => (value ? null : at('validation.organisation')),
      roles: validateRoles,
      expiresOn: (value) => (value && value <= today ? at('validation.dateInPast') : null),
    },
  });
  const kind = organisations.kindOf(form.values.organisationId);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      adminApi.createToken({
        name: values.name.trim(),
        organisationId: values.organisationId,
        roles: values.roles,
        // The token is valid to the end of the chosen day, local time.
        expiresAt: values.expiresOn ? new Date(`${values.expiresOn}T23:59:59`).toISOString() : undefined,
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
      onCreated(created);
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  const onOrganisationChange = (value: string) => {
    form.setFieldValue('organisationId', value);
    form.setFieldValue('roles', (roles) => keepAllowedRoles(roles, organisations.kindOf(value)));
  };

  return (
    <ModalForm
      form={form}
      onSubmit={(values) => {
        setFormError(null);
        mutation.mutate(values);
      }}
      pending={mutation.isPending}
      formError={formError}
      submitLabel={at('tokens.createSubmit')}
      onCancel={onCancel}
    >
      <TextInput
        label={at('tokens.name')}
        description={at('tokens.nameHelp')}
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <OrganisationSelect
        options={organisations.options}
        value={form.values.organisationId}
        onChange={onOrganisationChange}
        error={form.errors.organisationId}
        disabled={organisations.isPending}
      />
      {kind ? (
        <RoleCheckboxes
          kind={kind}
          value={form.values.roles}
          onChange={(roles) => form.setFieldValue('roles', roles)}
          error={form.errors.roles}
        />
      ) : null}
      <TextInput
        label={at('tokens.expires')}
        description={at('tokens.expiresHelp')}
        type="date"
        min={today}
        {...form.getInputProps('expiresOn')}
      />
    </ModalForm>
  );
}

function CreatedToken({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const at = useAdminT();
  return (
    <Stack>
      <Alert color="orange" role="alert" title={at('tokens.shownOnceAlert')}>
        <Text size="sm">{at('tokens.shownOnceWarning')}</Text>
      </Alert>
      <Text fw={600}>{created.apiToken.name}</Text>
      <TextInput
        label={at('tokens.tokenLabel')}
        value={created.token}
        readOnly
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        onFocus={(event) => event.currentTarget.select()}
      />
      <Group justify="space-between">
        <CopyButton value={created.token}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'filled'} onClick={copy} aria-live="polite">
              {copied ? at('tokens.copied') : at('tokens.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {at('tokens.done')}
        </Button>
      </Group>
    </Stack>
  );
}
