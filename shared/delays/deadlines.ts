// An order's deadlines and the timers that watch them. Pure: from the stored order state, the
// shop's settings, its time zone and the clock, `planTimers` says which Scheduler timers to set
// and cancel so the watch's timers match the order: shipping cancels ship-by, delivery or
// cancellation cancels everything, a new promise moves deliver-by, a carrier event re-arms
// stalled tracking. Calling it again with the same state changes nothing, so a retried handler
// requests nothing twice; a moved timer gets a new generation, so no schedule name is reused.
import type { TimerSpec } from '../events/timers.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { NormalizedFulfillment } from '../storefronts/normalized.ts';
import { addBusinessDays, addLocalCalendarDays, type BusinessCalendar } from './business-days.ts';
import { handlingDays, stalledDays, transitDays, type DelaySettings } from './settings.ts';
import { delayTimerId, latestOf, openDelays, orderProgress, type Deadline, type DelayWatch, type OrderProgress, type TimerSlot, type WatchTimer } from './watch.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface WatchContext {
  settings: DelaySettings;
  /** The shop's IANA time zone: business days and holidays are its calendar days. */
  timeZone: string;
  now: Date;
}

export interface TimerPlan {
  /** Undefined only when there was no watch and the order is not known yet. */
  watch: DelayWatch | undefined;
  set: TimerSpec[];
  /** Timer ids (schedule names) to delete. */
  cancel: string[];
}

export const calendarOf = (settings: DelaySettings, timeZone: string): BusinessCalendar => ({ timeZone, businessDays: settings.businessDays, holidays: settings.holidays });

const iso = (date: Date) => date.toISOString();
const later = (a: Deadline, b: Deadline) => (Date.parse(b.at) > Date.parse(a.at) ? b : a);

/** The end of the transit days from `start` to `countryCode` with `carrier`. */
export function transitEnd(start: Date, countryCode: string | undefined, carrier: string | undefined, settings: DelaySettings, timeZone: string): Date {
  const days = transitDays(settings, countryCode, carrier);
  return settings.transit.unit === 'business_days' ? addBusinessDays(start, days, calendarOf(settings, timeZone)) : addLocalCalendarDays(start, days, timeZone);
}

/** The storefront's ship-by, else the order time plus the handling business days of its shipping method. */
export function shipByDeadline(progress: Pick<OrderProgress, 'order'>, settings: DelaySettings, timeZone: string): Deadline {
  const { order } = progress;
  if (order.shipBy) return { at: order.shipBy, source: 'storefront' };
  const days = handlingDays(settings, order.shippingMethod);
  return { at: iso(addBusinessDays(new Date(order.createdAt), days, calendarOf(settings, timeZone))), source: 'handling_time' };
}

/**
 * The storefront's deliver-by; else the latest of each parcel's expectation (the carrier's
 * estimate, else its ship time plus transit) and, while something is still to ship, ship-by plus
 * transit. Undefined once nothing is left in transit or to ship.
 */
export function deliverByDeadline(progress: OrderProgress, shipBy: Deadline, settings: DelaySettings, timeZone: string): Deadline | undefined {
  const { order } = progress;
  if (order.deliverBy) return { at: order.deliverBy, source: 'storefront' };
  const country = order.shippingAddress?.countryCode;
  const parcel = (f: NormalizedFulfillment): Deadline =>
    f.estimatedDeliveryAt ? { at: f.estimatedDeliveryAt, source: 'carrier_estimate' } : { at: iso(transitEnd(new Date(f.createdAt), country, f.carrier?.code, settings, timeZone)), source: 'transit_time' };
  const candidates = progress.inTransit.map(parcel);
  if (progress.phase === 'awaiting_shipment') candidates.push({ at: iso(transitEnd(new Date(shipBy.at), country, undefined, settings, timeZone)), source: 'transit_time' });
  return candidates.length > 0 ? candidates.reduce(later) : undefined;
}

/** The in-transit parcel whose tracking stalls first, and when: its last carrier event plus the carrier's stalled days. */
export function stalledDue(progress: OrderProgress, settings: DelaySettings): { dueAt: string; shipmentId: string } | undefined {
  const dues = progress.inTransit.map((f) => ({ dueAt: iso(new Date(Date.parse(f.sourceUpdatedAt) + stalledDays(settings, f.carrier?.code) * DAY_MS)), shipmentId: f.fulfillmentId }));
  return dues.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.shipmentId.localeCompare(b.shipmentId))[0];
}

interface Wanted {
  slot: TimerSlot;
  kind: WatchTimer['kind'];
  dueAt: string;
  shipmentId?: string;
}

const ladderSlots: readonly TimerSlot[] = ['ladder1', 'ladder2', 'ladder3', 'ladder4', 'ladder5'];

/** The timers the order needs now. The ladder and courtesy run while a delay is open; they fire as deliver_by kinds. */
function wantedTimers(watch: DelayWatch, progress: OrderProgress, settings: DelaySettings): Wanted[] {
  if (!settings.enabled) return [];
  const wanted: Wanted[] = [];
  const { shipBy, deliverBy, originalDeliverBy } = watch.deadlines;
  const active = progress.phase === 'awaiting_shipment' || progress.phase === 'in_transit';
  // Parcels without tracking are never seen to arrive: only tracked ones are watched for delivery.
  const watchingDelivery = progress.phase === 'awaiting_shipment' || progress.inTransit.length > 0;
  if (progress.phase === 'awaiting_shipment' && shipBy) wanted.push({ slot: 'ship_by', kind: 'ship_by', dueAt: shipBy.at });
  if (active && watchingDelivery && deliverBy) wanted.push({ slot: 'deliver_by', kind: 'deliver_by', dueAt: deliverBy.at });
  const stalled = active ? stalledDue(progress, settings) : undefined;
  if (stalled) wanted.push({ slot: 'tracking_stalled', kind: 'tracking_stalled', ...stalled });
  if (active && originalDeliverBy && openDelays(watch).length > 0) {
    const from = Date.parse(originalDeliverBy);
    settings.ladder.forEach((step, index) => wanted.push({ slot: ladderSlots[index]!, kind: 'deliver_by', dueAt: iso(new Date(from + step.afterDays * DAY_MS)) }));
    if (settings.compensation && !watch.compensatedAt) wanted.push({ slot: 'courtesy', kind: 'deliver_by', dueAt: iso(new Date(from + settings.compensation.afterDays * DAY_MS)) });
  }
  return wanted;
}

/** A new watch for an order first seen: no deadlines, timers or delays yet. */
export function newWatch(state: OrderState & { order: NonNullable<OrderState['order']> }, now: Date): DelayWatch {
  return {
    shopId: state.shopId,
    orderId: state.orderId,
    placedAt: state.order.createdAt,
    phase: 'awaiting_shipment',
    deadlines: {},
    timers: [],
    generations: {},
    delays: [],
    notices: [],
    updatedAt: iso(now),
  };
}

/** The watch's facts refreshed from the order: phase, deadlines, where and with whom it travels. */
export function refreshWatch(previous: DelayWatch, progress: OrderProgress, settings: DelaySettings, timeZone: string, now: Date): DelayWatch {
  const { order } = progress;
  const shipBy = shipByDeadline(progress, settings, timeZone);
  const deliverBy = deliverByDeadline(progress, shipBy, settings, timeZone) ?? previous.deadlines.deliverBy;
  const lastCarrierEventAt = latestOf(progress.inTransit.map((f) => f.sourceUpdatedAt)) ?? previous.lastCarrierEventAt;
  const carrier = progress.shipped.at(-1)?.carrier?.code ?? previous.carrier;
  const originalDeliverBy = previous.deadlines.originalDeliverBy ?? deliverBy?.at;
  const customerId = order.customer.id ?? previous.customerId;
  const destinationCountry = order.shippingAddress?.countryCode ?? previous.destinationCountry;
  return {
    ...previous,
    orderNumber: order.orderNumber,
    ...(customerId ? { customerId } : {}),
    placedAt: order.createdAt,
    ...(destinationCountry ? { destinationCountry } : {}),
    ...(carrier ? { carrier } : {}),
    phase: progress.phase,
    deadlines: { shipBy, ...(deliverBy ? { deliverBy } : {}), ...(originalDeliverBy ? { originalDeliverBy } : {}) },
    ...(progress.shippedAt ? { shippedAt: progress.shippedAt } : {}),
    ...(progress.deliveredAt ? { deliveredAt: progress.deliveredAt } : {}),
    ...(lastCarrierEventAt ? { lastCarrierEventAt } : {}),
    updatedAt: iso(now),
  };
}

/** Sets and cancels so the watch's timers are exactly `wanted`; an unchanged timer (fired or not) is kept. */
export function reconcileTimers(watch: DelayWatch, wanted: readonly Wanted[]): { watch: DelayWatch; set: TimerSpec[]; cancel: string[] } {
  const set: TimerSpec[] = [];
  const cancel: string[] = [];
  const generations = { ...watch.generations };
  const timers: WatchTimer[] = [];
  for (const current of watch.timers) {
    const want = wanted.find((w) => w.slot === current.slot);
    if (want && want.dueAt === current.dueAt && want.shipmentId === current.shipmentId) timers.push(current);
    else if (!current.firedAt) cancel.push(current.timerId);
  }
  for (const want of wanted) {
    if (timers.some((timer) => timer.slot === want.slot)) continue;
    const generation = (generations[want.slot] ?? 0) + 1;
    generations[want.slot] = generation;
    const timer: WatchTimer = { timerId: delayTimerId(watch.shopId, watch.orderId, want.slot, generation), slot: want.slot, kind: want.kind, dueAt: want.dueAt, ...(want.shipmentId ? { shipmentId: want.shipmentId } : {}) };
    timers.push(timer);
    set.push({ timerId: timer.timerId, kind: timer.kind, dueAt: timer.dueAt, orderId: watch.orderId, ...(timer.shipmentId ? { shipmentId: timer.shipmentId } : {}) });
  }
  return { watch: { ...watch, timers, generations }, set, cancel };
}

/**
 * The watch after the order changed (or after a timer fired and a delay opened: the ladder and
 * courtesy timers start then), with the timers to set and cancel. `previous` undefined: the
 * order is new to the delay flow.
 */
export function planTimers(previous: DelayWatch | undefined, state: OrderState, context: WatchContext): TimerPlan {
  const progress = orderProgress(state);
  if (!progress) return { watch: previous, set: [], cancel: [] };
  const { settings, timeZone, now } = context;
  const base = previous ?? newWatch({ ...state, order: progress.order }, now);
  const refreshed = refreshWatch(base, progress, settings, timeZone, now);
  const plan = reconcileTimers(refreshed, wantedTimers(refreshed, progress, settings));
  // Nothing moved: keep the stored watch as it was, so an idle re-run writes nothing new.
  if (previous && plan.set.length === 0 && plan.cancel.length === 0 && sameWatch(previous, plan.watch)) return { watch: previous, set: [], cancel: [] };
  return plan;
}

/** A value as JSON with its object keys sorted: stored watches come back in any key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Equal but for `updatedAt`. */
export const sameWatch = (a: DelayWatch, b: DelayWatch): boolean => canonical({ ...a, updatedAt: '' }) === canonical({ ...b, updatedAt: '' });
