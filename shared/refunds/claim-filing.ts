// Filing a parcel claim (not delivered, damaged in transit, wrong or missing item): the customer's
// or an agent's claim checked against the order, then announced as ParcelClaimFiled for the claims
// consumer to decide. Only what the order itself contradicts is refused here (lines that are not on
// it, more units than were ordered); whether the claim deserves money is the engine's and the risk
// rules' business, so a "not delivered" on an order the carrier marked delivered is accepted. Pure.
import type { DetailInputOf } from '../events/define.ts';
import { ParcelClaimFiled } from '../events/refunds.ts';
import type { OutboxEvent } from '../returns/messages.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import { customerRefOf } from '../storefronts/to-events.ts';
import type { ParcelClaimKind } from './rules.ts';
import { decisionIdOfClaim } from './claim-offer.ts';

export type ClaimSource = 'customer' | 'ops' | 'delay_ladder';

export interface ClaimFiling {
  claimId: string;
  order: NormalizedOrder;
  kind: ParcelClaimKind;
  source: ClaimSource;
  lines?: ReadonlyArray<{ lineId: string; quantity: number }>;
  comment?: string;
  photos?: readonly string[];
  delayId?: string;
  now: Date;
  eventId: string;
}

export interface FieldProblem {
  path: string;
  message: string;
}

export type FilingResult = { ok: true; claimId: string; decisionId: string; event: OutboxEvent } | { ok: false; detail: string; errors: FieldProblem[] };

/** The claim's ParcelClaimFiled, or the fields the order contradicts (`body.lines[i].lineId`, `.quantity`). */
export function fileParcelClaim(filing: ClaimFiling): FilingResult {
  const { order } = filing;
  const errors: FieldProblem[] = [];
  const ordered = new Map(order.lines.map((line) => [line.lineId, line.quantity]));
  const seen = new Set<string>();
  (filing.lines ?? []).forEach((line, index) => {
    const quantity = ordered.get(line.lineId);
    if (quantity === undefined) errors.push({ path: `body.lines[${index}].lineId`, message: `is not a line of order ${order.orderNumber}` });
    else if (seen.has(line.lineId)) errors.push({ path: `body.lines[${index}].lineId`, message: 'is listed twice' });
    else if (line.quantity > quantity) errors.push({ path: `body.lines[${index}].quantity`, message: `is more than the ${quantity} ordered` });
    seen.add(line.lineId);
  });
  if (errors.length) return { ok: false, detail: `The claim does not match order ${order.orderNumber}: ${errors[0]!.path} ${errors[0]!.message}`, errors };

  const detail: DetailInputOf<typeof ParcelClaimFiled> = {
    version: 1,
    shopId: order.shopId,
    occurredAt: filing.now.toISOString(),
    orderId: order.orderId,
    customer: customerRefOf(order),
    claimId: filing.claimId,
    kind: filing.kind,
    ...(filing.lines?.length ? { lines: filing.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })) } : {}),
    source: filing.source,
    ...(filing.delayId ? { delayId: filing.delayId } : {}),
    ...(filing.comment ? { comment: filing.comment } : {}),
    ...(filing.photos?.length ? { photos: [...filing.photos] } : {}),
  };
  return { ok: true, claimId: filing.claimId, decisionId: decisionIdOfClaim(filing.claimId), event: { definition: ParcelClaimFiled, eventId: filing.eventId, detail } };
}
