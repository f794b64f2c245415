// /further-education/adoptions/$adoptionId: a municipality's agreement on a model — its form and contact person, the
// history of steps with their documents, and (for its admin) the next step with an optional PDF. The document is
// uploaded first and attached with the step in one change; a refused step changes nothing.
import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { STORED_FILE_LIMIT_BYTES } from '../../../platform/shared/files.ts';
import { ApiError, errorMessage } from '../../../platform/web/api/api-client.ts';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { FileUpload, tooLarge } from '../../../platform/web/components/file-upload.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { type AdoptionDto, DOCUMENT_KINDS } from '../further-education.contracts.ts';
import { adoptionQuery, documentUrl, send, uploadDocument } from './further-education-api.ts';
import { useFurtherEducationT } from './further-education-t.ts';

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} kB`;

export function AdoptionPage({ adoptionId }: { adoptionId: string }) {
  const ft = useFurtherEducationT();
  const adoption = useQuery(adoptionQuery(adoptionId));
  const a = adoption.data;
  const title = a ? ft('adoption.title', { model: a.modelName, municipality: a.municipalityName }) : ft('map.title');
  return (
    <Page title={title}>
      <RouterAnchor to="/further-education/map" search={a ? { modelId: a.modelId } : {}}>
        {ft('adoption.back')}
      </RouterAnchor>
      {adoption.isPending ? <Loading /> : null}
      {adoption.isError ? <ErrorAlert error={adoption.error} onRetry={() => void adoption.refetch()} /> : null}
      {a ? (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Facts adoption={a} />
            {a.canEdit ? <NextStep adoption={a} /> : null}
          </SimpleGrid>
          <History adoption={a} />
        </>
      ) : null}
    </Page>
  );
}

function Facts({ adoption: a }: { adoption: AdoptionDto }) {
  const ft = useFurtherEducationT();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<string>(a.form ?? '');
  const [contactName, setContactName] = useState(a.contactName);
  const [contactEmail, setContactEmail] = useState(a.contactEmail);
  const save = useMutation({
    mutationFn: () =>
      send<AdoptionDto>(`/adoptions/${a.id}`, 'PATCH', {
        form: form === '' ? null : form,
        contactName,
        contactEmail,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(adoptionQuery(a.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['further-education', 'adoptions'] });
      notifySuccess(ft('adoption.contactSaved'));
    },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        {ft('adoption.facts')}
      </Title>
      <Text>
        <Text span fw={600}>
          {ft('adoption.status')}:
        </Text>{' '}
        <span data-testid="adoption-status">
          {ft(`status.${a.status}`)} {a.statusDate}
        </span>
      </Text>
      {a.canEdit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack mt="sm">
            <Select
              label={ft('adoption.form')}
              data={[
                { value: '', label: ft('form.none') },
                { value: 'local_collective_agreement', label: ft('form.local_collective_agreement') },
                { value: 'employer_agreement', label: ft('form.employer_agreement') },
              ]}
              value={form}
              onChange={(v) => setForm(v ?? '')}
              allowDeselect={false}
            />
            <TextInput
              label={ft('adoption.contact')}
              value={contactName}
              onChange={(e) => setContactName(e.currentTarget.value)}
            />
            <TextInput
              label={ft('adoption.contactEmail')}
              type="email"
              value={contactEmail}
              onChange={(e) => setContactEmail(e.currentTarget.value)}
            />
            <FormError message={save.isError ? errorMessage(save.error) : null} />
            <Group>
              <Button type="submit" variant="default" loading={save.isPending}>
                {ft('adoption.editContact')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap={4} mt="xs">
          <Text>
            {ft('adoption.form')}: {ft(`form.${a.form ?? 'none'}`)}
          </Text>
          <Text>
            {ft('adoption.contact')}: {a.contactName || '–'} {a.contactEmail ? `(${a.contactEmail})` : ''}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function NextStep({ adoption: a }: { adoption: AdoptionDto }) {
  const ft = useFurtherEducationT();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>(a.next[0] ?? '');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [decisionBody, setDecisionBody] = useState('');
  const [note, setNote] = useState('');
  const [kind, setKind] = useState<string>('agreement');
  const [file, setFile] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const documentIds = file ? [(await uploadDocument(a.id, file)).id] : [];
      return send<AdoptionDto>(`/adoptions/${a.id}/steps`, 'POST', {
        status,
        date,
        decisionBody,
        note,
        documentIds,
        documentKind: kind,
      });
    },
    onSuccess: (next) => {
      queryClient.setQueryData(adoptionQuery(a.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['further-education', 'adoptions'] });
      void queryClient.invalidateQueries({ queryKey: ['further-education', 'overview'] });
      setFile(null);
      setDecisionBody('');
      setNote('');
      setStatus(next.next[0] ?? '');
      notifySuccess(ft('adoption.saved'));
    },
  });
  const fieldError = (path: string) =>
    save.error instanceof ApiError ? save.error.fields.find((f) => f.path === path)?.message : undefined;
  if (a.next.length === 0) {
    return (
      <Card withBorder>
        <Title order={2} size="h3">
          {ft('adoption.nextTitle')}
        </Title>
        <Text mt="sm">{ft('adoption.final')}</Text>
      </Card>
    );
  }
  const fileError = file && tooLarge(file, STORED_FILE_LIMIT_BYTES) ? ft('adoption.tooLarge') : undefined;
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        {ft('adoption.nextTitle')}
      </Title>
      <Stack>
        <Select
          label={ft('adoption.nextStatus')}
          data={a.next.map((s) => ({ value: s, label: ft(`status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v ?? '')}
          allowDeselect={false}
          error={fieldError('status')}
        />
        <TextInput
          label={ft('adoption.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={fieldError('date')}
          required
        />
        <TextInput
          label={ft('adoption.decisionBody')}
          value={decisionBody}
          onChange={(e) => setDecisionBody(e.currentTarget.value)}
          error={fieldError('decisionBody')}
          required
        />
        <TextInput label={ft('adoption.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Select
          label={ft('adoption.documentKind')}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: ft(`kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v ?? 'agreement')}
          allowDeselect={false}
        />
        <FileUpload
          label={ft('adoption.document')}
          hint={ft('adoption.documentHint')}
          accept="application/pdf,.pdf"
          placeholder={ft('adoption.chooseFile')}
          clearLabel={ft('adoption.clearFile')}
          value={file}
          onChange={setFile}
          fileError={fileError}
          submitLabel={ft('adoption.save')}
          busy={save.isPending}
          onSubmit={() => {
            if (!fileError) save.mutate();
          }}
          error={save.isError && !fieldError('status') && !fieldError('date') ? save.error : undefined}
        />
      </Stack>
    </Card>
  );
}

function History({ adoption: a }: { adoption: AdoptionDto }) {
  const ft = useFurtherEducationT();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {ft('adoption.history')}
      </Title>
      <DataTable label={ft('adoption.history')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{ft('adoption.date')}</Table.Th>
            <Table.Th scope="col">{ft('adoption.step')}</Table.Th>
            <Table.Th scope="col">{ft('adoption.decisionBody')}</Table.Th>
            <Table.Th scope="col">{ft('adoption.documents')}</Table.Th>
            <Table.Th scope="col">{ft('adoption.recordedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...a.steps].reverse().map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.date}</Table.Td>
              <Table.Th scope="row" fw={400}>
                {ft(`status.${s.status}`)}
                {s.note ? <Text size="sm">{s.note}</Text> : null}
              </Table.Th>
              <Table.Td>{s.decisionBody}</Table.Td>
              <Table.Td>
                {s.documents.length === 0 ? (
                  ft('adoption.noDocuments')
                ) : (
                  <List size="sm" listStyleType="none" p={0}>
                    {s.documents.map((d) => (
                      <List.Item key={d.id}>
                        {ft(`kind.${d.kind}`)}:{' '}
                        <Anchor href={documentUrl(d.id)} download>
                          {ft('adoption.download', { name: d.fileName, size: kb(d.bytes) })}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td>{s.createdByName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
    </Stack>
  );
}
