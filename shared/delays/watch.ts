// What the delay flow keeps per order (a DelayWatch): its deadlines, the timers it currently
// expects, the delays it detected and what the customer was told. And how far the order has got
// (orderProgress), read from the stored order state the ingest keeps.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { CountryCode, EntityId, IsoDateTime, ShopId } from '../events/common.ts';
import { DelayReason, DelayResolved, DelaySeverity } from '../events/delays.ts';
import { TimerKind } from '../events/timers.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { NormalizedFulfillment, NormalizedOrder } from '../storefronts/normalized.ts';

export const WatchPhase = z.enum(['awaiting_shipment', 'in_transit', 'delivered', 'cancelled', 'nothing_to_ship']);
export type WatchPhase = z.infer<typeof WatchPhase>;

/** One timer per slot at a time; ladder steps are `ladder1`, `ladder2`... */
export const TimerSlot = z.enum(['ship_by', 'deliver_by', 'tracking_stalled', 'ladder1', 'ladder2', 'ladder3', 'ladder4', 'ladder5', 'courtesy']);
export type TimerSlot = z.infer<typeof TimerSlot>;

const TimerName = z.string().regex(/^[0-9a-zA-Z._-]{1,64}$/);

export const WatchTimer = z.object({
  timerId: TimerName,
  slot: TimerSlot,
  kind: TimerKind,
  dueAt: IsoDateTime,
  shipmentId: EntityId.optional(),
  firedAt: IsoDateTime.optional().describe('Set when it fired; a fired timer is kept so it is not set again'),
});
export type WatchTimer = z.infer<typeof WatchTimer>;

export const DeadlineSource = z.enum(['storefront', 'handling_time', 'carrier_estimate', 'transit_time']);
export type DeadlineSource = z.infer<typeof DeadlineSource>;
export const Deadline = z.object({ at: IsoDateTime, source: DeadlineSource });
export type Deadline = z.infer<typeof Deadline>;

export const WatchDelay = z.object({
  delayId: EntityId,
  /** Reason and what it was measured against: a delay is detected once per key. */
  key: z.string().min(1).max(400),
  reason: DelayReason,
  severity: DelaySeverity,
  detectedBy: z.enum(['timer', 'tracking', 'staff']),
  detectedAt: IsoDateTime,
  promisedBy: IsoDateTime.optional(),
  estimatedAt: IsoDateTime.optional(),
  shipmentId: EntityId.optional(),
  carrier: z.string().max(40).optional(),
  lastEventAt: IsoDateTime.optional().describe('tracking_stalled: the carrier event it has waited after since'),
  resolvedAt: IsoDateTime.optional(),
  resolution: DelayResolved.detail.shape.resolution.optional(),
});
export type WatchDelay = z.infer<typeof WatchDelay>;

export const DelayMessageType = z.enum(['delay_apology', 'delay_update', 'delay_choice', 'delay_courtesy']);
export type DelayMessageType = z.infer<typeof DelayMessageType>;

export const WatchNotice = z.object({
  messageType: DelayMessageType,
  deduplicationKey: z.string().min(1).max(200),
  at: IsoDateTime,
  expectedDate: z.iso.date().optional().describe('The expected delivery date the message gave'),
  delayId: EntityId.optional(),
  ladderStep: z.int().positive().optional(),
});
export type WatchNotice = z.infer<typeof WatchNotice>;

export const DelayWatch = z.object({
  shopId: ShopId,
  orderId: EntityId,
  orderNumber: z.string().max(50).optional(),
  customerId: EntityId.optional(),
  placedAt: IsoDateTime,
  destinationCountry: CountryCode.optional(),
  /** Carrier of the latest shipment, for listings and rates by carrier. */
  carrier: z.string().max(40).optional(),
  phase: WatchPhase,
  deadlines: z.object({
    shipBy: Deadline.optional(),
    deliverBy: Deadline.optional(),
    /** The first deliver-by: the ladder and courtesy count from it, and it never moves. */
    originalDeliverBy: IsoDateTime.optional(),
  }),
  shippedAt: IsoDateTime.optional(),
  deliveredAt: IsoDateTime.optional(),
  lastCarrierEventAt: IsoDateTime.optional(),
  timers: z.array(WatchTimer).max(20),
  /** Last generation per slot: a moved timer gets the next one, so a schedule name is never reused. */
  generations: z.partialRecord(TimerSlot, z.int().positive()),
  delays: z.array(WatchDelay).max(100),
  notices: z.array(WatchNotice).max(50),
  compensatedAt: IsoDateTime.optional(),
  /** The courtesy discount code given (with compensatedAt); absent when the shop has no discount service. */
  courtesyDiscount: z.object({ discountId: EntityId, code: z.string().max(40) }).optional(),
  /** The parcel claim an offer_choice ladder step filed: once per order. */
  choiceClaim: z.object({ claimId: EntityId, step: z.int().positive(), delayId: EntityId, filedAt: IsoDateTime }).optional(),
  /** When the customer first contacted the shop about the order while it was watched: the "told first" measure. */
  firstCustomerContactAt: IsoDateTime.optional(),
  firstCustomerContactBy: z.enum(['parcel_claim', 'return_request', 'helpdesk']).optional(),
  updatedAt: IsoDateTime,
});
export type DelayWatch = z.infer<typeof DelayWatch>;

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/** `dly-<hash of shop and order>-<slot>-g<generation>`: a valid, deterministic Scheduler name (at most 52 characters). */
export function delayTimerId(shopId: string, orderId: string, slot: TimerSlot, generation: number): string {
  return `dly-${digest(shopId, orderId).slice(0, 24)}-${slot}-g${generation}`;
}

/** The same delay detected twice (a retried handler) gets the same id. */
export function delayIdFor(shopId: string, orderId: string, key: string): string {
  return `dly_${digest(shopId, orderId, key).slice(0, 26)}`;
}

export const openDelays = (watch: Pick<DelayWatch, 'delays'>): WatchDelay[] => watch.delays.filter((delay) => !delay.resolvedAt);

// ---------------------------------------------------------------------------------------------
// Order progress

const notShipped: ReadonlySet<NormalizedFulfillment['status']> = new Set(['cancelled', 'error', 'failure']);

/** Handed to a carrier: a successful fulfillment, or one the carrier already reports on. */
export const isShipped = (f: NormalizedFulfillment) => !notShipped.has(f.status) && (f.status === 'success' || f.shipmentStatus !== undefined);
/** We can follow it: without a tracking number, link or status we would never see it arrive. */
export const isTracked = (f: NormalizedFulfillment) => f.trackingNumbers.length > 0 || f.trackingUrls.length > 0 || f.shipmentStatus !== undefined;
export const isDelivered = (f: NormalizedFulfillment) => f.shipmentStatus === 'delivered' || f.deliveredAt !== undefined;

export interface OrderProgress {
  order: NormalizedOrder;
  phase: WatchPhase;
  shipped: NormalizedFulfillment[];
  /** Shipped, tracked and not yet delivered: what deliver-by and stalled tracking watch. */
  inTransit: NormalizedFulfillment[];
  /** When the last shipment left, once everything has. */
  shippedAt?: string;
  deliveredAt?: string;
}

/** The latest of some ISO times (compared as instants: storefronts differ in fractional seconds). */
export const latestOf = (times: ReadonlyArray<string | undefined>): string | undefined =>
  times.reduce<string | undefined>((best, t) => (t !== undefined && (best === undefined || Date.parse(t) > Date.parse(best)) ? t : best), undefined);

/** How far the order has got; undefined while only its fulfillments or refunds are known. */
export function orderProgress(state: OrderState): OrderProgress | undefined {
  const { order } = state;
  if (!order) return undefined;
  const shipped = Object.values(state.fulfillments)
    .filter(isShipped)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const inTransit = shipped.filter((f) => isTracked(f) && !isDelivered(f));
  const base = { order, shipped, inTransit };
  if (order.cancelledAt || state.deletedAt) return { ...base, phase: 'cancelled' };

  // What is still owed per line: ordered, less refunded, less shipped.
  const refunded = new Map<string, number>();
  for (const refund of Object.values(state.refunds)) for (const line of refund.lines) refunded.set(line.lineId, (refunded.get(line.lineId) ?? 0) + line.quantity);
  const sent = new Map<string, number>();
  for (const f of shipped) for (const line of f.lines) sent.set(line.lineId, (sent.get(line.lineId) ?? 0) + line.quantity);
  const owed = order.lines.filter((line) => line.requiresShipping).map((line) => ({ lineId: line.lineId, quantity: line.quantity - (refunded.get(line.lineId) ?? 0) }));
  if (owed.every((line) => line.quantity <= 0) && shipped.length === 0) return { ...base, phase: 'nothing_to_ship' };
  const fullyShipped = order.fulfillmentStatus === 'fulfilled' || owed.every((line) => (sent.get(line.lineId) ?? 0) >= line.quantity);
  if (!fullyShipped) return { ...base, phase: 'awaiting_shipment' };

  const shippedAt = latestOf(shipped.map((f) => f.createdAt));
  const tracked = shipped.filter(isTracked);
  const delivered = tracked.length > 0 && tracked.every(isDelivered);
  if (delivered) return { ...base, phase: 'delivered', shippedAt, deliveredAt: latestOf(tracked.map((f) => f.deliveredAt ?? f.sourceUpdatedAt)) };
  return { ...base, phase: 'in_transit', shippedAt };
}
