// The file chooser of every import page (decision 011): a labelled file input (a button, so keyboard users reach it
// with Tab and open it with Enter or Space), its size and type hint, the upload's busy state on the submit button,
// a file over the size limit refused before it is sent, and the server's errors listed with their place in the file.
import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useId } from 'react';
import { ApiError, errorMessage } from '../api/api-client.ts';

export type FileUploadProps = {
  /** The input's visible label ("Fil (.xlsx eller .csv)"). */
  label: string;
  /** The size and type hint below the label. */
  hint?: ReactNode;
  /** The types the chooser offers; the server decides by content either way. */
  accept: string;
  placeholder?: string;
  /** The aria-label of the button that clears the chosen file. */
  clearLabel: string;
  value: File | null;
  onChange(file: File | null): void;
  /** A problem with the chosen file found here (too large, wrong type), shown on the input. */
  fileError?: ReactNode;
  /** The submit button's text ("Förhandsgranska") and whether the upload is under way. */
  submitLabel: string;
  busy: boolean;
  onSubmit(): void;
  /** The server's answer to the upload, when it failed: its message and each rejected cell's message. */
  error?: unknown;
  /** Heading of the list of rejected cells. */
  errorsTitle?: string;
  maxWidth?: number;
};

/** Whether the chosen file is larger than the import accepts (checked before it is sent). */
export function tooLarge(file: File, maxBytes: number): boolean {
  return file.size > maxBytes;
}

export function FileUpload(props: FileUploadProps) {
  const errorsId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  const fields = props.error instanceof ApiError ? props.error.fields : [];
  return (
    <form noValidate onSubmit={onSubmit} aria-busy={props.busy}>
      <Stack>
        <FileInput
          label={props.label}
          description={props.hint}
          accept={props.accept}
          placeholder={props.placeholder}
          // Mantine's placeholder grey is below 4.5:1 on white.
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          clearable
          clearButtonProps={{ 'aria-label': props.clearLabel }}
          value={props.value}
          error={props.fileError}
          maw={props.maxWidth ?? 520}
          aria-describedby={props.error ? errorsId : undefined}
          onChange={props.onChange}
        />
        {props.error ? (
          <Alert color="red" role="alert" id={errorsId} title={fields.length > 0 ? props.errorsTitle : undefined}>
            <Text size="sm">{errorMessage(props.error)}</Text>
            {fields.length > 0 ? (
              <List size="sm" mt="xs">
                {fields.map((f) => (
                  <List.Item key={`${f.path}:${f.message}`}>
                    {/* The message names its place ("Rad 7, kolumn Länk: …"); a bare path says where otherwise. */}
                    {f.message.includes(f.path) || /^Rad \d/.test(f.message) ? f.message : `${f.path}: ${f.message}`}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
