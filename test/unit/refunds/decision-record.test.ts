import { describe, expect, it } from 'vitest';
import { completeStep, newDecisionRecord, reviewDecision, type Reviewer } from '../../../shared/refunds/decision-record.ts';
import { decideRefund } from '../../../shared/refunds/engine.ts';
import { input, line, order, returnClaim, rules } from './fixtures.ts';

const now = new Date('2024-06-01T12:00:00Z');
const customer = { id: 'c1', email: 'ada@example.com', locale: 'en' };
const agent: Reviewer = { sub: 'agent-1', role: 'agent' };
const supervisor: Reviewer = { sub: 'sup-1', role: 'supervisor' };
const recordOf = (unitPrice: number, extra = {}) => newDecisionRecord(decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'as_new']]), order([line('L1', 1, unitPrice)]), extra)), { shopId: 'acme', customer, now });

describe('decision records', () => {
  it('run at once when the engine approves, and wait for a person otherwise', () => {
    expect(recordOf(5000).status).toBe('approved');
    expect(recordOf(5000).outcome).toMatchObject({ kind: 'full_refund', amount: { currency: 'USD' } });
    expect(recordOf(80_000).status).toBe('awaiting_review');
    expect(recordOf(80_000).outcome).toBeUndefined();
    // Above the supervisor threshold only a supervisor may approve.
    const large = recordOf(300_000);
    expect(large.status).toBe('awaiting_supervisor');
    expect(reviewDecision(large, agent, { action: 'approve', reason: 'ok' }, now)).toMatchObject({ ok: false, status: 403 });
    expect(reviewDecision(large, supervisor, { action: 'approve', reason: 'ok' }, now)).toMatchObject({ ok: true, next: { status: 'approved' } });
  });

  it('need a reason and the right role to be reviewed, and a review applies once', () => {
    const waiting = recordOf(80_000);
    expect(reviewDecision(waiting, agent, { action: 'approve', reason: ' ' }, now)).toMatchObject({ ok: false, status: 400 });
    expect(reviewDecision(waiting, agent, { action: 'override', kind: 'store_credit', reason: 'asked for credit' }, now)).toMatchObject({ ok: false, status: 403 });
    const approved = reviewDecision(waiting, agent, { action: 'approve', reason: 'photos checked' }, now);
    if (!approved.ok) throw new Error(approved.message);
    expect(approved.next).toMatchObject({ status: 'approved', version: 1, outcome: { kind: waiting.decision.proposedKind } });
    expect(approved.next.history.at(-1)).toMatchObject({ action: 'approve', from: 'awaiting_review', to: 'approved', by: agent, reason: 'photos checked' });
    expect(reviewDecision(approved.next, supervisor, { action: 'deny', reason: 'changed my mind' }, now)).toMatchObject({ ok: false, status: 409 });
  });

  it('let a supervisor override the amount, never beyond what can still be refunded', () => {
    const waiting = recordOf(80_000);
    const { remainingBefore } = waiting.decision;
    expect(reviewDecision(waiting, supervisor, { action: 'override', kind: 'partial_refund', amount: { ...remainingBefore, amount: remainingBefore.amount + 1 }, reason: 'goodwill' }, now)).toMatchObject({ ok: false, status: 400 });
    const partial = reviewDecision(waiting, supervisor, { action: 'override', kind: 'partial_refund', amount: { ...remainingBefore, amount: 1000 }, reason: 'worn' }, now);
    expect(partial).toMatchObject({ ok: true, next: { status: 'approved', outcome: { kind: 'partial_refund', amount: { amount: 1000 } } } });
  });

  it('complete when every saga step is done', () => {
    let record = recordOf(5000, { rules: rules() });
    for (const step of ['money', 'notify'] as const) record = completeStep(record, step, {}, now);
    expect(record.status).toBe('approved');
    record = completeStep(record, 'resolve', {}, now);
    expect(record).toMatchObject({ status: 'completed', version: 3 });
  });
});
