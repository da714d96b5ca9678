// Risk signals, approval limits and the cap at what remains refundable.
import { describe, expect, it } from 'vitest';
import type { Decision, RuleOutcome } from '../../../shared/refunds/decision.ts';
import { decideRefund } from '../../../shared/refunds/engine.ts';
import { defaultRefundRules } from '../../../shared/refunds/rules.ts';
import { history, input, line, order, returnClaim, rules, usd } from './fixtures.ts';

// L1: 2 × 55.00 tax included; L2: 30.00; shipping 10.00. Paid 150.00.
const theOrder = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 3000)], { shipping: 1000 });
const claim = returnClaim([['L1', 1, 'too_small', 'as_new']]);
const reason = (decision: Decision, rule: RuleOutcome['rule']) => decision.reasons.find((outcome) => outcome.rule === rule);
const days = (n: number) => new Date(Date.parse('2024-06-01T12:00:00Z') - n * 86_400_000).toISOString();

describe('decideRefund: risk signals', () => {
  it('sends a high return rate to a person with the proposal intact, never denies for it', () => {
    const decision = decideRefund(input(claim, theOrder, { history: history({ orders: 10, returns: 6 }) }));
    expect(decision).toMatchObject({ kind: 'manual_review', proposedKind: 'full_refund', amount: usd(5500), needsSupervisor: false });
    expect(decision.options.map((option) => option.kind)).toEqual(['full_refund', 'store_credit']);
    expect(reason(decision, 'risk_return_rate')).toMatchObject({ fired: true, inputs: { orders: 10, returns: 6, ratePercent: 60, maxPercent: 50 } });
  });

  it('does not judge a return rate on too few orders, nor hold it against a trusted tier', () => {
    expect(reason(decideRefund(input(claim, theOrder, { history: history({ orders: 2, returns: 2 }) })), 'risk_return_rate')).toMatchObject({ fired: false, detail: 'Too few orders (2) for a return rate to mean anything' });
    const trusted = decideRefund(input(claim, theOrder, { history: history({ orders: 10, returns: 9, tier: 'gold' }), rules: rules({ risk: { trustedTiers: ['gold'] } }) }));
    expect(trusted.kind).toBe('full_refund');
    expect(reason(trusted, 'risk_return_rate')).toMatchObject({ fired: false, inputs: { trusted: true } });
  });

  it('counts earlier claims within the rules’ window only', () => {
    const many = history({ orders: 10, returns: 1, claimDates: [days(5), days(40), days(89), days(200)] });
    const decision = decideRefund(input(claim, theOrder, { history: many }));
    expect(decision.kind).toBe('manual_review');
    expect(reason(decision, 'risk_recent_claims')).toMatchObject({ fired: true, inputs: { recentClaims: 3, days: 90, max: 2 } });
    const shorter = decideRefund(input(claim, theOrder, { history: many, rules: rules({ risk: { recentClaimsDays: 30 } }) }));
    expect(reason(shorter, 'risk_recent_claims')).toMatchObject({ fired: false, inputs: { recentClaims: 1 } });
  });

  it('matches blocklisted emails and addresses after normalising them', () => {
    const blockedEmail = rules({ risk: { blocklist: { emails: ['ADA+refunds@Example.com'] } } });
    const byEmail = decideRefund(input(claim, theOrder, { rules: blockedEmail }));
    expect(byEmail).toMatchObject({ kind: 'manual_review', proposedKind: 'full_refund' });
    expect(reason(byEmail, 'risk_blocklisted_email')?.fired).toBe(true);

    const blockedAddress = rules({ risk: { blocklist: { addresses: [{ postalCode: 'ec1a-1bb', countryCode: 'GB' }] } } });
    const byAddress = decideRefund(input(claim, theOrder, { rules: blockedAddress }));
    expect(reason(byAddress, 'risk_blocklisted_address')).toMatchObject({ fired: true, inputs: { address: 'EC1A1BB GB' } });
    const elsewhere = decideRefund(input(claim, order([line('L1', 2, 5000, { tax: 1000 })], { countryCode: 'FR' }), { rules: blockedAddress }));
    expect(reason(elsewhere, 'risk_blocklisted_address')?.fired).toBe(false);
    expect(elsewhere.kind).toBe('full_refund');
  });
});

describe('decideRefund: approval limits', () => {
  const big = order([line('TV', 1, 150000), line('CABLE', 1, 1000)], { shipping: 0 });
  const bigClaim = returnClaim([['TV', 1, 'too_small', 'as_new']]);

  it('has a person approve above the auto-approve limit, a supervisor above the supervisor limit', () => {
    const reviewed = decideRefund(input(bigClaim, big, { rules: rules({ approval: { autoApproveUpTo: [usd(100000)], supervisorAbove: [usd(200000)] } }) }));
    expect(reviewed).toMatchObject({ kind: 'manual_review', proposedKind: 'full_refund', amount: usd(150000), needsSupervisor: false });
    expect(reason(reviewed, 'auto_approve')).toMatchObject({ fired: false, inputs: { amount: usd(150000), limit: usd(100000) } });

    const supervised = decideRefund(input(bigClaim, big, { rules: rules({ approval: { autoApproveUpTo: [usd(50000)], supervisorAbove: [usd(120000)] } }) }));
    expect(supervised).toMatchObject({ kind: 'manual_review', needsSupervisor: true });
    expect(reason(supervised, 'supervisor_approval')).toMatchObject({ fired: true, inputs: { above: usd(120000) } });

    const automatic = decideRefund(input(bigClaim, big, { rules: rules({ approval: { autoApproveUpTo: [usd(150000)], supervisorAbove: [usd(300000)] } }) }));
    expect(automatic.kind).toBe('full_refund');
    expect(reason(automatic, 'supervisor_approval')?.fired).toBe(false);
  });

  it('weighs the largest option the customer may pick, the store credit bonus aside', () => {
    // Refund 1275.00 after a 15 % fee, credit 1500.00 + bonus: the credit is what is at stake.
    const limits = (limit: number) => rules({ restockingFeePercent: { changed_mind: 15 }, approval: { autoApproveUpTo: [usd(limit)], supervisorAbove: [usd(limit * 2)] } });
    const feeClaim = returnClaim([['TV', 1, 'changed_mind', 'as_new']]);
    expect(decideRefund(input(feeClaim, big, { rules: limits(140000) })).kind).toBe('manual_review');
    expect(decideRefund(input(feeClaim, big, { rules: limits(150000) })).kind).toBe('partial_refund');
  });

  it('has a person approve everything in a currency without a limit', () => {
    const euros = order([line('E', 1, 1000, { currency: 'EUR' })], { currency: 'EUR' });
    const decision = decideRefund(input(returnClaim([['E', 1, 'too_small', 'as_new']]), euros));
    expect(decision).toMatchObject({ kind: 'manual_review', proposedKind: 'full_refund', needsSupervisor: false });
    expect(reason(decision, 'auto_approve')?.detail).toBe('No auto-approve limit in EUR: a person approves');
  });

  it('accepts the shipped default rules', () => {
    const decision = decideRefund(input(claim, theOrder, { rules: defaultRefundRules }));
    expect(decision.kind).toBe('full_refund');
  });
});

describe('decideRefund: never more than what remains refundable', () => {
  it('caps at paid − refunded − credited, and says so', () => {
    const ledger = { paid: usd(15000), refunded: usd(9000), credited: usd(3000) };
    const decision = decideRefund(input(claim, theOrder, { ledger }));
    expect(decision).toMatchObject({ kind: 'partial_refund', amount: usd(3000), remainingBefore: usd(3000), deductions: [{ code: 'refundable_cap', amount: usd(2500) }] });
    expect(decision.lines[0]).toMatchObject({ value: usd(5500), amount: usd(3000), deductions: [{ code: 'refundable_cap', amount: usd(2500) }] });
    expect(decision.options.find((option) => option.kind === 'store_credit')).toMatchObject({ fromPaid: usd(3000), bonus: usd(300), amount: usd(3300) });
    expect(reason(decision, 'refundable_cap')).toMatchObject({ fired: true, inputs: { paid: usd(15000), refunded: usd(9000), credited: usd(3000), remaining: usd(3000), requested: usd(5500) } });
  });

  it('spreads the cut over the lines so they still add up to the amount', () => {
    const both = returnClaim([['L1', 2, 'damaged', 'damaged'], ['L2', 1, 'damaged', 'damaged']]);
    const decision = decideRefund(input(both, theOrder, { ledger: { paid: usd(15000), refunded: usd(5001), credited: usd(0) } }));
    expect(decision.amount).toEqual(usd(9999));
    expect(decision.lines.reduce((sum, item) => sum + item.amount.amount, 0)).toBe(9999);
  });

  it('sends a claim to a person when nothing remains, a replacement still possible', () => {
    const ledger = { paid: usd(15000), refunded: usd(15000), credited: usd(0) };
    const decision = decideRefund(input(claim, theOrder, { ledger }));
    expect(decision).toMatchObject({ kind: 'manual_review', options: [], lines: [] });
    expect(reason(decision, 'refundable_cap')?.fired).toBe(true);
    expect(decideRefund(input({ kind: 'not_delivered' }, theOrder, { ledger })).kind).toBe('reship');
  });

  it('refunds nothing on an order whose payment was never captured', () => {
    const unpaid = order([line('L1', 2, 5000, { tax: 1000 })], { financialStatus: 'authorized' });
    expect(decideRefund(input(claim, unpaid))).toMatchObject({ kind: 'manual_review', remainingBefore: usd(0) });
  });
});
