// What the comparison table and the heat map share: a municipality's row header (signed in, a link to its profile),
// the look of number cells and the rule above the region's rows.
import { Table } from '@mantine/core';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import type { ComparisonDto } from '../../staffing.contracts.ts';

/** Numbers line up in columns and never wrap. */
export const NUMERIC_CELL = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The region's total and median below the municipalities. */
export const REGION_ROWS = { borderTop: '3px double var(--mantine-color-gray-6)' } as const;

type MunicipalityRowHeaderProps = {
  dto: ComparisonDto;
  row: ComparisonDto['rows'][number];
  /** Signed in, the name opens the municipality's profile for the same period and profession. */
  withProfileLink: boolean;
};

export function MunicipalityRowHeader({ dto, row, withProfileLink }: MunicipalityRowHeaderProps) {
  return (
    <Table.Th scope="row" fw={600}>
      {withProfileLink ? (
        <RouterAnchor
          to="/staffing/profile/$municipalityId"
          params={{ municipalityId: row.municipalityId }}
          search={{ periodId: dto.period.id, profession: dto.profession }}
        >
          {row.name}
        </RouterAnchor>
      ) : (
        row.name
      )}
    </Table.Th>
  );
}
