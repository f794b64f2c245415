// /training-plan/orders: the orders the user may see (an external provider's users: only those addressed to it).

import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { Page } from '../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../platform/web/components/router-link.tsx';
import { TableScroll } from '../../../platform/web/components/table-scroll.tsx';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import { ordersQuery, useTpT } from './training-plan-api.ts';

export function OrdersPage() {
  const tt = useTpT();
  const f = useFormat();
  const q = useQuery(ordersQuery());
  return (
    <Page title={tt('order.listTitle')}>
      <Text>{tt('order.listIntro')}</Text>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.orders.length === 0 ? <Text role="status">{tt('common.none')}</Text> : null}
      {q.data && q.data.orders.length > 0 ? (
        <TableScroll minWidth={720} label={tt('order.listTitle')}>
          <Table>
            <Table.Caption>{tt('order.listTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tt('order.orderTitle')}</Table.Th>
                <Table.Th>{tt('order.cycle')}</Table.Th>
                <Table.Th>{tt('order.broker')}</Table.Th>
                <Table.Th>{tt('order.status')}</Table.Th>
                <Table.Th>{tt('order.wantedFrom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.orders.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <RouterAnchor to="/training-plan/orders/$orderId" params={{ orderId: o.id }}>
                      {o.title}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{o.cycleTitle}</Table.Td>
                  <Table.Td>{o.broker.name}</Table.Td>
                  <Table.Td>{tt(`orderStatus.${o.status}`)}</Table.Td>
                  <Table.Td>
                    {f.date(o.wantedFrom)} – {f.date(o.wantedTo)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
