// A page that could not load (the server or the database is unreachable): say so and offer a retry.
// ErrorPage stands alone (when the signed-in frame itself failed); RouteError fills the frame's content area.
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/feedback.tsx';
import { Page } from '../components/page.tsx';
import { PublicFrame } from '../layout/public-layout.tsx';

export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <Page title={t('errors.loadFailed')}>
      <ErrorAlert error={error} onRetry={retry} />
    </Page>
  );
}

export function ErrorPage(props: ErrorComponentProps) {
  return (
    <PublicFrame>
      <RouteError {...props} />
    </PublicFrame>
  );
}
