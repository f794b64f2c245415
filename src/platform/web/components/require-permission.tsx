// Shows a page only to users with the permission; others get a clear message (the server refuses them anyway).
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, type Permission, useMe } from '../api/me-query.ts';
import { Page } from './page.tsx';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (hasPermission(me, permission)) return children;
  return (
    <Page title={t('errors.forbiddenTitle')}>
      <Alert color="orange" role="alert">
        {t('errors.forbidden')}
      </Alert>
    </Page>
  );
}
