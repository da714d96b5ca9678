// Parcel claims: not delivered, damaged in transit, wrong item, missing item; nothing returned first.
import { describe, expect, it } from 'vitest';
import { Decision, type RuleOutcome } from '../../../shared/refunds/decision.ts';
import { decideRefund } from '../../../shared/refunds/engine.ts';
import { ReturnPolicy } from '../../../shared/returns/policy.ts';
import { input, line, order, rules, storefrontRefund, usd } from './fixtures.ts';

// L1: 2 × 50.00 + 5.00 tax each; L2: a 6.00 accessory; shipping 10.00 shared 9.48 / 0.52.
const theOrder = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 600)], { shipping: 1000 });
const reason = (decision: Decision, rule: RuleOutcome['rule']) => decision.reasons.find((outcome) => outcome.rule === rule);
const offered = (decision: Decision) => decision.options.map((option) => [option.kind, option.amount?.amount, option.recommended, option.requiresItemBack]);

describe('decideRefund: parcel claims', () => {
  it('reships a lost parcel first, with the gift, and offers credit or a refund of everything with shipping', () => {
    const gift = { variantId: 'v-sticker', title: 'Sticker pack' };
    const decision = decideRefund(input({ kind: 'not_delivered', caseId: 'case-1' }, theOrder, { rules: rules({ reship: { gift } }) }));
    expect(Decision.parse(decision)).toEqual(decision);
    expect(decision).toMatchObject({
      kind: 'reship',
      claim: { kind: 'not_delivered', caseId: 'case-1' },
      claimed: usd(12600),
      reship: { lines: [{ lineId: 'L1', quantity: 2 }, { lineId: 'L2', quantity: 1 }], gift },
      requiresItemBack: false,
      timing: { refundAt: 'now' },
    });
    expect(decision.amount).toBeUndefined();
    expect(offered(decision)).toEqual([
      ['reship', undefined, true, false],
      ['store_credit', 12600 + 1160, false, false],
      ['full_refund', 12600, false, false],
    ]);
    expect(decision.options[0]).toMatchObject({ gift, why: 'A replacement sent at once, with a small gift' });
    expect(reason(decision, 'reship')).toMatchObject({ fired: true, inputs: { gift: 'v-sticker' } });
    expect(reason(decision, 'shipping_refund')).toMatchObject({ fired: true, inputs: { amount: usd(1000) } });
    expect(reason(decision, 'keep_it')).toMatchObject({ fired: false, detail: 'Keep-it does not apply to not_delivered claims' });
  });

  it('ranks the options the way the rules say, and leaves out what they do not list', () => {
    const noReship = decideRefund(input({ kind: 'not_delivered' }, theOrder, { rules: rules({ reship: { claims: [] }, options: { ranking: ['refund', 'store_credit'] } }) }));
    expect(noReship.kind).toBe('full_refund');
    expect(offered(noReship).map(([kind]) => kind)).toEqual(['full_refund', 'store_credit']);
    expect(reason(noReship, 'reship')?.fired).toBe(false);

    const refundOnly = decideRefund(input({ kind: 'not_delivered' }, theOrder, { rules: rules({ options: { ranking: ['refund'] } }) }));
    expect(refundOnly).toMatchObject({ kind: 'full_refund', amount: usd(12600), options: [] });
  });

  it('lets the customer keep a damaged item not worth a return label', () => {
    const decision = decideRefund(input({ kind: 'damaged_in_transit', lines: [{ lineId: 'L2', quantity: 1 }] }, theOrder, { rules: rules({ options: { ranking: ['keep_it', 'reship', 'store_credit', 'refund'] } }) }));
    expect(decision).toMatchObject({ kind: 'keep_it', amount: usd(652), requiresItemBack: false });
    // A refund that wants the item back is worse than keep-it: not offered.
    expect(offered(decision)).toEqual([
      ['keep_it', 652, true, false],
      ['reship', undefined, false, false],
      ['store_credit', 652 + 60, false, false],
    ]);
    expect(reason(decision, 'keep_it')).toMatchObject({ fired: true, inputs: { value: usd(600), returnShippingCost: usd(800) } });
  });

  it('wants a damaged item worth a return back, whatever the resolution', () => {
    const decision = decideRefund(input({ kind: 'damaged_in_transit', lines: [{ lineId: 'L1', quantity: 1 }] }, theOrder));
    expect(decision).toMatchObject({ kind: 'reship', requiresItemBack: true });
    expect(offered(decision)).toEqual([
      ['reship', undefined, true, true],
      ['store_credit', 5500 + 474 + 550, false, true],
      ['full_refund', 5500 + 474, false, true],
    ]);
    expect(reason(decision, 'keep_it')).toMatchObject({ fired: false, detail: 'Worth a return (55.00 USD): the item comes back' });
  });

  it('uses the return policy’s keep-it threshold unless the rules set their own', () => {
    const returnPolicy = ReturnPolicy.parse({ version: 1, windowDays: 30, reasons: [{ code: 'damaged', resolutions: ['refund', 'keep'], shippingPaidBy: 'merchant' }], keepItBelow: [usd(6000)] });
    const claim = { kind: 'damaged_in_transit' as const, lines: [{ lineId: 'L1', quantity: 1 }] };
    const fromPolicy = decideRefund(input(claim, theOrder, { returnPolicy }));
    expect(reason(fromPolicy, 'keep_it')).toMatchObject({ fired: true, inputs: { keepBelow: usd(6000) } });
    expect(fromPolicy.requiresItemBack).toBe(false);
    const own = decideRefund(input(claim, theOrder, { returnPolicy, rules: rules({ keepIt: { below: [usd(1000)], returnShippingCost: [] } }) }));
    expect(reason(own, 'keep_it')).toMatchObject({ fired: false, inputs: { keepBelow: usd(1000) } });
  });

  it('sends no replacement for a wrong item by default, and lets a cheap one be kept', () => {
    const decision = decideRefund(input({ kind: 'wrong_item', lines: [{ lineId: 'L2', quantity: 1 }] }, theOrder));
    expect(offered(decision).map(([kind]) => kind)).toEqual(['store_credit', 'keep_it']);
    expect(decision.kind).toBe('store_credit');
  });

  it('refunds a missing item with its shipping share unless the rules keep shipping', () => {
    const claim = { kind: 'missing_item' as const, lines: [{ lineId: 'L2', quantity: 1 }] };
    const ranking = { ranking: ['refund' as const] };
    expect(decideRefund(input(claim, theOrder, { rules: rules({ options: ranking }) }))).toMatchObject({ kind: 'full_refund', amount: usd(652) });
    const noShipping = decideRefund(input(claim, theOrder, { rules: rules({ options: ranking, shipping: { refundWhenMerchantFault: false } }) }));
    expect(noShipping).toMatchObject({ kind: 'full_refund', amount: usd(600) });
    expect(reason(noShipping, 'shipping_refund')).toMatchObject({ fired: false, inputs: { enabled: false } });
  });

  it('decides only on units not refunded yet, and sends a claim with none left to a person', () => {
    const partly = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 600)], { shipping: 1000, refunds: [storefrontRefund('r1', [['L1', 1, 5500]])] });
    const decision = decideRefund(input({ kind: 'missing_item', lines: [{ lineId: 'L1', quantity: 2 }] }, partly, { rules: rules({ options: { ranking: ['refund'] } }) }));
    expect(decision).toMatchObject({ kind: 'full_refund', amount: usd(5500 + 474), lines: [{ lineId: 'L1', quantity: 1 }] });
    expect(reason(decision, 'claimed_quantity')).toMatchObject({ fired: true, inputs: { trimmed: ['L1: 2 claimed, 1 refundable'] } });

    const done = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 600)], { shipping: 1000, refunds: [storefrontRefund('r1', [['L1', 2, 11000]])] });
    const nothing = decideRefund(input({ kind: 'missing_item', lines: [{ lineId: 'L1', quantity: 1 }] }, done));
    expect(nothing).toMatchObject({ kind: 'manual_review', lines: [], options: [], claimed: usd(0) });
    expect(nothing.proposedKind).toBeUndefined();
  });

  it('refuses a claim on a line the order does not have', () => {
    expect(() => decideRefund(input({ kind: 'missing_item', lines: [{ lineId: 'L9', quantity: 1 }] }, theOrder))).toThrow(/no line L9/);
  });
});

describe('decideRefund: keep-it left out of the ranking', () => {
  it('refunds without the item back instead', () => {
    const decision = decideRefund(input({ kind: 'damaged_in_transit', lines: [{ lineId: 'L2', quantity: 1 }] }, theOrder, { rules: rules({ options: { ranking: ['refund', 'store_credit'] } }) }));
    expect(decision).toMatchObject({ kind: 'full_refund', amount: usd(652), requiresItemBack: false });
    expect(offered(decision).map(([kind]) => kind)).toEqual(['full_refund', 'store_credit']);
  });
});
