import { describe, expect, it } from 'vitest';
import { ReturnPolicy, defaultReturnPolicy, type ReturnPolicyInput } from '../../../shared/returns/policy.ts';

const base: ReturnPolicyInput = {
  version: 1,
  windowDays: 30,
  reasons: [{ code: 'damaged', resolutions: ['refund'], shippingPaidBy: 'merchant' }],
};

function issues(input: ReturnPolicyInput): string[] {
  const result = ReturnPolicy.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('ReturnPolicy', () => {
  it('applies defaults: window from delivery, 5 fallback days, final-sale tag', () => {
    const policy = ReturnPolicy.parse(base);
    expect(policy.windowStartsAt).toBe('delivery');
    expect(policy.fulfillmentFallbackDays).toBe(5);
    expect(policy.holidayExtensions).toEqual([]);
    expect(policy.exclusions).toEqual({ productIds: [], variantIds: [], tags: [], finalSale: true, finalSaleTags: ['final-sale'] });
    expect(policy.reasons[0]?.photosRequired).toBe(false);
  });

  it('the default policy is valid: 30 days, every reason once', () => {
    expect(ReturnPolicy.safeParse(defaultReturnPolicy).success).toBe(true);
    expect(defaultReturnPolicy.windowDays).toBe(30);
    expect(new Set(defaultReturnPolicy.reasons.map((r) => r.code)).size).toBe(10);
  });

  it('refuses a reason listed twice', () => {
    expect(issues({ ...base, reasons: [...base.reasons, { code: 'damaged', resolutions: ['exchange'], shippingPaidBy: 'customer' }] })).toEqual(['reasons.1.code: reason damaged is listed twice']);
  });

  it('refuses a reason without resolutions, or with one twice', () => {
    expect(issues({ ...base, reasons: [{ code: 'damaged', resolutions: [], shippingPaidBy: 'merchant' }] })).toEqual(['reasons.0.resolutions: offer at least one resolution']);
    expect(issues({ ...base, reasons: [{ code: 'damaged', resolutions: ['refund', 'refund'], shippingPaidBy: 'merchant' }] })).toEqual(['reasons.0.resolutions: resolutions must be unique']);
  });

  it('refuses keep without a keepItBelow threshold, and a currency listed twice', () => {
    const keep: ReturnPolicyInput = { ...base, reasons: [{ code: 'damaged', resolutions: ['keep'], shippingPaidBy: 'merchant' }] };
    expect(issues(keep)).toEqual(['reasons.0.resolutions: keep needs a keepItBelow threshold']);
    expect(issues({ ...keep, keepItBelow: [{ amount: 1000, currency: 'USD' }] })).toEqual([]);
    expect(issues({ ...keep, keepItBelow: [{ amount: 1000, currency: 'USD' }, { amount: 900, currency: 'USD' }] })).toEqual(['keepItBelow.1.currency: USD is listed twice']);
  });

  it('refuses holiday ranges that end before they start or extend to before their end', () => {
    expect(issues({ ...base, holidayExtensions: [{ from: '2024-12-31', to: '2024-11-15', extendUntil: '2025-01-31' }] })).toEqual(['holidayExtensions.0.to: must not be before from']);
    expect(issues({ ...base, holidayExtensions: [{ from: '2024-11-15', to: '2024-12-31', extendUntil: '2024-12-01' }] })).toEqual(['holidayExtensions.0.extendUntil: must not be before to']);
    expect(issues({ ...base, holidayExtensions: [{ from: '2024-11-15', to: '2024-12-31', extendUntil: '2025-01-31' }] })).toEqual([]);
    expect(issues({ ...base, holidayExtensions: [{ from: '2024-11-15', to: '2024-13-01', extendUntil: '2025-01-31' }] })).toHaveLength(1);
  });

  it('bounds versions, windows and percentages', () => {
    expect(issues({ ...base, version: 0 })).toHaveLength(1);
    expect(issues({ ...base, windowDays: -1 })).toHaveLength(1);
    expect(issues({ ...base, storeCreditBonusPercent: 120 })).toHaveLength(1);
    expect(issues({ ...base, reasons: [{ code: 'damaged', resolutions: ['refund'], shippingPaidBy: 'merchant', restockingFeePercent: 101 }] })).toHaveLength(1);
    expect(issues({ ...base, reasons: [{ code: 'lost' as never, resolutions: ['refund'], shippingPaidBy: 'merchant' }] })).toHaveLength(1);
  });
});
