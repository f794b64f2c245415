// The entry form's fields: one input per fact with its Swedish label, help text, last period's value and error, and
// the groups (specialties, age bands with their running sum, absence kinds) with the error that concerns the group.
import { Fieldset, Input, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useFormat } from '../../../../platform/web/i18n/format.ts';
import { useReportingT } from '../../web/staffing-t.ts';
import type { BlockModel, FieldModel, GroupModel, SectionModel } from './report-form-model.ts';
import { plausibilityWarning } from './report-plausibility.ts';
import { type FormValues, parseDecimal } from './report-values.ts';

export type FieldState = {
  values: FormValues;
  errors: Record<string, string>;
  /** Last period's values by fact key; null when there is no earlier period. */
  previous: Map<string, number> | null;
  readOnly: boolean;
  onChange: (path: string, text: string) => void;
  /** A change above this share since the last period is flagged (a warning, not an error). */
  warnShare: number;
};

/** The id of a fact's input, so the error summary can move the focus to it. */
export const inputId = (path: string) => `fact-${path.replaceAll('.', '-')}`;

/** A section's blocks; headings start at the given level. */
export function ReportSectionFields({
  section,
  state,
  headingOrder,
  hideSingleTitle = false,
}: {
  section: SectionModel;
  state: FieldState;
  headingOrder: 3 | 4;
  hideSingleTitle?: boolean;
}) {
  const showTitles = !(hideSingleTitle && section.blocks.length === 1);
  return (
    <Stack gap="lg">
      {section.blocks.map((block) => (
        <Block key={block.title} block={block} state={state} headingOrder={showTitles ? headingOrder : null} />
      ))}
    </Stack>
  );
}

function Block({ block, state, headingOrder }: { block: BlockModel; state: FieldState; headingOrder: 3 | 4 | null }) {
  return (
    <Stack gap="sm">
      {headingOrder ? (
        <Title order={headingOrder} size="h5">
          {block.title}
        </Title>
      ) : null}
      {block.fields.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {block.fields.map((field) => (
            <FactField key={field.path} field={field} state={state} />
          ))}
        </SimpleGrid>
      ) : null}
      {block.groups.map((group) => (
        <GroupFields key={group.path} group={group} state={state} />
      ))}
    </Stack>
  );
}

function GroupFields({ group, state }: { group: GroupModel; state: FieldState }) {
  const rt = useReportingT();
  const format = useFormat();
  const error = state.errors[group.path];
  const helpId = `${inputId(group.path)}-help`;
  const errorId = `${inputId(group.path)}-error`;
  const filled = group.fields.filter((f) => typeof parseDecimal(state.values[f.path] ?? '') === 'number');
  const sum = filled.reduce((s, f) => s + (parseDecimal(state.values[f.path] ?? '') as number), 0);
  const against = group.sumAgainst ? parseDecimal(state.values[group.sumAgainst] ?? '') : null;

  return (
    <Fieldset
      legend={group.title}
      variant="unstyled"
      styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}
      aria-describedby={error ? `${helpId} ${errorId}` : helpId}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed" id={helpId}>
          {group.help}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {group.fields.map((field) => (
            <FactField key={field.path} field={field} state={state} groupInvalid={Boolean(error)} />
          ))}
        </SimpleGrid>
        {group.sumAgainst && filled.length > 0 ? (
          <Text size="sm" fw={600}>
            {typeof against === 'number'
              ? rt('form.sumAgainst', { sum: format.number(sum), headcount: format.number(against) })
              : rt('form.sum', { sum: format.number(sum) })}
          </Text>
        ) : null}
        {error ? (
          <Input.Error id={errorId} size="sm">
            {error}
          </Input.Error>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

function FactField({ field, state, groupInvalid }: { field: FieldModel; state: FieldState; groupInvalid?: boolean }) {
  const previous = state.previous ? (state.previous.get(field.path) ?? null) : undefined;
  return (
    <FactInput
      field={field}
      value={state.values[field.path] ?? ''}
      error={state.errors[field.path] ?? null}
      groupInvalid={groupInvalid ?? false}
      previous={previous}
      readOnly={state.readOnly}
      onChange={state.onChange}
      warnShare={state.warnShare}
    />
  );
}

type FactInputProps = {
  field: FieldModel;
  value: string;
  error: string | null;
  groupInvalid: boolean;
  /** undefined: no earlier period; null: the earlier period has no value. */
  previous: number | null | undefined;
  readOnly: boolean;
  onChange: (path: string, text: string) => void;
  warnShare: number;
};

/** One input; memoised, so typing in one field re-renders only that field. */
const FactInput = memo(function FactInput({
  field,
  value,
  error,
  groupInvalid,
  previous,
  readOnly,
  onChange,
  warnShare,
}: FactInputProps) {
  const rt = useReportingT();
  const format = useFormat();
  const parsed = parseDecimal(value);
  const current = typeof parsed === 'number' ? parsed : null;
  const warning =
    !error && !readOnly && plausibilityWarning(previous, current, warnShare)
      ? previous === 0
        ? rt('form.plausibilityNew')
        : rt('form.plausibility', { change: formatChange(format.number, previous ?? 0, current ?? 0) })
      : null;
  const previousText =
    previous === undefined
      ? null
      : rt('form.previous', {
          value: previous === null ? rt('form.previousMissing') : format.number(previous),
        });
  const description: ReactNode =
    field.help || previousText ? (
      <>
        {field.help}
        {field.help && previousText ? <br /> : null}
        {previousText}
        {warning ? (
          <>
            <br />
            <Text span size="xs" fw={700} c="var(--mantine-color-orange-light-color)" data-plausibility>
              {warning}
            </Text>
          </>
        ) : null}
      </>
    ) : undefined;
  return (
    <TextInput
      id={inputId(field.path)}
      label={
        <>
          {field.label}
          {field.hiddenSuffix ? <VisuallyHidden>{`, ${field.hiddenSuffix}`}</VisuallyHidden> : null}
        </>
      }
      description={description}
      value={value}
      onChange={(event) => onChange(field.path, event.currentTarget.value)}
      error={error ?? groupInvalid}
      readOnly={readOnly}
      inputMode={field.decimals ? 'decimal' : 'numeric'}
      autoComplete="off"
      spellCheck={false}
      maw={{ base: '100%', sm: 320 }}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
    />
  );
});

/** "+35 %" or "−20 %": the change since the last period, in whole per cent. */
function formatChange(number: (value: number) => string, previous: number, current: number): string {
  const percent = Math.round(((current - previous) / previous) * 100);
  return `${percent > 0 ? '+' : '−'}${number(Math.abs(percent))} %`;
}
