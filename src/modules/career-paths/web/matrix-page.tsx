// /career-paths/matrix: the task matrix — tasks grouped, each role's "does", "after delegation" or "does not" — with a
// municipality's local deviations shown against the region's value; XLSX and PDF. A table on wide screens, one card
// per task on a phone. The municipal admin (and the region) set a deviation per cell.
import { Anchor, Box, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { useMe } from '../../../platform/web/api/me-query.ts';
import { activeOrganisationsQuery } from '../../../platform/web/api/organisations-query.ts';
import { AppModal } from '../../../platform/web/components/app-modal.tsx';
import { ErrorAlert, FormError, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { CELL_VALUES, type CellValue, type MatrixDto } from '../career-paths.contracts.ts';
import { careerApi, careerFileUrl, matrixQuery } from './career-paths-api.ts';
import { useCareerT, useRoleName } from './career-paths-t.ts';
import { CellBadge } from './cell-badge.tsx';

export function MatrixPage({ version }: { version?: number }) {
  const tc = useCareerT();
  const me = useMe();
  const inRegion = me.organisation.kind === 'region';
  const municipalities = useQuery(activeOrganisationsQuery);
  const [municipalityId, setMunicipalityId] = useState<string | undefined>(inRegion ? undefined : me.organisation.id);
  const matrix = useQuery(matrixQuery(municipalityId, version));
  const [editing, setEditing] = useState<string | null>(null);
  const options = (municipalities.data ?? []).filter((o) => o.kind === 'municipality');
  return (
    <Page title={tc('matrix.title')}>
      <Text>{tc('matrix.intro')}</Text>
      <Group align="flex-end">
        <NativeSelect
          label={tc('matrix.municipality')}
          value={municipalityId ?? ''}
          onChange={(e) => setMunicipalityId(e.currentTarget.value || undefined)}
          data={[
            { value: '', label: tc('matrix.regionOnly') },
            ...options.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <Anchor href={careerFileUrl.matrix('xlsx', municipalityId, version)} download>
          {tc('matrix.xlsx')}
        </Anchor>
        <Anchor href={careerFileUrl.matrix('pdf', municipalityId, version)} download>
          {tc('matrix.pdf')}
        </Anchor>
      </Group>
      {matrix.isPending ? <Loading /> : null}
      {matrix.isError ? <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
      {matrix.data ? <MatrixView data={matrix.data} onEdit={matrix.data.canDeviate ? setEditing : null} /> : null}
      {matrix.data ? (
        <AppModal opened={editing !== null} onClose={() => setEditing(null)} title={tc('matrix.deviateTitle')}>
          {editing ? <DeviationForm data={matrix.data} taskKey={editing} onDone={() => setEditing(null)} /> : null}
        </AppModal>
      ) : null}
    </Page>
  );
}

function MatrixView({ data, onEdit }: { data: MatrixDto; onEdit: ((taskKey: string) => void) | null }) {
  const tc = useCareerT();
  const roleName = useRoleName();
  const { model } = data;
  const roles = model.roles.filter((r) => r.inMatrix);
  const deviation = new Map(data.deviations.map((d) => [`${d.taskKey}|${d.roleKey}`, d]));
  const cell = (taskKey: string, roleKey: string) => {
    const task = model.tasks.find((t) => t.key === taskKey);
    const regional = task?.cells[roleKey];
    const local = deviation.get(`${taskKey}|${roleKey}`);
    if (!regional) return null;
    return (
      <Stack gap={2}>
        <CellBadge value={local?.value ?? regional.value} />
        {local ? (
          <Text size="xs">
            {tc('matrix.localDeviation', { value: tc(`cell.${regional.value}`).toLowerCase() })}
            {local.note ? ` ${local.note}` : ''}
          </Text>
        ) : null}
      </Stack>
    );
  };
  return (
    <Stack>
      <Text size="sm">
        {tc('matrix.version', { version: data.version.version, date: data.version.decisionDate ?? '–' })}
        {data.municipality
          ? ` ${tc('matrix.withDeviations', { name: data.municipality.name, count: data.deviations.length })}`
          : ''}
      </Text>
      {model.taskGroups.map((g) => {
        const tasks = model.tasks.filter((t) => t.group === g.key);
        if (tasks.length === 0) return null;
        const groupName = roleName([{ key: g.key, name: g.name, nameEn: g.nameEn }], g.key);
        return (
          <Stack key={g.key} gap="xs">
            <Title order={2}>{groupName}</Title>
            <Box visibleFrom="sm">
              <Table.ScrollContainer minWidth={860} type="native">
                <Table striped>
                  <Table.Caption>{tc('matrix.caption', { group: groupName })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{tc('matrix.task')}</Table.Th>
                      {roles.map((r) => (
                        <Table.Th key={r.key}>{roleName(model.roles, r.key)}</Table.Th>
                      ))}
                      {onEdit ? <Table.Th>{tc('common.actions')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {tasks.map((t) => (
                      <Table.Tr key={t.key}>
                        <Table.Th scope="row" fw="normal">
                          {t.name}
                        </Table.Th>
                        {roles.map((r) => (
                          <Table.Td key={r.key}>{cell(t.key, r.key)}</Table.Td>
                        ))}
                        {onEdit ? (
                          <Table.Td>
                            <Button
                              size="xs"
                              variant="subtle"
                              onClick={() => onEdit(t.key)}
                              aria-label={tc('matrix.deviateFor', { task: t.name })}
                            >
                              {tc('matrix.deviate')}
                            </Button>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Box>
            <Stack hiddenFrom="sm" gap="xs">
              {tasks.map((t) => (
                <Card key={t.key} withBorder padding="sm">
                  <Text fw={600}>{t.name}</Text>
                  <dl style={{ margin: 0 }}>
                    {roles.map((r) => (
                      <Group key={r.key} justify="space-between" wrap="nowrap" gap="xs" py={2}>
                        <Text component="dt" size="sm">
                          {roleName(model.roles, r.key)}
                        </Text>
                        <Box component="dd" m={0}>
                          {cell(t.key, r.key)}
                        </Box>
                      </Group>
                    ))}
                  </dl>
                  {onEdit ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => onEdit(t.key)}
                      aria-label={tc('matrix.deviateFor', { task: t.name })}
                    >
                      {tc('matrix.deviate')}
                    </Button>
                  ) : null}
                </Card>
              ))}
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}

function DeviationForm({ data, taskKey, onDone }: { data: MatrixDto; taskKey: string; onDone: () => void }) {
  const tc = useCareerT();
  const roleName = useRoleName();
  const queryClient = useQueryClient();
  const roles = data.model.roles.filter((r) => r.inMatrix);
  const task = data.model.tasks.find((t) => t.key === taskKey);
  const [roleKey, setRoleKey] = useState(roles[0]?.key ?? '');
  const current = data.deviations.find((d) => d.taskKey === taskKey && d.roleKey === roleKey);
  const [value, setValue] = useState<string>(current?.value ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const save = useMutation({
    mutationFn: () =>
      careerApi.setDeviation({
        municipalityId: data.municipality?.id ?? '',
        taskKey,
        roleKey,
        value: value === '' ? null : (value as CellValue),
        note,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['career-paths', 'matrix'] });
      onDone();
    },
  });
  return (
    <Stack>
      <Text fw={600}>{task?.name}</Text>
      <NativeSelect
        label={tc('model.role')}
        value={roleKey}
        onChange={(e) => setRoleKey(e.currentTarget.value)}
        data={roles.map((r) => ({ value: r.key, label: roleName(data.model.roles, r.key) }))}
      />
      <Text size="sm">
        {tc('matrix.regionValue', { value: tc(`cell.${task?.cells[roleKey]?.value ?? 'does_not'}`) })}
      </Text>
      <NativeSelect
        label={tc('matrix.localValue')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        data={[
          { value: '', label: tc('matrix.asRegion') },
          ...CELL_VALUES.map((v) => ({ value: v, label: tc(`cell.${v}`) })),
        ]}
      />
      <TextInput label={tc('matrix.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <FormError message={save.isError ? errorMessage(save.error) : null} />
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {tc('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
