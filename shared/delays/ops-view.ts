// What the ops routes show of the delay flow: a watch as a delayed order, the list's filters, and
// the denominators of the delay rates (orders per carrier and destination) from the orders of a
// period. Pure: the handler reads, this shapes.
import type { DelayReason, DelaySeverity } from '../events/delays.ts';
import type { OrderState } from '../ingest/order-state.ts';
import { delayFactsOf, unknownKey, type ShippedOrders } from './metrics.ts';
import { isShipped, openDelays, type DelayWatch } from './watch.ts';

export interface DelayedOrderView {
  orderId: string;
  orderNumber?: string;
  placedAt: string;
  phase: DelayWatch['phase'];
  carrier?: string;
  destinationCountry?: string;
  openDelays: Array<{ delayId: string; reason: DelayReason; severity: DelaySeverity; detectedAt: string; promisedBy?: string; estimatedAt?: string; carrier?: string }>;
  customerNotified: boolean;
  customerNotifiedAt?: string;
  lastNotice?: { messageType: DelayWatch['notices'][number]['messageType']; at: string };
  customerContactedAt?: string;
}

const ms = (iso: string) => Date.parse(iso);

export function delayedOrderView(watch: DelayWatch): DelayedOrderView {
  const open = openDelays(watch).sort((a, b) => ms(a.detectedAt) - ms(b.detectedAt));
  const notices = [...watch.notices].sort((a, b) => ms(a.at) - ms(b.at));
  const last = notices.at(-1);
  return {
    orderId: watch.orderId,
    ...(watch.orderNumber ? { orderNumber: watch.orderNumber } : {}),
    placedAt: watch.placedAt,
    phase: watch.phase,
    ...(watch.carrier ? { carrier: watch.carrier } : {}),
    ...(watch.destinationCountry ? { destinationCountry: watch.destinationCountry } : {}),
    openDelays: open.map((d) => ({
      delayId: d.delayId,
      reason: d.reason,
      severity: d.severity,
      detectedAt: d.detectedAt,
      ...(d.promisedBy ? { promisedBy: d.promisedBy } : {}),
      ...(d.estimatedAt ? { estimatedAt: d.estimatedAt } : {}),
      ...(d.carrier ? { carrier: d.carrier } : {}),
    })),
    customerNotified: notices.length > 0,
    ...(notices[0] ? { customerNotifiedAt: notices[0].at } : {}),
    ...(last ? { lastNotice: { messageType: last.messageType, at: last.at } } : {}),
    ...(watch.firstCustomerContactAt ? { customerContactedAt: watch.firstCustomerContactAt } : {}),
  };
}

export interface DelayFilter {
  reason?: DelayReason;
  severity?: DelaySeverity;
  carrier?: string;
  destination?: string;
}

/** An order matches when one of its open delays has the reason and severity asked for; carriers compare in any case. */
export function matchesDelayFilter(view: DelayedOrderView, filter: DelayFilter): boolean {
  const carrier = filter.carrier?.toLowerCase();
  const delayMatches = view.openDelays.some(
    (d) => (!filter.reason || d.reason === filter.reason) && (!filter.severity || d.severity === filter.severity) && (!carrier || (d.carrier ?? view.carrier)?.toLowerCase() === carrier),
  );
  return delayMatches && (!filter.destination || view.destinationCountry === filter.destination);
}

/**
 * Orders per carrier and destination: those of the period that shipped (carrier of the latest
 * shipment, as the watch keeps it) or that were delayed, so a delayed order is always in its own
 * denominator and a rate never exceeds 1.
 */
export function ordersAtRisk(orders: readonly OrderState[], watches: readonly DelayWatch[]): ShippedOrders {
  const delayed = new Map(watches.filter((w) => w.delays.length > 0).map((w) => [w.orderId, w]));
  const byCarrier: Record<string, number> = {};
  const byDestination: Record<string, number> = {};
  const count = (carrier: string | undefined, destination: string | undefined) => {
    byCarrier[carrier ?? unknownKey] = (byCarrier[carrier ?? unknownKey] ?? 0) + 1;
    byDestination[destination ?? unknownKey] = (byDestination[destination ?? unknownKey] ?? 0) + 1;
  };
  for (const state of orders) {
    const watch = delayed.get(state.orderId);
    const shipped = Object.values(state.fulfillments)
      .filter(isShipped)
      .sort((a, b) => ms(a.createdAt) - ms(b.createdAt));
    if (watch) {
      // The keys delayMetrics groups the order's facts by, so numerator and denominator meet.
      const facts = delayFactsOf(watch);
      count(facts.find((f) => f.carrier)?.carrier, facts.find((f) => f.destinationCountry)?.destinationCountry);
    } else if (shipped.length > 0) count(shipped.at(-1)?.carrier?.code, state.order?.shippingAddress?.countryCode);
  }
  return { byCarrier, byDestination };
}
