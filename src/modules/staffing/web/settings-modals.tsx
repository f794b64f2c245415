// Adds or changes a profession or a list item (specialty, other competence, age band, absence kind). Keys are chosen
// once: they identify values in reports and Excel files, so an existing key is shown but cannot be changed.
import { Checkbox, NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { useModalFormSave } from '../../../platform/web/components/use-modal-form-save.ts';
import { contractResolver } from '../../../platform/web/contract-resolver.ts';
import {
  type ConfigItemDto,
  createItemSchema,
  createProfessionSchema,
  type ItemKind,
  type ProfessionDto,
  updateItemSchema,
  updateProfessionSchema,
} from '../staffing.contracts.ts';
import { staffingApi } from './reporting-api.ts';
import { useReportingT } from './staffing-t.ts';

/** A key suggested from a name: "Vård av äldre" → "vard_av_aldre". */
export function suggestKey(name: string): string {
  const plain = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  return plain.slice(0, 40);
}

const sortNumber = (value: number | string): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const age = (value: number | string): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

const validateCreateProfession = contractResolver(createProfessionSchema);
const validateUpdateProfession = contractResolver(updateProfessionSchema);
const validateCreateItem = contractResolver(createItemSchema);
const validateUpdateItem = contractResolver(updateItemSchema);

type ProfessionValues = { key: string; name: string; nameEn: string; licensed: boolean; sort: number | string };

export function ProfessionFormModal({ profession, onClose }: { profession?: ProfessionDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rt = useReportingT();
  const toCreate = (v: ProfessionValues) => ({
    key: v.key.trim(),
    name: v.name.trim(),
    nameEn: v.nameEn.trim(),
    licensed: v.licensed,
  });
  const toUpdate = (v: ProfessionValues) => ({
    name: v.name.trim(),
    nameEn: v.nameEn.trim(),
    licensed: v.licensed,
    sort: sortNumber(v.sort),
  });
  const form = useForm<ProfessionValues>({
    initialValues: {
      key: profession?.key ?? '',
      name: profession?.name ?? '',
      nameEn: profession?.nameEn ?? '',
      licensed: profession?.licensed ?? false,
      sort: profession?.sort ?? '',
    },
    validate: (values) =>
      profession ? validateUpdateProfession(toUpdate(values)) : validateCreateProfession(toCreate(values)),
  });
  const modalForm = useModalFormSave({
    form,
    save: (values) =>
      profession
        ? staffingApi.updateProfession(profession.id, toUpdate(values))
        : staffingApi.createProfession(toCreate(values)),
    invalidates: ['staffing', 'config'],
    savedMessage: (saved) => (profession ? t('common.saved') : rt('settings.created', { name: saved.name })),
    onClose,
  });

  return (
    <AppModal
      opened
      onClose={onClose}
      title={profession ? rt('settings.editTitle', { name: profession.name }) : rt('settings.addProfessionTitle')}
    >
      <ModalForm {...modalForm} submitLabel={profession ? t('common.save') : rt('settings.add')}>
        <NameAndKeyFields form={form} existingKey={profession?.key} keyFromName={suggestKey} />
        <Checkbox
          label={rt('settings.licensed')}
          description={rt('settings.licensedHelp')}
          {...form.getInputProps('licensed', { type: 'checkbox' })}
        />
        {profession ? <SortField inputProps={form.getInputProps('sort')} /> : null}
      </ModalForm>
    </AppModal>
  );
}

type ItemValues = {
  key: string;
  name: string;
  nameEn: string;
  minAge: number | string;
  maxAge: number | string;
  sort: number | string;
};

type ItemFormModalProps = {
  kind: ItemKind;
  /** The profession of a new specialty. */
  profession?: ProfessionDto;
  item?: ConfigItemDto;
  onClose: () => void;
};

export function ItemFormModal({ kind, profession, item, onClose }: ItemFormModalProps) {
  const { t } = useTranslation();
  const rt = useReportingT();
  const isAgeBand = kind === 'age_band';
  const toCreate = (v: ItemValues) => ({
    kind,
    professionId: kind === 'specialty' ? (profession?.id ?? null) : null,
    key: v.key.trim(),
    name: v.name.trim(),
    nameEn: v.nameEn.trim(),
    minAge: isAgeBand ? age(v.minAge) : null,
    maxAge: isAgeBand ? age(v.maxAge) : null,
  });
  const toUpdate = (v: ItemValues) => ({ name: v.name.trim(), nameEn: v.nameEn.trim(), sort: sortNumber(v.sort) });
  const form = useForm<ItemValues>({
    initialValues: {
      key: item?.key ?? '',
      name: item?.name ?? '',
      nameEn: item?.nameEn ?? '',
      minAge: item?.minAge ?? '',
      maxAge: item?.maxAge ?? '',
      sort: item?.sort ?? '',
    },
    validate: (values) => {
      if (item) return validateUpdateItem(toUpdate(values));
      const errors = validateCreateItem(toCreate(values));
      const body = toCreate(values);
      if (isAgeBand && body.minAge === null && !errors.minAge) errors.minAge = rt('settings.minAgeRequired');
      if (isAgeBand && body.minAge !== null && body.maxAge !== null && body.maxAge < body.minAge && !errors.maxAge) {
        errors.maxAge = rt('settings.maxBelowMin');
      }
      return errors;
    },
  });
  const modalForm = useModalFormSave({
    form,
    save: (values) =>
      item ? staffingApi.updateItem(item.id, toUpdate(values)) : staffingApi.createItem(toCreate(values)),
    invalidates: ['staffing', 'config'],
    savedMessage: (saved) => (item ? t('common.saved') : rt('settings.created', { name: saved.name })),
    onClose,
  });

  const kindName = rt(`settings.kinds.${kind}`);
  const title = item
    ? rt('settings.editTitle', { name: item.name })
    : profession
      ? rt('settings.addSpecialtyTitle', { profession: profession.name })
      : rt('settings.addItemTitle', { kind: kindName });

  return (
    <AppModal opened onClose={onClose} title={title}>
      <ModalForm {...modalForm} submitLabel={item ? t('common.save') : rt('settings.add')}>
        <NameAndKeyFields
          form={form}
          existingKey={item?.key}
          keyFromName={(name) => suggestKey(isAgeBand ? `age_${name}` : name)}
        />
        {isAgeBand && !item ? (
          <SimpleGrid cols={2}>
            <NumberInput
              label={rt('settings.minAge')}
              required
              allowDecimal={false}
              allowNegative={false}
              min={0}
              max={120}
              {...form.getInputProps('minAge')}
            />
            <NumberInput
              label={rt('settings.maxAge')}
              description={rt('settings.maxAgeHelp')}
              allowDecimal={false}
              allowNegative={false}
              min={0}
              max={120}
              {...form.getInputProps('maxAge')}
            />
          </SimpleGrid>
        ) : null}
        {isAgeBand && item ? (
          <Text size="sm">
            {rt('settings.ages')}: {ageRange(item, rt('settings.andOlder'))}
          </Text>
        ) : null}
        {item ? <SortField inputProps={form.getInputProps('sort')} /> : null}
      </ModalForm>
    </AppModal>
  );
}

/** "30–39", or "65 och äldre" when there is no upper limit. */
export function ageRange(item: { minAge: number | null; maxAge: number | null }, andOlder: string): string {
  if (item.minAge === null) return '';
  return item.maxAge === null ? `${item.minAge} ${andOlder}` : `${item.minAge}–${item.maxAge}`;
}

/** The fields every entry has, in a form whose values include them. */
type NamingForm = {
  getInputProps: (path: 'name' | 'nameEn' | 'key') => GetInputPropsReturnType;
  setFieldValue: (path: 'name' | 'key', value: string) => void;
};

type NameAndKeyFieldsProps = {
  form: NamingForm;
  /** The key of an existing entry, which cannot change. */
  existingKey?: string;
  keyFromName: (name: string) => string;
};

/** Name, English name and key; a new entry's key follows its name until the user types one of their own. */
function NameAndKeyFields({ form, existingKey, keyFromName }: NameAndKeyFieldsProps) {
  const rt = useReportingT();
  const [keyTouched, setKeyTouched] = useState(false);
  return (
    <>
      <TextInput
        label={rt('settings.name')}
        required
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('name')}
        onChange={(event) => {
          const name = event.currentTarget.value;
          form.setFieldValue('name', name);
          if (!existingKey && !keyTouched) form.setFieldValue('key', keyFromName(name));
        }}
      />
      <TextInput label={rt('settings.nameEn')} required autoComplete="off" {...form.getInputProps('nameEn')} />
      <KeyField existing={existingKey} inputProps={form.getInputProps('key')} onTouched={() => setKeyTouched(true)} />
    </>
  );
}

function SortField({ inputProps }: { inputProps: GetInputPropsReturnType }) {
  const rt = useReportingT();
  return (
    <NumberInput
      label={rt('settings.sort')}
      description={rt('settings.sortHelp')}
      allowDecimal={false}
      allowNegative={false}
      min={0}
      max={1000}
      maw={200}
      {...inputProps}
    />
  );
}

type KeyFieldProps = {
  existing?: string;
  inputProps: GetInputPropsReturnType;
  onTouched: () => void;
};

function KeyField({ existing, inputProps, onTouched }: KeyFieldProps) {
  const rt = useReportingT();
  if (existing) {
    return (
      <Text size="sm">
        {rt('settings.key')}: <code>{existing}</code> ({rt('settings.keyFixed')})
      </Text>
    );
  }
  return (
    <TextInput
      label={rt('settings.key')}
      description={rt('settings.keyHelp')}
      required
      autoComplete="off"
      spellCheck={false}
      {...inputProps}
      onChange={(event) => {
        onTouched();
        inputProps.onChange(event);
      }}
    />
  );
}
