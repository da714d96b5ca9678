// What an exchange does on the storefront as its return moves, one step per return event:
//   approved   reserve each replacement (key caseId:lineItemId); charge a difference the customer
//              owes (caseId:difference); with instant exchange, create the replacement order now
//   inspected  passed: create the replacement order (caseId) unless it shipped early, record a
//              difference the shop owes, then resolve the case (exchange, the order's id);
//              failed: release the reservations, and owe back a difference charged
//   expired    an instant exchange whose items never came back: charge the original items
//              (caseId:unreturned); otherwise, as cancelled: release, and owe back a difference
// Every storefront write is idempotent on its key and the case records what was done, written
// conditionally on the version read: a redelivered event, or a step racing an ops action, re-reads
// the case and does nothing twice. No AWS here: the port and the case store are given.
import type { Money } from '../events/common.ts';
import type { ExchangeOrder, StorefrontExchangePort } from '../storefronts/exchange-port.ts';
import type { ReturnCase } from './case.ts';
import { exchangeKeys, exchangeLines, exchangeOrderCreated, netDifference, originalValue, type ExchangeLine, type ExchangeProgress } from './exchange.ts';
import { applyTransition, type TransitionResult } from './lifecycle.ts';
import type { OutboxEvent } from './messages.ts';
import type { ReturnPolicy } from './policy.ts';
import { ExchangeOrderCreated } from '../events/returns.ts';

export interface ExchangeCaseStore {
  get(shopId: string, caseId: string): Promise<ReturnCase | undefined>;
  policy(shopId: string): Promise<ReturnPolicy>;
  /** Writes `next` if the case is still at `next.version - 1`; false when it changed meanwhile. */
  update(next: ReturnCase, events: OutboxEvent[]): Promise<boolean>;
  /** Writes a system transition the same way; false when the case changed meanwhile. */
  transition(result: Extract<TransitionResult, { ok: true }>): Promise<boolean>;
}

export interface ExchangeDeps {
  port: StorefrontExchangePort;
  store: ExchangeCaseStore;
  now: () => Date;
}

export type ExchangeTrigger =
  | { kind: 'approved' }
  | { kind: 'inspected'; outcome: 'passed' | 'partially_passed' | 'failed' }
  | { kind: 'expired' }
  | { kind: 'cancelled' };

/** What a step did, for logs and metrics. */
export type StepOutcome = 'recorded' | 'resolved' | 'nothing_to_do' | 'no_case';

type Write = { next: ReturnCase; events: OutboxEvent[] } | { resolve: Extract<TransitionResult, { ok: true }> };

const maxAttempts = 5;
const system = { kind: 'system' as const };
const stillToCome: readonly ReturnCase['status'][] = ['approved', 'awaiting_shipment', 'in_transit', 'received', 'inspected'];

export async function runExchangeStep(deps: ExchangeDeps, shopId: string, caseId: string, trigger: ExchangeTrigger): Promise<StepOutcome> {
  let outcome: StepOutcome = 'nothing_to_do';
  // Recording and resolving are two writes: each re-reads the case, so a retry resumes where it stopped.
  for (let pass = 0; pass < 2; pass++) {
    let done = false;
    for (let attempt = 1; attempt <= maxAttempts && !done; attempt++) {
      const c = await deps.store.get(shopId, caseId);
      if (!c) return 'no_case';
      const write = await nextWrite(deps, c, trigger);
      if (!write) return outcome;
      const written = 'resolve' in write ? await deps.store.transition(write.resolve) : await deps.store.update(write.next, write.events);
      if (written) {
        outcome = 'resolve' in write ? 'resolved' : 'recorded';
        done = true;
      }
    }
    if (!done) throw new Error(`Return ${caseId} kept changing while its exchange was carried out`);
  }
  return outcome;
}

async function nextWrite(deps: ExchangeDeps, c: ReturnCase, trigger: ExchangeTrigger): Promise<Write | undefined> {
  const lines = exchangeLines(c);
  if (lines.length === 0) return undefined;
  switch (trigger.kind) {
    case 'approved':
      return stillToCome.includes(c.status) ? approved(deps, c, lines) : undefined;
    case 'inspected':
      if (c.status !== 'inspected') return undefined;
      if (trigger.outcome === 'passed') return inspectionPassed(deps, c, lines);
      // Some lines failed: which replacements still ship is for an agent to decide.
      return trigger.outcome === 'failed' ? withoutExchange(deps, c, 'exchange_released') : undefined;
    case 'expired':
      if (c.status !== 'expired') return undefined;
      return c.exchange?.order?.shippedEarly ? unreturned(deps, c, lines) : withoutExchange(deps, c, 'exchange_released');
    case 'cancelled':
      // An instant replacement already on its way is for an agent to recover.
      return c.status === 'cancelled' && !c.exchange?.order ? withoutExchange(deps, c, 'exchange_released') : undefined;
  }
}

async function approved(deps: ExchangeDeps, c: ReturnCase, lines: ExchangeLine[]): Promise<Write | undefined> {
  const progress: ExchangeProgress = c.exchange ? structuredClone(c.exchange) : { instant: (await deps.store.policy(c.shopId)).exchanges.instant, reservations: [] };
  let changed = !c.exchange;
  if (progress.reservations.length === 0) {
    for (const line of lines) {
      const key = exchangeKeys.reservation(c.id, line.lineItemId);
      const reserved = await deps.port.reserve(c.shopId, { key, variantId: line.exchange.variantId, quantity: line.quantity });
      progress.reservations.push({ lineItemId: line.lineItemId, variantId: line.exchange.variantId, quantity: line.quantity, key, status: reserved.ok ? 'reserved' : 'out_of_stock', ...(reserved.ok ? { reservationId: reserved.reservationId } : {}) });
    }
    changed = true;
  }
  // Nothing is charged or shipped while a replacement could not be reserved: an agent steps in.
  if (progress.reservations.some((r) => r.status === 'out_of_stock')) return changed ? record(deps, c, progress, 'exchange_out_of_stock') : undefined;
  const net = netDifference(lines)!;
  if (net.amount > 0 && !progress.differenceCharge) {
    progress.differenceCharge = await chargeDifference(deps, c, net);
    changed = true;
  }
  if (progress.instant && !progress.order) return shipReplacement(deps, c, lines, progress, true);
  return changed ? record(deps, c, progress, 'exchange_reserved') : undefined;
}

async function inspectionPassed(deps: ExchangeDeps, c: ReturnCase, lines: ExchangeLine[]): Promise<Write | undefined> {
  const progress: ExchangeProgress = c.exchange ? structuredClone(c.exchange) : { instant: false, reservations: [] };
  const net = netDifference(lines)!;
  if (!progress.order) {
    // A replacement out of stock at approval gets another try; if it still is, an agent steps in.
    const missing = progress.reservations.filter((r) => r.status === 'out_of_stock');
    for (const reservation of missing) {
      const reserved = await deps.port.reserve(c.shopId, { key: reservation.key, variantId: reservation.variantId, quantity: reservation.quantity });
      if (reserved.ok) Object.assign(reservation, { status: 'reserved', reservationId: reserved.reservationId });
    }
    if (progress.reservations.some((r) => r.status === 'out_of_stock')) return undefined;
    // Charged at approval; here only when that step never ran.
    if (net.amount > 0 && !progress.differenceCharge) progress.differenceCharge = await chargeDifference(deps, c, net);
    if (net.amount < 0) progress.refundDue = { amount: -net.amount, currency: net.currency };
    return shipReplacement(deps, c, lines, progress, false);
  }
  if (net.amount < 0 && !progress.refundDue) return record(deps, c, { ...progress, refundDue: { amount: -net.amount, currency: net.currency } }, 'exchange_refund_due');
  // Lines resolved otherwise (a refund, a credit, an item kept) are resolved by whoever pays them.
  if (lines.length !== c.lines.length) return undefined;
  const result = applyTransition(c, { type: 'resolve', actor: system, outcome: { resolution: 'exchange', exchangeOrderId: progress.order.orderId } }, deps.now());
  if (!result.ok) throw new Error(`Resolving return ${c.id} failed: ${result.error.code}: ${result.error.message}`);
  return { resolve: result };
}

async function chargeDifference(deps: ExchangeDeps, c: ReturnCase, amount: Money): Promise<NonNullable<ExchangeProgress['differenceCharge']>> {
  const { chargeId } = await deps.port.charge(c.shopId, { key: exchangeKeys.difference(c.id), amount, reason: `Exchange price difference, return ${c.id}` });
  return { chargeId, amount };
}

/** Creates the replacement order (idempotent on the case id), consuming the reservations, and announces it. */
async function shipReplacement(deps: ExchangeDeps, c: ReturnCase, lines: ExchangeLine[], progress: ExchangeProgress, early: boolean): Promise<Write> {
  const reservationOf = new Map(progress.reservations.filter((r) => r.status === 'reserved').map((r) => [r.lineItemId, r.key]));
  const order: ExchangeOrder = await deps.port.createExchangeOrder(c.shopId, {
    key: exchangeKeys.order(c.id),
    orderNumberOfOriginal: c.orderNumber,
    customer: { id: c.customer.id, ...(c.customer.email ? { email: c.customer.email } : {}) },
    lines: lines.map((line) => ({ variantId: line.exchange.variantId, quantity: line.quantity, ...(reservationOf.has(line.lineItemId) ? { reservationKey: reservationOf.get(line.lineItemId)! } : {}) })),
    note: `Exchange for return ${c.id} of order ${c.orderNumber}${early ? ', shipped before the return arrives' : ''}`,
  });
  const at = deps.now().toISOString();
  const next: ExchangeProgress = {
    ...progress,
    reservations: progress.reservations.map((r) => (r.status === 'reserved' ? { ...r, status: 'ordered' as const } : r)),
    order: { orderId: order.orderId, orderNumber: order.orderNumber, createdAt: at, shippedEarly: early },
  };
  const created: OutboxEvent = { definition: ExchangeOrderCreated, eventId: `exchange-order-${c.id}`, detail: exchangeOrderCreated(c, lines, order, at) };
  return record(deps, c, next, early ? 'exchange_shipped_early' : 'exchange_order_created', [created]);
}

/** No exchange after all: the reservations go back, and a difference the customer paid is owed back. */
async function withoutExchange(deps: ExchangeDeps, c: ReturnCase, action: string): Promise<Write | undefined> {
  const progress = c.exchange;
  if (!progress || progress.order) return undefined;
  const held = progress.reservations.filter((r) => r.status === 'reserved');
  for (const reservation of held) await deps.port.release(c.shopId, reservation.key);
  const owed = progress.differenceCharge && !progress.refundDue;
  if (held.length === 0 && !owed) return undefined;
  return record(deps, c, {
    ...progress,
    reservations: progress.reservations.map((r) => (r.status === 'reserved' ? { ...r, status: 'released' as const } : r)),
    ...(owed ? { refundDue: progress.differenceCharge!.amount } : {}),
  }, action);
}

/** An instant exchange's originals never came back: the customer pays for them, once. */
async function unreturned(deps: ExchangeDeps, c: ReturnCase, lines: ExchangeLine[]): Promise<Write | undefined> {
  const progress = c.exchange!;
  if (progress.unreturnedCharge) return undefined;
  const amount = originalValue(lines)!;
  const { chargeId } = await deps.port.charge(c.shopId, { key: exchangeKeys.unreturned(c.id), amount, reason: `Items of return ${c.id} not sent back after an instant exchange` });
  return record(deps, c, { ...progress, unreturnedCharge: { chargeId, amount } }, 'exchange_charged_unreturned');
}

function record(deps: ExchangeDeps, c: ReturnCase, progress: ExchangeProgress, action: string, events: OutboxEvent[] = []): Write {
  const at = deps.now().toISOString();
  const next: ReturnCase = {
    ...c,
    exchange: progress,
    version: c.version + 1,
    updatedAt: at,
    history: [...c.history, { at, action, from: c.status, to: c.status, actor: system }],
  };
  return { next, events };
}
