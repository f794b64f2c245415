// The body of a form in a modal: its fields, the message of a failed submission, and Cancel and submit buttons.
import { Button, Group, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './feedback.tsx';

type ModalFormProps<Values> = {
  form: UseFormReturnType<Values>;
  /** Called with the values once the form has validated. */
  onSubmit: (values: Values) => void;
  pending: boolean;
  formError: string | null;
  submitLabel: ReactNode;
  onCancel: () => void;
  children: ReactNode;
};

export function ModalForm<Values>({
  form,
  onSubmit,
  pending,
  formError,
  submitLabel,
  onCancel,
  children,
}: ModalFormProps<Values>) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={form.onSubmit((values) => onSubmit(values))}>
      <Stack>
        {children}
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
