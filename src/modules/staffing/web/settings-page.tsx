// /staffing/settings: the region's lists for the staffing reports — professions with their specialties, other
// competences, age bands and absence kinds — and, for reference, how the key ratios are calculated.
import { Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/web/api/api-client.ts';
import { ConfirmDialog } from '../../../platform/web/components/confirm-dialog.tsx';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import { notifyError, notifySuccess } from '../../../platform/web/notify.ts';
import type { ConfigItemDto, ItemKind, ProfessionDto, StaffingConfigDto } from '../staffing.contracts.ts';
import { RATIO_DEFS } from '../staffing-measures.ts';
import { staffingApi, staffingConfigQuery } from './reporting-api.ts';
import { useLang } from './reporting-format.ts';
import { ageRange, ItemFormModal, ProfessionFormModal } from './settings-modals.tsx';
import { useReportingT } from './staffing-t.ts';

type Dialog =
  | { kind: 'profession'; profession?: ProfessionDto }
  | { kind: 'item'; itemKind: ItemKind; profession?: ProfessionDto; item?: ConfigItemDto }
  | { kind: 'deactivate'; target: Target };

/** Something that can be deactivated: a profession or a list item. */
type Target = { type: 'profession'; entity: ProfessionDto } | { type: 'item'; entity: ConfigItemDto };

const bySort = (a: { sort: number; name: string }, b: { sort: number; name: string }) =>
  a.sort - b.sort || a.name.localeCompare(b.name, 'sv');

export function SettingsPage() {
  const { t } = useTranslation();
  const rt = useReportingT();
  const query = useQuery(staffingConfigQuery());
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const setActive = useMutation({
    mutationFn: ({
      target,
      active,
    }: {
      target: Target;
      active: boolean;
    }): Promise<{ name: string; active: boolean }> =>
      target.type === 'profession'
        ? staffingApi.updateProfession(target.entity.id, { active })
        : staffingApi.updateItem(target.entity.id, { active }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['staffing', 'config'] });
      notifySuccess(
        rt(saved.active ? 'settings.reactivated' : 'settings.deactivated', {
          name: saved.name,
        }),
      );
      setDialog(null);
    },
  });
  const actions: RowActions = {
    onEdit: (target) =>
      setDialog(
        target.type === 'profession'
          ? { kind: 'profession', profession: target.entity }
          : { kind: 'item', itemKind: target.entity.kind, item: target.entity },
      ),
    onDeactivate: (target) => {
      setActive.reset();
      setDialog({ kind: 'deactivate', target });
    },
    onReactivate: (target) =>
      setActive.mutate({ target, active: true }, { onError: (error) => notifyError(errorMessage(error)) }),
    reactivating: setActive.isPending && setActive.variables.active ? setActive.variables.target.entity.id : null,
  };

  return (
    <Page title={rt('settings.title')}>
      <Text>{rt('settings.intro')}</Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <Tabs defaultValue="professions" keepMounted={false}>
          <Tabs.List aria-label={rt('settings.tabs')}>
            <Tabs.Tab value="professions">{rt('settings.professionsTab')}</Tabs.Tab>
            <Tabs.Tab value="competence">{rt('settings.lists.competence')}</Tabs.Tab>
            <Tabs.Tab value="age_band">{rt('settings.lists.age_band')}</Tabs.Tab>
            <Tabs.Tab value="absence_kind">{rt('settings.lists.absence_kind')}</Tabs.Tab>
            <Tabs.Tab value="ratios">{rt('settings.ratiosTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="professions" pt="lg">
            <ProfessionsPanel
              config={query.data}
              actions={actions}
              onAdd={() => setDialog({ kind: 'profession' })}
              onAddSpecialty={(profession) => setDialog({ kind: 'item', itemKind: 'specialty', profession })}
            />
          </Tabs.Panel>
          {(['competence', 'age_band', 'absence_kind'] as const).map((kind) => (
            <Tabs.Panel key={kind} value={kind} pt="lg">
              <Stack>
                <Group justify="space-between">
                  <Title order={2} size="h3">
                    {rt(`settings.lists.${kind}`)}
                  </Title>
                  <Button onClick={() => setDialog({ kind: 'item', itemKind: kind })}>
                    {rt('settings.addItem', { kind: rt(`settings.kinds.${kind}`) })}
                  </Button>
                </Group>
                <Text>{rt(`settings.help.${kind}`)}</Text>
                <ItemsTable
                  label={rt(`settings.lists.${kind}`)}
                  items={query.data.items.filter((i) => i.kind === kind)}
                  withAges={kind === 'age_band'}
                  actions={actions}
                />
              </Stack>
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="ratios" pt="lg">
            <RatiosTable />
          </Tabs.Panel>
        </Tabs>
      ) : null}
      {dialog?.kind === 'profession' ? (
        <ProfessionFormModal profession={dialog.profession} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'item' ? (
        <ItemFormModal
          kind={dialog.itemKind}
          profession={dialog.profession}
          item={dialog.item}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'deactivate' ? (
        <ConfirmDialog
          opened
          title={rt('settings.deactivateTitle', { name: dialog.target.entity.name })}
          text={rt('settings.deactivateText')}
          confirmLabel={t('common.deactivate')}
          loading={setActive.isPending}
          error={setActive.isError ? errorMessage(setActive.error) : null}
          onCancel={() => setDialog(null)}
          onConfirm={() => setActive.mutate({ target: dialog.target, active: false })}
        />
      ) : null}
    </Page>
  );
}

type RowActions = {
  onEdit: (target: Target) => void;
  onDeactivate: (target: Target) => void;
  onReactivate: (target: Target) => void;
  reactivating: string | null;
};

type ProfessionsPanelProps = {
  config: StaffingConfigDto;
  actions: RowActions;
  onAdd: () => void;
  onAddSpecialty: (profession: ProfessionDto) => void;
};

function ProfessionsPanel({ config, actions, onAdd, onAddSpecialty }: ProfessionsPanelProps) {
  const rt = useReportingT();
  const lang = useLang();
  const professions = [...config.professions].sort(bySort);
  return (
    <Stack gap="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            {rt('settings.professions')}
          </Title>
          <Button onClick={onAdd}>{rt('settings.addProfession')}</Button>
        </Group>
        <Text>{rt('settings.help.professions')}</Text>
        <EntityTable
          label={rt('settings.professions')}
          rows={professions}
          extra={{
            header: rt('settings.licensedShort'),
            cell: (profession) => (profession.licensed ? rt('settings.yes') : rt('settings.no')),
          }}
          target={(profession) => ({ type: 'profession', entity: profession })}
          actions={actions}
        />
      </Stack>
      {professions.map((profession) => {
        const name = lang === 'en' ? profession.nameEn : profession.name;
        return (
          <Stack
            key={profession.id}
            component="section"
            aria-label={rt('settings.specialtiesOf', { profession: name })}
          >
            <Group justify="space-between">
              <Title order={3} size="h4">
                {rt('settings.specialtiesOf', { profession: name })}
              </Title>
              <Button
                variant="default"
                size="xs"
                aria-label={rt('settings.addSpecialtyTitle', { profession: name })}
                onClick={() => onAddSpecialty(profession)}
              >
                {rt('settings.addSpecialty')}
              </Button>
            </Group>
            <ItemsTable
              label={rt('settings.specialtiesOf', { profession: name })}
              items={config.items.filter((i) => i.kind === 'specialty' && i.professionId === profession.id)}
              withAges={false}
              actions={actions}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}

type ItemsTableProps = { label: string; items: ConfigItemDto[]; withAges: boolean; actions: RowActions };

function ItemsTable({ label, items, withAges, actions }: ItemsTableProps) {
  const rt = useReportingT();
  const sorted = [...items].sort(bySort);
  if (sorted.length === 0) return <Text>{rt('settings.noItems')}</Text>;
  return (
    <EntityTable
      label={label}
      rows={sorted}
      extra={
        withAges
          ? {
              header: rt('settings.ages'),
              cell: (item) => ageRange(item, rt('settings.andOlder')),
            }
          : undefined
      }
      target={(item) => ({ type: 'item', entity: item })}
      actions={actions}
    />
  );
}

type EntityTableProps<E extends ProfessionDto | ConfigItemDto> = {
  label: string;
  rows: readonly E[];
  /** A column of the entity's own, after its key. */
  extra?: { header: string; cell: (entity: E) => ReactNode };
  target: (entity: E) => Target;
  actions: RowActions;
};

/** Professions or list items: order, names, key, status and the actions on each. */
function EntityTable<E extends ProfessionDto | ConfigItemDto>({
  label,
  rows,
  extra,
  target,
  actions,
}: EntityTableProps<E>) {
  const { t } = useTranslation();
  const rt = useReportingT();
  return (
    <DataTable label={label} empty={rows.length === 0}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{rt('settings.sort')}</Table.Th>
          <Table.Th>{rt('settings.name')}</Table.Th>
          <Table.Th>{rt('settings.nameEn')}</Table.Th>
          <Table.Th>{rt('settings.key')}</Table.Th>
          {extra ? <Table.Th>{extra.header}</Table.Th> : null}
          <Table.Th>{t('common.status')}</Table.Th>
          <Table.Th>{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((entity) => (
          <Table.Tr key={entity.id}>
            <Table.Td>{entity.sort}</Table.Td>
            <Table.Td fw={600}>{entity.name}</Table.Td>
            <Table.Td>{entity.nameEn}</Table.Td>
            <Table.Td>
              <code>{entity.key}</code>
            </Table.Td>
            {extra ? <Table.Td>{extra.cell(entity)}</Table.Td> : null}
            <Table.Td>
              <ActiveBadge active={entity.active} />
            </Table.Td>
            <Table.Td>
              <EntityActions target={target(entity)} actions={actions} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={active ? 'positive' : 'neutral'}>
      {active ? t('common.active') : t('common.inactive')}
    </StatusBadge>
  );
}

function EntityActions({ target, actions }: { target: Target; actions: RowActions }) {
  const { t } = useTranslation();
  const { entity } = target;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        aria-label={`${t('common.edit')} ${entity.name}`}
        onClick={() => actions.onEdit(target)}
      >
        {t('common.edit')}
      </Button>
      {entity.active ? (
        <Button
          size="xs"
          variant="default"
          aria-label={`${t('common.deactivate')} ${entity.name}`}
          onClick={() => actions.onDeactivate(target)}
        >
          {t('common.deactivate')}
        </Button>
      ) : (
        <Button
          size="xs"
          variant="default"
          aria-label={`${t('common.reactivate')} ${entity.name}`}
          loading={actions.reactivating === entity.id}
          onClick={() => actions.onReactivate(target)}
        >
          {t('common.reactivate')}
        </Button>
      )}
    </Group>
  );
}

function RatiosTable() {
  const rt = useReportingT();
  const lang = useLang();
  return (
    <Stack>
      <Title order={2} size="h3">
        {rt('settings.ratiosTab')}
      </Title>
      <Text>{rt('settings.ratiosIntro')}</Text>
      <DataTable label={rt('settings.ratiosTab')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{rt('settings.ratio')}</Table.Th>
            <Table.Th>{rt('settings.formula')}</Table.Th>
            <Table.Th>{rt('settings.unit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {RATIO_DEFS.map((ratio) => (
            <Table.Tr key={ratio.key}>
              <Table.Td fw={600}>{ratio.label[lang]}</Table.Td>
              <Table.Td>{ratio.formula[lang]}</Table.Td>
              <Table.Td>{rt(`settings.units.${ratio.unit}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
    </Stack>
  );
}
