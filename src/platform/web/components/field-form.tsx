// A small form made from a list of fields (text, long text, date, date-time, number, choice, checkbox), for the many
// short entries a module's pages add one after another: labels on every field, the server's field errors beside the
// fields, the form's error above the button.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { applyServerErrors } from '../api/form-errors.ts';
import { FormError } from './feedback.tsx';

export type FormField = {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'date' | 'datetime' | 'number' | 'select' | 'checkbox';
  options?: { value: string; label: string }[];
  required?: boolean;
  description?: string;
  initial?: string | number | boolean;
  /** An empty value is sent as null instead of being left out. */
  emptyAsNull?: boolean;
};

type Values = Record<string, string | number | boolean>;

function toBody(fields: FormField[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'checkbox') body[f.name] = Boolean(v);
    else if (v === '' || v === undefined) {
      if (f.emptyAsNull) body[f.name] = null;
    } else body[f.name] = f.kind === 'number' ? Number(v) : v;
  }
  return body;
}

type FieldFormProps = {
  fields: FormField[];
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onDone?: () => void;
  columns?: number;
  /** Clears the fields after a successful save (for entries added one after another). */
  reset?: boolean;
};

export function FieldForm({ fields, submitLabel, onSubmit, onDone, columns = 1, reset = true }: FieldFormProps) {
  const initial = Object.fromEntries(
    fields.map((f) => [f.name, f.initial ?? (f.kind === 'checkbox' ? false : '')]),
  ) as Values;
  const form = useForm<Values>({ initialValues: initial });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(toBody(fields, values));
      if (reset) form.setValues(initial);
      onDone?.();
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: columns }}>
          {fields.map((f) => {
            const common = {
              label: f.label,
              description: f.description,
              required: f.required,
            };
            const props = form.getInputProps(f.name, f.kind === 'checkbox' ? { type: 'checkbox' } : undefined);
            if (f.kind === 'textarea') return <Textarea key={f.name} {...common} autosize minRows={2} {...props} />;
            if (f.kind === 'number') return <NumberInput key={f.name} {...common} decimalSeparator="," {...props} />;
            if (f.kind === 'select') return <NativeSelect key={f.name} {...common} data={f.options ?? []} {...props} />;
            if (f.kind === 'checkbox') return <Checkbox key={f.name} {...common} {...props} mt="lg" />;
            return (
              <TextInput
                key={f.name}
                {...common}
                type={f.kind === 'date' ? 'date' : f.kind === 'datetime' ? 'datetime-local' : 'text'}
                {...props}
              />
            );
          })}
        </SimpleGrid>
        <FormError message={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
