// Every page's frame: the one h1, the document title ("Användare – Kompetensnav") and the page's main actions.
import { Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type PageProps = {
  /** The page's name, used for the document title and (unless heading is given) the h1. */
  title: string;
  heading?: string;
  actions?: ReactNode;
  children: ReactNode;
};

export function Page({ title, heading, actions, children }: PageProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('common.pageTitle', { title }));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="sm">
        {/* A long Swedish compound ("Granskningsomgångar") may break rather than widen a phone's page. */}
        <Title order={1} style={{ minWidth: 0, overflowWrap: 'break-word', hyphens: 'auto' }}>
          {heading ?? title}
        </Title>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
