// Adds a person to the register, or changes one: name, e-mail, employee number, unit (the caller's active units),
// profession, employment form, rate and dates, year of birth. The server checks everything again and answers with
// the field that is wrong; those answers stand next to their fields.
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../platform/web/components/modal-form.tsx';
import { useModalFormSave } from '../../../platform/web/components/use-modal-form-save.ts';
import { EMPLOYMENT_FORMS, type EmploymentForm, type PersonDto, type UnitTreeDto } from '../people.contracts.ts';
import { peopleApi, usePeopleT } from './people-api.ts';
import { useProfessionName } from './people-shared.tsx';

type Values = {
  firstName: string;
  lastName: string;
  email: string;
  employeeNumber: string;
  unitId: string;
  professionKey: string;
  employmentForm: EmploymentForm | '';
  employmentRate: string;
  employmentStart: string;
  employmentEnd: string;
  birthYear: string;
};

type PersonFormModalProps = { tree: UnitTreeDto; person?: PersonDto; onClose: () => void };

export function PersonFormModal({ tree, person, onClose }: PersonFormModalProps) {
  const pt = usePeopleT();
  const professionName = useProfessionName(tree.professions);
  const required = (value: string) => (value.trim() ? null : pt('form.required'));
  const form = useForm<Values>({
    initialValues: {
      firstName: person?.firstName ?? '',
      lastName: person?.lastName ?? '',
      email: person?.email ?? '',
      employeeNumber: person?.employeeNumber ?? '',
      unitId: person?.unitId ?? '',
      professionKey: person?.professionKey ?? '',
      employmentForm: person?.employmentForm ?? '',
      employmentRate: person?.employmentRate === null || !person ? '' : String(person.employmentRate),
      employmentStart: person?.employmentStart ?? '',
      employmentEnd: person?.employmentEnd ?? '',
      birthYear: person?.birthYear ? String(person.birthYear) : '',
    },
    validate: {
      firstName: required,
      lastName: required,
      unitId: required,
      professionKey: required,
      employmentForm: required,
      employmentStart: required,
    },
  });
  const number = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));
  const modal = useModalFormSave({
    form,
    save: (v: Values) => {
      const body = {
        firstName: v.firstName,
        lastName: v.lastName,
        email: v.email.trim(),
        employeeNumber: v.employeeNumber.trim(),
        unitId: v.unitId,
        professionKey: v.professionKey,
        employmentForm: v.employmentForm as EmploymentForm,
        employmentRate: v.employmentForm === 'hourly' ? null : number(v.employmentRate),
        employmentStart: v.employmentStart,
        employmentEnd: v.employmentEnd || null,
        birthYear: number(v.birthYear),
      };
      return person
        ? peopleApi.updatePerson(person.id, body)
        : peopleApi.createPerson({ ...body, municipalityId: tree.municipality?.id });
    },
    invalidates: ['people'],
    savedMessage: (saved: PersonDto) =>
      person ? pt('form.saved') : pt('form.created', { name: `${saved.firstName} ${saved.lastName}` }),
    onClose,
  });
  const visible = new Set(tree.visibleUnitIds);
  const units = tree.units.filter((u) => visible.has(u.id) && (u.active || u.id === person?.unitId));
  const choose = { value: '', label: pt('form.choose') };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={
        person ? pt('person.editTitle', { name: `${person.firstName} ${person.lastName}` }) : pt('form.createTitle')
      }
    >
      <ModalForm {...modal} submitLabel={person ? pt('person.edit') : pt('form.create')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={pt('fields.firstName')} required data-autofocus {...form.getInputProps('firstName')} />
          <TextInput label={pt('fields.lastName')} required {...form.getInputProps('lastName')} />
          <TextInput
            label={pt('fields.email')}
            type="email"
            description={pt('form.emailHelp')}
            {...form.getInputProps('email')}
          />
          <TextInput
            label={pt('fields.employeeNumber')}
            description={pt('form.employeeNumberHelp')}
            {...form.getInputProps('employeeNumber')}
          />
          <NativeSelect
            label={pt('fields.unit')}
            required
            data={[choose, ...units.map((u) => ({ value: u.id, label: u.name }))]}
            {...form.getInputProps('unitId')}
          />
          <NativeSelect
            label={pt('fields.profession')}
            required
            data={[choose, ...tree.professions.map((p) => ({ value: p.key, label: professionName(p.key) }))]}
            {...form.getInputProps('professionKey')}
          />
          <NativeSelect
            label={pt('fields.employmentForm')}
            required
            data={[choose, ...EMPLOYMENT_FORMS.map((f) => ({ value: f, label: pt(`forms.${f}`) }))]}
            {...form.getInputProps('employmentForm')}
          />
          <TextInput
            label={pt('fields.employmentRate')}
            description={pt('form.rateHelp')}
            inputMode="decimal"
            disabled={form.values.employmentForm === 'hourly'}
            {...form.getInputProps('employmentRate')}
          />
          <TextInput
            label={pt('fields.employmentStart')}
            type="date"
            required
            {...form.getInputProps('employmentStart')}
          />
          <TextInput
            label={pt('fields.employmentEnd')}
            type="date"
            description={pt('form.endHelp')}
            {...form.getInputProps('employmentEnd')}
          />
          <TextInput
            label={pt('fields.birthYear')}
            inputMode="numeric"
            maxLength={4}
            {...form.getInputProps('birthYear')}
          />
        </SimpleGrid>
      </ModalForm>
    </AppModal>
  );
}
