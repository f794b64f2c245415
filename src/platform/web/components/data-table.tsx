// A table in a named, keyboard-scrollable region (wide tables scroll sideways on small screens).
import { Box, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type DataTableProps = { label: string; children: ReactNode; empty?: boolean };

export function DataTable({ label, children, empty }: DataTableProps) {
  const { t } = useTranslation();
  if (empty) return <Text>{t('common.noRows')}</Text>;
  return (
    // Focusable, so a table wider than the screen can be scrolled with the keyboard (WCAG 2.1.1). Positioned, so
    // the screen-reader text inside (absolutely positioned) stays within the scroll region instead of widening the
    // page on a phone.
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', position: 'relative' }}>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="sm" miw={640}>
        {children}
      </Table>
    </Box>
  );
}
