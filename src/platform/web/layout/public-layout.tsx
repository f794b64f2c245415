// The frame of the pages before sign-in: the product and region name, a language switch, and the page.
import { Box, Button, Container, Group, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { regionQueryOptions } from '../api/region-query.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useSetLanguage } from '../i18n/use-set-language.ts';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link.tsx';

export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const region = useQuery(regionQueryOptions);
  // Sign-in pages are a narrow card; the open statistics and the trainings catalogue are wide.
  const wide = useRouterState({
    select: (s) => ['/oppen-statistik', '/utbildningar'].some((p) => s.location.pathname.startsWith(p)),
  });
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md">
          <Group justify="space-between" h={60} wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Text fw={700} fz="lg">
                {t('common.appName')}
              </Text>
              {region.data ? (
                <Text c="dimmed" visibleFrom="xs">
                  {region.data.name}
                </Text>
              ) : null}
            </Group>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      {/* Less frame on a phone: the page's own content gets the width. */}
      <Container
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        size={wide ? 'xl' : 480}
        py={{ base: 'md', sm: 'xl' }}
        px={{ base: 'xs', sm: 'md' }}
      >
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}

export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}

/** Before sign-in: one button naming the other language in that language ("English" / "Svenska"). */
function LanguageSwitch() {
  const { t } = useTranslation();
  const setLanguage = useSetLanguage(false);
  const other = currentLanguage() === 'sv' ? 'en' : 'sv';
  return (
    <Button variant="subtle" lang={other} onClick={() => void setLanguage(other)}>
      {t(`language.${other}`)}
    </Button>
  );
}
