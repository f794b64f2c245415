// /career-paths/municipalities/$municipalityId: a municipality's implementation — the model's owner in the management
// (a named role), the local project leader and group, the checklist in three steps (adopted from the region's
// template, then adjusted: items with owner, due date, evidence and status), the target mix, and staff by role over
// time against it. Its municipal admin (and the region) change it; the municipality's staff read it.
import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { STORED_FILE_LIMIT_BYTES } from '../../../platform/shared/files.ts';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { applyServerErrors } from '../../../platform/web/api/form-errors.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { FileUpload, tooLarge } from '../../../platform/web/components/file-upload.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import {
  type ChecklistItemDto,
  type ImplementationDto,
  ITEM_STATUSES,
  type ItemStatus,
  STEPS,
  type Step,
} from '../career-paths.contracts.ts';
import { careerApi, evidenceUrl, implementationQuery, modelQuery, staffQuery } from './career-paths-api.ts';
import { useCareerT, useRoleName } from './career-paths-t.ts';
import { StaffByPeriodTable } from './progress-page.tsx';

export function MunicipalityPage({ municipalityId }: { municipalityId: string }) {
  const tc = useCareerT();
  const impl = useQuery(implementationQuery(municipalityId));
  const staff = useQuery(staffQuery(municipalityId));
  const queryClient = useQueryClient();
  const refresh = (fresh: ImplementationDto) => {
    queryClient.setQueryData(implementationQuery(municipalityId).queryKey, fresh);
    void queryClient.invalidateQueries({ queryKey: ['career-paths', 'progress'] });
  };
  const adopt = useMutation({
    mutationFn: () => careerApi.adopt(municipalityId),
    onSuccess: (fresh) => {
      refresh(fresh);
      notifySuccess(tc('impl.adopted'));
    },
  });
  if (impl.isPending) return <Loading />;
  if (impl.isError) return <ErrorAlert error={impl.error} onRetry={() => void impl.refetch()} />;
  const d = impl.data;
  return (
    <Page title={tc('impl.title', { name: d.municipality.name })}>
      <Group>
        <RouterAnchor to="/career-paths/municipalities/$municipalityId/budget" params={{ municipalityId }}>
          {tc('impl.budgetLink')}
        </RouterAnchor>
        <RouterAnchor to="/career-paths/matrix">{tc('impl.matrixLink')}</RouterAnchor>
      </Group>
      <Title order={2}>{tc('impl.organisation')}</Title>
      <OrganisationForm data={d} onSaved={refresh} />
      <Title order={2}>{tc('impl.checklist')}</Title>
      {d.adoptedVersion === null ? (
        <Stack align="flex-start">
          <Text>{tc('impl.notAdopted')}</Text>
          {d.canManage ? (
            <Button onClick={() => adopt.mutate()} loading={adopt.isPending} disabled={d.currentVersion === null}>
              {tc('impl.adopt')}
            </Button>
          ) : null}
          {adopt.isError ? <ErrorAlert error={adopt.error} /> : null}
        </Stack>
      ) : (
        <Text size="sm">
          {tc('impl.adoptedFrom', { version: d.adoptedVersion, date: d.adoptedAt?.slice(0, 10) ?? '' })}
        </Text>
      )}
      {STEPS.map((step) => (
        <StepSection key={step} step={step} data={d} onSaved={refresh} />
      ))}
      <Title order={2}>{tc('impl.targetMix')}</Title>
      <TargetMixForm data={d} onSaved={refresh} />
      <Title order={2}>{tc('staff.title')}</Title>
      {staff.isPending ? <Loading /> : null}
      {staff.isError ? <ErrorAlert error={staff.error} /> : null}
      {staff.data ? <StaffByPeriodTable data={staff.data} /> : null}
    </Page>
  );
}

function OrganisationForm({ data, onSaved }: { data: ImplementationDto; onSaved: (d: ImplementationDto) => void }) {
  const tc = useCareerT();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      ownerTitle: data.ownerTitle,
      ownerName: data.ownerName,
      projectLeader: data.projectLeader,
      projectGroup: data.projectGroup,
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => careerApi.updateImplementation(data.municipality.id, v),
    onSuccess: (fresh) => {
      onSaved(fresh);
      notifySuccess(tc('common.saved'));
    },
    onError: (e) => setFormError(applyServerErrors(form, e)),
  });
  const ro = !data.canManage;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack maw={640}>
        <Text size="sm">{tc('impl.ownerHelp')}</Text>
        <TextInput label={tc('impl.ownerTitle')} readOnly={ro} {...form.getInputProps('ownerTitle')} />
        <TextInput label={tc('impl.ownerName')} readOnly={ro} {...form.getInputProps('ownerName')} />
        <TextInput label={tc('impl.projectLeader')} readOnly={ro} {...form.getInputProps('projectLeader')} />
        <Textarea
          label={tc('impl.projectGroup')}
          autosize
          minRows={2}
          readOnly={ro}
          {...form.getInputProps('projectGroup')}
        />
        <FormError message={formError} />
        {data.canManage ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {tc('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

const STATUS_TONE = { todo: 'neutral', in_progress: 'attention', done: 'positive' } as const;

function StepSection({
  step,
  data,
  onSaved,
}: {
  step: Step;
  data: ImplementationDto;
  onSaved: (d: ImplementationDto) => void;
}) {
  const tc = useCareerT();
  const items = data.items.filter((i) => i.step === step);
  const [editing, setEditing] = useState<ChecklistItemDto | null>(null);
  const [adding, setAdding] = useState(false);
  const done = items.filter((i) => i.status === 'done').length;
  return (
    <Stack gap="xs">
      <Title order={3}>{`${tc(`step.${step}`)} (${tc('progress.doneOf', { done, total: items.length })})`}</Title>
      {items.length === 0 ? <Text size="sm">{tc('impl.noItems')}</Text> : null}
      {items.map((item) => (
        <Card key={item.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
              <Text fw={600}>{item.title}</Text>
              {item.description ? <Text size="sm">{item.description}</Text> : null}
              <Text size="sm">
                {tc('impl.ownerIs', { owner: item.owner || '–' })} · {tc('impl.dueIs', { date: item.dueDate ?? '–' })}
              </Text>
              {item.evidenceFile ? (
                <Anchor href={evidenceUrl(item.evidenceFile.id)} size="sm" download>
                  {tc('impl.evidenceDocument', { name: item.evidenceFile.fileName })}
                </Anchor>
              ) : null}
              {item.evidenceUrl ? (
                <Anchor href={item.evidenceUrl} size="sm" target="_blank" rel="noreferrer">
                  {tc('impl.evidenceLink', { note: item.evidenceNote || item.evidenceUrl })}
                </Anchor>
              ) : item.evidenceNote ? (
                <Text size="sm">{tc('impl.evidenceIs', { note: item.evidenceNote })}</Text>
              ) : null}
            </Stack>
            <Stack gap={4} align="flex-end">
              <StatusBadge tone={STATUS_TONE[item.status]}>{tc(`status.${item.status}`)}</StatusBadge>
              {data.canManage ? (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setEditing(item)}
                  aria-label={tc('impl.editItem', { title: item.title })}
                >
                  {tc('common.edit')}
                </Button>
              ) : null}
            </Stack>
          </Group>
        </Card>
      ))}
      {data.canManage ? (
        <Group>
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {tc('impl.addItem', { step: tc(`step.${step}`).toLowerCase() })}
          </Button>
        </Group>
      ) : null}
      <AppModal opened={editing !== null} onClose={() => setEditing(null)} title={tc('impl.editTitle')} size="lg">
        {editing ? (
          <Stack>
            <ItemForm
              item={editing}
              municipalityId={data.municipality.id}
              onDone={(fresh) => {
                setEditing(null);
                onSaved(fresh);
              }}
            />
            <EvidenceUpload
              item={editing}
              municipalityId={data.municipality.id}
              onDone={(fresh) => {
                setEditing(null);
                onSaved(fresh);
              }}
            />
          </Stack>
        ) : null}
      </AppModal>
      <AppModal opened={adding} onClose={() => setAdding(false)} title={tc('impl.addTitle')} size="lg">
        {adding ? (
          <ItemForm
            step={step}
            municipalityId={data.municipality.id}
            onDone={(fresh) => {
              setAdding(false);
              onSaved(fresh);
            }}
          />
        ) : null}
      </AppModal>
    </Stack>
  );
}

function ItemForm({
  item,
  step,
  municipalityId,
  onDone,
}: {
  item?: ChecklistItemDto;
  step?: Step;
  municipalityId: string;
  onDone: (d: ImplementationDto) => void;
}) {
  const tc = useCareerT();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      title: item?.title ?? '',
      description: item?.description ?? '',
      owner: item?.owner ?? '',
      dueDate: item?.dueDate ?? '',
      status: (item?.status ?? 'todo') as ItemStatus,
      evidenceUrl: item?.evidenceUrl ?? '',
      evidenceNote: item?.evidenceNote ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      item
        ? careerApi.updateItem(municipalityId, item.id, {
            title: v.title,
            description: v.description,
            owner: v.owner,
            dueDate: v.dueDate || null,
            status: v.status,
            evidenceUrl: v.evidenceUrl || null,
            evidenceNote: v.evidenceNote,
          })
        : careerApi.addItem(municipalityId, {
            step: step ?? 'plan',
            title: v.title,
            description: v.description,
            owner: v.owner,
            dueDate: v.dueDate || null,
          }),
    onSuccess: onDone,
    onError: (e) => setFormError(applyServerErrors(form, e)),
  });
  const remove = useMutation({
    mutationFn: () => careerApi.deleteItem(municipalityId, item?.id ?? ''),
    onSuccess: onDone,
    onError: (e) => setFormError(errorMessage(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput label={tc('impl.itemTitle')} required {...form.getInputProps('title')} />
        <Textarea label={tc('impl.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <TextInput label={tc('impl.owner')} description={tc('impl.ownerNeeded')} {...form.getInputProps('owner')} />
        <TextInput type="date" label={tc('impl.due')} {...form.getInputProps('dueDate')} />
        {item ? (
          <>
            <NativeSelect
              label={tc('impl.status')}
              data={ITEM_STATUSES.map((s) => ({ value: s, label: tc(`status.${s}`) }))}
              {...form.getInputProps('status')}
            />
            <TextInput
              label={tc('impl.evidenceUrl')}
              description={tc('impl.evidenceHelp')}
              {...form.getInputProps('evidenceUrl')}
            />
            <TextInput label={tc('impl.evidenceNote')} {...form.getInputProps('evidenceNote')} />
          </>
        ) : null}
        <FormError message={formError} />
        <Group justify="space-between">
          {item ? (
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {tc('common.remove')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending}>
            {tc('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A PDF as the item's evidence: uploaded, then attached by the item's change (decision 024). */
function EvidenceUpload({
  item,
  municipalityId,
  onDone,
}: {
  item: ChecklistItemDto;
  municipalityId: string;
  onDone: (d: ImplementationDto) => void;
}) {
  const tc = useCareerT();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const stored = await careerApi.uploadEvidence(municipalityId, chosen);
      return careerApi.updateItem(municipalityId, item.id, { evidenceFileId: stored.id });
    },
    onSuccess: onDone,
  });
  return (
    <FileUpload
      label={tc('impl.evidenceFile')}
      hint={
        item.evidenceFile
          ? tc('impl.evidenceReplaces', { name: item.evidenceFile.fileName })
          : tc('impl.evidenceFileHint')
      }
      accept="application/pdf,.pdf"
      placeholder={tc('impl.chooseFile')}
      clearLabel={tc('impl.clearFile')}
      value={file}
      onChange={(f) => {
        setFile(f);
        setFileError(f && tooLarge(f, STORED_FILE_LIMIT_BYTES) ? tc('impl.fileTooLarge') : null);
      }}
      fileError={fileError}
      submitLabel={tc('impl.uploadEvidence')}
      busy={upload.isPending}
      error={upload.error ?? undefined}
      onSubmit={() => {
        if (file && !fileError) upload.mutate(file);
      }}
    />
  );
}

function TargetMixForm({ data, onSaved }: { data: ImplementationDto; onSaved: (d: ImplementationDto) => void }) {
  const tc = useCareerT();
  const roleName = useRoleName();
  const model = useQuery(modelQuery());
  const roles = (model.data?.current?.model.roles ?? []).filter((r) => r.inMatrix && !r.licensed);
  const [mix, setMix] = useState<Record<string, number>>(data.targetMix);
  const [year, setYear] = useState<number | ''>(data.targetYear ?? '');
  const save = useMutation({
    mutationFn: () =>
      careerApi.updateImplementation(data.municipality.id, { targetMix: mix, targetYear: year === '' ? null : year }),
    onSuccess: (fresh) => {
      onSaved(fresh);
      notifySuccess(tc('common.saved'));
    },
  });
  return (
    <Stack maw={640}>
      <Text size="sm">{tc('impl.targetHelp')}</Text>
      <Group>
        {roles.map((r) => (
          <NumberInput
            key={r.key}
            w={150}
            label={roleName(model.data?.current?.model.roles ?? [], r.key)}
            suffix=" %"
            min={0}
            max={100}
            readOnly={!data.canManage}
            value={mix[r.key] ?? ''}
            onChange={(v) => setMix((m) => ({ ...m, [r.key]: typeof v === 'number' ? v : 0 }))}
          />
        ))}
        <NumberInput
          w={150}
          label={tc('impl.targetYear')}
          min={2000}
          max={2100}
          readOnly={!data.canManage}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : '')}
        />
      </Group>
      <FormError message={save.isError ? errorMessage(save.error) : null} />
      {data.canManage ? (
        <Group>
          <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
            {tc('impl.saveTarget')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
