// The choice of the comparison's columns: a button that shows or hides checkboxes for the measures and key ratios.
import { Box, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useId } from 'react';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { type ComparisonColumn, DEFAULT_COLUMNS } from './comparison-columns.ts';

type ColumnChooserProps = {
  available: readonly ComparisonColumn[];
  value: readonly string[];
  onChange: (keys: string[]) => void;
  /** Shown on the same line as the button (the downloads), above the opened choice. */
  actions?: ReactNode;
};

export function ColumnChooser({ available, value, onChange, actions }: ColumnChooserProps) {
  const st = useStatisticsT();
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  const chosen = new Set(value);
  const count = available.filter((c) => chosen.has(c.key)).length;
  const setChecked = (key: string, checked: boolean) =>
    onChange(available.map((c) => c.key).filter((k) => (k === key ? checked : chosen.has(k))));

  const group = (type: ComparisonColumn['type'], legend: string) => (
    <Box component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Text component="legend" fw={700} size="sm" mb="xs">
        {legend}
      </Text>
      <Stack gap={6}>
        {available
          .filter((c) => c.type === type)
          .map((column) => (
            <Checkbox
              key={column.key}
              label={column.label}
              checked={chosen.has(column.key)}
              onChange={(event) => setChecked(column.key, event.currentTarget.checked)}
            />
          ))}
      </Stack>
    </Box>
  );

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Button variant="default" onClick={toggle} aria-expanded={opened} aria-controls={opened ? panelId : undefined}>
          {st('columns.choose', { count })}
        </Button>
        {actions}
      </Group>
      {opened ? (
        <Paper withBorder p="md" id={panelId} component="section" aria-label={st('columns.legend')}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {group('measure', st('columns.measures'))}
            {group('ratio', st('columns.ratios'))}
          </SimpleGrid>
          <Button mt="md" size="xs" variant="default" onClick={() => onChange([...DEFAULT_COLUMNS])}>
            {st('columns.reset')}
          </Button>
        </Paper>
      ) : null}
    </Stack>
  );
}
