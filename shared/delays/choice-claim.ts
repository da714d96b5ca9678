// The ladder's offer_choice step: instead of a message of its own, the delay flow files a parcel
// claim (ParcelClaimFiled, kind not_delivered, source delay_ladder) for the refund engine, which
// decides it and offers the customer a refund or a new parcel. Once per order: the watch records
// the claim, and the claim id is the engine's idempotency key, so a retried handler files nothing twice.
import { createHash } from 'node:crypto';
import type { DetailInputOf } from '../events/define.ts';
import { ParcelClaimFiled } from '../events/refunds.ts';
import type { OrderState } from '../ingest/order-state.ts';
import { customerRefOf } from '../storefronts/to-events.ts';
import type { LadderChoice } from './settings.ts';
import { openDelays, type DelayWatch } from './watch.ts';

export type ParcelClaimFiledDetail = DetailInputOf<typeof ParcelClaimFiled>;

/** `clm_dly_<orderId>_<step>`; a hash of the order id instead when that would be too long for an id. */
export function choiceClaimId(orderId: string, step: number): string {
  const plain = `clm_dly_${orderId}_${step}`;
  return plain.length <= 100 ? plain : `clm_dly_${createHash('sha256').update(orderId).digest('hex').slice(0, 32)}_${step}`;
}

/** The claim to file for ladder step `step`, with the watch recording it; undefined when one was filed already or nothing is open. */
export function fileChoiceClaim(
  watch: DelayWatch,
  state: OrderState,
  ladder: { step: number; choices: readonly LadderChoice[] },
  now: Date,
): { watch: DelayWatch; claim: ParcelClaimFiledDetail } | undefined {
  const delay = openDelays(watch).at(-1);
  if (watch.choiceClaim || !delay || !state.order) return undefined;
  const claimId = choiceClaimId(watch.orderId, ladder.step);
  const claim = ParcelClaimFiled.detail.parse({
    version: 1,
    shopId: watch.shopId,
    occurredAt: now.toISOString(),
    claimId,
    orderId: watch.orderId,
    customer: customerRefOf(state.order),
    kind: 'not_delivered',
    source: 'delay_ladder',
    delayId: delay.delayId,
    comment: `Delay ladder step ${ladder.step}: offer the customer ${ladder.choices.join(' or ')} (${ladder.choices[0]} recommended)`,
  }) as ParcelClaimFiledDetail;
  const filedAt = now.toISOString();
  return { watch: { ...watch, choiceClaim: { claimId, step: ladder.step, delayId: delay.delayId, filedAt }, updatedAt: filedAt }, claim };
}
