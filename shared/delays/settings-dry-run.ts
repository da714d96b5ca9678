// Before a supervisor publishes draft delay settings: the deadlines of the shop's open orders
// (awaiting shipment or in transit) under the settings in effect and under the draft, and the
// orders whose ship-by, deliver-by, stalled-tracking time, lateness or next ladder step would
// differ. Pure; both are computed from the same stored order state (not the watch's stored
// deadlines), so only the settings explain a difference. The caller loads the orders and watches.
import type { DelayReason } from '../events/delays.ts';
import type { OrderState } from '../ingest/order-state.ts';
import { DAY_MS, deliverByDeadline, shipByDeadline, stalledDue } from './deadlines.ts';
import type { DelaySettings, LadderAction } from './settings.ts';
import { openDelays, orderProgress, type DelayWatch, type OrderProgress } from './watch.ts';

/** The deadlines a timer watches; passed now, the order is late for that reason. */
export type LateReason = Extract<DelayReason, 'not_shipped_in_time' | 'delivery_overdue' | 'tracking_stalled'>;

export interface DeadlinesOutcome {
  /** False when the settings turn the delay flow off: no deadline is watched. */
  watched: boolean;
  shipBy?: string;
  deliverBy?: string;
  trackingStalledAt?: string;
  /** The deadlines already passed at the time of the dry run. */
  late: LateReason[];
  /** The next ladder step still to come, for an order with an open delay. */
  nextLadderStep?: { step: number; action: LadderAction; dueAt: string };
}

export type DeadlinesChange = 'watched' | 'shipBy' | 'deliverBy' | 'trackingStalled' | 'late' | 'ladder';

export interface OrderDeadlinesChange {
  orderId: string;
  orderNumber: string;
  phase: 'awaiting_shipment' | 'in_transit';
  changed: DeadlinesChange[];
  before: DeadlinesOutcome;
  after: DeadlinesOutcome;
}

export interface DelayDryRunTotals {
  /** Orders read: the shop's latest. */
  orders: number;
  /** Of those, awaiting shipment or in transit: the ones the settings decide anything for. */
  open: number;
  changed: number;
  shipByMoved: number;
  deliverByMoved: number;
  /** Late under the draft, not under the settings in effect. */
  becomeLate: number;
  noLongerLate: number;
}

export interface DelayDryRunInput {
  current: DelaySettings;
  draft: DelaySettings;
  orders: ReadonlyArray<{ state: OrderState; watch?: DelayWatch | undefined }>;
  timeZone: string;
  now: Date;
}

const iso = (date: Date) => date.toISOString();
const passed = (at: string | undefined, now: Date) => at !== undefined && Date.parse(at) <= now.getTime();

/** What `settings` make of an open order as of `now`. */
export function deadlinesOutcome(progress: OrderProgress, watch: DelayWatch | undefined, settings: DelaySettings, timeZone: string, now: Date): DeadlinesOutcome {
  if (!settings.enabled) return { watched: false, late: [] };
  const shipBy = shipByDeadline(progress, settings, timeZone);
  const deliverBy = deliverByDeadline(progress, shipBy, settings, timeZone);
  const awaiting = progress.phase === 'awaiting_shipment';
  // As the timers: parcels without tracking are never seen to arrive, so only tracked ones are watched.
  const watchingDelivery = awaiting || progress.inTransit.length > 0;
  const stalled = stalledDue(progress, settings);
  const outcome: DeadlinesOutcome = { watched: true, late: [] };
  if (awaiting) outcome.shipBy = shipBy.at;
  if (watchingDelivery && deliverBy) outcome.deliverBy = deliverBy.at;
  if (stalled) outcome.trackingStalledAt = stalled.dueAt;
  if (passed(outcome.shipBy, now)) outcome.late.push('not_shipped_in_time');
  if (passed(outcome.deliverBy, now)) outcome.late.push('delivery_overdue');
  if (passed(outcome.trackingStalledAt, now)) outcome.late.push('tracking_stalled');
  const from = watch?.deadlines.originalDeliverBy;
  if (watch && from && openDelays(watch).length > 0) {
    const index = settings.ladder.findIndex((step) => Date.parse(from) + step.afterDays * DAY_MS > now.getTime());
    const step = settings.ladder[index];
    if (step) outcome.nextLadderStep = { step: index + 1, action: step.action, dueAt: iso(new Date(Date.parse(from) + step.afterDays * DAY_MS)) };
  }
  return outcome;
}

function differences(before: DeadlinesOutcome, after: DeadlinesOutcome): DeadlinesChange[] {
  const changed: DeadlinesChange[] = [];
  if (before.watched !== after.watched) changed.push('watched');
  if (before.shipBy !== after.shipBy) changed.push('shipBy');
  if (before.deliverBy !== after.deliverBy) changed.push('deliverBy');
  if (before.trackingStalledAt !== after.trackingStalledAt) changed.push('trackingStalled');
  if (before.late.join() !== after.late.join()) changed.push('late');
  if (JSON.stringify(before.nextLadderStep) !== JSON.stringify(after.nextLadderStep)) changed.push('ladder');
  return changed;
}

/** The open orders whose deadlines the draft decides differently, and the totals. */
export function dryRunDelaySettings({ current, draft, orders, timeZone, now }: DelayDryRunInput): { totals: DelayDryRunTotals; changes: OrderDeadlinesChange[] } {
  const changes: OrderDeadlinesChange[] = [];
  let open = 0;
  for (const { state, watch } of orders) {
    const progress = orderProgress(state);
    if (!progress || (progress.phase !== 'awaiting_shipment' && progress.phase !== 'in_transit')) continue;
    open += 1;
    const before = deadlinesOutcome(progress, watch, current, timeZone, now);
    const after = deadlinesOutcome(progress, watch, draft, timeZone, now);
    const changed = differences(before, after);
    if (changed.length > 0) changes.push({ orderId: state.orderId, orderNumber: progress.order.orderNumber, phase: progress.phase, changed, before, after });
  }
  const lateness = (outcome: DeadlinesOutcome) => outcome.late.length > 0;
  return {
    totals: {
      orders: orders.length,
      open,
      changed: changes.length,
      shipByMoved: changes.filter((change) => change.changed.includes('shipBy')).length,
      deliverByMoved: changes.filter((change) => change.changed.includes('deliverBy')).length,
      becomeLate: changes.filter((change) => !lateness(change.before) && lateness(change.after)).length,
      noLongerLate: changes.filter((change) => lateness(change.before) && !lateness(change.after)).length,
    },
    changes,
  };
}
