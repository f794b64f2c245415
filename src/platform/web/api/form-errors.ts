// Puts the server's field errors on the form fields with the same name, and returns the message for the form.
import type { FormErrors } from '@mantine/form';
import { ApiError, errorMessage } from './api-client.ts';

type FormLike = {
  values: object;
  setErrors: (update: (current: FormErrors) => FormErrors) => void;
};

export function applyServerErrors(form: FormLike, error: unknown): string {
  if (error instanceof ApiError && error.fields.length > 0) {
    const names = new Set(Object.keys(form.values));
    const fieldErrors: FormErrors = {};
    for (const field of error.fields) {
      // "roles.0" belongs to the field "roles".
      const name = names.has(field.path) ? field.path : field.path.split('.')[0];
      if (name && names.has(name) && !(name in fieldErrors)) fieldErrors[name] = field.message;
    }
    form.setErrors((current) => ({ ...current, ...fieldErrors }));
  }
  return errorMessage(error);
}
