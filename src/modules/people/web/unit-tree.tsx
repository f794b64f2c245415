// The unit tree beside the staff list: nested lists of buttons (reachable with Tab, chosen with Enter or Space), the
// chosen one marked with aria-current; units whose staff the caller does not see are shown as plain text for context.
import { Box, Text, UnstyledButton } from '@mantine/core';
import type { UnitDto } from '../people.contracts.ts';
import { usePeopleT } from './people-api.ts';

type UnitTreeProps = {
  units: UnitDto[];
  visible: ReadonlySet<string>;
  selected: string | undefined;
  onSelect: (unitId: string | undefined) => void;
};

export function UnitTree({ units, visible, selected, onSelect }: UnitTreeProps) {
  const pt = usePeopleT();
  const children = new Map<string | null, UnitDto[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const item = (label: string, unitId: string | undefined, title?: string) => {
    const current = selected === unitId;
    return (
      <UnstyledButton
        onClick={() => onSelect(unitId)}
        aria-current={current ? 'true' : undefined}
        aria-label={title}
        px="xs"
        py={4}
        w="100%"
        style={{
          borderRadius: 4,
          fontWeight: current ? 700 : 400,
          background: current ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Text size="sm" component="span" inherit>
          {label}
        </Text>
      </UnstyledButton>
    );
  };
  const branch = (parent: string | null, depth: number) => {
    const list = children.get(parent) ?? [];
    if (list.length === 0) return null;
    return (
      <Box component="ul" m={0} p={0} pl={depth === 0 ? 0 : 'md'} style={{ listStyle: 'none' }}>
        {list.map((u) => (
          <li key={u.id}>
            {visible.has(u.id) ? (
              item(
                `${u.name} (${u.personCount})${u.active ? '' : ` – ${pt('units.inactive')}`}`,
                u.id,
                pt('list.unitCount', { name: u.name, count: u.personCount }),
              )
            ) : (
              <Text size="sm" px="xs" py={4} c="gray.7">
                {u.name}
              </Text>
            )}
            {branch(u.id, depth + 1)}
          </li>
        ))}
      </Box>
    );
  };
  return (
    <nav aria-label={pt('list.tree')}>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        <li>{item(pt('list.allUnits'), undefined)}</li>
      </Box>
      {branch(null, 0)}
    </nav>
  );
}
