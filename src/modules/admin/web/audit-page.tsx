// /admin/audit: the append-only audit log — who read or changed what, when and from where.
import { Button, Code, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { PagePagination } from '../../../platform/web/components/page-pagination.tsx';
import { compareSwedish, useFormat } from '../../../platform/web/i18n/format.ts';
import { moduleAuditLabel } from '../../../platform/web/modules.ts';
import type { AuditEventDto } from '../admin.contracts.ts';
import { adminSv } from './admin.sv.ts';
import { type AuditParams, auditQuery, organisationsQuery } from './admin-api.ts';
import { type AdminKey, type AdminT, useAdminT } from './admin-t.ts';
import { PAGE_SIZE } from './admin-validation.ts';

export type AuditSearch = AuditParams;

const ACTION_TEXTS: Record<string, Record<string, string> | undefined> = adminSv.audit.actions;
const ENTITY_TEXTS: Record<string, string | undefined> = adminSv.audit.entityTypes;

/**
 * "user.invite" → "Användare inbjuden": the platform's own texts, else the label a module's web manifest gives
 * (`auditLabels`), else the code.
 */
function actionLabel(at: AdminT, action: string, language: 'sv' | 'en'): string {
  const [group = '', name = ''] = action.split('.');
  const known = ACTION_TEXTS[group] && Object.hasOwn(ACTION_TEXTS[group], name);
  if (known) return at(`audit.actions.${group}.${name}` as AdminKey);
  return moduleAuditLabel('actions', action, language) ?? action;
}

function entityLabel(at: AdminT, entityType: string, language: 'sv' | 'en'): string {
  if (Object.hasOwn(ENTITY_TEXTS, entityType)) return at(`audit.entityTypes.${entityType}` as AdminKey);
  return moduleAuditLabel('entityTypes', entityType, language) ?? entityType;
}

function useLanguage(): 'sv' | 'en' {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
}

export function AuditPage({ search }: { search: AuditSearch }) {
  const { t } = useTranslation();
  const at = useAdminT();
  const language = useLanguage();
  const format = useFormat();
  const navigate = useNavigate({ from: '/admin/audit' });
  const page = search.page ?? 1;
  const query = useQuery({ ...auditQuery({ ...search, page }), placeholderData: keepPreviousData });
  const setSearch = (changes: Partial<AuditSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes, page: changes.page }), replace: true });

  return (
    <Page title={at('audit.title')}>
      <Text>{at('audit.intro')}</Text>
      <AuditFilters search={search} actions={query.data?.actions ?? []} onChange={setSearch} />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <Text fw={600} role="status">
            {at('audit.count', { count: query.data.total })}
          </Text>
          <DataTable label={at('audit.title')} empty={query.data.items.length === 0}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{at('audit.at')}</Table.Th>
                <Table.Th>{at('audit.actor')}</Table.Th>
                <Table.Th>{at('audit.action')}</Table.Th>
                <Table.Th>{at('audit.entity')}</Table.Th>
                <Table.Th>{at('audit.organisation')}</Table.Th>
                <Table.Th>{at('audit.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                  </Table.Td>
                  <Table.Td>{actorText(at, event)}</Table.Td>
                  <Table.Td>
                    {actionLabel(at, event.action, language)}
                    <Text size="xs" c="dimmed">
                      {event.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {entityLabel(at, event.entityType, language)}
                    {event.entityName ? <Text size="sm">{event.entityName}</Text> : null}
                    {event.entityId ? (
                      <Text size="xs">
                        <Code>{event.entityId}</Code>
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{event.organisationName ?? t('common.none')}</Table.Td>
                  <Table.Td>{event.ipAddress ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
          <PagePagination
            total={query.data.total}
            page={page}
            pageSize={PAGE_SIZE}
            onChange={(next) => void setSearch({ page: next })}
          />
        </>
      ) : null}
    </Page>
  );
}

function actorText(at: AdminT, event: AuditEventDto): string {
  if (event.actorName) return event.actorTokenId ? `${event.actorName} (${at('audit.token')})` : event.actorName;
  if (event.actorTokenId) return at('audit.token');
  return at('audit.system');
}

type AuditFiltersProps = {
  search: AuditSearch;
  actions: string[];
  onChange: (changes: Partial<AuditSearch>) => void;
};

function AuditFilters({ search, actions, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const at = useAdminT();
  const language = useLanguage();
  const organisations = useQuery(organisationsQuery(true));
  const organisationOptions = useMemo(
    () =>
      (organisations.data ?? [])
        .slice()
        .sort((a, b) => (a.kind === b.kind ? compareSwedish(a.name, b.name) : a.kind === 'region' ? -1 : 1))
        .map((org) => ({ value: org.id, label: org.name })),
    [organisations.data],
  );
  const actionOptions = useMemo(() => {
    const all = search.action && !actions.includes(search.action) ? [...actions, search.action] : actions;
    return all
      .map((action) => ({ value: action, label: actionLabel(at, action, language) }))
      .sort((a, b) => compareSwedish(a.label, b.label));
  }, [actions, search.action, at, language]);
  const extra = [
    search.actorUserId ? `${at('audit.actor')}: ${search.actorUserId}` : null,
    search.entityType || search.entityId
      ? `${at('audit.entity')}: ${[search.entityType, search.entityId].filter(Boolean).join(' ')}`
      : null,
  ].filter((text): text is string => text !== null);
  const anyFilter = Object.entries(search).some(([key, value]) => key !== 'page' && value !== undefined);

  return (
    <Paper withBorder p="md" component="section" aria-label={at('audit.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <NativeSelect
          label={at('audit.action')}
          data={[{ value: '', label: t('common.all') }, ...actionOptions]}
          value={search.action ?? ''}
          onChange={(event) => onChange({ action: event.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={at('audit.organisation')}
          data={[{ value: '', label: t('common.all') }, ...organisationOptions]}
          value={search.organisationId ?? ''}
          onChange={(event) => onChange({ organisationId: event.currentTarget.value || undefined })}
        />
        <TextInput
          label={at('audit.from')}
          type="date"
          value={search.from ?? ''}
          max={search.to}
          onChange={(event) => onChange({ from: event.currentTarget.value || undefined })}
        />
        <TextInput
          label={at('audit.to')}
          type="date"
          value={search.to ?? ''}
          min={search.from}
          onChange={(event) => onChange({ to: event.currentTarget.value || undefined })}
        />
      </SimpleGrid>
      <Group mt="md" justify="space-between">
        <Text size="sm">{extra.length ? at('audit.extraFilter', { filter: extra.join(', ') }) : null}</Text>
        {anyFilter ? (
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              onChange({
                action: undefined,
                actorUserId: undefined,
                entityType: undefined,
                entityId: undefined,
                organisationId: undefined,
                from: undefined,
                to: undefined,
              })
            }
          >
            {at('audit.clear')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
