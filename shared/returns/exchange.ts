// Exchanges as data and pure decisions: the replacement a line asks for, priced against the item
// returned (the difference the customer pays or gets back, under the shop's policy), and what has
// been done about it on the storefront (reservations, the replacement order, charges), recorded on
// the case so a redelivered event does nothing twice. The storefront is reached through
// shared/storefronts/exchange-port.ts; exchange-steps.ts carries out the steps.
import * as z from 'zod';
import { CurrencyCode, EntityId, IsoDateTime, Money, type SignedMoney } from '../events/common.ts';
import type { DetailInputOf } from '../events/define.ts';
import type { ExchangeOrderCreated } from '../events/returns.ts';
import type { ExchangeVariant } from '../storefronts/exchange-port.ts';
import type { NormalizedOrderLine } from '../storefronts/normalized.ts';
import type { CaseLine, ReturnCase } from './case.ts';
import type { Refusal } from './eligibility.ts';
import type { ExchangePolicy } from './policy.ts';

export const PriceDirection = z.enum(['charge', 'refund', 'none']);
export type PriceDirection = z.infer<typeof PriceDirection>;

export const PriceDifference = z
  .object({ amount: z.int().nonnegative(), currency: CurrencyCode, direction: PriceDirection })
  .describe('`charge`: the customer pays the amount; `refund`: the shop pays it back; `none`: an even swap');
export type PriceDifference = z.infer<typeof PriceDifference>;

/** The replacement of one line, priced when the request was decided. */
export const LineExchange = z.object({
  variantId: EntityId,
  title: z.string().min(1).max(200),
  sku: z.string().max(64).optional(),
  unitPrice: Money.describe('One unit of the replacement'),
  originalUnitPrice: Money.describe('One unit of the item returned, as listed on the order before discounts'),
  priceDifference: PriceDifference.describe('For all units of the line'),
});
export type LineExchange = z.infer<typeof LineExchange>;

export const ReservationStatus = z.enum(['reserved', 'out_of_stock', 'released', 'ordered']);

const Done = z.object({ chargeId: EntityId, amount: Money });

/** What was done on the storefront for the case's exchange lines. */
export const ExchangeProgress = z.object({
  instant: z.boolean().describe('The replacement ships at approval, before the return arrives'),
  reservations: z.array(z.object({ lineItemId: EntityId, variantId: EntityId, quantity: z.int().positive(), key: z.string(), status: ReservationStatus, reservationId: EntityId.optional() })),
  differenceCharge: Done.optional().describe('The price difference charged to the customer'),
  refundDue: Money.optional().describe('What the shop owes the customer (a cheaper replacement, or a difference charged for an exchange that did not happen): the refund engine pays it'),
  order: z.object({ orderId: EntityId, orderNumber: z.string(), createdAt: IsoDateTime, shippedEarly: z.boolean() }).optional().describe('The replacement order'),
  unreturnedCharge: Done.optional().describe('The original items charged: an instant exchange whose items never came back'),
});
export type ExchangeProgress = z.infer<typeof ExchangeProgress>;

export type PriceDifferenceMode = ExchangePolicy['priceDifference'];

/** (replacement − original) × quantity, as the policy lets it apply. Both prices in one currency. */
export function priceDifference(original: Money, replacement: Money, quantity: number, mode: PriceDifferenceMode): PriceDifference {
  if (original.currency !== replacement.currency) throw new Error(`Cannot compare ${original.currency} with ${replacement.currency}`);
  const signed = (replacement.amount - original.amount) * quantity;
  const direction: PriceDirection = signed > 0 ? 'charge' : signed < 0 ? 'refund' : 'none';
  const waived = mode === 'waive' || (direction === 'charge' && mode === 'refund_only') || (direction === 'refund' && mode === 'charge_only');
  if (direction === 'none' || waived) return { amount: 0, currency: original.currency, direction: 'none' };
  return { amount: Math.abs(signed), currency: original.currency, direction };
}

export type ExchangeDecision = { ok: true; exchange: LineExchange } | { ok: false; refusal: Refusal };

/**
 * The replacement for `quantity` units of `orderLine`: refused when the storefront has no such
 * variant (or exchanges are not set up: `variant` undefined), too few in stock, or it is priced in
 * another currency than the order.
 */
export function decideExchange(orderLine: Pick<NormalizedOrderLine, 'unitPrice'>, quantity: number, variantId: string, variant: ExchangeVariant | undefined, mode: PriceDifferenceMode): ExchangeDecision {
  if (!variant) return { ok: false, refusal: { rule: 'exchange.unavailable', params: { variantId } } };
  if (variant.available < quantity) return { ok: false, refusal: { rule: 'exchange.unavailable', params: { variantId, available: variant.available } } };
  const original = orderLine.unitPrice;
  if (variant.price.currency !== original.currency) return { ok: false, refusal: { rule: 'exchange.currency', params: { variantId, expected: original.currency, got: variant.price.currency } } };
  return {
    ok: true,
    exchange: {
      variantId,
      title: variant.title.slice(0, 200),
      ...(variant.sku ? { sku: variant.sku.slice(0, 64) } : {}),
      unitPrice: variant.price,
      originalUnitPrice: original,
      priceDifference: priceDifference(original, variant.price, quantity, mode),
    },
  };
}

export type ExchangeLine = CaseLine & { exchange: LineExchange };

/** The lines of the case that are exchanges with a priced replacement. */
export function exchangeLines(c: Pick<ReturnCase, 'lines'>): ExchangeLine[] {
  return c.lines.filter((line): line is ExchangeLine => line.resolution === 'exchange' && line.exchange !== undefined);
}

const signedOf = (difference: PriceDifference) => (difference.direction === 'charge' ? difference.amount : difference.direction === 'refund' ? -difference.amount : 0);

/** The lines' differences netted: positive, the customer pays; negative, the shop pays back. */
export function netDifference(lines: readonly ExchangeLine[]): SignedMoney | undefined {
  const [first] = lines;
  if (!first) return undefined;
  return { amount: lines.reduce((sum, line) => sum + signedOf(line.exchange.priceDifference), 0), currency: first.exchange.priceDifference.currency };
}

/** What the original items of the lines cost as listed: charged when an instant exchange's items never came back. */
export function originalValue(lines: readonly ExchangeLine[]): Money | undefined {
  const [first] = lines;
  if (!first) return undefined;
  return { amount: lines.reduce((sum, line) => sum + line.exchange.originalUnitPrice.amount * line.quantity, 0), currency: first.exchange.originalUnitPrice.currency };
}

/** The idempotency keys of a case's storefront writes. */
export const exchangeKeys = {
  reservation: (caseId: string, lineItemId: string) => `${caseId}:${lineItemId}`,
  order: (caseId: string) => caseId,
  difference: (caseId: string) => `${caseId}:difference`,
  unreturned: (caseId: string) => `${caseId}:unreturned`,
};

/** The ExchangeOrderCreated detail of the replacement order of `lines`. */
export function exchangeOrderCreated(c: ReturnCase, lines: readonly ExchangeLine[], order: { orderId: string; orderNumber: string }, at: string): DetailInputOf<typeof ExchangeOrderCreated> {
  return {
    version: 1,
    shopId: c.shopId,
    occurredAt: at,
    returnId: c.id,
    orderId: c.orderId,
    customer: c.customer,
    exchangeOrderId: order.orderId,
    exchangeOrderNumber: order.orderNumber,
    lines: lines.map((line, index) => ({
      lineId: `${order.orderId}-${index + 1}`,
      variantId: line.exchange.variantId,
      ...(line.exchange.sku ? { sku: line.exchange.sku } : {}),
      title: line.exchange.title,
      quantity: line.quantity,
      unitPrice: line.exchange.unitPrice,
      total: { amount: line.exchange.unitPrice.amount * line.quantity, currency: line.exchange.unitPrice.currency },
    })),
    priceDifference: netDifference(lines)!,
  };
}
