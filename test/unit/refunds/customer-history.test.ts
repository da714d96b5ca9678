// The customer's history before a claim, from their claims index and order count; and the index
// item a creating transaction writes.
import { describe, expect, it } from 'vitest';
import { customerClaimPut, customerClaimsKey } from '../../../shared/adapters/customer-history.ts';
import { CustomerHistory } from '../../../shared/refunds/claim.ts';
import { historyBefore, maxClaimDates, type CustomerClaim } from '../../../shared/refunds/customer-history.ts';
import { decideRefund } from '../../../shared/refunds/engine.ts';
import { input, line, order, returnClaim } from './fixtures.ts';

const day = (n: number) => new Date(Date.UTC(2024, 5, 1) + n * 86_400_000).toISOString();
const claim = (kind: CustomerClaim['kind'], id: string, orderId: string, createdAt: string): CustomerClaim => ({ kind, id, orderId, createdAt });

describe('historyBefore', () => {
  const claims = [claim('return', 'r1', 'o1', day(0)), claim('parcel_claim', 'dec_p1', 'o2', day(3)), claim('return', 'r2', 'o2', day(5)), claim('return', 'r3', 'o3', day(9))];

  it('counts earlier returns and dates every earlier claim, leaving out the claim decided', () => {
    expect(historyBefore(claims, { id: 'r3', orderId: 'o3', createdAt: day(9) }, { orderCount: 6 })).toEqual({ orders: 5, returns: 2, claimDates: [day(0), day(3), day(5)] });
  });

  it('leaves out what the customer claimed after the claim decided (a dry run decides old claims again)', () => {
    expect(historyBefore(claims, { id: 'r2', orderId: 'o2', createdAt: day(5) }, { orderCount: 6 })).toEqual({ orders: 5, returns: 1, claimDates: [day(0), day(3)] });
  });

  it('counts everything else for a claim not stored yet', () => {
    expect(historyBefore(claims, { id: 'dec_new', orderId: 'o4' }, { orderCount: 6 })).toMatchObject({ returns: 3, claimDates: [day(0), day(3), day(5), day(9)] });
  });

  it('counts the orders seen in the claims when the customer has no record, or a smaller count; never this order', () => {
    expect(historyBefore(claims, { id: 'r3', orderId: 'o3', createdAt: day(9) }).orders).toBe(2);
    expect(historyBefore(claims, { id: 'dec_new', orderId: 'o9' }, { orderCount: 1 }).orders).toBe(3);
    expect(historyBefore([], { id: 'r1', orderId: 'o1' })).toEqual({ orders: 0, returns: 0, claimDates: [] });
  });

  it('keeps the tier, and only the latest claim dates the history holds', () => {
    const many = Array.from({ length: maxClaimDates + 5 }, (_, n) => claim('return', `r${n}`, 'o1', new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString()));
    const history = historyBefore(many, { id: 'new', orderId: 'o1' }, { orderCount: 3, tier: 'gold' });
    expect(history.tier).toBe('gold');
    expect(history.returns).toBe(maxClaimDates + 5);
    expect(history.claimDates).toHaveLength(maxClaimDates);
    expect(history.claimDates[0]).toBe(many[5]!.createdAt);
    expect(CustomerHistory.safeParse(history).success).toBe(true);
  });

  it('makes the engine send a customer with many recent claims to a person', () => {
    const now = day(10);
    const history = historyBefore(claims, { id: 'r4', orderId: 'o5', createdAt: now }, { orderCount: 10 });
    const decision = decideRefund(input(returnClaim([['L1', 1, 'too_small', 'as_new']]), order([line('L1', 1, 5000)]), { history, now }));
    expect(decision.reasons.find((reason) => reason.rule === 'risk_recent_claims')).toMatchObject({ fired: true, inputs: { recentClaims: 4 } });
    expect(decision.kind).toBe('manual_review');
  });
});

describe('customerClaimPut', () => {
  it('indexes the claim under its customer, newest last, the same item for the same claim', () => {
    const put = customerClaimPut('state', 'acme', 'c1', claim('return', 'r1', 'o1', day(0)));
    expect(put).toEqual({ Put: { TableName: 'state', Item: { pk: customerClaimsKey('acme', 'c1'), sk: `${day(0)}#r1`, shopId: 'acme', customerId: 'c1', kind: 'return', id: 'r1', orderId: 'o1', createdAt: day(0) } } });
    expect(customerClaimsKey('acme', 'c1')).toBe('CUSTOMERCLAIMS#acme#c1');
    expect(customerClaimPut('state', 'acme', 'c1', claim('return', 'r1', 'o1', day(0)))).toEqual(put);
  });
});
