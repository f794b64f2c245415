// A status in words on a badge (the colour only repeats what the text says).
import { Badge } from '@mantine/core';

const COLOURS = { positive: 'green', neutral: 'gray', attention: 'orange', negative: 'red' } as const;

type StatusBadgeProps = { tone: keyof typeof COLOURS; children: string };

export function StatusBadge({ tone, children }: StatusBadgeProps) {
  return (
    <Badge color={COLOURS[tone]} variant="light" tt="none" radius="sm" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Badge>
  );
}
