// Mantine's Modal, assembled so that its header is a plain div (a <header> inside a dialog would count as a second
// banner landmark) and its close button has a name (its icon has no text). While it is open the page behind it is
// inert, so screen readers meet only the dialog; when it goes, focus returns to where it was.
import { Modal, type ModalRootProps } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type AppModalProps = Omit<ModalRootProps, 'title' | 'children'> & { title: ReactNode; children: ReactNode };

export function AppModal({ title, children, size = 'lg', ...rootProps }: AppModalProps) {
  const { t } = useTranslation();
  const { opened } = rootProps;
  // Read while rendering, before the dialog takes the focus: usually the button that opened it.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const page = document.getElementById('root');
    if (!opened || !page) return;
    page.inert = true;
    return () => {
      page.inert = false;
      if (opener?.isConnected) opener.focus();
    };
  }, [opened, opener]);
  return (
    <Modal.Root size={size} {...rootProps}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
