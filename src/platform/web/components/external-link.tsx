// A link that opens another site in a new tab: marked with a visible icon (and the words for screen readers), so no
// one is surprised by a new tab (WCAG 3.2.5 advice); a long address breaks rather than widening a phone's page.
import { Anchor, type AnchorProps, VisuallyHidden } from '@mantine/core';
import type { MouseEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ExternalLinkProps = AnchorProps & {
  href: string;
  children: ReactNode;
  'aria-label'?: string;
  /** E.g. to count that the link was opened (a middle click is an auxiliary click). */
  onClick?: MouseEventHandler<HTMLAnchorElement>;
  onAuxClick?: MouseEventHandler<HTMLAnchorElement>;
};

export function ExternalLink({ href, children, 'aria-label': ariaLabel, ...props }: ExternalLinkProps) {
  const { t } = useTranslation();
  return (
    <Anchor
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={ariaLabel ? `${ariaLabel} ${t('common.opensNewTab')}` : undefined}
      style={{ overflowWrap: 'anywhere' }}
      {...props}
    >
      {children}
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        width="0.9em"
        height="0.9em"
        style={{ marginInlineStart: '0.25em', verticalAlign: '-0.1em' }}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M14 4h6v6" />
        <path d="M20 4l-9 9" />
        <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
      </svg>
      {ariaLabel ? null : <VisuallyHidden> {t('common.opensNewTab')}</VisuallyHidden>}
    </Anchor>
  );
}
