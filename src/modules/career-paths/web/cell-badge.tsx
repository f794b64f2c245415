// A task matrix cell in words (with a symbol as a second cue, never colour alone): does, after delegation, does not.
import { StatusBadge } from '../../../platform/web/components/status-badge.tsx';
import type { CellValue } from '../career-paths.contracts.ts';
import { useCareerT } from './career-paths-t.ts';

const TONE = { does: 'positive', delegated: 'attention', does_not: 'neutral' } as const;
const SYMBOL = { does: '✓', delegated: '◐', does_not: '–' } as const;

export function CellBadge({ value }: { value: CellValue }) {
  const tc = useCareerT();
  return <StatusBadge tone={TONE[value]}>{`${SYMBOL[value]} ${tc(`cell.${value}`)}`}</StatusBadge>;
}
