// The save behind a ModalForm: sends the values; once saved, refreshes the lists that show them, confirms it and
// closes; when refused, puts the server's field errors on the fields and its message above the buttons.
import type { UseFormReturnType } from '@mantine/form';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applyServerErrors } from '../api/form-errors.ts';
import { notifySuccess } from '../notify.ts';

type ModalFormSaveOptions<Values extends object, Saved> = {
  form: UseFormReturnType<Values>;
  save: (values: Values) => Promise<Saved>;
  /** The cached queries the change makes stale. */
  invalidates: QueryKey;
  /** The confirmation, once saved. */
  savedMessage: (saved: Saved) => string;
  onClose: () => void;
};

/** The props of ModalForm but its submit label and fields: `<ModalForm {...modalForm} submitLabel={…}>`. */
export function useModalFormSave<Values extends object, Saved>({
  form,
  save,
  invalidates,
  savedMessage,
  onClose,
}: ModalFormSaveOptions<Values, Saved>) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: invalidates });
      notifySuccess(savedMessage(saved));
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });
  return {
    form,
    onSubmit: (values: Values) => {
      setFormError(null);
      mutation.mutate(values);
    },
    pending: mutation.isPending,
    formError,
    onCancel: onClose,
  };
}
