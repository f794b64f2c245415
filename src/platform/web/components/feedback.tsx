// Loading and error states shared by the pages.
import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/api-client.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

type ErrorAlertProps = { error: unknown; title?: string; onRetry?: () => void };

/** An error in words (never colour alone), with the correlation id when the server gave one. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const correlationId = error instanceof ApiError ? error.correlationId : null;
  return (
    <Alert color="red" role="alert" title={title}>
      <Text size="sm">{errorMessage(error)}</Text>
      {correlationId && error instanceof ApiError && error.status >= 500 ? (
        <Text size="sm">{t('errors.correlation', { id: correlationId })}</Text>
      ) : null}
      {onRetry ? (
        <Button mt="sm" size="xs" variant="default" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

/** The message of a failed form submission, shown above its buttons. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      <Text size="sm">{message}</Text>
    </Alert>
  );
}
