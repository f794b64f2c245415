// Starts the web app with the modules the composition root lists: providers (Mantine, Query, router) and the
// handling of an ended session. The entry is src/app/main.tsx.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client.ts';
import { registerTranslations } from './i18n/i18n.ts';
import type { WebModule } from './module.ts';
import { registerWebModules } from './modules.ts';
import type { createAppRouter } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const PUBLIC_PATHS = ['/login', '/forgot-password', '/set-password'];

export function startWebApp(
  modules: readonly WebModule[],
  createRouter: (queryClient: QueryClient) => ReturnType<typeof createAppRouter>,
): void {
  registerWebModules(modules);
  registerTranslations(modules);

  const queryClient = createQueryClient(() => {
    // The session ended while a signed-in page was open: sign in again and come back here.
    const { pathname, href } = router.state.location;
    if (PUBLIC_PATHS.includes(pathname)) return;
    void router.navigate({ to: '/login', search: { redirect: href } }).then(() => queryClient.clear());
  });
  const router = createRouter(queryClient);

  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');

  createRoot(container).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
