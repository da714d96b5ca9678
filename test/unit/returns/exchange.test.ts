import { describe, expect, it } from 'vitest';
import type { ExchangeVariant } from '../../../shared/storefronts/exchange-port.ts';
import { NormalizedOrder } from '../../../shared/storefronts/normalized.ts';
import { decideExchange, exchangeLines, netDifference, originalValue, priceDifference, type ExchangeLine } from '../../../shared/returns/exchange.ts';
import { defaultReturnPolicy, ReturnPolicy } from '../../../shared/returns/policy.ts';
import { decideRequest } from '../../../shared/returns/request.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const variant = (variantId: string, price: { amount: number; currency: string }, available = 10): ExchangeVariant => ({ variantId, productId: 'tent', title: `Tent ${variantId}`, sku: `SKU-${variantId}`, price, available });

describe('priceDifference', () => {
  it('charges the customer for a dearer replacement, per unit times quantity', () => {
    expect(priceDifference(usd(24900), usd(29900), 2, 'charge_or_refund')).toEqual({ amount: 10000, currency: 'USD', direction: 'charge' });
  });

  it('refunds the customer for a cheaper replacement', () => {
    expect(priceDifference(usd(24900), usd(19900), 1, 'charge_or_refund')).toEqual({ amount: 5000, currency: 'USD', direction: 'refund' });
  });

  it('is an even swap at equal prices', () => {
    expect(priceDifference(usd(24900), usd(24900), 3, 'charge_or_refund')).toEqual({ amount: 0, currency: 'USD', direction: 'none' });
  });

  it('applies what the policy lets apply', () => {
    expect(priceDifference(usd(100), usd(300), 1, 'refund_only').direction).toBe('none');
    expect(priceDifference(usd(300), usd(100), 1, 'refund_only')).toEqual({ amount: 200, currency: 'USD', direction: 'refund' });
    expect(priceDifference(usd(300), usd(100), 1, 'charge_only').direction).toBe('none');
    expect(priceDifference(usd(100), usd(300), 1, 'charge_only')).toEqual({ amount: 200, currency: 'USD', direction: 'charge' });
    expect(priceDifference(usd(100), usd(300), 1, 'waive')).toEqual({ amount: 0, currency: 'USD', direction: 'none' });
  });

  it('refuses to compare two currencies', () => {
    expect(() => priceDifference(usd(100), { amount: 100, currency: 'EUR' }, 1, 'charge_or_refund')).toThrow(/USD with EUR/);
  });
});

describe('decideExchange', () => {
  const orderLine = { unitPrice: usd(24900) };

  it('prices the replacement against the item returned', () => {
    const decision = decideExchange(orderLine, 1, 'V3', variant('V3', usd(29900)), 'charge_or_refund');
    expect(decision).toEqual({
      ok: true,
      exchange: { variantId: 'V3', title: 'Tent V3', sku: 'SKU-V3', unitPrice: usd(29900), originalUnitPrice: usd(24900), priceDifference: { amount: 5000, currency: 'USD', direction: 'charge' } },
    });
  });

  it('refuses an unknown variant and one with too few in stock', () => {
    expect(decideExchange(orderLine, 1, 'nope', undefined, 'charge_or_refund')).toEqual({ ok: false, refusal: { rule: 'exchange.unavailable', params: { variantId: 'nope' } } });
    expect(decideExchange(orderLine, 2, 'V3', variant('V3', usd(29900), 1), 'charge_or_refund')).toEqual({ ok: false, refusal: { rule: 'exchange.unavailable', params: { variantId: 'V3', available: 1 } } });
  });

  it('refuses a replacement priced in another currency, naming both', () => {
    expect(decideExchange(orderLine, 1, 'EU', variant('EU', { amount: 22900, currency: 'EUR' }), 'charge_or_refund')).toEqual({
      ok: false,
      refusal: { rule: 'exchange.currency', params: { variantId: 'EU', expected: 'USD', got: 'EUR' } },
    });
  });
});

describe('netDifference and originalValue', () => {
  const line = (lineItemId: string, quantity: number, original: number, replacement: number): ExchangeLine => ({
    lineItemId,
    quantity,
    reason: 'too_small',
    resolution: 'exchange',
    exchange: { variantId: `v-${lineItemId}`, title: 't', unitPrice: usd(replacement), originalUnitPrice: usd(original), priceDifference: priceDifference(usd(original), usd(replacement), quantity, 'charge_or_refund') },
  });

  it('nets charges against refunds across lines', () => {
    expect(netDifference([line('A', 1, 1000, 1500), line('B', 2, 1000, 800)])).toEqual(usd(100));
    expect(netDifference([line('A', 1, 1000, 500)])).toEqual({ amount: -500, currency: 'USD' });
    expect(netDifference([])).toBeUndefined();
  });

  it('values the original items as listed', () => {
    expect(originalValue([line('A', 1, 1000, 1500), line('B', 2, 1000, 800)])).toEqual(usd(3000));
  });

  it('finds only priced exchange lines', () => {
    const lines = [line('A', 1, 1000, 1500), { lineItemId: 'B', quantity: 1, reason: 'too_small' as const, resolution: 'store_credit' as const }];
    expect(exchangeLines({ lines }).map((l) => l.lineItemId)).toEqual(['A']);
  });
});

describe('decideRequest with exchange lines', () => {
  const order = NormalizedOrder.parse({
    shopId: 'acme',
    platform: 'shopify',
    orderId: 'o1',
    orderNumber: '#1001',
    createdAt: '2024-04-30T09:00:00Z',
    sourceUpdatedAt: '2024-05-03T15:00:00Z',
    currency: 'USD',
    customer: { id: 'c1', email: 'ada@example.com', locale: 'en' },
    lines: [
      { lineId: 'L1', variantId: 'V2', title: 'Tent 2P', quantity: 1, unitPrice: usd(24900), total: usd(24900), requiresShipping: true },
      { lineId: 'L2', variantId: 'S8', title: 'Stakes', quantity: 2, unitPrice: usd(1250), total: usd(2250), requiresShipping: true },
    ],
    totals: { subtotal: usd(27150), discounts: usd(250), shipping: usd(0), tax: usd(0), total: usd(27150) },
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    fulfillments: [{ shopId: 'acme', fulfillmentId: 'f1', orderId: 'o1', status: 'success', trackingNumbers: [], trackingUrls: [], lines: [{ lineId: 'L1', quantity: 1 }, { lineId: 'L2', quantity: 2 }], createdAt: '2024-05-01T10:00:00Z', sourceUpdatedAt: '2024-05-03T15:00:00Z', deliveredAt: '2024-05-03T15:00:00Z' }],
  });
  const catalogue = new Map<string, ExchangeVariant | undefined>([
    ['V3', variant('V3', usd(29900))],
    ['V1', variant('V1', usd(19900))],
    ['OUT', variant('OUT', usd(24900), 0)],
    ['S12', variant('S12', usd(1750))],
  ]);
  let ids = 0;
  const decide = (lines: { lineItemId: string; quantity: number; exchangeVariantId: string }[], { noExchangeService = false, policy = defaultReturnPolicy } = {}) =>
    decideRequest({
      shopId: 'acme',
      caseId: 'ret_1',
      order,
      customer: { id: 'c1', email: 'ada@example.com', locale: 'en' },
      policy,
      existing: [],
      body: { shopId: 'acme', orderNumber: '#1001', email: 'ada@example.com', lines: lines.map((line) => ({ ...line, reason: 'too_small' as const, resolution: 'exchange' as const })) },
      now: new Date('2024-05-10T00:00:00Z'),
      newId: () => `id-${++ids}`,
      exchangeVariants: noExchangeService ? undefined : catalogue,
    });

  it('stores the replacement and the difference on the case line, shows them to the customer, and names them in ReturnRequested', () => {
    const outcome = decide([{ lineItemId: 'L1', quantity: 1, exchangeVariantId: 'V3' }, { lineItemId: 'L2', quantity: 2, exchangeVariantId: 'S12' }]);
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(outcome.case.lines.map((line) => line.exchange?.priceDifference)).toEqual([
      { amount: 5000, currency: 'USD', direction: 'charge' },
      { amount: 1000, currency: 'USD', direction: 'charge' },
    ]);
    expect(outcome.view.lines[0]).toMatchObject({ exchangeVariantId: 'V3', exchange: { variantId: 'V3', title: 'Tent V3', unitPrice: usd(29900), priceDifference: { direction: 'charge', amount: 5000 } } });
    const requested = outcome.events[0]!.detail as { lines: { exchangeFor?: unknown }[] };
    expect(requested.lines[0]?.exchangeFor).toEqual({ variantId: 'V3', sku: 'SKU-V3', title: 'Tent V3' });
  });

  it('shows a refund for a cheaper replacement', () => {
    const outcome = decide([{ lineItemId: 'L1', quantity: 1, exchangeVariantId: 'V1' }]);
    expect(outcome.ok && outcome.view.lines[0]?.exchange?.priceDifference).toEqual({ amount: 5000, currency: 'USD', direction: 'refund' });
  });

  it('refuses the request when a replacement is out of stock or unknown, naming the rule per line', () => {
    const outcome = decide([{ lineItemId: 'L1', quantity: 1, exchangeVariantId: 'OUT' }, { lineItemId: 'L2', quantity: 1, exchangeVariantId: 'nope' }]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.firstRule).toBe('exchange.unavailable');
    expect(outcome.errors.map((error) => error.path)).toEqual(['body.lines[0]', 'body.lines[1]']);
    expect(outcome.errors[0]?.message).toMatch(/^exchange\.unavailable: The replacement you chose is not available/);
  });

  it('refuses every exchange line when the shop has no exchange service', () => {
    const outcome = decide([{ lineItemId: 'L1', quantity: 1, exchangeVariantId: 'V3' }], { noExchangeService: true });
    expect(!outcome.ok && outcome.firstRule).toBe('exchange.unavailable');
  });

  it('keeps the policy’s word on differences', () => {
    const waived = ReturnPolicy.parse({ ...defaultReturnPolicy, exchanges: { priceDifference: 'waive' } });
    const outcome = decide([{ lineItemId: 'L1', quantity: 1, exchangeVariantId: 'V3' }], { policy: waived });
    expect(outcome.ok && outcome.case.lines[0]?.exchange?.priceDifference).toEqual({ amount: 0, currency: 'USD', direction: 'none' });
  });
  it("sets the approval's reminder and expiry timers from the shop's policy", () => {
    const policy = ReturnPolicy.parse({ ...defaultReturnPolicy, reminders: { reminderDays: [2], expiryDays: 10 } });
    const outcome = decide([{ lineItemId: 'L1', quantity: 1, exchangeVariantId: 'V3' }], { policy });
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(outcome.case.timers.map((timer) => [timer.kind, timer.dueAt])).toEqual([
      ['return_reminder', '2024-05-12T00:00:00.000Z'],
      ['return_expiry', '2024-05-20T00:00:00.000Z'],
    ]);
    const timers = outcome.events.find((event) => event.definition.detailType === 'TimersRequested');
    expect(timers?.detail).toMatchObject({ set: [{ kind: 'return_reminder', returnId: 'ret_1' }, { kind: 'return_expiry', returnId: 'ret_1' }], cancel: [] });
  });
});
