// A page of cards as a list (so screen readers announce the count), with the page numbers below it.
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PagePagination } from '../../../platform/web/components/page-pagination.tsx';

type PageOf<T> = { items: T[]; total: number; page: number; pageSize: number };

export function PagedList<T extends { id: string }>(props: {
  data: PageOf<T>;
  render: (item: T) => ReactNode;
  onPage: (page: number | undefined) => void;
}) {
  const { data, render, onPage } = props;
  return (
    <>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data.items.map((item) => (
          <li key={item.id}>{render(item)}</li>
        ))}
      </Stack>
      <PagePagination
        total={data.total}
        page={data.page}
        pageSize={data.pageSize}
        onChange={(page) => onPage(page > 1 ? page : undefined)}
      />
    </>
  );
}
