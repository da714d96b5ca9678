// After a supervisor publishes new delay settings: an order's watch recomputed under them, so the
// deadlines the dry run showed move now rather than at the order's next event. Pure: the same
// flow as an order change (deadlines, then the timers that follow from them), with no tracking news.
import type { OrderState } from '../ingest/order-state.ts';
import type { MessageContext } from './customer-message.ts';
import { hasEffects, onOrderChanged, type DelayStep } from './flow.ts';
import { orderProgress, type DelayWatch } from './watch.ts';

export type Replan = { kind: 'unchanged' } | { kind: 'replanned'; step: DelayStep & { watch: DelayWatch } };

/** Whether the order is one the settings decide anything for: awaiting shipment or in transit. */
export function isOpenOrder(state: OrderState): boolean {
  const phase = orderProgress(state)?.phase;
  return phase === 'awaiting_shipment' || phase === 'in_transit';
}

/** The order's watch under `context.settings`; `unchanged` when the settings move nothing (so a second re-plan writes nothing). */
export function replanOrder(stored: DelayWatch | undefined, state: OrderState, context: MessageContext): Replan {
  const step = onOrderChanged(stored, state, context);
  if (!step.watch || !hasEffects(step, stored)) return { kind: 'unchanged' };
  return { kind: 'replanned', step: { ...step, watch: step.watch } };
}
