// A status in words on a badge (the colour only repeats what the text says).
import { Badge } from '@mantine/core';

const COLOURS = { positive: 'green', neutral: 'gray', attention: 'orange', negative: 'red' } as const;

/** Longer texts than this may wrap. */
const LONG = 24;

type StatusBadgeProps = { tone: keyof typeof COLOURS; children: string };

export function StatusBadge({ tone, children }: StatusBadgeProps) {
  return (
    // A short status keeps its width (in a narrow table column it would otherwise shrink to "A…"); a long one (a link's
    // health with its new address) wraps within the page instead of widening a phone's screen.
    <Badge
      color={COLOURS[tone]}
      variant="light"
      tt="none"
      radius="sm"
      style={children.length > LONG ? { maxWidth: '100%', height: 'auto' } : { minWidth: 'max-content' }}
      styles={children.length > LONG ? { label: { whiteSpace: 'normal', overflowWrap: 'anywhere' } } : undefined}
    >
      {children}
    </Badge>
  );
}
