// Page numbers for server-paginated lists, with named buttons.
import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

type PagePaginationProps = { total: number; page: number; pageSize: number; onChange: (page: number) => void };

export function PagePagination({ total, page, pageSize, onChange }: PagePaginationProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // An empty list says so itself (its own sentence), never "Visar 0–0 av 0".
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const controlLabels = {
    first: t('common.firstPage'),
    previous: t('common.previousPage'),
    next: t('common.nextPage'),
    last: t('common.lastPage'),
  };
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm">
        {t('common.showing', { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </Text>
      {pages > 1 ? (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            withEdges
            getItemProps={(item) => ({ 'aria-label': t('common.pageN', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
