// A customer's return request, decided and turned into what is stored: the policy decides each line
// (eligibility.ts); a request with a refused line is refused whole, naming the rules in the
// customer's language; an accepted one becomes a `requested` case, approved at once by policy
// (lifecycle.ts, actor system) unless the policy says `autoApprove: false` (it then waits for an
// agent), with its events and customer messages. An exchange line is priced against the replacement
// variant the caller read from the storefront (exchange.ts). Pure: ids, clock and variants given.
import type { z } from 'zod';
import type { CustomerRef } from '../events/common.ts';
import { ReturnRequested } from '../events/returns.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import type { ExchangeVariant } from '../storefronts/exchange-port.ts';
import type { ReturnRequestInput, CustomerReturn } from '../api/routes/returns.ts';
import type { FieldError } from '../api/define.ts';
import { caseResolution, eventActor } from './case-facts.ts';
import { applyTransition } from './lifecycle.ts';
import { returnNotification, templateDataFor, transitionOutbox, type OutboxEvent } from './messages.ts';
import { evaluateReturn, type RefusalRule } from './eligibility.ts';
import type { ReturnPolicy } from './policy.ts';
import { refusalMessage } from './refusal-messages.ts';
import { finalStatuses, type ReturnCase } from './case.ts';
import { decideExchange, type LineExchange } from './exchange.ts';
import { slaDueAt } from './reminders.ts';

type RequestBody = z.output<typeof ReturnRequestInput>;
type CustomerView = z.input<typeof CustomerReturn>;

export type { OutboxEvent } from './messages.ts';

export type RequestOutcome =
  | { ok: false; firstRule: RefusalRule; detail: string; errors: FieldError[] }
  | { ok: true; case: ReturnCase; events: OutboxEvent[]; view: CustomerView };

/**
 * Units per order line already in returns that count against what is left: open cases, and lines
 * resolved by credit or exchange (refunds are read from the order's refunds, not counted twice).
 */
export function alreadyReturned(cases: readonly ReturnCase[]): Record<string, number> {
  const units: Record<string, number> = {};
  for (const c of cases) {
    if (c.status === 'rejected' || (finalStatuses.includes(c.status) && c.status !== 'resolved')) continue;
    for (const line of c.lines) {
      if (c.status === 'resolved' && (line.resolution === 'refund' || line.resolution === 'keep')) continue;
      units[line.lineItemId] = (units[line.lineItemId] ?? 0) + line.quantity;
    }
  }
  return units;
}

export interface DecideRequestInput {
  shopId: string;
  caseId: string;
  order: NormalizedOrder;
  customer: CustomerRef;
  policy: ReturnPolicy;
  existing: readonly ReturnCase[];
  body: RequestBody;
  now: Date;
  timeZone?: string;
  newId: () => string;
  /**
   * The replacement variants the exchange lines name, as the storefront has them (undefined: no
   * such variant). Without it (the shop has no exchange service) every exchange line is refused.
   */
  exchangeVariants?: ReadonlyMap<string, ExchangeVariant | undefined>;
}

export function decideRequest(input: DecideRequestInput): RequestOutcome {
  const { shopId, caseId, order, customer, policy, body, now, newId } = input;
  const evaluation = evaluateReturn({
    order,
    policy,
    now,
    timeZone: input.timeZone,
    alreadyReturned: alreadyReturned(input.existing),
    request: body.lines.map((line) => ({ lineItemId: line.lineItemId, quantity: line.quantity, reason: line.reason, resolution: line.resolution, ...(line.photos ? { photos: line.photos } : {}) })),
  });
  // An accepted exchange line still needs a replacement the storefront can supply, in the order's currency.
  const exchanges = new Map<number, LineExchange>();
  const decisions = (evaluation.decisions ?? []).map((decision, index) => {
    const line = body.lines[index]!;
    if (!decision.accepted || line.resolution !== 'exchange' || !line.exchangeVariantId) return decision;
    const orderLine = order.lines.find((l) => l.lineId === line.lineItemId)!;
    const variant = input.exchangeVariants?.get(line.exchangeVariantId);
    const exchange = decideExchange(orderLine, line.quantity, line.exchangeVariantId, variant, policy.exchanges.priceDifference);
    if (!exchange.ok) return { ...decision, accepted: false, refusals: [exchange.refusal] };
    exchanges.set(index, exchange.exchange);
    return decision;
  });
  const errors: FieldError[] = [];
  let firstRule: RefusalRule | undefined;
  decisions.forEach((decision, index) => {
    const refusal = decision.refusals[0];
    if (decision.accepted || !refusal) return;
    firstRule ??= refusal.rule;
    errors.push({ path: `body.lines[${index}]`, message: `${refusal.rule}: ${refusalMessage(refusal, customer.locale)}` });
  });
  if (firstRule) {
    const detail = `The return policy refuses ${errors.length === 1 ? 'a line' : `${errors.length} lines`} of this request (${firstRule}): nothing was created`;
    return { ok: false, firstRule, detail, errors };
  }

  const at = now.toISOString();
  const requested: ReturnCase = {
    id: caseId,
    shopId,
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    customer,
    status: 'requested',
    lines: body.lines.map((line, index) => ({
      lineItemId: line.lineItemId,
      quantity: line.quantity,
      reason: line.reason,
      resolution: line.resolution,
      ...(line.exchangeVariantId ? { exchangeVariantId: line.exchangeVariantId } : {}),
      ...(exchanges.has(index) ? { exchange: exchanges.get(index)! } : {}),
      ...(line.photos?.length ? { photos: line.photos } : {}),
    })),
    createdAt: at,
    updatedAt: at,
    version: 0,
    deadlines: { slaDueAt: slaDueAt(now) },
    history: [{ at, action: 'request', from: 'requested', to: 'requested', actor: { kind: 'customer', id: customer.id } }],
    timers: [],
  };

  const orderLines = new Map(order.lines.map((line) => [line.lineId, line]));
  const resolution = caseResolution(requested);
  const events: OutboxEvent[] = [
    {
      definition: ReturnRequested,
      eventId: newId(),
      detail: {
        version: 1,
        shopId,
        occurredAt: at,
        returnId: caseId,
        orderId: order.orderId,
        customer,
        orderNumber: order.orderNumber,
        lines: body.lines.map((line, index) => {
          const orderLine = orderLines.get(line.lineItemId);
          const exchange = exchanges.get(index);
          return {
            lineId: line.lineItemId,
            ...(orderLine?.sku ? { sku: orderLine.sku.slice(0, 64) } : {}),
            ...(orderLine?.title ? { title: orderLine.title.slice(0, 200) } : {}),
            quantity: line.quantity,
            reason: line.reason,
            ...(line.comment ? { reasonNote: line.comment } : {}),
            ...(line.exchangeVariantId ? { exchangeFor: { variantId: line.exchangeVariantId, ...(exchange?.sku ? { sku: exchange.sku } : {}), ...(exchange ? { title: exchange.title } : {}) } } : {}),
          };
        }),
        resolution,
        method: 'mail',
        channel: 'customer_portal',
        requestedBy: eventActor({ kind: 'customer', id: customer.id }),
      },
    },
  ];
  const titles = new Map(order.lines.map((line) => [line.lineId, line.title ?? line.lineId]));
  const received = returnNotification(requested, { messageType: 'return_received', deduplicationKey: `return_received:${caseId}`, category: 'transactional' }, templateDataFor(requested, 'return_received', at, titles), at, newId);
  if (received) events.push(received);

  // A shop that reviews every return leaves the case `requested` for an agent.
  if (!policy.autoApprove) return { ok: true, case: requested, events, view: customerReturn(requested) };

  // Every line is accepted: the policy approves the return at once.
  // Its reminder and expiry timers go out with it as TimersRequested (transitionOutbox).
  const approved = applyTransition(requested, { type: 'approve', actor: { kind: 'system' }, reason: 'Accepted by the return policy', ...(policy.reminders ? { reminders: policy.reminders } : {}) }, now);
  if (!approved.ok) throw new Error(`Auto-approval failed: ${approved.error.message}`);
  events.push(...transitionOutbox(approved, newId, titles));
  return { ok: true, case: approved.next, events, view: customerReturn(approved.next) };
}

/** The case as its customer sees it: every stored line was accepted. */
export function customerReturn(c: ReturnCase): CustomerView {
  return {
    id: c.id,
    status: c.status,
    orderNumber: c.orderNumber,
    createdAt: c.createdAt,
    lines: c.lines.map((line) => ({
      lineItemId: line.lineItemId,
      quantity: line.quantity,
      returnReason: line.reason,
      resolution: line.resolution,
      ...(line.exchangeVariantId ? { exchangeVariantId: line.exchangeVariantId } : {}),
      ...(line.exchange ? { exchange: { variantId: line.exchange.variantId, title: line.exchange.title, unitPrice: line.exchange.unitPrice, priceDifference: line.exchange.priceDifference } } : {}),
      decision: 'accepted' as const,
    })),
    ...(c.deadlines.shipBy && ['approved', 'awaiting_shipment'].includes(c.status) ? { shipBy: c.deadlines.shipBy } : {}),
  };
}
