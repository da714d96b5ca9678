// The refund saga: an approved decision runs its named steps in order, each recorded on the decision
// (conditional on its version) with what it announces, so a retry resumes at the first step not
// done and never repeats one.
//   money:   hold the amount in the ledger, refund it once through the provider (a timeout is
//            resolved by asking the provider), confirm; or issue store credit once the same way
//            (saga-settlements.ts). A decline releases the hold and fails the decision
//            (RefundFailed), visible to ops, who may retry it. A reship places a free
//            replacement order through the storefront instead.
//   notify:  the customer's message (refund issued, store credit issued with its code, replacement on its way).
//   resolve: the return is resolved with the refund or credit.
import type { EntryOutcome, EntryRef, MovementOutcome } from '../adapters/refund-ledger-store.ts';
import type { Money } from '../events/common.ts';
import type { OutboxEvent } from '../returns/messages.ts';
import type { IssueOutcome } from '../payments/issue-once.ts';
import { PaymentsNotConfiguredError } from '../payments/payment-port.ts';
import { completeStep, failRecord, nextStep, type DecisionRecord, type SagaStep } from './decision-record.ts';
import { ledgerAmount, refundFailed, refundIssued, settlementMessage } from './saga-events.ts';
import { issueStoreCredit, placeReplacement, RefundOutcomeUnknownError, type SettlementPorts, type StepContext } from './saga-settlements.ts';

export { RefundOutcomeUnknownError } from './saga-settlements.ts';

export interface SagaPorts extends SettlementPorts {
  ledger: {
    reserve(movement: { shopId: string; orderId: string; kind: 'refund' | 'store_credit'; key: string; amount: Money; decisionId?: string; reason?: string }): Promise<MovementOutcome>;
    confirm(ref: EntryRef, details?: { providerRefundId?: string }): Promise<EntryOutcome>;
    release(ref: EntryRef, details?: { declineCode?: string }): Promise<EntryOutcome>;
    markUnknown(ref: EntryRef): Promise<EntryOutcome>;
  };
  /** Refunds once under the key (issueRefundOnce over the shop's provider). */
  refund(request: { key: string; shopId: string; orderId: string; amount: Money; reason: string }): Promise<IssueOutcome>;
  /** Writes the decision if still at `next.version - 1`, with the events; throws on a lost race. */
  save(next: DecisionRecord, events: OutboxEvent[]): Promise<void>;
  /** Resolves the return with the refund or credit; false when it is not resolvable (already resolved). */
  resolveReturn(record: DecisionRecord): Promise<boolean>;
  now(): Date;
  newId(): string;
}

export async function runSaga(start: DecisionRecord, ports: SagaPorts): Promise<DecisionRecord> {
  let record = start;
  for (let step = nextStep(record); record.status === 'approved' && step; step = nextStep(record)) {
    record = await runStep(step, record, ports);
  }
  return record;
}

async function runStep(step: SagaStep, record: DecisionRecord, ports: SagaPorts): Promise<DecisionRecord> {
  const now = ports.now();
  const at = now.toISOString();
  const save = async (next: DecisionRecord, events: OutboxEvent[]) => (await ports.save(next, events), next);
  const kind = record.outcome?.kind;
  if (step === 'money') {
    const context: StepContext = { ledger: ports.ledger, now, newId: ports.newId, save, fail: (code, message) => fail(record, code, message, false, ports) };
    if (kind === 'reship') return placeReplacement(record, ports, context);
    const ledgerKind = kind === 'store_credit' ? 'store_credit' : 'refund';
    const ref: EntryRef = { shopId: record.shopId, orderId: record.orderId, kind: ledgerKind, key: record.refundId };
    const held = await ports.ledger.reserve({ ...ref, kind: ledgerKind, amount: ledgerAmount(record), decisionId: record.decisionId, reason: kind });
    if (held.outcome === 'exceeds_paid') return fail(record, 'exceeds_paid', `Only ${held.remaining.amount} ${held.remaining.currency} can still be refunded on this order`, false, ports);
    if (held.outcome === 'currency_mismatch') return fail(record, 'currency_mismatch', `The order was paid in ${held.expected}`, false, ports);
    if (held.outcome === 'order_unknown') throw new Error(`Order ${record.shopId}/${record.orderId} is not known yet`);
    const alreadyIssued = held.outcome === 'duplicate' && held.entry.state === 'issued';
    if (ledgerKind === 'store_credit') return issueStoreCredit(record, ref, alreadyIssued, ports, context);
    if (alreadyIssued) return save(completeStep(record, 'money', { ...(held.entry.providerRefundId ? { providerRefundId: held.entry.providerRefundId } : {}) }, now), [refundIssued(record, held.entry.providerRefundId, at, ports.newId())]);
    let issued: IssueOutcome;
    try {
      issued = await ports.refund({ key: record.refundId, shopId: record.shopId, orderId: record.orderId, amount: ledgerAmount(record), reason: `Refund decision ${record.decisionId}` });
    } catch (error) {
      // No provider to pay through: nothing was sent, so the hold is released and ops see why.
      if (!(error instanceof PaymentsNotConfiguredError)) throw error;
      await ports.ledger.release(ref, { declineCode: 'payments_not_configured' });
      return fail(record, 'payments_not_configured', 'The shop has no payment provider configured (shop setting `payments`)', false, ports);
    }
    if (issued.status === 'unknown') {
      await ports.ledger.markUnknown(ref);
      throw new RefundOutcomeUnknownError(`Refund ${record.refundId}: ${issued.reason}`);
    }
    if (issued.status === 'declined') {
      await ports.ledger.release(ref, { ...(issued.declineCode ? { declineCode: issued.declineCode } : {}) });
      return fail(record, issued.declineCode ?? 'declined', 'The payment provider declined the refund', false, ports);
    }
    await ports.ledger.confirm(ref, { ...(issued.providerRefundId ? { providerRefundId: issued.providerRefundId } : {}) });
    return save(completeStep(record, 'money', { ...(issued.providerRefundId ? { providerRefundId: issued.providerRefundId } : {}) }, now), [refundIssued(record, issued.providerRefundId, at, ports.newId())]);
  }
  if (step === 'notify') {
    const message = settlementMessage(record, at, ports.newId);
    return save(completeStep(record, 'notify', {}, now), message ? [message] : []);
  }
  if (record.returnId) await ports.resolveReturn(record);
  return save(completeStep(record, 'resolve', {}, now), []);
}

async function fail(record: DecisionRecord, code: string, message: string, retryable: boolean, ports: SagaPorts): Promise<DecisionRecord> {
  const step = nextStep(record) ?? 'money';
  const now = ports.now();
  const next = failRecord(record, { step, code, message, retryable }, now);
  await ports.save(next, record.outcome?.amount ? [refundFailed(record, { code, message, retryable }, now.toISOString(), ports.newId())] : []);
  return next;
}
