// Mantine's Modal with a named close button (its icon button has no text of its own).
import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}
