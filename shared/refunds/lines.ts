// The claimed lines, valued and judged one by one: which units are still refundable, what they
// cost, what inspection found, what is taken off for the item's condition or as a restocking fee,
// and which share of shipping goes back. The rule outcomes for these checks are collected here.
import type { z } from 'zod';
import type { ItemCondition, ReturnReason } from '../events/returns.ts';
import { availableUnits, shippingLeft, unitsValue, type OrderAccount, type UnitsValue } from './allocation.ts';
import type { Claim, RefundInput, ReturnedLine } from './claim.ts';
import type { DeductionCode, RuleOutcome } from './decision.ts';
import { allocate, formatMoney, money, percentOf, sumOf } from './money.ts';

export interface EvaluatedLine {
  lineId: string;
  reason?: ReturnReason;
  condition?: z.infer<typeof ItemCondition>;
  requested?: ReturnedLine['requested'];
  units: UnitsValue;
  /** Came back as something else, or not at all: nothing goes back for it. */
  failed: boolean;
  /** Condition deductions (or the whole value when failed), whatever the resolution. */
  conditionDeductions: Array<{ code: DeductionCode; amount: number }>;
  /** Refunds to the original payment only. */
  restockingFee: number;
  /** Shipping share refunded with it (after the order's shipping left). */
  shipping: number;
  /** The customer holds the item and could send it back (damaged or wrong parcel). */
  itemAtCustomer: boolean;
}

/** Reasons that explain a condition: an item returned as defective is expected to look used. */
const explains: Record<'damaged' | 'used' | 'missingParts', readonly ReturnReason[]> = {
  damaged: ['damaged', 'defective'],
  used: ['damaged', 'defective', 'not_as_described', 'wrong_item', 'missing_parts'],
  missingParts: ['missing_parts'],
};

/** When the return policy does not say who pays the return shipping: the shop, for its own faults. */
const merchantFaultReasons: readonly ReturnReason[] = ['damaged', 'defective', 'wrong_item', 'missing_parts', 'not_as_described', 'arrived_late'];

interface ClaimLine {
  lineId: string;
  quantity: number;
  returned?: ReturnedLine;
}

function claimLines(claim: Claim, account: OrderAccount): ClaimLine[] {
  if (claim.kind === 'return_inspection') return claim.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity, returned: line }));
  if (claim.lines) return claim.lines.map((line) => ({ ...line }));
  return [...account.lines.values()].filter((line) => line.requiresShipping && availableUnits(line) > 0).map((line) => ({ lineId: line.lineId, quantity: availableUnits(line) }));
}

function merchantFault(input: RefundInput, line: ClaimLine): boolean {
  if (!line.returned) return true; // a parcel claim: the parcel did not arrive as sold
  const rule = input.returnPolicy?.reasons.find((reason) => reason.code === line.returned?.reason);
  return rule ? rule.shippingPaidBy === 'merchant' : merchantFaultReasons.includes(line.returned.reason);
}

export function restockingPercent(input: RefundInput, reason: ReturnReason): { percent: number; source: 'refund_rules' | 'return_policy' | 'none' } {
  const own = input.rules.restockingFeePercent?.[reason];
  if (own !== undefined) return { percent: own, source: 'refund_rules' };
  const policy = input.returnPolicy?.reasons.find((rule) => rule.code === reason)?.restockingFeePercent;
  if (policy !== undefined) return { percent: policy, source: 'return_policy' };
  return { percent: 0, source: 'none' };
}

/** Evaluates the claimed lines; `reasons` receives the outcome of every line rule. */
export function evaluateLines(input: RefundInput, account: OrderAccount, reasons: RuleOutcome[]): EvaluatedLine[] {
  const { rules, claim } = input;
  const currency = account.currency;
  const requested = claimLines(claim, account);
  const trimmed: string[] = [];
  const evaluated: EvaluatedLine[] = [];
  for (const line of requested) {
    const lineAccount = account.lines.get(line.lineId);
    if (!lineAccount) throw new RangeError(`order ${input.order.orderId} has no line ${line.lineId}`);
    const available = availableUnits(lineAccount);
    if (line.quantity > available) trimmed.push(`${line.lineId}: ${line.quantity} claimed, ${available} refundable`);
    if (available === 0) continue;
    const units = unitsValue(lineAccount, Math.min(line.quantity, available));
    const returned = line.returned;
    const keep = returned?.requested === 'keep';
    const condition = keep ? undefined : returned?.condition;
    const failed = condition === 'wrong_item' || condition === 'missing';
    const deductions: EvaluatedLine['conditionDeductions'] = [];
    if (failed) deductions.push({ code: 'inspection_failed', amount: units.value });
    else if (returned && !keep) {
      const reason = returned.reason;
      if (condition === 'damaged' && !explains.damaged.includes(reason)) deductions.push({ code: 'damaged_goods', amount: percentOf(units.value, rules.deductions.damagedPercent) });
      if (condition === 'used' && !explains.used.includes(reason) && rules.deductions.usedPercent > 0) deductions.push({ code: 'used_goods', amount: percentOf(units.value, rules.deductions.usedPercent) });
      if (returned.missingParts && !explains.missingParts.includes(reason)) deductions.push({ code: 'missing_parts', amount: percentOf(units.value, rules.deductions.missingPartsPercent) });
    }
    const fee = returned && !keep && !failed ? percentOf(units.value, restockingPercent(input, returned.reason).percent) : 0;
    const shipping = !failed && rules.shipping.refundWhenMerchantFault && merchantFault(input, line) ? units.shipping : 0;
    evaluated.push({
      lineId: line.lineId,
      ...(returned ? { reason: returned.reason, requested: returned.requested } : {}),
      ...(condition ? { condition } : {}),
      units,
      failed,
      conditionDeductions: capDeductions(deductions, units.value),
      restockingFee: fee,
      shipping,
      itemAtCustomer: claim.kind === 'damaged_in_transit' || claim.kind === 'wrong_item',
    });
  }
  capShipping(evaluated, shippingLeft(account));

  reasons.push({
    rule: 'claimed_quantity',
    fired: trimmed.length > 0,
    inputs: { claimedLines: requested.map((line) => `${line.lineId}:${line.quantity}`), trimmed },
    detail: trimmed.length ? `Only units not refunded or credited yet are decided on (${trimmed.join('; ')})` : 'Every claimed unit is still refundable',
  });
  const failedLines = evaluated.filter((line) => line.failed);
  reasons.push({
    rule: 'inspection_failed',
    fired: failedLines.length > 0,
    inputs: { claimKind: claim.kind, failedLines: failedLines.map((line) => `${line.lineId}:${line.condition}`) },
    detail: failedLines.length ? `Inspection found another item or none for ${failedLines.map((line) => line.lineId).join(', ')}: nothing goes back for them` : 'No line failed inspection',
  });
  const allFailed = claim.kind === 'return_inspection' && evaluated.length > 0 && failedLines.length === evaluated.length;
  reasons.push({
    rule: 'all_lines_failed',
    fired: allFailed,
    inputs: { lines: evaluated.length, failed: failedLines.length },
    detail: allFailed ? 'Every returned line came back as another item or not at all: the claim is denied' : 'At least one line can be settled',
  });
  const deductionRule = (rule: 'damaged_deduction' | 'used_deduction' | 'missing_parts_deduction', code: DeductionCode, percent: number, what: string) => {
    const hit = evaluated.filter((line) => line.conditionDeductions.some((deduction) => deduction.code === code));
    const total = sumOf(hit.flatMap((line) => line.conditionDeductions.filter((deduction) => deduction.code === code).map((deduction) => deduction.amount)));
    reasons.push({
      rule,
      fired: hit.length > 0,
      inputs: { percent, lines: hit.map((line) => line.lineId), amount: money(total, currency) },
      detail: hit.length ? `${what}: ${percent} % off (${formatMoney(money(total, currency))})` : `No line ${what.toLowerCase()} without a reason that explains it`,
    });
  };
  deductionRule('damaged_deduction', 'damaged_goods', rules.deductions.damagedPercent, 'Came back damaged');
  deductionRule('used_deduction', 'used_goods', rules.deductions.usedPercent, 'Came back used');
  deductionRule('missing_parts_deduction', 'missing_parts', rules.deductions.missingPartsPercent, 'Came back with parts missing');
  const feeLines = evaluated.filter((line) => line.restockingFee > 0);
  const fees = evaluated.filter((line) => line.reason).map((line) => ({ line, ...restockingPercent(input, line.reason as ReturnReason) }));
  reasons.push({
    rule: 'restocking_fee',
    fired: feeLines.length > 0,
    inputs: {
      percents: fees.map(({ line, percent, source }) => `${line.lineId}:${line.reason}:${percent}%:${source}`),
      amount: money(sumOf(feeLines.map((line) => line.restockingFee)), currency),
    },
    detail: feeLines.length
      ? `A restocking fee of ${formatMoney(money(sumOf(feeLines.map((line) => line.restockingFee)), currency))} applies to a refund to the original payment, not to store credit`
      : 'No restocking fee for these reasons',
  });
  const shipped = sumOf(evaluated.map((line) => line.shipping));
  reasons.push({
    rule: 'shipping_refund',
    fired: shipped > 0,
    inputs: { enabled: rules.shipping.refundWhenMerchantFault, shippingCharged: money(account.shipping.charged, currency), shippingLeft: money(shippingLeft(account), currency), amount: money(shipped, currency) },
    detail: shipped > 0 ? `The shop is at fault: ${formatMoney(money(shipped, currency))} of shipping goes back with the units` : 'No shipping goes back (the customer’s reason, nothing left, or the rule is off)',
  });
  return evaluated;
}

function capDeductions(deductions: EvaluatedLine['conditionDeductions'], value: number): EvaluatedLine['conditionDeductions'] {
  let left = value;
  return deductions.map((deduction) => {
    const amount = Math.min(deduction.amount, left);
    left -= amount;
    return { ...deduction, amount };
  });
}

/** Shipping shares never add up to more than the shipping not refunded yet. */
function capShipping(lines: EvaluatedLine[], left: number): void {
  const wanted = sumOf(lines.map((line) => line.shipping));
  if (wanted <= left) return;
  const shares = allocate(left, lines.map((line) => line.shipping));
  lines.forEach((line, index) => (line.shipping = shares[index] ?? 0));
}
