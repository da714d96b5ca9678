// Publishing refund rules: the version a draft becomes, the audit diff, which returns a dry run
// decides again, and that a return is decided in the dry run as the decide step decides it.
import { describe, expect, it } from 'vitest';
import type { OrderState } from '../../../shared/ingest/order-state.ts';
import { dryRunRefundRules } from '../../../shared/refunds/dry-run.ts';
import { decideReturnRefund, returnRefundInput } from '../../../shared/refunds/return-decision.ts';
import { inspectedReturns, isInspectedReturn, nextRulesVersion, rulesChange, type RulesVersion } from '../../../shared/refunds/rules-publication.ts';
import { defaultRefundRules, RefundRules } from '../../../shared/refunds/rules.ts';
import type { ReturnCase } from '../../../shared/returns/case.ts';
import { defaultReturnPolicy } from '../../../shared/returns/policy.ts';
import { line, order, rules, usd } from './fixtures.ts';

const supervisor = { sub: 'sup-1', role: 'supervisor' };
const at = new Date('2024-06-01T12:00:00Z');
const usdOrder = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 600)], { shipping: 1000 });

type Line = ReturnCase['lines'][number];
const caseOf = (id: string, lines: Array<Partial<Line>>, createdAt = '2024-05-20T09:00:00Z') =>
  ({
    id,
    shopId: 'acme',
    orderId: 'o1',
    orderNumber: '#1001',
    customer: { id: 'c1', email: 'ada@example.com' },
    status: 'inspected',
    createdAt,
    lines: lines.map((extra) => ({ lineItemId: 'L1', quantity: 1, reason: 'changed_mind', resolution: 'refund', ...extra })),
  }) as unknown as ReturnCase;

describe('nextRulesVersion and rulesChange', () => {
  it('publish the draft as the next version and show only the rules that changed', () => {
    const current: RulesVersion = { version: 0, rules: defaultRefundRules };
    const draft = RefundRules.parse({ ...defaultRefundRules, version: 9, timing: { refundAt: 'label_scan' } });
    const next = nextRulesVersion(current, draft, { at, by: supervisor, reason: 'Refund at label scan' });
    expect(next).toMatchObject({ version: 1, rules: { ...draft, version: 1 }, publishedAt: at.toISOString(), publishedBy: supervisor, reason: 'Refund at label scan' });
    expect(rulesChange(current, next)).toEqual({ before: { version: 0, timing: { refundAt: 'inspection' } }, after: { version: 1, timing: { refundAt: 'label_scan' } } });
  });
});

describe('isInspectedReturn', () => {
  it('takes a return whose refunded lines all have their condition, exchanges aside', () => {
    expect(isInspectedReturn(caseOf('r1', [{ condition: 'as_new' }, { lineItemId: 'L2', resolution: 'exchange' }]))).toBe(true);
    expect(isInspectedReturn(caseOf('r2', [{ condition: 'as_new' }, { lineItemId: 'L2' }]))).toBe(false);
    expect(isInspectedReturn(caseOf('r3', [{}]))).toBe(false);
    expect(isInspectedReturn(caseOf('r4', [{ resolution: 'exchange', condition: 'as_new' }]))).toBe(false);
  });
});

describe('inspectedReturns', () => {
  it('pairs each inspected return with its order, oldest return first, and skips orders not stored yet', () => {
    const stored: OrderState = { shopId: 'acme', orderId: 'o1', order: usdOrder, fulfillments: {}, refunds: {}, version: 2 };
    const bare: OrderState = { shopId: 'acme', orderId: 'o2', fulfillments: {}, refunds: {}, version: 1 };
    const later = caseOf('r-later', [{ condition: 'used' }], '2024-05-25T09:00:00Z');
    const earlier = caseOf('r-earlier', [{ condition: 'as_new' }]);
    const cases = new Map([['o1', [later, caseOf('r-open', [{}]), earlier]], ['o2', [caseOf('r-o2', [{ condition: 'as_new' }])]]]);
    const found = inspectedReturns([stored, bare], (orderId) => cases.get(orderId) ?? []);
    expect(found.map(({ returnCase }) => returnCase.id)).toEqual(['r-earlier', 'r-later']);
    expect(found[0]!.order).toEqual({ ...usdOrder, fulfillments: [], refunds: [] });
  });
});

describe('returnRefundInput', () => {
  const inputs = { order: usdOrder, history: { orders: 4, returns: 0 }, rules: rules(), returnPolicy: defaultReturnPolicy, now: at };

  it('is what the decide step decides on, and a lower auto-approval limit sends it to a person', () => {
    const returnCase = caseOf('r1', [{ condition: 'as_new' }]);
    const input = returnRefundInput({ returnCase, ...inputs })!;
    expect(input).toMatchObject({ decisionId: 'dec_r1', now: at.toISOString(), claim: { kind: 'return_inspection', returnId: 'r1' }, history: { orders: 4, returns: 0, claimDates: [] } });
    expect(decideReturnRefund({ returnCase, ...inputs, eventId: 'e1' })!.record.decision.kind).toBe('full_refund');

    const draft = RefundRules.parse({ ...inputs.rules, version: 4, approval: { ...inputs.rules.approval, autoApproveUpTo: [usd(100)] } });
    const result = dryRunRefundRules({ current: inputs.rules, draft, claims: [input] });
    expect(result.changes).toMatchObject([{ decisionId: 'dec_r1', before: { kind: 'full_refund' }, after: { kind: 'manual_review', proposedKind: 'full_refund' } }]);
  });

  it('has nothing to decide when every line is exchanged', () => {
    expect(returnRefundInput({ returnCase: caseOf('r2', [{ resolution: 'exchange', condition: 'as_new' }]), ...inputs })).toBeUndefined();
  });
});
