// A wide table's horizontal scroll region: focusable and named, so keyboard users can scroll it (axe:
// scrollable-region-focusable) and screen readers announce what it holds.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function TableScroll({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" role="region" tabIndex={0} aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
