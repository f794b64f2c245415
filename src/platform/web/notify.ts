// Short confirmations after a change, announced to screen readers by Mantine's notification region.
import { notifications } from '@mantine/notifications';
import { i18n } from './i18n/i18n.ts';

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}

export function notifyError(message: string): void {
  notifications.show({ message, color: 'red', closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
