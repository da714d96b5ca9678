import { describe, expect, it } from 'vitest';
import { dryRunRefundRules } from '../../../shared/refunds/dry-run.ts';
import { RefundRules } from '../../../shared/refunds/rules.ts';
import { amountIn, input, line, order, returnClaim, rules, usd } from './fixtures.ts';

const usdOrder = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 600)], { shipping: 1000 });
const yenOrder = order([line('J', 1, 20000, { currency: 'JPY' })], { currency: 'JPY' });
const { rules: _, ...changedMind } = input(returnClaim([['L1', 1, 'changed_mind', 'as_new']]), usdOrder);
const { rules: __, ...lost } = input({ kind: 'not_delivered' }, usdOrder, { decisionId: 'dec-2' });
const { rules: ___, ...yen } = input(returnClaim([['J', 1, 'changed_mind', 'as_new']]), yenOrder, { decisionId: 'dec-3' });
const claims = [changedMind, lost, yen];
const current = rules();

describe('dryRunRefundRules', () => {
  it('reports nothing when the draft decides like the current rules', () => {
    const result = dryRunRefundRules({ current, draft: RefundRules.parse({ ...current, version: 4 }), claims });
    expect(result).toEqual({ currentVersion: 3, draftVersion: 4, changes: [], totals: { claims: 3, changed: 0, becomeManualReview: 0, leaveManualReview: 0, amountDelta: [] } });
  });

  it('lists the decisions a draft changes, with what changed and the money per currency', () => {
    const draft = RefundRules.parse({
      ...current,
      version: 4,
      restockingFeePercent: { changed_mind: 20 },
      approval: { ...current.approval, autoApproveUpTo: [usd(50000), amountIn('JPY')(10000), amountIn('KWD')(200000)] },
    });
    const result = dryRunRefundRules({ current, draft, claims });
    expect(result.changes.map((change) => [change.decisionId, change.changed])).toEqual([
      ['dec-1', ['kind', 'amount', 'options']],
      ['dec-3', ['kind', 'amount', 'options']],
    ]);
    expect(result.changes[0]).toMatchObject({
      orderId: 'o1',
      claimKind: 'return_inspection',
      before: { kind: 'full_refund', amount: usd(5500), options: ['full_refund', 'store_credit'] },
      after: { kind: 'partial_refund', amount: usd(4400), options: ['partial_refund', 'store_credit'], fired: expect.arrayContaining(['restocking_fee']) },
    });
    expect(result.changes[1]).toMatchObject({ before: { kind: 'full_refund' }, after: { kind: 'manual_review', proposedKind: 'partial_refund', amount: amountIn('JPY')(16000) } });
    expect(result.totals).toEqual({ claims: 3, changed: 2, becomeManualReview: 1, leaveManualReview: 0, amountDelta: [amountIn('JPY')(-4000), usd(-1100)] });
  });

  it('sees options and timing change', () => {
    const draft = RefundRules.parse({ ...current, version: 5, reship: { claims: [] }, timing: { refundAt: 'label_scan' } });
    const { rules: ____, ...early } = input(returnClaim([['L2', 1, 'too_small']]), usdOrder, { decisionId: 'dec-4' });
    const result = dryRunRefundRules({ current, draft, claims: [...claims, early] });
    expect(result.changes.map((change) => [change.decisionId, change.changed])).toEqual([
      ['dec-2', ['kind', 'amount', 'options']],
      ['dec-4', ['timing']],
    ]);
    expect(result.changes[0]).toMatchObject({ before: { kind: 'reship' }, after: { kind: 'store_credit' } });
  });
});
