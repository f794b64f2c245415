// How the audit log names the joint training plan's events and objects.
import type { AuditLabels } from '../../../platform/web/module.ts';

export const trainingPlanAuditLabels: AuditLabels = {
  actions: {
    'training_plan_cycle.create': { sv: 'Startade utbildningsplan', en: 'Started a training plan' },
    'training_plan_cycle.phase': { sv: 'Ändrade utbildningsplanens fas', en: "Changed a training plan's phase" },
    'training_plan_need.create': { sv: 'Lämnade utbildningsbehov', en: 'Submitted a training need' },
    'training_plan_need.merge': { sv: 'Slog ihop utbildningsbehov', en: 'Merged training needs' },
    'training_plan_need.split': { sv: 'Delade utbildningsbehov', en: 'Split a training need' },
    'training_plan_ranking.create': { sv: 'Rangordnade behoven', en: 'Ranked the needs' },
    'training_plan_ranking.replace': { sv: 'Ersatte kommunens rangordning', en: "Replaced the municipality's ranking" },
    'training_plan_ranker.name': { sv: 'Utsåg chef som rangordnar', en: 'Named the manager who ranks' },
    'training_plan_decision.create': { sv: 'Registrerade nätverkets beslut', en: "Recorded the network's decision" },
    'training_plan_order.create': { sv: 'Beställde utbildning', en: 'Ordered a training' },
    'training_plan_order.accept': { sv: 'Accepterade beställning', en: 'Accepted an order' },
    'training_plan_order.question': { sv: 'Ställde fråga om beställning', en: 'Asked about an order' },
    'training_plan_order.decline': { sv: 'Avböjde beställning', en: 'Declined an order' },
    'training_plan_order.reply': { sv: 'Svarade mäklaren', en: 'Answered the broker' },
    'training_plan_order.plan_occasion': { sv: 'Planerade tillfälle', en: 'Planned an occasion' },
    'training_plan_order.cost': { sv: 'Ändrade kostnadsfördelning', en: 'Changed the cost split' },
    'training_plan_order.delivered': { sv: 'Markerade beställning levererad', en: 'Marked an order delivered' },
    'training_plan_order.invoice': { sv: 'Hämtade fakturaunderlag', en: 'Downloaded an invoice basis' },
    'training_plan_provider.create': { sv: 'Lade till extern anordnare', en: 'Added an external provider' },
    'training_plan.follow_up': { sv: 'Läste årlig uppföljning', en: 'Read the annual follow-up' },
  },
  entityTypes: {
    training_plan_cycle: { sv: 'Utbildningsplan', en: 'Training plan' },
    training_plan_need: { sv: 'Utbildningsbehov', en: 'Training need' },
    training_plan_order: { sv: 'Beställning', en: 'Order' },
  },
};
