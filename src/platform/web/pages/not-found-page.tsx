// Any address without a page.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouterAnchor } from '../components/router-link.tsx';
import { PublicFrame } from '../layout/public-layout.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PublicFrame>
      <Page title={t('notFound.title')}>
        <Text>{t('notFound.text')}</Text>
        <RouterAnchor to="/">{t('notFound.back')}</RouterAnchor>
      </Page>
    </PublicFrame>
  );
}
