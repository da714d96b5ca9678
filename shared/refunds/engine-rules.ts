// The rules about the customer and the decision rather than the lines: risk signals (which send
// a claim to a person, never deny it on their own), the approval limits, and when money moves.
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import type { RefundInput } from './claim.ts';
import type { RefundTiming, RuleOutcome } from './decision.ts';
import { formatMoney, inCurrency, money } from './money.ts';
import { normalizeEmail, normalizePostalCode, type RefundRules } from './rules.ts';

const dayMs = 86_400_000;

/** The four risk signals; true when one fired. */
export function riskSignals(input: RefundInput, reasons: RuleOutcome[]): boolean {
  const { risk } = input.rules;
  const { history, order } = input;
  const trusted = history.tier !== undefined && risk.trustedTiers.includes(history.tier);

  const counted = history.orders >= risk.minOrdersForReturnRate;
  const rate = history.orders > 0 ? Math.round((history.returns / history.orders) * 1000) / 10 : 0;
  const highRate = counted && rate > risk.maxReturnRatePercent && !trusted;
  reasons.push({
    rule: 'risk_return_rate',
    fired: highRate,
    inputs: { orders: history.orders, returns: history.returns, ratePercent: rate, maxPercent: risk.maxReturnRatePercent, minOrders: risk.minOrdersForReturnRate, tier: history.tier ?? null, trusted },
    detail: !counted
      ? `Too few orders (${history.orders}) for a return rate to mean anything`
      : trusted && rate > risk.maxReturnRatePercent
        ? `Return rate ${rate} % is high, but tier ${history.tier} is trusted`
        : highRate
          ? `Return rate ${rate} % is above ${risk.maxReturnRatePercent} %: a person reviews the claim`
          : `Return rate ${rate} % is within ${risk.maxReturnRatePercent} %`,
  });

  const since = Date.parse(input.now) - risk.recentClaimsDays * dayMs;
  const recent = history.claimDates.filter((date) => Date.parse(date) >= since).length;
  const manyClaims = recent > risk.maxRecentClaims && !trusted;
  reasons.push({
    rule: 'risk_recent_claims',
    fired: manyClaims,
    inputs: { recentClaims: recent, days: risk.recentClaimsDays, max: risk.maxRecentClaims, tier: history.tier ?? null, trusted },
    detail: manyClaims
      ? `${recent} earlier claims in ${risk.recentClaimsDays} days (more than ${risk.maxRecentClaims}): a person reviews the claim`
      : `${recent} earlier claims in ${risk.recentClaimsDays} days${trusted && recent > risk.maxRecentClaims ? `, but tier ${history.tier} is trusted` : ''}`,
  });

  const email = order.customer.email ? normalizeEmail(order.customer.email) : undefined;
  const blockedEmail = email !== undefined && risk.blocklist.emails.some((blocked) => normalizeEmail(blocked) === email);
  reasons.push({
    rule: 'risk_blocklisted_email',
    fired: blockedEmail,
    inputs: { email: email ?? null, blocklisted: risk.blocklist.emails.length },
    detail: blockedEmail ? 'The customer’s email is on the blocklist: a person reviews the claim' : email ? 'The email is not on the blocklist' : 'The order has no email to check',
  });

  const address = addressKey(order);
  const blockedAddress = address !== undefined && risk.blocklist.addresses.some((blocked) => `${normalizePostalCode(blocked.postalCode)} ${blocked.countryCode}` === address);
  reasons.push({
    rule: 'risk_blocklisted_address',
    fired: blockedAddress,
    inputs: { address: address ?? null, blocklisted: risk.blocklist.addresses.length },
    detail: blockedAddress ? 'The shipping address is on the blocklist: a person reviews the claim' : address ? 'The address is not on the blocklist' : 'The order has no postal code to check',
  });

  return highRate || manyClaims || blockedEmail || blockedAddress;
}

function addressKey(order: NormalizedOrder): string | undefined {
  const address = order.shippingAddress;
  if (!address?.postalCode) return undefined;
  return `${normalizePostalCode(address.postalCode)} ${address.countryCode}`;
}

export interface Approval {
  automatic: boolean;
  needsSupervisor: boolean;
}

/** The approval limits, on `amount`: the most an automatic decision could take from the payment. */
export function approval(rules: RefundRules, currency: string, amount: number, reasons: RuleOutcome[]): Approval {
  const limit = inCurrency(rules.approval.autoApproveUpTo, currency);
  const supervisor = inCurrency(rules.approval.supervisorAbove, currency);
  const value = money(amount, currency);
  const automatic = limit !== undefined && amount <= limit.amount;
  const needsSupervisor = supervisor !== undefined && amount > supervisor.amount;
  reasons.push({
    rule: 'auto_approve',
    fired: automatic,
    inputs: { amount: value, limit: limit ?? null },
    detail: limit === undefined ? `No auto-approve limit in ${currency}: a person approves` : automatic ? `${formatMoney(value)} is within the auto-approve limit of ${formatMoney(limit)}` : `${formatMoney(value)} is above the auto-approve limit of ${formatMoney(limit)}: a person approves`,
  });
  reasons.push({
    rule: 'supervisor_approval',
    fired: needsSupervisor,
    inputs: { amount: value, above: supervisor ?? null },
    detail: needsSupervisor && supervisor ? `${formatMoney(value)} is above ${formatMoney(supervisor)}: a supervisor approves` : 'No supervisor needed',
  });
  return { automatic, needsSupervisor };
}

/**
 * When money goes back. Parcel claims and inspected returns: when decided. A return not inspected
 * yet: at the rules' step, but only for a decision taken without a person; otherwise after inspection.
 */
export function timing(input: RefundInput, decidedAutomatically: boolean, reasons: RuleOutcome[]): RefundTiming {
  const { claim } = input;
  const configured = input.rules.timing.refundAt;
  const inspected = claim.kind !== 'return_inspection' || claim.lines.every((line) => line.condition !== undefined || line.requested === 'keep');
  const refundAt: RefundTiming = inspected ? 'now' : decidedAutomatically ? configured : 'inspection';
  const early = refundAt === 'label_scan' || refundAt === 'carrier_delivery';
  reasons.push({
    rule: 'refund_timing',
    fired: early,
    inputs: { claimKind: claim.kind, configured, inspected, automatic: decidedAutomatically, refundAt },
    detail: inspected
      ? 'Settled when decided'
      : early
        ? `Refunded before inspection, at ${refundAt.replace('_', ' ')}`
        : configured === 'inspection'
          ? 'Refunded after inspection'
          : `Waits for inspection: a person reviews this claim (the rules allow ${configured.replace('_', ' ')})`,
  });
  return refundAt;
}
