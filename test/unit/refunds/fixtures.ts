// Orders, claims and rules for the refund engine tests, validated by their schemas.
import { Claim, CustomerHistory, type ClaimInput, type CustomerHistoryInput, type RefundInput } from '../../../shared/refunds/claim.ts';
import { RefundRules, type RefundRulesInput } from '../../../shared/refunds/rules.ts';
import { NormalizedOrder, type NormalizedOrderInput } from '../../../shared/storefronts/normalized.ts';

type LineInput = NormalizedOrderInput['lines'][number];
type RefundInputShape = NonNullable<NormalizedOrderInput['refunds']>[number];

export const amountIn = (currency: string) => (amount: number) => ({ amount, currency });
export const usd = amountIn('USD');

/** A line of `quantity` units at `unitPrice` (tax-exclusive unless `taxIncluded`), with an optional discount and tax. */
export function line(lineId: string, quantity: number, unitPrice: number, options: { discount?: number; tax?: number; taxIncluded?: boolean; currency?: string; requiresShipping?: boolean } = {}): LineInput {
  const money = amountIn(options.currency ?? 'USD');
  const discount = options.discount ?? 0;
  const tax = options.tax ?? 0;
  const total = unitPrice * quantity - discount - (options.taxIncluded ? tax : 0);
  return {
    lineId,
    productId: `p-${lineId}`,
    variantId: `v-${lineId}`,
    title: `Item ${lineId}`,
    quantity,
    unitPrice: money(unitPrice),
    ...(discount ? { discount: money(discount) } : {}),
    ...(tax ? { tax: money(tax) } : {}),
    total: money(total),
    requiresShipping: options.requiresShipping ?? true,
  };
}

export interface OrderOptions {
  currency?: string;
  shipping?: number;
  shippingTax?: number;
  refunds?: RefundInputShape[];
  financialStatus?: NormalizedOrderInput['financialStatus'];
  email?: string;
  postalCode?: string;
  countryCode?: string;
}

/** An order of `lines`, paid, its totals computed from the lines and shipping. */
export function order(lines: LineInput[], options: OrderOptions = {}): NormalizedOrder {
  const currency = options.currency ?? 'USD';
  const money = amountIn(currency);
  const subtotal = lines.reduce((sum, item) => sum + item.total.amount, 0);
  const lineTax = lines.reduce((sum, item) => sum + (item.tax?.amount ?? 0), 0);
  const shipping = options.shipping ?? 0;
  const tax = lineTax + (options.shippingTax ?? 0);
  return NormalizedOrder.parse({
    shopId: 'acme',
    platform: 'shopify',
    orderId: 'o1',
    orderNumber: '#1001',
    createdAt: '2024-05-01T09:00:00Z',
    sourceUpdatedAt: '2024-05-03T09:00:00Z',
    currency,
    customer: { id: 'c1', email: options.email ?? 'ada@example.com', locale: 'en' },
    lines,
    totals: {
      subtotal: money(subtotal),
      discounts: money(lines.reduce((sum, item) => sum + (item.discount?.amount ?? 0), 0)),
      shipping: money(shipping),
      tax: money(tax),
      total: money(subtotal + shipping + tax),
    },
    financialStatus: options.financialStatus ?? 'paid',
    fulfillmentStatus: 'fulfilled',
    shippingAddress: { countryCode: options.countryCode ?? 'GB', postalCode: options.postalCode ?? 'EC1A 1BB', city: 'London' },
    refunds: options.refunds ?? [],
  });
}

/** A storefront refund of `lines` ([lineId, quantity, amount]) on order o1. */
export function storefrontRefund(refundId: string, lines: Array<[string, number, number]>, options: { currency?: string; shipping?: number } = {}): RefundInputShape {
  const money = amountIn(options.currency ?? 'USD');
  const total = lines.reduce((sum, [, , amount]) => sum + amount, 0) + (options.shipping ?? 0);
  return {
    shopId: 'acme',
    refundId,
    orderId: 'o1',
    createdAt: '2024-05-10T09:00:00Z',
    amount: money(total),
    lines: lines.map(([lineId, quantity, amount]) => ({ lineId, quantity, amount: money(amount) })),
    ...(options.shipping ? { shipping: money(options.shipping) } : {}),
  };
}

/** Rules with everything the tests rely on spelled out; `extra` replaces whole sections. */
export function rules(extra: Partial<RefundRulesInput> = {}): RefundRules {
  return RefundRules.parse({
    version: 3,
    approval: {
      autoApproveUpTo: [usd(50000), { amount: 100000, currency: 'JPY' }, { amount: 200000, currency: 'KWD' }],
      supervisorAbove: [usd(200000), { amount: 500000, currency: 'JPY' }, { amount: 1000000, currency: 'KWD' }],
    },
    keepIt: { returnShippingCost: [usd(800), { amount: 1000, currency: 'JPY' }, { amount: 2500, currency: 'KWD' }] },
    storeCredit: { bonusPercent: 10 },
    ...extra,
  });
}

export const now = '2024-06-01T12:00:00Z';

export function history(extra: CustomerHistoryInput = { orders: 5, returns: 0 }): CustomerHistory {
  return CustomerHistory.parse(extra);
}

export function input(claim: ClaimInput, theOrder: NormalizedOrder, extra: Partial<RefundInput> = {}): RefundInput {
  return { decisionId: 'dec-1', now, claim: Claim.parse(claim), order: theOrder, history: history(), rules: rules(), ...extra };
}

/** A return of `lines` ([lineId, quantity, reason, condition?]) with the customer asking for `requested`. */
export function returnClaim(lines: Array<[string, number, string, string?]>, requested: 'refund' | 'store_credit' | 'keep' = 'refund', missingParts = false): ClaimInput {
  return {
    kind: 'return_inspection',
    returnId: 'ret-1',
    lines: lines.map(([lineId, quantity, reason, condition]) => ({ lineId, quantity, reason, ...(condition ? { condition } : {}), requested, missingParts })) as never,
  };
}
