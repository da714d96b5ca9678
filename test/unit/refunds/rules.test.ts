import { describe, expect, it } from 'vitest';
import { claimFromReturnCase } from '../../../shared/refunds/claim.ts';
import { defaultRefundRules, normalizeEmail, normalizePostalCode, RefundRules, type RefundRulesInput } from '../../../shared/refunds/rules.ts';
import { usd } from './fixtures.ts';

const minimal: RefundRulesInput = { version: 1, approval: { autoApproveUpTo: [usd(10000)], supervisorAbove: [usd(50000)] } };
const issues = (input: unknown) => {
  const result = RefundRules.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('RefundRules', () => {
  it('fills in defaults: refund after inspection, 30 % off for damage, reship first', () => {
    const rules = RefundRules.parse(minimal);
    expect(rules).toMatchObject({
      timing: { refundAt: 'inspection' },
      deductions: { damagedPercent: 30, usedPercent: 0, missingPartsPercent: 20 },
      risk: { maxReturnRatePercent: 50, minOrdersForReturnRate: 3, maxRecentClaims: 2, recentClaimsDays: 90, blocklist: { emails: [], addresses: [] } },
      options: { offerChoice: true, ranking: ['reship', 'store_credit', 'keep_it', 'refund'] },
      storeCredit: { enabled: true },
      shipping: { refundWhenMerchantFault: true },
    });
    expect(rules.restockingFeePercent).toBeUndefined(); // the return policy's fees apply
  });

  it('ships a valid default rule set with thresholds in zero- and three-decimal currencies', () => {
    expect(RefundRules.parse(defaultRefundRules)).toEqual(defaultRefundRules);
    expect(defaultRefundRules.approval.autoApproveUpTo.map((limit) => limit.currency)).toEqual(expect.arrayContaining(['USD', 'EUR', 'JPY', 'KWD']));
  });

  it('refuses a currency listed twice, a supervisor limit below the auto-approve one, a resolution ranked twice', () => {
    expect(issues({ ...minimal, approval: { autoApproveUpTo: [usd(1), usd(2)], supervisorAbove: [] } })).toEqual(['approval.autoApproveUpTo.1.currency: USD is listed twice']);
    expect(issues({ ...minimal, approval: { autoApproveUpTo: [usd(10000)], supervisorAbove: [usd(5000)] } })).toEqual(['approval.supervisorAbove.0.amount: below the auto-approve limit in USD']);
    expect(issues({ ...minimal, options: { ranking: ['refund', 'refund'] } })).toEqual(['options.ranking: resolutions must be unique']);
    expect(issues({ ...minimal, deductions: { damagedPercent: 120 } })).toHaveLength(1);
    expect(issues({ ...minimal, timing: { refundAt: 'whenever' } })).toHaveLength(1);
    expect(issues({ ...minimal, restockingFeePercent: { not_a_reason: 10 } })).toHaveLength(1);
  });
});

describe('normalisation of blocklist entries', () => {
  it('compares emails without case or +tags, postcodes without case, spaces or dashes', () => {
    expect(normalizeEmail(' Ada+Shop@Example.COM ')).toBe('ada@example.com');
    expect(normalizePostalCode('sw1a 1aa')).toBe(normalizePostalCode('SW1A-1AA'));
  });
});

describe('claimFromReturnCase', () => {
  const caseLine = { reason: 'too_small' as const, quantity: 1 };
  it('takes the lines that are not exchanges, with their condition and the resolution asked for', () => {
    const claim = claimFromReturnCase({
      id: 'ret-9',
      lines: [
        { ...caseLine, lineItemId: 'A', resolution: 'refund', condition: 'used' },
        { ...caseLine, lineItemId: 'B', resolution: 'exchange', exchangeVariantId: 'v2' },
        { ...caseLine, lineItemId: 'C', resolution: 'keep' },
      ],
    });
    expect(claim).toEqual({
      kind: 'return_inspection',
      returnId: 'ret-9',
      lines: [
        { lineId: 'A', quantity: 1, reason: 'too_small', condition: 'used', missingParts: false, requested: 'refund' },
        { lineId: 'C', quantity: 1, reason: 'too_small', missingParts: false, requested: 'keep' },
      ],
    });
    expect(claimFromReturnCase({ id: 'ret-9', lines: [{ ...caseLine, lineItemId: 'B', resolution: 'exchange' }] })).toBeUndefined();
  });
});
