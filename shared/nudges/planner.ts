// The nudge planner, as plain data in and out. On each change of an order it answers which
// replenishment nudges to plan (one per delivered product with a cycle, once per order and
// product: the nudge id is derived from both), which planned ones to cancel (the order was
// cancelled or wholly refunded) and where the customer's one win-back timer now belongs (any
// order moves it: the sequence stops the moment they order). When a timer fires the sender asks
// the win-back stepping below which step is due, if any, and when the next one is.
import { createHash } from 'node:crypto';
import type { Channel } from '../events/common.ts';
import type { NudgeKind, NudgeSuppressionReason } from '../events/nudges.ts';
import type { TimerSpec } from '../events/timers.ts';
import { isKeptOrder, type CustomerOrder, type CustomerState, type SentNudge } from './customer-state.ts';
import { plannedReplenishments } from './cycles.ts';
import type { CampaignSettings, WinbackStep } from './settings.ts';
import { winbackStatus } from './winback.ts';

export type NudgeStatus = 'planned' | 'sent' | 'suppressed' | 'cancelled';

/** One nudge of a customer as the state table keeps it (`NUDGES#<shopId>#<customerId>` / `<nudgeId>`). */
export interface NudgeRecord {
  shopId: string;
  customerId: string;
  nudgeId: string;
  kind: NudgeKind;
  campaignId: string;
  status: NudgeStatus;
  dueAt: string;
  sentAt?: string;
  channel?: Channel;
  orderId?: string;
  productId?: string;
  /** Replenishment: the product as the order named it, and when the order was delivered. */
  title?: string;
  variantId?: string;
  deliveredAt?: string;
  step?: number;
  tierId?: string | null;
  reason?: NudgeSuppressionReason;
  discountCode?: string;
  /** The timer that sends it while planned. */
  timerId?: string;
  version: number;
}

/** The customer's win-back timer as last set (`dueAt` undefined: none is set). */
export interface WinbackTimer {
  timerId: string;
  dueAt?: string;
  version: number;
}

const clean = (id: string) => id.replace(/[^0-9A-Za-z_-]/g, '-');
const digest = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);
/** Ids within the catalogue's 100 characters and timer names within Scheduler's 64: a digest when too long. */
const bounded = (text: string, max: number, prefix: string) => (text.length <= max ? text : `${prefix}${digest(text, 40)}`);

export const replenishmentNudgeId = (orderId: string, productId: string) => bounded(`ndg_${clean(orderId)}_${clean(productId)}`, 100, 'ndg_');
export const winbackNudgeId = (customerId: string, lastOrderAt: string, step: number) => bounded(`ndg_wb_${clean(customerId)}_${lastOrderAt.replace(/[^0-9]/g, '').slice(0, 14)}_${step}`, 100, 'ndg_wb_');
export const nudgeTimerId = (shopId: string, nudgeId: string) => bounded(`nud-${shopId}-${nudgeId}`, 64, 'nud-');
export const winbackTimerId = (shopId: string, customerId: string) => bounded(`nud-${shopId}-${clean(customerId)}-winback`, 64, 'nud-');

/** The nudges that went out, as the suppression rules count them. */
export function sentNudgesOf(records: readonly NudgeRecord[]): SentNudge[] {
  return records
    .filter((record) => record.status === 'sent' && record.sentAt && record.channel)
    .map((record) => ({
      nudgeId: record.nudgeId,
      kind: record.kind,
      campaignId: record.campaignId,
      sentAt: record.sentAt!,
      channel: record.channel!,
      ...(record.orderId ? { orderId: record.orderId } : {}),
      ...(record.productId ? { productId: record.productId } : {}),
      ...(record.step !== undefined ? { step: record.step } : {}),
      ...(record.tierId !== undefined ? { tierId: record.tierId } : {}),
    }))
    .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
}

export interface OrderPlanInput {
  shopId: string;
  customerId: string;
  /** The order that changed; undefined when it is no longer one to nudge about (a test order, deleted). */
  orderId: string;
  order: CustomerOrder | undefined;
  /** Every order of the customer we know, the changed one included. */
  orders: readonly CustomerOrder[];
  nudges: readonly NudgeRecord[];
  winback: WinbackTimer | undefined;
  settings: CampaignSettings;
  productIntervals?: (productId: string) => readonly number[];
  now: Date;
}

export interface OrderPlan {
  create: NudgeRecord[];
  /** Planned nudges of the order, now cancelled (each at its next version). */
  cancel: NudgeRecord[];
  /** The win-back timer to record (its next version), when it moved or went. */
  winback?: WinbackTimer;
  timers: { set: TimerSpec[]; cancel: string[] };
}

export const planChanges = (plan: OrderPlan) => plan.create.length + plan.cancel.length > 0 || plan.winback !== undefined;

/** What an order's change calls for: see the top of this file. */
export function planOrder(input: OrderPlanInput): OrderPlan {
  const { shopId, customerId, order, settings, now } = input;
  const plan: OrderPlan = { create: [], cancel: [], timers: { set: [], cancel: [] } };
  const known = new Map(input.nudges.map((record) => [record.nudgeId, record]));

  if (order && isKeptOrder(order)) {
    const planned = plannedReplenishments(settings.replenishment, order, { customerOrders: input.orders, ...(input.productIntervals ? { productIntervals: input.productIntervals } : {}) });
    for (const due of planned) {
      const nudgeId = replenishmentNudgeId(order.id, due.productId);
      if (known.has(nudgeId)) continue;
      const line = order.lines.find((candidate) => candidate.productId === due.productId);
      const timerId = nudgeTimerId(shopId, nudgeId);
      plan.create.push({
        shopId,
        customerId,
        nudgeId,
        kind: 'replenishment',
        campaignId: 'replenishment',
        status: 'planned',
        dueAt: due.dueAt,
        orderId: order.id,
        productId: due.productId,
        ...(due.title ? { title: due.title } : {}),
        ...(line?.variantId ? { variantId: line.variantId } : {}),
        deliveredAt: order.deliveredAt!,
        timerId,
        version: 1,
      });
      plan.timers.set.push({ timerId, kind: 'nudge', dueAt: due.dueAt, customerId, orderId: order.id, nudgeId });
    }
  } else {
    // Cancelled, wholly refunded or gone: nothing of it is used up.
    for (const record of input.nudges) {
      if (record.orderId !== input.orderId || record.status !== 'planned' || record.kind !== 'replenishment') continue;
      plan.cancel.push({ ...record, status: 'cancelled', version: record.version + 1 });
      if (record.timerId) plan.timers.cancel.push(record.timerId);
    }
  }

  const timerId = input.winback?.timerId ?? winbackTimerId(shopId, customerId);
  const status = winbackStatus(settings.winback, { orders: input.orders, nudgesSent: sentNudgesOf(input.nudges) }, now);
  const dueAt = status.status === 'scheduled' ? status.dueAt : undefined;
  if (dueAt !== input.winback?.dueAt) {
    plan.winback = { timerId, ...(dueAt ? { dueAt } : {}), version: (input.winback?.version ?? 0) + 1 };
    // Cancel first: the keeper applies cancellations before settings, so the same name moves.
    if (input.winback?.dueAt) plan.timers.cancel.push(timerId);
    if (dueAt) plan.timers.set.push({ timerId, kind: 'winback', dueAt, customerId });
  }
  return plan;
}

/** Suppression reasons that may clear by themselves: the win-back step is tried again a day later. */
export const passingReasons: readonly NudgeSuppressionReason[] = ['open_return', 'open_refund', 'open_case', 'delivery_delayed', 'low_survey_score', 'frequency_cap'];
export const winbackRetryDays = 1;

export type WinbackStepDue =
  | { due: false; nextDueAt?: string }
  | { due: true; step: number; definition: WinbackStep; nudgeId: string; lastOrderAt: string; dueAt: string };

/** Which win-back step is due when the timer fires, if any; else when the next one is (none: the sequence is over or off). */
export function winbackStepDue(settings: CampaignSettings['winback'], state: Pick<CustomerState, 'customer' | 'orders' | 'nudgesSent'>, now: Date): WinbackStepDue {
  const status = winbackStatus(settings, state, now);
  if (status.status !== 'scheduled') return { due: false };
  if (!status.due) return { due: false, nextDueAt: status.dueAt };
  return { due: true, step: status.step, definition: status.definition, nudgeId: winbackNudgeId(state.customer.id, status.lastOrderAt, status.step), lastOrderAt: status.lastOrderAt, dueAt: status.dueAt };
}

/** When the step after `sent` is due, once `sent` went out; undefined when it was the last. */
export function nextWinbackDueAt(settings: CampaignSettings['winback'], state: Pick<CustomerState, 'orders' | 'nudgesSent'>, sent: SentNudge): string | undefined {
  const status = winbackStatus(settings, { orders: state.orders, nudgesSent: [...state.nudgesSent, sent] }, new Date(sent.sentAt));
  return status.status === 'scheduled' ? status.dueAt : undefined;
}
