// The joint training plan (Gemensamma utbildningar, decision 022): planning cycles per network and year, needs,
// the prioritisation meeting's rankings and decision, orders to education brokers, seats and cost shares per
// municipality, and the annual follow-up. Schemas shared by server and web.

export const CYCLE_PHASES = ['needs', 'prioritisation', 'decided', 'ordered', 'delivered', 'followed_up'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];
export const NEED_FORMATS = ['classroom', 'digital', 'blended', 'any'] as const;
export type NeedFormat = (typeof NEED_FORMATS)[number];
export const NEED_TERMS = ['spring', 'autumn', 'any'] as const;
export type NeedTerm = (typeof NEED_TERMS)[number];
export const NEED_STATUSES = ['open', 'merged', 'split', 'withdrawn'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_ORIGINS = ['submitted', 'merged', 'split'] as const;
export const URGENCIES = [1, 2, 3] as const;
export const ORDER_STATUSES = ['sent', 'question', 'accepted', 'declined', 'delivered'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_EVENT_KINDS = ['sent', 'question', 'answer', 'accepted', 'declined', 'delivered'] as const;
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number];
export const SEAT_KEYS = ['participants', 'equal', 'population', 'headcount'] as const;
export type SeatKey = (typeof SEAT_KEYS)[number];
export const COST_KEYS = ['attending', 'seats', 'population', 'headcount'] as const;
export type CostKey = (typeof COST_KEYS)[number];
export const VAT_RATES = [0, 6, 12, 25] as const;
