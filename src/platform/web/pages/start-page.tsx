// The start page: the user's tasks first ("Att göra", from every module), then who you are, what the platform is,
// and the region's municipalities.
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/me-query.ts';
import { activeOrganisationsQuery } from '../api/organisations-query.ts';
import { ErrorAlert, Loading } from '../components/feedback.tsx';
import { Page } from '../components/page.tsx';
import { compareSwedish } from '../i18n/format.ts';
import { StartTasks } from './start-tasks.tsx';

export function StartPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = me.roles.map((role) => t(`roles.${role}`)).join(', ');

  return (
    <Page title={t('start.title')} heading={t('start.welcome', { name: me.name })}>
      <StartTasks />
      <Group gap="xl">
        <Text>
          <Text span fw={700}>
            {t('start.organisation')}:
          </Text>{' '}
          {me.organisation.name}
        </Text>
        <Text>
          <Text span fw={700}>
            {t('start.roles')}:
          </Text>{' '}
          {roles}
        </Text>
      </Group>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="about-heading">
        <Stack gap="xs">
          <Title order={2} size="h3" id="about-heading">
            {t('start.aboutTitle')}
          </Title>
          <Text>{t('start.about1')}</Text>
          <Text>{t('start.about2', { region: me.region.name })}</Text>
        </Stack>
      </Paper>
      <Municipalities regionName={me.region.name} />
    </Page>
  );
}

function Municipalities({ regionName }: { regionName: string }) {
  const { t } = useTranslation();
  const query = useQuery(activeOrganisationsQuery);
  const municipalities = useMemo(
    () =>
      (query.data ?? [])
        .filter((org) => org.kind === 'municipality' && org.active)
        .sort((a, b) => compareSwedish(a.name, b.name)),
    [query.data],
  );

  return (
    <Stack gap="xs" component="section" aria-labelledby="municipalities-heading">
      <Title order={2} size="h3" id="municipalities-heading">
        {t('start.municipalities', { region: regionName })}
      </Title>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <>
          <Text c="dimmed">{t('start.municipalityCount', { count: municipalities.length })}</Text>
          <SimpleGrid
            component="ul"
            cols={{ base: 1, xs: 2, md: 3 }}
            spacing="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {municipalities.map((municipality) => (
              <Paper component="li" key={municipality.id} withBorder px="md" py="xs">
                <Text fw={600}>{municipality.name}</Text>
                <Text size="sm" c="dimmed">
                  {t('start.code')} {municipality.code ?? t('common.none')}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
