// The coordinator's order of a decided need: the specification, the broker (a municipality's education brokers or an
// external provider), and the cost key. Participants per municipality come from the need's contributions.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert, Loading } from '../../../platform/web/components/feedback.tsx';
import { FieldForm } from '../../../platform/web/components/field-form.tsx';
import { notifySuccess } from '../../../platform/web/notify.ts';
import { COST_KEYS, type NeedDto, type OrderDetail } from '../training-plan.contracts.ts';
import { optionsQuery, tpApi, useTpT } from './training-plan-api.ts';

export function OrderForm({ need, onDone }: { need: NeedDto; onDone: () => void }) {
  const tt = useTpT();
  const options = useQuery(optionsQuery());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (options.isPending) return <Loading />;
  if (options.isError) return <ErrorAlert error={options.error} />;
  const none = { value: '', label: tt('common.choose') };
  return (
    <FieldForm
      columns={2}
      submitLabel={tt('order.create')}
      fields={[
        { name: 'title', label: tt('order.orderTitle'), required: true, initial: need.title },
        {
          name: 'brokerOrganisationId',
          label: tt('order.broker'),
          kind: 'select',
          required: true,
          options: [none, ...options.data.brokers.map((b) => ({ value: b.id, label: b.name }))],
        },
        { name: 'goal', label: tt('order.goal'), kind: 'textarea', required: true },
        { name: 'content', label: tt('order.content'), kind: 'textarea', initial: need.description },
        {
          name: 'targetGroup',
          label: tt('order.targetGroup'),
          initial: need.targetProfessions.map((p) => p.name).join(', '),
        },
        { name: 'budgetCeiling', label: tt('order.budget'), kind: 'number', required: true },
        { name: 'wantedFrom', label: tt('order.wantedFrom'), kind: 'date', required: true },
        { name: 'wantedTo', label: tt('order.wantedTo'), kind: 'date', required: true },
        { name: 'contactName', label: tt('order.contactName'), required: true },
        { name: 'contactEmail', label: tt('order.contactEmail'), required: true },
        {
          name: 'costKey',
          label: tt('order.costKey'),
          kind: 'select',
          initial: 'attending',
          options: COST_KEYS.map((k) => ({ value: k, label: tt(`costKey.${k}`) })),
        },
        { name: 'withVat', label: tt('order.withVat'), kind: 'checkbox' },
      ]}
      onSubmit={async (body) => {
        const made = await tpApi.post<OrderDetail>('/orders', { ...body, needId: need.id });
        await queryClient.invalidateQueries({ queryKey: ['training-plan'] });
        notifySuccess(tt('order.created'));
        onDone();
        await navigate({ to: '/training-plan/orders/$orderId', params: { orderId: made.id } });
      }}
    />
  );
}
