import { describe, expect, it } from 'vitest';
import { RefundDecided } from '../../../shared/events/refunds.ts';
import { refundDecidedDetail, type RefundDecidedContext } from '../../../shared/refunds/decided-event.ts';
import { decideRefund } from '../../../shared/refunds/engine.ts';
import { input, line, order, returnClaim, rules, usd } from './fixtures.ts';

const theOrder = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 600)], { shipping: 1000 });
const context: RefundDecidedContext = {
  shopId: 'acme',
  occurredAt: '2024-06-01T12:00:00Z',
  customer: { id: 'c1', email: 'ada@example.com', locale: 'en' },
  trigger: 'return',
};
const issues = (detail: unknown) => {
  const result = RefundDecided.detail.safeParse(detail);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('refundDecidedDetail', () => {
  it('publishes a refund with its id, amount, accepted lines and the rules that fired', () => {
    const decision = decideRefund(input(returnClaim([['L1', 1, 'too_small', 'wrong_item'], ['L2', 1, 'too_small', 'as_new']]), theOrder));
    const detail = refundDecidedDetail(decision, { ...context, refundId: 'rf-1', correlationId: 'corr-1' });
    expect(issues(detail)).toEqual([]);
    expect(detail).toMatchObject({
      version: 1,
      decisionId: 'dec-1',
      refundId: 'rf-1',
      orderId: 'o1',
      returnId: 'ret-1',
      kind: 'partial_refund',
      amount: usd(600),
      lines: [{ lineId: 'L2', quantity: 1 }],
      policyVersion: '3',
      decidedBy: { kind: 'system' },
      correlationId: 'corr-1',
    });
    expect(detail.reasons.map((reason) => reason.code)).toEqual(['inspection_failed', 'store_credit', 'customer_choice', 'auto_approve']);
  });

  it('needs a refund id for keep-it (money goes back) but not for a reship', () => {
    const keep = decideRefund(input({ kind: 'damaged_in_transit', lines: [{ lineId: 'L2', quantity: 1 }] }, theOrder, { rules: rules({ options: { ranking: ['keep_it'] } }) }));
    expect(keep.kind).toBe('keep_it');
    expect(() => refundDecidedDetail(keep, context)).toThrow(/keep_it decision needs a refundId/);
    expect(issues(refundDecidedDetail(keep, { ...context, refundId: 'rf-2' }))).toEqual([]);
    // The event itself refuses a keep-it without money.
    expect(issues({ ...refundDecidedDetail(keep, { ...context, refundId: 'rf-2' }), amount: undefined })).toEqual(['amount']);

    const reship = decideRefund(input({ kind: 'not_delivered', caseId: 'case-7' }, theOrder));
    const detail = refundDecidedDetail(reship, { ...context, trigger: 'case', refundId: 'ignored' });
    expect(issues(detail)).toEqual([]);
    expect(detail).toMatchObject({ kind: 'reship', caseId: 'case-7' });
    expect(detail.refundId).toBeUndefined();
    expect(detail.amount).toBeUndefined();
  });

  it('publishes reviews and denials with who decided', () => {
    const review = decideRefund(input(returnClaim([['L1', 1, 'too_small', 'as_new']]), theOrder, { history: { orders: 10, returns: 9, claimDates: [] } }));
    const reviewed = refundDecidedDetail(review, { ...context, decidedBy: { kind: 'staff', id: 'agent-1' } });
    expect(issues(reviewed)).toEqual([]);
    expect(reviewed).toMatchObject({ kind: 'manual_review', amount: usd(5500), decidedBy: { kind: 'staff', id: 'agent-1' } });
    expect(reviewed.reasons.map((reason) => reason.code)).toContain('risk_return_rate');

    const deny = decideRefund(input(returnClaim([['L1', 1, 'too_small', 'missing']]), theOrder));
    const denied = refundDecidedDetail(deny, context);
    expect(issues(denied)).toEqual([]);
    expect(denied).toMatchObject({ kind: 'deny', reasons: expect.arrayContaining([expect.objectContaining({ code: 'all_lines_failed' })]) });
    expect(denied.lines).toBeUndefined();
  });
});
