// /people/$personId: one person of the register — their details, where in the unit tree they work, their user
// account, and their history (who registered or changed what, by hand, by the HR import or by an API token). Opening
// the page is audited. The admins make a register extract from here.
import { Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import type { PersonChangeDto, PersonDto, PersonEventDto } from '../people.contracts.ts';
import { type PeopleT, personQuery, unitTreeQuery, usePeopleT } from './people-api.ts';
import { type Professions, useProfessionName } from './people-shared.tsx';
import { PersonFormModal } from './person-form-modal.tsx';

export function PersonPage({ personId }: { personId: string }) {
  const pt = usePeopleT();
  const query = useQuery(personQuery(personId));
  const person = query.data;
  const tree = useQuery({ ...unitTreeQuery(person?.organisationId), enabled: Boolean(person) });
  const [editing, setEditing] = useState(false);
  const name = person ? `${person.firstName} ${person.lastName}` : pt('list.title');
  return (
    <Page
      title={name}
      actions={
        person ? (
          <Group gap="sm">
            {person.canEdit && tree.data ? <Button onClick={() => setEditing(true)}>{pt('person.edit')}</Button> : null}
            {person.canExtract ? (
              <RouterAnchor to="/people/$personId/extract" params={{ personId }} fw={600}>
                {pt('person.extract')}
              </RouterAnchor>
            ) : null}
          </Group>
        ) : null
      }
    >
      <RouterAnchor to="/people" search={{}}>
        {pt('person.back')}
      </RouterAnchor>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {person ? <PersonDetails person={person} professions={tree.data?.professions} /> : null}
      {editing && person && tree.data ? (
        <PersonFormModal tree={tree.data} person={person} onClose={() => setEditing(false)} />
      ) : null}
    </Page>
  );
}

/** A person's details and history (also the employee's own page). */
export function PersonDetails({ person, professions }: { person: PersonDto; professions: Professions | undefined }) {
  const pt = usePeopleT();
  const format = useFormat();
  const { i18n } = useTranslation();
  const rows: [string, string][] = [
    [pt('fields.municipality'), person.municipalityName],
    [pt('person.unitPath'), person.unitPath.join(' › ')],
    [pt('fields.employeeNumber'), person.employeeNumber ?? '–'],
    [pt('fields.email'), person.email ?? '–'],
    [pt('fields.profession'), i18n.resolvedLanguage === 'en' ? person.professionName.en : person.professionName.sv],
    [pt('fields.employmentForm'), pt(`forms.${person.employmentForm}`)],
    [
      pt('fields.employmentRate'),
      person.employmentRate === null ? pt('person.rateNone') : `${format.number(person.employmentRate)} %`,
    ],
    [pt('fields.employmentStart'), person.employmentStart],
    [pt('fields.employmentEnd'), person.employmentEnd ?? pt('person.open')],
    [pt('fields.birthYear'), person.birthYear ? String(person.birthYear) : '–'],
    [pt('fields.account'), person.user ? `${person.user.name} (${person.user.email})` : pt('person.noAccount')],
  ];
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="person-details-heading">
        <Title order={2} size="h4" id="person-details-heading" mb="sm">
          {pt('person.details')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" fw={700}>
                {label}
              </Text>
              <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="person-history-heading">
        <Title order={2} size="h4" id="person-history-heading" mb="sm">
          {pt('person.history')}
        </Title>
        <List spacing="sm" listStyleType="none" aria-label={pt('person.historyLabel', { name: person.firstName })}>
          {person.history.map((event) => (
            <List.Item key={event.id}>
              <HistoryEvent event={event} professions={professions} />
            </List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}

function HistoryEvent({ event, professions }: { event: PersonEventDto; professions: Professions | undefined }) {
  const pt = usePeopleT();
  const format = useFormat();
  const professionName = useProfessionName(professions);
  const who = event.byImport
    ? pt('person.byImport')
    : event.byToken
      ? pt('person.byToken')
      : event.actorName
        ? pt('person.by', { name: event.actorName })
        : pt('person.bySystem');
  return (
    <div>
      <Text fw={600}>
        {pt(`person.${event.kind}`)} <time dateTime={event.at}>{format.dateTime(event.at)}</time> {who}
      </Text>
      {event.changes.length > 0 ? (
        <List size="sm" withPadding>
          {event.changes.map((c) => (
            <List.Item key={c.field}>{changeText(pt, c, professionName)}</List.Item>
          ))}
        </List>
      ) : null}
    </div>
  );
}

const FIELD_KEYS = new Set([
  'firstName',
  'lastName',
  'email',
  'employeeNumber',
  'unit',
  'professionKey',
  'employmentForm',
  'employmentRate',
  'employmentStart',
  'employmentEnd',
  'birthYear',
]);

function changeText(pt: PeopleT, c: PersonChangeDto, professionName: (key: string) => string): string {
  const field = FIELD_KEYS.has(c.field) ? pt(`fields.${c.field}` as 'fields.name') : c.field;
  const value = (v: PersonChangeDto['from']) => {
    if (v === null || v === '') return pt('person.empty');
    if (c.field === 'professionKey') return professionName(String(v));
    if (c.field === 'employmentForm') return pt(`forms.${v}` as 'forms.permanent');
    return String(v);
  };
  return pt('person.change', { field, from: value(c.from), to: value(c.to) });
}
