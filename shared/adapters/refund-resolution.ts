// Resolves a return with the refund or credit its decision paid: the lifecycle's `resolve` as the
// platform. A return not resolvable yet (refunded at label scan, still in transit) or already
// resolved is left as it is: false.
import type { DecisionRecord } from '../refunds/decision-record.ts';
import { storeCreditIdOf } from '../refunds/saga-events.ts';
import { applyTransition } from '../returns/lifecycle.ts';
import type { ReturnStore } from './return-store.ts';

export async function resolveReturnWithRefund(returns: ReturnStore, record: DecisionRecord, now = new Date()): Promise<boolean> {
  if (!record.returnId) return false;
  const returnCase = await returns.get(record.shopId, record.returnId);
  if (!returnCase) return false;
  const amount = record.outcome?.amount ? { amount: record.outcome.amount } : {};
  const outcome = record.outcome?.kind === 'store_credit' ? { resolution: 'store_credit' as const, storeCreditId: storeCreditIdOf(record), ...amount } : { resolution: 'refund' as const, refundId: record.refundId, ...amount };
  const result = applyTransition(returnCase, { type: 'resolve', actor: { kind: 'system' }, outcome }, now);
  if (!result.ok) return false;
  await returns.transition(record.shopId, returnCase.id, result, undefined, { kind: 'system' });
  return true;
}
