// Returns: the item came back (or, for a returnless line, did not need to) and was inspected.
import { describe, expect, it } from 'vitest';
import { Decision, RuleCode, type RuleOutcome } from '../../../shared/refunds/decision.ts';
import { decideRefund, selectOption } from '../../../shared/refunds/engine.ts';
import { ReturnPolicy } from '../../../shared/returns/policy.ts';
import { history, input, line, order, returnClaim, rules, usd } from './fixtures.ts';

// L1: 2 × 50.00 + 5.00 tax each (55.00 a unit); L2: 30.00; shipping 10.00 (L1's share 7.86, 3.93 a unit).
const theOrder = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 3000)], { shipping: 1000 });
const reason = (decision: Decision, rule: RuleOutcome['rule']) => decision.reasons.find((outcome) => outcome.rule === rule);
const fired = (decision: Decision) => decision.reasons.filter((outcome) => outcome.fired).map((outcome) => outcome.rule);

describe('decideRefund: returns', () => {
  it('refunds in full what came back as new, offers store credit with a bonus, explains every rule', () => {
    const decision = decideRefund(input(returnClaim([['L1', 1, 'too_small', 'as_new']]), theOrder));
    expect(Decision.parse(decision)).toEqual(decision);
    expect(decision).toMatchObject({
      decisionId: 'dec-1',
      orderId: 'o1',
      claim: { kind: 'return_inspection', returnId: 'ret-1' },
      kind: 'full_refund',
      amount: usd(5500),
      fromPaid: usd(5500),
      claimed: usd(5500),
      remainingBefore: usd(15000),
      deductions: [],
      requiresItemBack: false,
      needsSupervisor: false,
      rulesVersion: 3,
      timing: { refundAt: 'now' },
      lines: [{ lineId: 'L1', quantity: 1, reason: 'too_small', condition: 'as_new', accepted: true, value: usd(5500), tax: usd(500), shipping: usd(0), deductions: [], amount: usd(5500) }],
    });
    expect(decision.options.map(({ kind, rank, recommended, amount, bonus }) => ({ kind, rank, recommended, amount, bonus }))).toEqual([
      { kind: 'full_refund', rank: 1, recommended: true, amount: usd(5500), bonus: undefined },
      { kind: 'store_credit', rank: 2, recommended: false, amount: usd(6050), bonus: usd(550) },
    ]);
    expect(decision.reasons.map((outcome) => outcome.rule)).toEqual(RuleCode.options);
    expect(fired(decision)).toEqual(['store_credit', 'customer_choice', 'auto_approve']);
    expect(reason(decision, 'shipping_refund')).toMatchObject({ fired: false, inputs: { amount: usd(0), shippingCharged: usd(1000) } });
  });

  it('takes a restocking fee from a refund, not from store credit: the rules first, else the return policy', () => {
    const own = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'as_new']]), theOrder, { rules: rules({ restockingFeePercent: { changed_mind: 15 } }) }));
    expect(own).toMatchObject({ kind: 'partial_refund', amount: usd(4675), deductions: [{ code: 'restocking_fee', amount: usd(825) }] });
    expect(own.options.find((option) => option.kind === 'store_credit')).toMatchObject({ amount: usd(6050), deductions: [] });
    expect(reason(own, 'restocking_fee')).toMatchObject({ fired: true, inputs: { percents: ['L1:changed_mind:15%:refund_rules'], amount: usd(825) } });

    const returnPolicy = ReturnPolicy.parse({ version: 1, windowDays: 30, reasons: [{ code: 'changed_mind', resolutions: ['refund'], shippingPaidBy: 'customer', restockingFeePercent: 10 }] });
    const fromPolicy = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'as_new']]), theOrder, { returnPolicy }));
    expect(fromPolicy).toMatchObject({ kind: 'partial_refund', amount: usd(4950) });
    expect(reason(fromPolicy, 'restocking_fee')?.inputs.percents).toEqual(['L1:changed_mind:10%:return_policy']);

    const none = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'as_new']]), theOrder));
    expect(reason(none, 'restocking_fee')).toMatchObject({ fired: false, inputs: { percents: ['L1:changed_mind:0%:none'] } });
  });

  it('deducts for damage the reason does not explain, and refunds shipping when the shop is at fault', () => {
    const damaged = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'damaged']]), theOrder));
    expect(damaged).toMatchObject({ kind: 'partial_refund', amount: usd(3850), deductions: [{ code: 'damaged_goods', amount: usd(1650) }] });
    expect(damaged.options.find((option) => option.kind === 'store_credit')).toMatchObject({ amount: usd(4235), bonus: usd(385), fromPaid: usd(3850) });
    expect(reason(damaged, 'damaged_deduction')).toMatchObject({ fired: true, inputs: { percent: 30, lines: ['L1'], amount: usd(1650) } });

    const faulty = decideRefund(input(returnClaim([['L1', 1, 'damaged', 'damaged']]), theOrder));
    expect(faulty).toMatchObject({ kind: 'full_refund', amount: usd(5500 + 393), deductions: [], lines: [{ shipping: usd(393) }] });
    expect(reason(faulty, 'damaged_deduction')?.fired).toBe(false);
    expect(reason(faulty, 'shipping_refund')).toMatchObject({ fired: true, inputs: { amount: usd(393) } });
    // The bonus is on the goods, not on the shipping refunded.
    expect(faulty.options.find((option) => option.kind === 'store_credit')).toMatchObject({ amount: usd(5893 + 550), bonus: usd(550) });
  });

  it('deducts for wear only when the rules set a percentage and the reason does not explain it', () => {
    const worn = rules({ deductions: { usedPercent: 10 } });
    expect(decideRefund(input(returnClaim([['L1', 1, 'too_large', 'used']]), theOrder, { rules: worn }))).toMatchObject({ amount: usd(4950), deductions: [{ code: 'used_goods', amount: usd(550) }] });
    expect(reason(decideRefund(input(returnClaim([['L1', 1, 'defective', 'used']]), theOrder, { rules: worn })), 'used_deduction')?.fired).toBe(false);
    expect(reason(decideRefund(input(returnClaim([['L1', 1, 'too_large', 'used']]), theOrder)), 'used_deduction')?.fired).toBe(false);
  });

  it('deducts for missing parts unless missing parts were the complaint', () => {
    const missing = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'as_new']], 'refund', true), theOrder));
    expect(missing).toMatchObject({ kind: 'partial_refund', amount: usd(4400), deductions: [{ code: 'missing_parts', amount: usd(1100) }] });
    expect(reason(missing, 'missing_parts_deduction')?.fired).toBe(true);
    expect(reason(decideRefund(input(returnClaim([['L1', 1, 'missing_parts', 'as_new']], 'refund', true), theOrder)), 'missing_parts_deduction')?.fired).toBe(false);
  });

  it('never takes off more than the units are worth', () => {
    const harsh = rules({ restockingFeePercent: { changed_mind: 100 }, deductions: { damagedPercent: 30 } });
    const decision = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'damaged'], ['L2', 1, 'too_small', 'as_new']]), theOrder, { rules: harsh }));
    const refund = decision.options.find((option) => option.kind === 'partial_refund');
    expect(refund?.lines[0]).toMatchObject({ amount: usd(0), deductions: [{ code: 'damaged_goods', amount: usd(1650) }, { code: 'restocking_fee', amount: usd(3850) }] });
    expect(refund?.amount).toEqual(usd(3000));
  });

  it('settles the lines that passed when another came back as a different item', () => {
    const decision = decideRefund(input(returnClaim([['L1', 1, 'too_small', 'wrong_item'], ['L2', 1, 'too_small', 'as_new']]), theOrder));
    expect(decision).toMatchObject({ kind: 'partial_refund', amount: usd(3000), claimed: usd(8500), deductions: [{ code: 'inspection_failed', amount: usd(5500) }] });
    expect(decision.lines.map((item) => [item.lineId, item.accepted, item.amount.amount])).toEqual([
      ['L1', false, 0],
      ['L2', true, 3000],
    ]);
    expect(reason(decision, 'inspection_failed')).toMatchObject({ fired: true, inputs: { failedLines: ['L1:wrong_item'] } });
    expect(reason(decision, 'all_lines_failed')?.fired).toBe(false);
  });

  it('denies only when every line came back as another item or not at all', () => {
    const decision = decideRefund(input(returnClaim([['L1', 2, 'too_small', 'wrong_item'], ['L2', 1, 'too_small', 'missing']]), theOrder));
    expect(Decision.parse(decision)).toEqual(decision);
    expect(decision).toMatchObject({ kind: 'deny', claimed: usd(14000), deductions: [{ code: 'inspection_failed', amount: usd(14000) }], options: [], needsSupervisor: false });
    expect(decision.amount).toBeUndefined();
    expect(decision.reasons.map((outcome) => outcome.rule)).toEqual(RuleCode.options);
    expect(reason(decision, 'all_lines_failed')?.fired).toBe(true);
    expect(reason(decision, 'reship')).toMatchObject({ fired: false, detail: 'Not evaluated: the claim is denied' });
  });

  it('gives store credit with its bonus when the customer asked for it', () => {
    const decision = decideRefund(input(returnClaim([['L1', 1, 'too_small', 'as_new']], 'store_credit'), theOrder));
    expect(decision).toMatchObject({ kind: 'store_credit', amount: usd(6050), bonus: usd(550), fromPaid: usd(5500) });
    expect(decision.options[0]).toMatchObject({ kind: 'store_credit', rank: 1, recommended: true });
    expect(reason(decision, 'customer_choice')).toMatchObject({ fired: true, inputs: { requested: 'store_credit' } });
  });

  it('follows the rules’ ranking when the lines ask for different things', () => {
    const claim = returnClaim([['L1', 1, 'too_small', 'as_new']]);
    if (claim.kind !== 'return_inspection') throw new Error('a return');
    claim.lines.push({ lineId: 'L2', quantity: 1, reason: 'too_small', condition: 'as_new', requested: 'store_credit' });
    const decision = decideRefund(input(claim, theOrder));
    expect(decision.kind).toBe('store_credit');
    expect(reason(decision, 'customer_choice')?.fired).toBe(false);
    expect(decideRefund(input(claim, theOrder, { rules: rules({ options: { ranking: ['refund', 'store_credit'] } }) })).kind).toBe('full_refund');
  });

  it('refunds returnless lines the return policy approved as keep-it, settled at once', () => {
    const decision = decideRefund(input(returnClaim([['L2', 1, 'damaged']], 'keep'), theOrder));
    expect(decision).toMatchObject({ kind: 'keep_it', amount: usd(3000 + 214), requiresItemBack: false, timing: { refundAt: 'now' } });
    expect(reason(decision, 'keep_it')).toMatchObject({ fired: true, inputs: { approvedAtRequest: true } });
  });

  it('refunds before inspection at the rules’ step, but after it when a person must look first', () => {
    const early = decideRefund(input(returnClaim([['L1', 1, 'too_small']]), theOrder, { rules: rules({ timing: { refundAt: 'label_scan' } }) }));
    expect(early).toMatchObject({ kind: 'full_refund', timing: { refundAt: 'label_scan' } });
    expect(reason(early, 'refund_timing')).toMatchObject({ fired: true, inputs: { inspected: false, configured: 'label_scan' } });
    expect(decideRefund(input(returnClaim([['L1', 1, 'too_small']]), theOrder, { rules: rules({ timing: { refundAt: 'carrier_delivery' } }) })).timing.refundAt).toBe('carrier_delivery');

    const later = decideRefund(input(returnClaim([['L1', 1, 'too_small']]), theOrder));
    expect(later.timing.refundAt).toBe('inspection');
    expect(reason(later, 'refund_timing')?.fired).toBe(false);

    const risky = decideRefund(input(returnClaim([['L1', 1, 'too_small']]), theOrder, { rules: rules({ timing: { refundAt: 'label_scan' } }), history: history({ orders: 4, returns: 4 }) }));
    expect(risky).toMatchObject({ kind: 'manual_review', timing: { refundAt: 'inspection' } });
  });

  it('offers no choice when the rules say so or only one resolution is possible', () => {
    expect(decideRefund(input(returnClaim([['L1', 1, 'too_small', 'as_new']]), theOrder, { rules: rules({ options: { offerChoice: false } }) })).options).toEqual([]);
    const onlyRefund = decideRefund(input(returnClaim([['L1', 1, 'too_small', 'as_new']]), theOrder, { rules: rules({ storeCredit: { enabled: false } }) }));
    expect(onlyRefund).toMatchObject({ kind: 'full_refund', options: [] });
    expect(reason(onlyRefund, 'store_credit')).toMatchObject({ fired: false, detail: 'Store credit is not offered' });
  });

  it('takes the customer’s pick among the options', () => {
    const decision = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'as_new']]), theOrder, { rules: rules({ restockingFeePercent: { changed_mind: 15 } }) }));
    const picked = selectOption(decision, 'store_credit');
    expect(picked).toMatchObject({ kind: 'store_credit', amount: usd(6050), bonus: usd(550), fromPaid: usd(5500), deductions: [] });
    expect(reason(picked, 'customer_choice')).toMatchObject({ fired: true, inputs: { chosen: 'store_credit' } });
    expect(() => selectOption(decision, 'reship')).toThrow(/no reship/);
  });
});
