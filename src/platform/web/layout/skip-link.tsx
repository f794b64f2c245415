// "Hoppa till innehållet": the first focusable element, moving keyboard focus past the header and menu.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main-content';

export function focusMainContent(): void {
  document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: false });
}

export function SkipLink() {
  const { t } = useTranslation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    focusMainContent();
  };
  return (
    <a href={`#${MAIN_CONTENT_ID}`} className="skip-link" onClick={onClick}>
      {t('common.skipToContent')}
    </a>
  );
}
