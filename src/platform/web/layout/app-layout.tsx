// The frame of every signed-in page: header (product, region, user menu), the main menu and the page.
import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/me-query.ts';
import { RouterAnchor } from '../components/router-link.tsx';
import { MainNav } from './main-nav.tsx';
import { focusMainContent, MAIN_CONTENT_ID, SkipLink } from './skip-link.tsx';
import { UserMenu } from './user-menu.tsx';

const NAV_ID = 'main-navigation';

export function AppLayout() {
  const me = useMe();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  useFocusMainOnNavigation();

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls={NAV_ID}
              />
              <RouterAnchor to="/" c="dark" fw={700} fz="lg" underline="never">
                {t('common.appName')}
              </RouterAnchor>
              <Text c="dimmed" visibleFrom="xs" truncate>
                {me.region.name}
              </Text>
            </Group>
            <UserMenu me={me} />
          </Group>
        </AppShell.Header>
        {/* On a phone the closed menu is off screen; inert keeps keyboard focus out of it. */}
        {/* The menu scrolls on its own when it is taller than the window (a regional admin has many entries). */}
        <AppShell.Navbar
          p="sm"
          id={NAV_ID}
          aria-label={t('nav.main')}
          inert={isPhone && !opened}
          style={{ overflowY: 'auto' }}
        >
          <MainNav me={me} onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}

/** After moving to another page, focus goes to the content so screen readers start at the new page. */
function useFocusMainOnNavigation() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    focusMainContent();
  }, [pathname]);
}
