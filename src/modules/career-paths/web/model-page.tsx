// /career-paths: the region's career path model — the current version (or an older one, as it was decided), the
// picture of roles and ways with the same ways as a table, the roles' education requirements (defaults marked "to
// verify" with their source), and the printable version. The regional admin starts and opens the draft here.
import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import type { CareerModel, ModelVersionDto } from '../career-paths.contracts.ts';
import { careerApi, careerFileUrl, modelQuery, versionQuery } from './career-paths-api.ts';
import { useCareerT, useRoleName } from './career-paths-t.ts';
import { ModelGraphFigure } from './model-graph-figure.tsx';

export function ModelPage() {
  const tc = useCareerT();
  const overview = useQuery(modelQuery());
  const [chosen, setChosen] = useState<number | null>(null);
  const old = useQuery({ ...versionQuery(chosen ?? 0), enabled: chosen !== null });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: careerApi.startDraft,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['career-paths'] });
      await navigate({ to: '/career-paths/draft' });
    },
  });
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const shown: ModelVersionDto | null = chosen !== null ? (old.data ?? null) : o.current;
  return (
    <Page
      title={tc('model.title')}
      actions={
        o.canEdit ? (
          o.draft ? (
            <Button onClick={() => void navigate({ to: '/career-paths/draft' })}>
              {tc('model.openDraft', { version: o.draft.version })}
            </Button>
          ) : (
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {tc('model.startDraft')}
            </Button>
          )
        ) : null
      }
    >
      <Text>{tc('model.intro')}</Text>
      {start.isError ? <ErrorAlert error={start.error} /> : null}
      {!o.current ? <Text role="status">{tc('model.none')}</Text> : null}
      {o.versions.length > 0 ? (
        <Group align="flex-end">
          <NativeSelect
            label={tc('model.version')}
            value={String(chosen ?? o.current?.version ?? '')}
            onChange={(e) => {
              const v = Number(e.currentTarget.value);
              setChosen(v === o.current?.version ? null : v);
            }}
            data={o.versions.map((v) => ({
              value: String(v.version),
              label: tc('model.versionOption', { version: v.version, date: v.decisionDate ?? '' }),
            }))}
          />
          {shown ? (
            <>
              <Anchor href={careerFileUrl.modelPdf(shown.version)} download>
                {tc('model.pdf')}
              </Anchor>
              <RouterAnchor to="/career-paths/matrix" search={{ version: shown.version }}>
                {tc('model.matrixLink')}
              </RouterAnchor>
            </>
          ) : null}
        </Group>
      ) : null}
      {chosen !== null && old.isPending ? <Loading /> : null}
      {shown ? <ModelView version={shown} /> : null}
    </Page>
  );
}

export function ModelView({ version }: { version: ModelVersionDto }) {
  const tc = useCareerT();
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
  const model: CareerModel = version.model;
  const roleName = useRoleName();
  return (
    <Stack gap="lg">
      <Text fw={600}>
        {tc('model.decided', { version: version.version, date: version.decisionDate ?? '–' })}
        {version.decisionNote ? ` – ${version.decisionNote}` : ''}
      </Text>
      <Title order={2}>{tc('model.picture')}</Title>
      <Text size="sm">{tc('model.pictureHelp')}</Text>
      <ModelGraphFigure model={model} locale={locale} title={tc('model.pictureTitle', { version: version.version })} />
      <Table.ScrollContainer minWidth={560} type="native">
        <Table>
          <Table.Caption>{tc('model.waysCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('model.from')}</Table.Th>
              <Table.Th>{tc('model.to')}</Table.Th>
              <Table.Th>{tc('model.via')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.ways.map((w) => (
              <Table.Tr key={`${w.from}-${w.to}`}>
                <Table.Td>{roleName(model.roles, w.from)}</Table.Td>
                <Table.Td>{roleName(model.roles, w.to)}</Table.Td>
                <Table.Td>{w.via}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2}>{tc('model.roles')}</Title>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table>
          <Table.Caption>{tc('model.rolesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('model.role')}</Table.Th>
              <Table.Th>{tc('model.education')}</Table.Th>
              <Table.Th>{tc('model.points')}</Table.Th>
              <Table.Th>{tc('model.protected')}</Table.Th>
              <Table.Th>{tc('model.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.roles.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <Text fw={600}>{roleName(model.roles, r.key)}</Text>
                  {r.licensed ? <Text size="sm">{tc('model.licensed')}</Text> : null}
                  {r.areas.length ? <Text size="sm">{tc('model.areas', { areas: r.areas.join(', ') })}</Text> : null}
                </Table.Td>
                <Table.Td>{r.education.text}</Table.Td>
                <Table.Td>
                  {r.education.points !== null
                    ? `${r.education.points} ${tc(`units.${r.education.pointsUnit ?? 'gymnasiepoang'}`)}`
                    : '–'}
                </Table.Td>
                <Table.Td>{r.protectedTitle ? tc('common.yes') : tc('common.no')}</Table.Td>
                <Table.Td>
                  {r.education.toVerify ? (
                    <Badge color="yellow" variant="light" tt="none">
                      {tc('model.toVerify')}
                    </Badge>
                  ) : null}
                  <Text size="sm">{r.education.source || '–'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
