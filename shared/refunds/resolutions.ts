// The ways a claim can be settled (refund, store credit, keep-it, reship), each priced line by
// line from the evaluated lines, capped at what remains refundable on the order, and filtered by
// what the shop's rules allow. The engine ranks them and picks one.
import type { Money } from '../events/common.ts';
import type { OrderAccount } from './allocation.ts';
import type { RefundInput } from './claim.ts';
import type { Deduction, DeductionCode, DecisionLine, ResolutionKind, ResolutionOption, RuleOutcome } from './decision.ts';
import type { EvaluatedLine } from './lines.ts';
import { allocate, formatMoney, inCurrency, money, percentOf, sumOf } from './money.ts';
import type { OfferChoice } from './rules.ts';

/** A resolution before ranking. */
export type Candidate = Omit<ResolutionOption, 'rank' | 'recommended'>;

type LineDeductions = Array<{ code: DeductionCode; amount: number }>;

export function choiceOf(kind: ResolutionKind): OfferChoice {
  return kind === 'full_refund' || kind === 'partial_refund' ? 'refund' : kind;
}

/** Every resolution the rules allow for the claim; `reasons` receives their outcomes. */
export function candidates(input: RefundInput, account: OrderAccount, lines: readonly EvaluatedLine[], reasons: RuleOutcome[]): Candidate[] {
  const { rules, claim } = input;
  const currency = account.currency;
  const m = (amount: number) => money(amount, currency);
  const goods = sumOf(lines.map((line) => line.units.value));

  // Keep-it: returnless lines the return policy approved, or a parcel claim not worth bringing back.
  const keepBelow = rules.keepIt.below ? inCurrency(rules.keepIt.below, currency) : inCurrency(input.returnPolicy?.keepItBelow, currency);
  const labelCost = inCurrency(rules.keepIt.returnShippingCost, currency);
  const settled = lines.filter((line) => !line.failed);
  const approvedKeep = claim.kind === 'return_inspection' && settled.length > 0 && settled.every((line) => line.requested === 'keep');
  const parcelKeep = claim.kind !== 'return_inspection' && (rules.keepIt.claims as readonly string[]).includes(claim.kind);
  const cheap = keepBelow !== undefined && goods < keepBelow.amount;
  const dearLabel = labelCost !== undefined && labelCost.amount > goods;
  const keepEligible = approvedKeep || (parcelKeep && (cheap || dearLabel));
  reasons.push({
    rule: 'keep_it',
    fired: keepEligible,
    inputs: { claimKind: claim.kind, value: m(goods), keepBelow: keepBelow ?? null, returnShippingCost: labelCost ?? null, approvedAtRequest: approvedKeep },
    detail: approvedKeep
      ? 'The return policy approved these lines without a return'
      : keepEligible
        ? `Not worth a return: worth ${formatMoney(m(goods))}${cheap && keepBelow ? `, below ${formatMoney(keepBelow)}` : ''}${dearLabel && labelCost ? `, a label costs ${formatMoney(labelCost)}` : ''}`
        : parcelKeep
          ? `Worth a return (${formatMoney(m(goods))}): the item comes back`
          : `Keep-it does not apply to ${claim.kind} claims`,
  });
  const requiresItemBack = lines.some((line) => line.itemAtCustomer) && !keepEligible;

  const build = (kind: ResolutionKind, deductionsOf: (line: EvaluatedLine) => LineDeductions, why: string): Candidate => {
    const decisionLines = lines.map((line) => decisionLine(line, deductionsOf(line), currency));
    return { kind, deductions: totals(decisionLines, currency), lines: decisionLines, requiresItemBack: kind === 'keep_it' ? false : requiresItemBack, why, ...amounts(decisionLines, currency) };
  };
  const withFee = (line: EvaluatedLine): LineDeductions => {
    const condition = sumOf(line.conditionDeductions.map((deduction) => deduction.amount));
    const fee = Math.min(line.restockingFee, line.units.value - condition);
    return fee > 0 ? [...line.conditionDeductions, { code: 'restocking_fee', amount: fee }] : line.conditionDeductions;
  };

  const found: Candidate[] = [];
  // Keep-it is a refund without the return: when it is offered, a refund that wants the item back is worse.
  const keepOffered = keepEligible && rules.options.ranking.includes('keep_it');
  if (!keepOffered) found.push(build('full_refund', withFee, 'Money back to the original payment'));
  if (keepOffered) found.push(build('keep_it', (line) => line.conditionDeductions, 'Money back, and the customer keeps the item'));

  const bonusPercent = rules.storeCredit.bonusPercent ?? input.returnPolicy?.storeCreditBonusPercent ?? 0;
  if (rules.storeCredit.enabled) found.push(build('store_credit', (line) => line.conditionDeductions, bonusPercent > 0 ? `Store credit with ${bonusPercent} % more` : 'Store credit, no restocking fee'));

  const reshipAllowed = claim.kind !== 'return_inspection' && rules.reship.claims.includes(claim.kind);
  const reshipLines = lines.filter((line) => account.lines.get(line.lineId)?.requiresShipping && line.units.quantity > 0);
  if (reshipAllowed && reshipLines.length) {
    const reship = build('reship', () => [], rules.reship.gift ? 'A replacement sent at once, with a small gift' : 'A replacement sent at once');
    found.push({ ...reship, lines: reship.lines.filter((line) => reshipLines.some((item) => item.lineId === line.lineId)), amount: undefined, fromPaid: undefined, ...(rules.reship.gift ? { gift: rules.reship.gift } : {}) });
  }
  reasons.push({
    rule: 'reship',
    fired: reshipAllowed && reshipLines.length > 0,
    inputs: { claimKind: claim.kind, allowedClaims: rules.reship.claims, gift: rules.reship.gift?.variantId ?? null },
    detail: reshipAllowed ? (reshipLines.length ? 'A replacement can be sent' : 'Nothing that ships to replace') : `Reship is not offered for ${claim.kind} claims`,
  });

  // Never more than what remains refundable on the order.
  const capped: string[] = [];
  const settledMoney = found.map((candidate) => {
    if (candidate.fromPaid === undefined || candidate.fromPaid.amount <= account.remaining) return candidate;
    capped.push(candidate.kind);
    return capAt(candidate, account.remaining, currency);
  });
  const requestedMax = Math.max(0, ...found.map((candidate) => candidate.fromPaid?.amount ?? 0));
  reasons.push({
    rule: 'refundable_cap',
    fired: capped.length > 0,
    inputs: { paid: m(account.paid), refunded: m(account.refunded), credited: m(account.credited), remaining: m(account.remaining), requested: m(requestedMax) },
    detail: capped.length
      ? `Only ${formatMoney(m(account.remaining))} remains refundable (paid ${formatMoney(m(account.paid))}, refunded ${formatMoney(m(account.refunded))}, credited ${formatMoney(m(account.credited))}): capped`
      : `Within what remains refundable (${formatMoney(m(account.remaining))})`,
  });

  const withBonus = settledMoney.map((candidate) => (candidate.kind === 'store_credit' ? addBonus(candidate, bonusPercent, currency) : candidate));
  const credit = withBonus.find((candidate) => candidate.kind === 'store_credit');
  reasons.push({
    rule: 'store_credit',
    fired: credit !== undefined && (credit.amount?.amount ?? 0) > 0,
    inputs: { enabled: rules.storeCredit.enabled, bonusPercent, bonus: credit?.bonus ?? null },
    detail: !rules.storeCredit.enabled
      ? 'Store credit is not offered'
      : `Store credit of ${formatMoney(credit?.amount ?? m(0))}${credit?.bonus?.amount ? `, ${formatMoney(credit.bonus)} of it a ${bonusPercent} % bonus` : ''}`,
  });

  // Nothing left to give: a money resolution of zero is not a resolution.
  return withBonus
    .filter((candidate) => candidate.kind === 'reship' || (candidate.amount?.amount ?? 0) > 0)
    .filter((candidate) => rules.options.ranking.includes(choiceOf(candidate.kind)))
    .map((candidate) => (candidate.kind === 'full_refund' && candidate.deductions.length ? { ...candidate, kind: 'partial_refund' as const, why: `${candidate.why}, less ${deductionWords(candidate.deductions)}` } : candidate));
}

function decisionLine(line: EvaluatedLine, deductions: LineDeductions, currency: string): DecisionLine {
  const kept = deductions.filter((deduction) => deduction.amount > 0);
  const amount = line.units.value + line.shipping - sumOf(kept.map((deduction) => deduction.amount));
  return {
    lineId: line.lineId,
    quantity: line.units.quantity,
    ...(line.reason ? { reason: line.reason } : {}),
    ...(line.condition ? { condition: line.condition } : {}),
    accepted: !line.failed,
    value: money(line.units.value, currency),
    tax: money(line.units.tax, currency),
    shipping: money(line.failed ? 0 : line.shipping, currency),
    deductions: kept.map((deduction) => ({ code: deduction.code, amount: money(deduction.amount, currency) })),
    amount: money(Math.max(0, amount), currency),
  };
}

/** Deductions per code, summed over lines, in the order they first appear. */
export function totals(lines: readonly DecisionLine[], currency: string): Deduction[] {
  const byCode = new Map<DeductionCode, number>();
  for (const deduction of lines.flatMap((line) => line.deductions)) byCode.set(deduction.code, (byCode.get(deduction.code) ?? 0) + deduction.amount.amount);
  return [...byCode].map(([code, amount]) => ({ code, amount: money(amount, currency) }));
}

function amounts(lines: readonly DecisionLine[], currency: string): { amount: Money; fromPaid: Money } {
  const total = money(sumOf(lines.map((line) => line.amount.amount)), currency);
  return { amount: total, fromPaid: total };
}

/** The candidate brought down to `remaining`, the cut spread over its lines by their amounts. */
function capAt(candidate: Candidate, remaining: number, currency: string): Candidate {
  const over = (candidate.fromPaid?.amount ?? 0) - remaining;
  const cuts = allocate(over, candidate.lines.map((line) => line.amount.amount));
  const lines = candidate.lines.map((line, index) => {
    const cut = cuts[index] ?? 0;
    if (cut === 0) return line;
    return { ...line, deductions: [...line.deductions, { code: 'refundable_cap' as const, amount: money(cut, currency) }], amount: money(line.amount.amount - cut, currency) };
  });
  return { ...candidate, lines, deductions: totals(lines, currency), ...amounts(lines, currency) };
}

/** Store credit: the bonus on the goods credited (not on shipping), on top of what is taken from the payment. */
function addBonus(candidate: Candidate, percent: number, currency: string): Candidate {
  const base = candidate.fromPaid?.amount ?? 0;
  const goods = Math.min(base, sumOf(candidate.lines.map((line) => Math.max(0, line.amount.amount - line.shipping.amount))));
  const bonus = percentOf(goods, percent);
  if (bonus === 0) return candidate;
  return { ...candidate, amount: money(base + bonus, currency), bonus: money(bonus, currency) };
}

const deductionNames: Record<DeductionCode, string> = {
  restocking_fee: 'a restocking fee',
  damaged_goods: 'damage',
  used_goods: 'wear',
  missing_parts: 'missing parts',
  inspection_failed: 'items that failed inspection',
  refundable_cap: 'what was already refunded',
};

export function deductionWords(deductions: readonly Deduction[]): string {
  return deductions.map((deduction) => `${deductionNames[deduction.code]} (${formatMoney(deduction.amount)})`).join(', ');
}
