// The customer state the nudge rules read, built from what ingestion stores: order states (lines,
// fulfilments, refunds) and the customer record (contact, consent). Pure: the campaigns function
// loads the items. What ingestion does not hold yet (open cases, survey scores, nudges sent, the
// tier on record) is passed in by the caller, empty until those records exist.
import type { CustomerState as IngestCustomer } from '../ingest/customer-state.ts';
import type { OrderState } from '../ingest/order-state.ts';
import { finalStatuses, type ReturnCase } from '../returns/case.ts';
import type { ChannelConsent, CustomerOrder, CustomerState, OpenCase } from './customer-state.ts';

/** Every unit that ships is in one of these parcels (the order's own status may lag its fulfilments). */
function parcelsCoverOrder(order: NonNullable<OrderState['order']>, parcels: ReadonlyArray<{ lines: ReadonlyArray<{ lineId: string; quantity: number }> }>): boolean {
  const shipped = new Map<string, number>();
  for (const parcel of parcels) for (const line of parcel.lines) shipped.set(line.lineId, (shipped.get(line.lineId) ?? 0) + line.quantity);
  return order.lines.every((line) => !line.requiresShipping || (shipped.get(line.lineId) ?? 0) >= line.quantity);
}

/**
 * The order as the nudge rules see it; undefined for a test order or one not seen yet. Delivered
 * once every line is fulfilled and each live fulfilment was delivered: at the last delivery.
 */
export function customerOrderOf(state: OrderState): CustomerOrder | undefined {
  const order = state.order;
  if (!order || order.test || state.deletedAt) return undefined;
  const live = Object.values(state.fulfillments).filter((fulfillment) => fulfillment.status !== 'cancelled' && fulfillment.status !== 'error' && fulfillment.status !== 'failure');
  const deliveries = live.map((fulfillment) => fulfillment.deliveredAt ?? (fulfillment.shipmentStatus === 'delivered' ? fulfillment.sourceUpdatedAt : undefined));
  const delivered = live.length > 0 && deliveries.every((at) => at !== undefined) && (order.fulfillmentStatus === 'fulfilled' || parcelsCoverOrder(order, live));
  const deliveredAt = delivered ? deliveries.reduce((latest, at) => (Date.parse(at!) > Date.parse(latest!) ? at : latest)) : undefined;
  const refunded = Object.values(state.refunds).reduce((sum, refund) => sum + refund.amount.amount, 0);
  return {
    id: order.orderId,
    placedAt: order.createdAt,
    ...(deliveredAt ? { deliveredAt } : {}),
    ...(order.cancelledAt ? { cancelled: true } : {}),
    lines: order.lines
      .filter((line) => line.productId)
      .map((line) => ({ productId: line.productId!, ...(line.variantId ? { variantId: line.variantId } : {}), title: line.title, tags: line.productTags ?? [], quantity: line.quantity })),
    total: order.totals.total,
    refunded: { amount: Math.min(refunded, order.totals.total.amount), currency: order.totals.total.currency },
  };
}

/** The storefront's consent state as ours: pending double opt-in is not consent yet. */
export function channelConsent(state: string | undefined): ChannelConsent {
  if (state === 'subscribed') return 'subscribed';
  if (state === 'unsubscribed') return 'unsubscribed';
  return 'unknown';
}

export function customerStateOf(
  customer: IngestCustomer,
  orders: readonly OrderState[],
  known: Partial<Pick<CustomerState, 'openCases' | 'surveyScores' | 'nudgesSent' | 'tier'>> = {},
): CustomerState {
  return {
    shopId: customer.shopId,
    customer: {
      id: customer.customerId,
      ...(customer.email ? { email: customer.email } : {}),
      ...(customer.phone ? { phone: customer.phone } : {}),
      ...(customer.firstName ? { firstName: customer.firstName } : {}),
      locale: customer.locale ?? 'en',
      ...(customer.timeZone ? { timeZone: customer.timeZone } : {}),
    },
    orders: orders.flatMap((state) => customerOrderOf(state) ?? []),
    openCases: known.openCases ?? [],
    surveyScores: known.surveyScores ?? [],
    consent: { email: channelConsent(customer.emailMarketingConsent?.state), sms: channelConsent(customer.smsMarketingConsent?.state) },
    nudgesSent: known.nudgesSent ?? [],
    tier: known.tier ?? null,
  };
}

/** Return cases still running (a rejected one is settled unless a supervisor reopens it). */
export function openReturnCases(cases: readonly Pick<ReturnCase, 'id' | 'status' | 'createdAt'>[]): OpenCase[] {
  return cases.filter((returnCase) => returnCase.status !== 'rejected' && !finalStatuses.includes(returnCase.status)).map((returnCase) => ({ kind: 'return', id: returnCase.id, openedAt: returnCase.createdAt }));
}

/**
 * One state per customer of these orders (guest orders have no customer to nudge). A customer
 * without a stored record is built from the order: no consent known, so nothing would be sent.
 */
export function customerStatesOf(customers: readonly IngestCustomer[], orders: readonly OrderState[], returnCasesOf: (orderId: string) => readonly ReturnCase[]): CustomerState[] {
  const records = new Map(customers.map((customer) => [customer.customerId, customer]));
  const ordersOf = new Map<string, OrderState[]>();
  for (const state of orders) {
    const customerId = state.order?.customer.id;
    if (customerId) ordersOf.set(customerId, [...(ordersOf.get(customerId) ?? []), state]);
  }
  return [...ordersOf].map(([customerId, states]) => {
    const first = states[0]!.order!;
    const record: IngestCustomer = records.get(customerId) ?? {
      shopId: first.shopId,
      customerId,
      ...(first.customer.email ? { email: first.customer.email } : {}),
      ...(first.customer.locale ? { locale: first.customer.locale } : {}),
      orderCount: states.length,
      netSpend: {},
      version: 0,
    };
    return customerStateOf(record, states, { openCases: openReturnCases(states.flatMap((state) => returnCasesOf(state.orderId))) });
  });
}
