import { describe, expect, it } from 'vitest';
import { evaluateReturn, refusalRules, type EvaluateReturnInput, type Refusal } from '../../../shared/returns/eligibility.ts';
import { ReturnPolicy, type ReturnPolicyInput } from '../../../shared/returns/policy.ts';
import { refusalMessage } from '../../../shared/returns/refusal-messages.ts';
import { templateLocales } from '../../../shared/notifications/templates/define.ts';
import { NormalizedOrder, type NormalizedOrderInput } from '../../../shared/storefronts/normalized.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
type LineInput = NormalizedOrderInput['lines'][number];
type FulfillmentInput = NonNullable<NormalizedOrderInput['fulfillments']>[number];

function line(id: string, extra: Partial<LineInput> = {}): LineInput {
  return { lineId: id, productId: `p-${id}`, variantId: `v-${id}`, title: `Item ${id}`, quantity: 2, unitPrice: usd(5000), total: usd(10000), requiresShipping: true, ...extra };
}

function fulfillment(lines: Array<[string, number]>, extra: Partial<FulfillmentInput> = {}): FulfillmentInput {
  return {
    shopId: 'acme',
    fulfillmentId: `f-${lines.map(([id]) => id).join('-')}`,
    orderId: 'o1',
    status: 'success',
    trackingNumbers: [],
    trackingUrls: [],
    lines: lines.map(([lineId, quantity]) => ({ lineId, quantity })),
    createdAt: '2024-05-01T10:00:00Z',
    sourceUpdatedAt: '2024-05-01T10:00:00Z',
    deliveredAt: '2024-05-03T15:00:00Z',
    ...extra,
  };
}

/** An order of line L1 (2 units, $50 each) shipped May 1st and delivered May 3rd 2024, validated by the schema. */
function order(extra: Partial<NormalizedOrderInput> = {}): NormalizedOrder {
  const lines = extra.lines ?? [line('L1')];
  return NormalizedOrder.parse({
    shopId: 'acme',
    platform: 'shopify',
    orderId: 'o1',
    orderNumber: '#1001',
    createdAt: '2024-04-30T09:00:00Z',
    sourceUpdatedAt: '2024-05-03T15:00:00Z',
    currency: 'USD',
    customer: { locale: 'en' },
    lines,
    totals: { subtotal: usd(10000), discounts: usd(0), shipping: usd(0), tax: usd(0), total: usd(10000) },
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    fulfillments: [fulfillment(lines.map((l) => [l.lineId, l.quantity]))],
    ...extra,
  });
}

const policyInput: ReturnPolicyInput = {
  version: 1,
  windowDays: 30,
  reasons: [
    { code: 'damaged', photosRequired: true, resolutions: ['refund', 'exchange', 'keep'], shippingPaidBy: 'merchant' },
    { code: 'too_small', resolutions: ['exchange', 'store_credit'], shippingPaidBy: 'customer' },
    { code: 'other', resolutions: ['refund', 'store_credit', 'exchange'], shippingPaidBy: 'customer', restockingFeePercent: 15 },
  ],
  keepItBelow: [{ amount: 6000, currency: 'USD' }],
};
const policy = (extra: Partial<ReturnPolicyInput> = {}) => ReturnPolicy.parse({ ...policyInput, ...extra });

type Input = Partial<Omit<EvaluateReturnInput, 'now'>> & { now: string | Date };
function evaluate(input: Input) {
  const now = typeof input.now === 'string' ? new Date(input.now) : input.now;
  return evaluateReturn({ order: order(), policy: policy(), ...input, now });
}
const first = (input: Input) => evaluate(input).lines[0]!;
const rules = (refusals: Refusal[]) => refusals.map((r) => r.rule);

describe('return window', () => {
  it('counts from delivery; the last second of the last day is inside, the next one outside (UTC)', () => {
    const inside = first({ now: '2024-06-02T23:59:59Z' });
    expect(inside).toMatchObject({ returnable: true, maxQuantity: 2, lastDay: '2024-06-02', deadline: '2024-06-02T23:59:59Z', windowStart: { date: '2024-05-03', source: 'delivery' } });
    const outside = first({ now: '2024-06-03T00:00:00Z' });
    expect(outside).toMatchObject({ returnable: false, maxQuantity: 0, offers: [] });
    expect(outside.refusals).toEqual([{ rule: 'window.expired', params: { deadline: '2024-06-02' } }]);
  });

  it('ends at midnight in the shop time zone (Tokyo, UTC+9)', () => {
    const tokyo = order({ fulfillments: [fulfillment([['L1', 2]], { deliveredAt: '2024-05-03T20:00:00Z' })] }); // May 4th in Tokyo
    expect(first({ order: tokyo, timeZone: 'Asia/Tokyo', now: '2024-06-03T14:59:59Z' })).toMatchObject({ returnable: true, lastDay: '2024-06-03', deadline: '2024-06-03T14:59:59Z' });
    expect(first({ order: tokyo, timeZone: 'Asia/Tokyo', now: '2024-06-03T15:00:00Z' }).refusals).toEqual([{ rule: 'window.expired', params: { deadline: '2024-06-03' } }]);
    // The same instants in UTC: delivered May 3rd, so the window closed a day earlier.
    expect(first({ order: tokyo, now: '2024-06-02T23:59:59Z' }).lastDay).toBe('2024-06-02');
  });

  it('follows daylight saving changes (New York, EDT delivery, EST deadline)', () => {
    const ny = order({ fulfillments: [fulfillment([['L1', 2]], { deliveredAt: '2024-10-21T02:00:00Z' })] }); // Oct 20th, 22:00 EDT
    expect(first({ order: ny, timeZone: 'America/New_York', now: '2024-11-20T04:59:59Z' })).toMatchObject({ returnable: true, lastDay: '2024-11-19', deadline: '2024-11-20T04:59:59Z' });
    expect(first({ order: ny, timeZone: 'America/New_York', now: '2024-11-20T05:00:00Z' }).returnable).toBe(false);
  });

  it('falls back to the fulfilment date plus fallback days when delivery is unknown', () => {
    const unknown = order({ fulfillments: [fulfillment([['L1', 2]], { deliveredAt: undefined })] });
    const result = first({ order: unknown, now: '2024-06-05T12:00:00Z' });
    expect(result).toMatchObject({ returnable: true, lastDay: '2024-06-05', windowStart: { date: '2024-05-06', source: 'fulfillment_fallback' } });
    expect(first({ order: unknown, policy: policy({ fulfillmentFallbackDays: 0 }), now: '2024-06-05T12:00:00Z' }).refusals[0]?.rule).toBe('window.expired');
  });

  it('extends the window for deliveries in a holiday range, never shortens it', () => {
    const holidays = policy({ holidayExtensions: [{ from: '2024-11-15', to: '2024-12-31', extendUntil: '2025-01-31' }] });
    const deliveredOn = (deliveredAt: string) => order({ fulfillments: [fulfillment([['L1', 2]], { createdAt: '2024-10-01T10:00:00Z', deliveredAt })] });
    expect(first({ order: deliveredOn('2024-12-10T12:00:00Z'), policy: holidays, now: '2025-01-31T23:59:59Z' })).toMatchObject({ returnable: true, lastDay: '2025-01-31' });
    expect(first({ order: deliveredOn('2024-12-10T12:00:00Z'), policy: holidays, now: '2025-02-01T00:00:00Z' }).returnable).toBe(false);
    expect(first({ order: deliveredOn('2024-11-14T12:00:00Z'), policy: holidays, now: '2024-12-01T00:00:00Z' }).lastDay).toBe('2024-12-14');
    const long = ReturnPolicy.parse({ ...policyInput, windowDays: 60, holidayExtensions: [{ from: '2024-11-15', to: '2024-12-31', extendUntil: '2025-01-31' }] });
    expect(first({ order: deliveredOn('2024-12-31T12:00:00Z'), policy: long, now: '2025-01-01T00:00:00Z' }).lastDay).toBe('2025-03-01');
  });
});

describe('exclusions and order state', () => {
  const excluded = (lineExtra: Partial<LineInput>, exclusions: ReturnPolicyInput['exclusions']) =>
    first({ order: order({ lines: [line('L1', lineExtra)] }), policy: policy({ exclusions }), now: '2024-05-10T00:00:00Z' });

  it('excludes products and variants', () => {
    expect(excluded({}, { productIds: ['p-L1'] }).refusals).toEqual([{ rule: 'exclusion.product', params: { productId: 'p-L1' } }]);
    expect(excluded({}, { variantIds: ['v-L1'] }).refusals).toEqual([{ rule: 'exclusion.product', params: { variantId: 'v-L1' } }]);
    expect(excluded({}, { productIds: ['p-other'] }).returnable).toBe(true);
  });

  it('excludes tags, case-insensitively', () => {
    expect(excluded({ productTags: ['Underwear'] }, { tags: ['underwear'] }).refusals).toEqual([{ rule: 'exclusion.tag', params: { tag: 'underwear' } }]);
  });

  it('excludes final-sale lines by their tag, unless the policy allows them', () => {
    expect(rules(excluded({ productTags: ['Final-Sale'] }, {}).refusals)).toEqual(['exclusion.final_sale']);
    expect(excluded({ productTags: ['final-sale'] }, { finalSale: false }).returnable).toBe(true);
    expect(rules(excluded({ productTags: ['clearance'] }, { finalSaleTags: ['clearance'] }).refusals)).toEqual(['exclusion.final_sale']);
  });

  it('refuses a cancelled order and unfulfilled lines', () => {
    expect(rules(first({ order: order({ cancelledAt: '2024-05-02T00:00:00Z', cancelReason: 'customer' }), now: '2024-05-10T00:00:00Z' }).refusals)).toEqual(['order.cancelled']);
    const unfulfilled = order({ fulfillments: [], fulfillmentStatus: 'unfulfilled' });
    expect(first({ order: unfulfilled, now: '2024-05-10T00:00:00Z' }).refusals).toEqual([{ rule: 'order.not_fulfilled', params: {} }]);
    const failed = order({ fulfillments: [fulfillment([['L1', 2]], { status: 'cancelled', deliveredAt: undefined })] });
    expect(rules(first({ order: failed, now: '2024-05-10T00:00:00Z' }).refusals)).toEqual(['order.not_fulfilled']);
  });

  it('accepts lines without fulfilment for a while after the order when the policy says so', () => {
    const unfulfilled = order({ fulfillments: [], fulfillmentStatus: 'unfulfilled' });
    const lenient = policy({ maxDaysAfterOrderWithoutFulfillment: 14 });
    expect(first({ order: unfulfilled, policy: lenient, now: '2024-05-14T23:59:59Z' })).toMatchObject({ returnable: true, maxQuantity: 2, lastDay: '2024-05-14', windowStart: { source: 'order' } });
    expect(first({ order: unfulfilled, policy: lenient, now: '2024-05-15T00:00:00Z' }).returnable).toBe(false);
  });
});

describe('quantities', () => {
  const three = [line('L1', { quantity: 3, total: usd(15000) })];
  const refund = { shopId: 'acme', refundId: 'r1', orderId: 'o1', createdAt: '2024-05-05T00:00:00Z', amount: usd(5000), lines: [{ lineId: 'L1', quantity: 1, amount: usd(5000) }] };

  it('subtracts refunded units and units already in returns', () => {
    expect(first({ order: order({ lines: three, refunds: [refund] }), alreadyReturned: { L1: 1 }, now: '2024-05-10T00:00:00Z' }).maxQuantity).toBe(1);
  });

  it('refuses a line with nothing left to return', () => {
    const result = first({ order: order({ lines: three, refunds: [refund] }), alreadyReturned: { L1: 2 }, now: '2024-05-10T00:00:00Z' });
    expect(result).toMatchObject({ returnable: false, maxQuantity: 0 });
    expect(result.refusals).toEqual([{ rule: 'quantity.exceeds', params: { max: 0, refunded: 1, alreadyReturned: 2 } }]);
  });

  it('counts only fulfilled units of a partly shipped line', () => {
    const partial = order({ lines: three, fulfillments: [fulfillment([['L1', 2]])], fulfillmentStatus: 'partially_fulfilled' });
    expect(first({ order: partial, now: '2024-05-10T00:00:00Z' }).maxQuantity).toBe(2);
  });
});

describe('offers', () => {
  it('lists per reason the resolutions, who pays shipping and the restocking fee', () => {
    const { offers } = first({ now: '2024-05-10T00:00:00Z' });
    expect(offers.map((o) => [o.reason, o.resolutions, o.shippingPaidBy, o.restockingFee.amount])).toEqual([
      ['damaged', ['refund', 'exchange'], 'merchant', 0], // both units: $100, not below the $60 keep-it threshold
      ['too_small', ['exchange', 'store_credit'], 'customer', 0],
      ['other', ['refund', 'store_credit', 'exchange'], 'customer', 1500],
    ]);
  });

  it('offers keep-it only below the threshold of the order currency', () => {
    const cheap = order({ lines: [line('L1', { quantity: 1, unitPrice: usd(5000), total: usd(5000) })] });
    expect(first({ order: cheap, now: '2024-05-10T00:00:00Z' }).offers[0]?.resolutions).toContain('keep');
    const exact = order({ lines: [line('L1', { quantity: 1, unitPrice: usd(6000), total: usd(6000) })] });
    expect(first({ order: exact, now: '2024-05-10T00:00:00Z' }).offers[0]?.resolutions).not.toContain('keep');
    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    const euros = order({
      lines: [line('L1', { quantity: 1, unitPrice: eur(1000), total: eur(1000) })],
      currency: 'EUR',
      totals: { subtotal: eur(1000), discounts: eur(0), shipping: eur(0), tax: eur(0), total: eur(1000) },
    });
    expect(first({ order: euros, now: '2024-05-10T00:00:00Z' }).offers[0]?.resolutions).toEqual(['refund', 'exchange']);
  });
});

describe('request decisions', () => {
  const decide = (request: EvaluateReturnInput['request'], extra: Partial<Omit<EvaluateReturnInput, 'now'>> = {}) => evaluate({ now: '2024-05-10T00:00:00Z', request, ...extra }).decisions!;
  const taxed = order({ lines: [line('L1', { tax: usd(800) })] }); // $108 paid for two units

  it('accepts a valid request with its value, fee, shipping payer and credit bonus', () => {
    const [refund, credit] = decide(
      [
        { lineItemId: 'L1', quantity: 1, reason: 'other', resolution: 'refund' },
        { lineItemId: 'L1', quantity: 1, reason: 'other', resolution: 'store_credit' },
      ],
      { order: taxed, policy: policy({ storeCreditBonusPercent: 10 }) },
    );
    expect(refund).toMatchObject({ accepted: true, refusals: [], value: usd(5400), restockingFee: usd(810), shippingPaidBy: 'customer' });
    expect(credit).toMatchObject({ accepted: true, value: usd(5400), restockingFee: usd(0), storeCreditBonus: usd(540) });
  });

  it('requires photos for reasons that ask for them', () => {
    expect(decide([{ lineItemId: 'L1', quantity: 1, reason: 'damaged', resolution: 'refund' }])[0]?.refusals).toEqual([{ rule: 'reason.photos_required', params: { reason: 'damaged' } }]);
    expect(decide([{ lineItemId: 'L1', quantity: 1, reason: 'damaged', resolution: 'refund', photos: ['s3://photos/1.jpg'] }])[0]).toMatchObject({ accepted: true, shippingPaidBy: 'merchant' });
  });

  it('refuses reasons the policy does not list and resolutions a reason does not offer', () => {
    expect(decide([{ lineItemId: 'L1', quantity: 1, reason: 'changed_mind', resolution: 'refund' }])[0]?.refusals).toEqual([{ rule: 'reason.not_allowed', params: { reason: 'changed_mind' } }]);
    expect(decide([{ lineItemId: 'L1', quantity: 1, reason: 'too_small', resolution: 'refund' }])[0]?.refusals).toEqual([{ rule: 'resolution.not_offered', params: { resolution: 'refund', reason: 'too_small' } }]);
  });

  it('offers keep-it by the value of the units requested', () => {
    const photos = ['s3://photos/1.jpg'];
    expect(decide([{ lineItemId: 'L1', quantity: 1, reason: 'damaged', resolution: 'keep', photos }])[0]).toMatchObject({ accepted: true, value: usd(5000) });
    expect(rules(decide([{ lineItemId: 'L1', quantity: 2, reason: 'damaged', resolution: 'keep', photos }])[0]!.refusals)).toEqual(['resolution.not_offered']);
  });

  it('limits quantities across the lines of one request, and names unknown lines', () => {
    const decisions = decide([
      { lineItemId: 'L1', quantity: 1, reason: 'too_small', resolution: 'exchange' },
      { lineItemId: 'L1', quantity: 2, reason: 'too_small', resolution: 'exchange' },
      { lineItemId: 'L9', quantity: 1, reason: 'too_small', resolution: 'exchange' },
    ]);
    expect(decisions.map((d) => d.accepted)).toEqual([true, false, false]);
    expect(decisions[1]?.refusals).toEqual([{ rule: 'quantity.exceeds', params: { requested: 2, max: 1 } }]);
    expect(decisions[2]?.refusals).toEqual([{ rule: 'line.not_found', params: { lineItemId: 'L9' } }]);
  });

  it('carries the line refusals when the line is not returnable', () => {
    const [decision] = evaluate({ now: '2024-07-01T00:00:00Z', request: [{ lineItemId: 'L1', quantity: 1, reason: 'too_small', resolution: 'exchange' }] }).decisions!;
    expect(decision).toMatchObject({ accepted: false, refusals: [{ rule: 'window.expired', params: { deadline: '2024-06-02' } }] });
  });
});

describe('refusal messages', () => {
  const samples: Record<(typeof refusalRules)[number], Refusal['params']> = {
    'window.expired': { deadline: '2024-06-02' },
    'exclusion.product': { productId: 'p1' },
    'exclusion.tag': { tag: 'underwear' },
    'exclusion.final_sale': {},
    'quantity.exceeds': { requested: 3, max: 1 },
    'reason.not_allowed': { reason: 'changed_mind' },
    'reason.photos_required': { reason: 'damaged' },
    'resolution.not_offered': { resolution: 'store_credit', reason: 'too_small' },
    'order.not_fulfilled': {},
    'order.cancelled': {},
    'line.not_found': { lineItemId: 'L9' },
    'exchange.unavailable': { variantId: 'V2', available: 0 },
    'exchange.currency': { expected: 'USD', got: 'EUR' },
  };

  it('exist for every rule in every locale, distinct from English', () => {
    for (const rule of refusalRules) {
      const english = refusalMessage({ rule, params: samples[rule] }, 'en');
      for (const locale of templateLocales) {
        const text = refusalMessage({ rule, params: samples[rule] }, locale);
        expect(text, `${rule} ${locale}`).toMatch(/\S/);
        expect(text, `${rule} ${locale}`).not.toMatch(/undefined|NaN|\$\{/);
        if (locale !== 'en') expect(text, `${rule} ${locale}`).not.toBe(english);
      }
    }
  });

  it('write their params as the locale does, and fall back to English', () => {
    const expired: Refusal = { rule: 'window.expired', params: { deadline: '2024-06-02' } };
    expect(refusalMessage(expired, 'en-US')).toContain('June 2, 2024');
    expect(refusalMessage(expired, 'zh-Hans-CN')).toContain('2024年6月2日');
    expect(refusalMessage(expired, 'de-AT')).toContain('2. Juni 2024');
    expect(refusalMessage(expired, 'pt-BR')).toBe(refusalMessage(expired, 'en'));
    expect(refusalMessage({ rule: 'quantity.exceeds', params: { requested: 3, max: 1 } }, 'fr')).toContain('1');
    expect(refusalMessage({ rule: 'quantity.exceeds', params: { max: 0 } }, 'en')).toBe('All units of this item are already being returned or have been refunded.');
    expect(refusalMessage({ rule: 'resolution.not_offered', params: { resolution: 'store_credit' } }, 'es')).toMatch(/^Crédito en tienda/);
  });
});
