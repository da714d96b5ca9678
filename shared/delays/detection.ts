// Detection: a fired timer or a carrier update becomes a DelayDetected detail, at most once per
// (reason, promise); shipping, delivery, cancellation and resumed tracking resolve open delays
// (DelayResolved). Pure: the watch goes in, the next watch and the event details come out.
import type { DetailInputOf } from '../events/define.ts';
import { DelayDetected, DelayResolved, type DelayReason } from '../events/delays.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { NormalizedFulfillment } from '../storefronts/normalized.ts';
import { customerRefOf } from '../storefronts/to-events.ts';
import { DAY_MS, type WatchContext } from './deadlines.ts';
import { severityOf, type CompensationSettings, type LadderStep } from './settings.ts';
import { delayIdFor, latestOf, openDelays, orderProgress, type DelayWatch, type OrderProgress, type WatchDelay } from './watch.ts';

export type DelayDetectedDetail = DetailInputOf<typeof DelayDetected>;
export type DelayResolvedDetail = DetailInputOf<typeof DelayResolved>;
export type Resolution = DelayResolvedDetail['resolution'];

export interface Detected {
  delay: WatchDelay;
  detail: DelayDetectedDetail;
}

/** The fired timer as TimerFired carries it. */
export interface FiredTimer {
  timerId: string;
}

export type IgnoredWhy = 'unknown_timer' | 'already_fired' | 'not_due' | 'no_longer_applies' | 'already_detected' | 'superseded_step' | 'already_offered';

export type TimerOutcome =
  | { outcome: 'ignored'; why: IgnoredWhy; watch: DelayWatch }
  | ({ outcome: 'detected'; watch: DelayWatch } & Detected)
  /** A ladder step is due: `step` is 1-based. */
  | { outcome: 'ladder'; watch: DelayWatch; step: number; action: LadderStep }
  /** The courtesy discount is due, once per order (the watch already records it as given). */
  | { outcome: 'courtesy'; watch: DelayWatch; compensation: CompensationSettings };

const iso = (date: Date) => date.toISOString();
const minutesBetween = (from: string, to: Date) => Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 60_000));
const isActive = (progress: OrderProgress) => progress.phase === 'awaiting_shipment' || progress.phase === 'in_transit';

interface Finding {
  reason: DelayReason;
  /** What the reason was measured against: with the reason, it makes the delay's identity. */
  basis: string;
  detectedBy: WatchDelay['detectedBy'];
  promisedBy?: string | undefined;
  estimatedAt?: string | undefined;
  shipmentId?: string | undefined;
  carrier?: string | undefined;
  lastEventAt?: string | undefined;
}

/** Records the finding as a delay and builds its DelayDetected detail; undefined when already detected. */
export function detect(watch: DelayWatch, progress: OrderProgress, finding: Finding, context: WatchContext): ({ watch: DelayWatch } & Detected) | undefined {
  const key = `${finding.reason}|${finding.basis}`;
  if (watch.delays.some((delay) => delay.key === key) || watch.delays.length >= 100) return undefined;
  const { now, settings } = context;
  const original = watch.deadlines.originalDeliverBy;
  const daysLate = original ? Math.floor((now.getTime() - Date.parse(original)) / DAY_MS) : 0;
  const overdue = finding.promisedBy !== undefined && Date.parse(finding.promisedBy) <= now.getTime();
  const delay: WatchDelay = {
    delayId: delayIdFor(watch.shopId, watch.orderId, key),
    key,
    reason: finding.reason,
    severity: severityOf(settings, finding.reason, daysLate),
    detectedBy: finding.detectedBy,
    detectedAt: iso(now),
    ...(finding.promisedBy ? { promisedBy: finding.promisedBy } : {}),
    ...(finding.estimatedAt ? { estimatedAt: finding.estimatedAt } : {}),
    ...(finding.shipmentId ? { shipmentId: finding.shipmentId } : {}),
    ...(finding.carrier ? { carrier: finding.carrier } : {}),
    ...(finding.lastEventAt ? { lastEventAt: finding.lastEventAt } : {}),
  };
  const { order } = progress;
  const detail = DelayDetected.detail.parse({
    version: 1,
    shopId: watch.shopId,
    occurredAt: iso(now),
    delayId: delay.delayId,
    orderId: watch.orderId,
    shipmentId: delay.shipmentId,
    customer: customerRefOf(order),
    orderNumber: order.orderNumber,
    reason: delay.reason,
    severity: delay.severity,
    promisedBy: delay.promisedBy,
    estimatedAt: delay.estimatedAt,
    overdueMinutes: overdue ? minutesBetween(finding.promisedBy!, now) : undefined,
    detectedBy: delay.detectedBy,
  }) as DelayDetectedDetail;
  return { watch: { ...watch, delays: [...watch.delays, delay], updatedAt: iso(now) }, delay, detail };
}

/** The latest carrier estimate among parcels still travelling. */
const latestEstimate = (progress: OrderProgress) => latestOf(progress.inTransit.map((f) => f.estimatedDeliveryAt));

/** What a fired timer means now. A timer the watch does not name (moved, cancelled) is stale and ignored. */
export function onTimerFired(watch: DelayWatch, state: OrderState, timer: FiredTimer, context: WatchContext): TimerOutcome {
  const { now, settings } = context;
  const current = watch.timers.find((t) => t.timerId === timer.timerId);
  if (!current) return { outcome: 'ignored', why: 'unknown_timer', watch };
  if (current.firedAt) return { outcome: 'ignored', why: 'already_fired', watch };
  if (Date.parse(current.dueAt) > now.getTime()) return { outcome: 'ignored', why: 'not_due', watch };
  const fired: DelayWatch = { ...watch, timers: watch.timers.map((t) => (t === current ? { ...t, firedAt: iso(now) } : t)), updatedAt: iso(now) };
  const progress = orderProgress(state);
  if (!progress || !isActive(progress) || !settings.enabled) return { outcome: 'ignored', why: 'no_longer_applies', watch: fired };
  const ignored = (why: IgnoredWhy): TimerOutcome => ({ outcome: 'ignored', why, watch: fired });
  const detected = (finding: Finding): TimerOutcome => {
    const found = detect(fired, progress, finding, context);
    return found ? { outcome: 'detected', ...found } : ignored('already_detected');
  };

  switch (current.slot) {
    case 'ship_by':
      if (progress.phase !== 'awaiting_shipment') return ignored('no_longer_applies');
      return detected({ reason: 'not_shipped_in_time', basis: current.dueAt, detectedBy: 'timer', promisedBy: current.dueAt });
    case 'deliver_by':
      if (progress.phase === 'in_transit' && progress.inTransit.length === 0) return ignored('no_longer_applies');
      return detected({ reason: 'delivery_overdue', basis: current.dueAt, detectedBy: 'timer', promisedBy: current.dueAt, estimatedAt: latestEstimate(progress), carrier: watch.carrier });
    case 'tracking_stalled': {
      const parcel = progress.inTransit.find((f) => f.fulfillmentId === current.shipmentId);
      if (!parcel) return ignored('no_longer_applies');
      return detected({
        reason: 'tracking_stalled',
        basis: `${parcel.fulfillmentId}|${parcel.sourceUpdatedAt}`,
        detectedBy: 'timer',
        promisedBy: watch.deadlines.deliverBy?.at,
        estimatedAt: parcel.estimatedDeliveryAt,
        shipmentId: parcel.fulfillmentId,
        carrier: parcel.carrier?.code,
        lastEventAt: parcel.sourceUpdatedAt,
      });
    }
    case 'courtesy':
      if (!settings.compensation || watch.compensatedAt || openDelays(watch).length === 0) return ignored('no_longer_applies');
      return { outcome: 'courtesy', watch: { ...fired, compensatedAt: iso(now) }, compensation: settings.compensation };
    default: {
      const index = Number(current.slot.slice('ladder'.length)) - 1;
      const step = settings.ladder[index];
      const original = watch.deadlines.originalDeliverBy;
      if (!step || !original || openDelays(watch).length === 0) return ignored('no_longer_applies');
      // Steps missed together (the delay was found late): only the furthest one speaks.
      const next = settings.ladder[index + 1];
      if (next && Date.parse(original) + next.afterDays * DAY_MS <= now.getTime()) return ignored('superseded_step');
      return { outcome: 'ladder', watch: fired, step: index + 1, action: step };
    }
  }
}

/** The delay reason a carrier status stands for, if it is an exception. */
export function carrierExceptionReason(fulfillment: Pick<NormalizedFulfillment, 'shipmentStatus' | 'statusDetail'>): DelayReason | undefined {
  switch (fulfillment.shipmentStatus) {
    case 'customs_hold':
      return 'customs_hold';
    case 'returned_to_sender':
      return 'returned_to_sender';
    case 'lost':
      return 'lost_in_transit';
    case 'failure':
      // Storefronts fold a failed delivery attempt into `failure` and say so in the detail.
      return /attempt|not available|unavailable|absent|no one/i.test(fulfillment.statusDetail ?? '') ? 'delivery_failed' : 'carrier_exception';
    default:
      return undefined;
  }
}

const carrierReasons: ReadonlySet<DelayReason> = new Set(['customs_hold', 'returned_to_sender', 'lost_in_transit', 'delivery_failed', 'carrier_exception']);

export interface TrackingOutcome {
  watch: DelayWatch;
  detected: Detected[];
  resolved: DelayResolvedDetail[];
}

/**
 * A carrier update of one parcel: an exception becomes a delay (once per reason, parcel and
 * promise); a carrier estimate past the original deliver-by becomes a delivery_overdue before the
 * date is missed; news from a stalled parcel or one moving on after an exception resolves those
 * delays (tracking_resumed).
 */
export function onTrackingUpdate(watch: DelayWatch, state: OrderState, fulfillment: NormalizedFulfillment, context: WatchContext): TrackingOutcome {
  const progress = orderProgress(state);
  const parcel = state.fulfillments[fulfillment.fulfillmentId] ?? fulfillment;
  if (!progress || !isActive(progress) || !context.settings.enabled) return { watch, detected: [], resolved: [] };
  const reason = carrierExceptionReason(parcel);
  const resumed = (delay: WatchDelay) =>
    delay.shipmentId === parcel.fulfillmentId &&
    ((delay.reason === 'tracking_stalled' && delay.lastEventAt !== undefined && Date.parse(parcel.sourceUpdatedAt) > Date.parse(delay.lastEventAt)) || (carrierReasons.has(delay.reason) && delay.reason !== reason));
  let { watch: next, resolved } = resolve(watch, progress, resumed, 'tracking_resumed', context.now);
  const detected: Detected[] = [];
  const promisedBy = next.deadlines.deliverBy?.at;
  const findings: Finding[] = [];
  if (reason) {
    findings.push({ reason, basis: `${parcel.fulfillmentId}|${promisedBy ?? ''}`, detectedBy: 'tracking', promisedBy, estimatedAt: parcel.estimatedDeliveryAt, shipmentId: parcel.fulfillmentId, carrier: parcel.carrier?.code });
  }
  const original = next.deadlines.originalDeliverBy;
  if (original && parcel.estimatedDeliveryAt && Date.parse(parcel.estimatedDeliveryAt) > Date.parse(original) && !isDeliveredParcel(parcel)) {
    findings.push({ reason: 'delivery_overdue', basis: original, detectedBy: 'tracking', promisedBy: original, estimatedAt: parcel.estimatedDeliveryAt, shipmentId: parcel.fulfillmentId, carrier: parcel.carrier?.code });
  }
  for (const finding of findings) {
    const found = detect(next, progress, finding, context);
    if (!found) continue;
    next = found.watch;
    detected.push({ delay: found.delay, detail: found.detail });
  }
  return { watch: next, detected, resolved };
}

const isDeliveredParcel = (f: NormalizedFulfillment) => f.shipmentStatus === 'delivered' || f.deliveredAt !== undefined;

/** Resolves the open delays `which` selects, with the DelayResolved details to publish. */
export function resolve(watch: DelayWatch, progress: Pick<OrderProgress, 'order'>, which: (delay: WatchDelay) => boolean, resolution: Resolution, at: Date): { watch: DelayWatch; resolved: DelayResolvedDetail[] } {
  const closing = openDelays(watch).filter(which);
  if (closing.length === 0) return { watch, resolved: [] };
  const resolvedAt = iso(at);
  const ids = new Set(closing.map((delay) => delay.delayId));
  const delays = watch.delays.map((delay) => (ids.has(delay.delayId) ? { ...delay, resolvedAt, resolution } : delay));
  const customer = customerRefOf(progress.order);
  const resolved = closing.map(
    (delay) =>
      DelayResolved.detail.parse({
        version: 1,
        shopId: watch.shopId,
        occurredAt: resolvedAt,
        delayId: delay.delayId,
        orderId: watch.orderId,
        shipmentId: delay.shipmentId,
        customer,
        resolution,
        durationMinutes: minutesBetween(delay.detectedAt, at),
      }) as DelayResolvedDetail,
  );
  return { watch: { ...watch, delays, updatedAt: resolvedAt }, resolved };
}

/**
 * Resolutions that follow from the order's progress: delivery (the brief's onDelivered) and
 * cancellation close every open delay; shipping everything closes not_shipped_in_time.
 */
export function onOrderProgress(watch: DelayWatch, state: OrderState, context: Pick<WatchContext, 'now'>): { watch: DelayWatch; resolved: DelayResolvedDetail[] } {
  const progress = orderProgress(state);
  if (!progress) return { watch, resolved: [] };
  const { now } = context;
  switch (progress.phase) {
    case 'delivered': {
      const at = progress.deliveredAt && Date.parse(progress.deliveredAt) <= now.getTime() ? new Date(progress.deliveredAt) : now;
      return resolve(watch, progress, () => true, 'delivered', at);
    }
    case 'cancelled':
    case 'nothing_to_ship':
      return resolve(watch, progress, () => true, 'order_cancelled', now);
    case 'in_transit':
      return resolve(watch, progress, (delay) => delay.reason === 'not_shipped_in_time', 'shipped', now);
    default:
      return { watch, resolved: [] };
  }
}

/** Closes one delay by hand or by another flow (refunded, reshipped, dismissed by staff). */
export function resolveDelay(watch: DelayWatch, state: OrderState, delayId: string, resolution: Resolution, now: Date): { watch: DelayWatch; resolved: DelayResolvedDetail[] } {
  const progress = orderProgress(state);
  if (!progress) return { watch, resolved: [] };
  return resolve(watch, progress, (delay) => delay.delayId === delayId, resolution, now);
}
