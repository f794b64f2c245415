// Asks before an action that is hard to undo (deactivate, revoke, remove).
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from './app-modal.tsx';
import { FormError } from './feedback.tsx';

type ConfirmDialogProps = {
  opened: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
  error?: string | null;
  danger?: boolean;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={props.opened} onClose={props.onCancel} title={props.title} size="md">
      <Stack>
        <Text>{props.text}</Text>
        <FormError message={props.error ?? null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color={props.danger === false ? undefined : 'red'} loading={props.loading} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
