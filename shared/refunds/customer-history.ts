// The customer's history as the refund engine's risk rules read it (CustomerHistory in claim.ts),
// from the customer's claims (every return case and every parcel claim they made, as the claims
// index keeps them) and their order count. Pure: shared/adapters/customer-history.ts reads the data.
import type { CustomerHistory } from './claim.ts';

export type CustomerClaimKind = 'return' | 'parcel_claim';

/** One claim of a customer: a return case (id: the return's) or a parcel claim (id: its decision's). */
export interface CustomerClaim {
  kind: CustomerClaimKind;
  id: string;
  orderId: string;
  createdAt: string;
}

/** The claim being decided: never counted in its own history, nor anything made after it. */
export interface CurrentClaim {
  id: string;
  orderId: string;
  /** Absent: everything else the customer claimed counts (a claim not stored yet). */
  createdAt?: string;
}

/** CustomerHistory's `claimDates` keeps at most this many, the latest. */
export const maxClaimDates = 1000;

/**
 * The history before `current`. Orders: the larger of the customer record's count and the orders
 * seen in their claims with this one (a customer the storefront never sent us has no record, and
 * the order store keeps no index by customer), less this order. Returns: earlier return cases, of
 * any outcome (asking is what the return rate measures). Claim dates: earlier returns and parcel
 * claims alike, oldest first.
 */
export function historyBefore(claims: readonly CustomerClaim[], current: CurrentClaim, customer: { orderCount?: number; tier?: string } = {}): CustomerHistory {
  const cutoff = current.createdAt === undefined ? undefined : Date.parse(current.createdAt);
  const earlier = claims.filter((claim) => claim.id !== current.id && (cutoff === undefined || Date.parse(claim.createdAt) <= cutoff));
  const ordersSeen = new Set([current.orderId, ...claims.map((claim) => claim.orderId)]).size;
  const orders = Math.max(customer.orderCount ?? 0, ordersSeen) - 1;
  const claimDates = earlier
    .map((claim) => claim.createdAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .slice(-maxClaimDates);
  return {
    orders: Math.max(0, orders),
    returns: earlier.filter((claim) => claim.kind === 'return').length,
    claimDates,
    ...(customer.tier ? { tier: customer.tier } : {}),
  };
}
