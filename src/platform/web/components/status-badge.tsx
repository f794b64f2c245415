// A status in words on a badge (the colour only repeats what the text says).
import { Badge } from '@mantine/core';

const COLOURS = { positive: 'green', neutral: 'gray', attention: 'orange', negative: 'red' } as const;

type StatusBadgeProps = { tone: keyof typeof COLOURS; children: string };

export function StatusBadge({ tone, children }: StatusBadgeProps) {
  return (
    // max-content: in a narrow table column the badge would otherwise shrink to "A…".
    <Badge color={COLOURS[tone]} variant="light" tt="none" radius="sm" style={{ minWidth: 'max-content' }}>
      {children}
    </Badge>
  );
}
