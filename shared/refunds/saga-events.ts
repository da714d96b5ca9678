// What the refund saga's steps announce, from the decision record: RefundIssued or RefundFailed for
// the money, StoreCreditIssued for credit, and the customer's message. Pure: ids and clock given.
import type { DetailInputOf } from '../events/define.ts';
import { RefundFailed, RefundIssued, StoreCreditIssued } from '../events/refunds.ts';
import { returnNotification, type OutboxEvent } from '../returns/messages.ts';
import type { DecisionRecord } from './decision-record.ts';

const base = (record: DecisionRecord, at: string) => ({
  version: 1 as const,
  shopId: record.shopId,
  occurredAt: at,
  decisionId: record.decisionId,
  orderId: record.orderId,
  ...(record.returnId ? { returnId: record.returnId } : {}),
  customer: record.customer,
});

const amountOf = (record: DecisionRecord) => {
  const amount = record.outcome?.amount;
  if (!amount) throw new Error(`Decision ${record.decisionId} has no amount to pay`);
  return amount;
};

/** What the ledger holds for the decision: store credit's bonus is a gift, not money paid back. */
export function ledgerAmount(record: DecisionRecord) {
  const amount = amountOf(record);
  const bonus = record.outcome?.kind === 'store_credit' ? record.outcome.bonus : undefined;
  return bonus && bonus.currency === amount.currency ? { amount: amount.amount - bonus.amount, currency: amount.currency } : amount;
}

export const storeCreditIdOf = (record: DecisionRecord) => `sc_${record.decisionId}`;

export function refundIssued(record: DecisionRecord, providerRefundId: string | undefined, at: string, eventId: string): OutboxEvent {
  const detail: DetailInputOf<typeof RefundIssued> = { ...base(record, at), refundId: record.refundId, amount: amountOf(record), method: 'original_payment', ...(providerRefundId ? { platformRefundId: providerRefundId } : {}) };
  return { definition: RefundIssued, eventId, detail };
}

export function refundFailed(record: DecisionRecord, failure: { code: string; message: string; retryable: boolean }, at: string, eventId: string): OutboxEvent {
  const detail: DetailInputOf<typeof RefundFailed> = { ...base(record, at), refundId: record.refundId, amount: amountOf(record), errorCode: failure.code, message: failure.message.slice(0, 500), retryable: failure.retryable, attempts: 1 };
  return { definition: RefundFailed, eventId, detail };
}

export function storeCreditIssued(record: DecisionRecord, at: string, eventId: string): OutboxEvent {
  const detail: DetailInputOf<typeof StoreCreditIssued> = { ...base(record, at), storeCreditId: storeCreditIdOf(record), refundId: record.refundId, amount: amountOf(record), kind: 'account_credit' };
  return { definition: StoreCreditIssued, eventId, detail };
}

/** The customer's message once the money or credit went out; undefined when they cannot be reached. */
export function settlementMessage(record: DecisionRecord, at: string, newId: () => string): OutboxEvent | undefined {
  const amount = amountOf(record);
  const common = { ...(record.customer.firstName ? { firstName: record.customer.firstName } : {}), orderNumber: record.orderNumber ?? record.orderId };
  const subject = { id: record.returnId ?? record.decisionId, shopId: record.shopId, orderId: record.orderId, customer: record.customer };
  if (record.outcome?.kind === 'store_credit') {
    const bonus = record.outcome.bonus;
    return returnNotification(subject, { messageType: 'store_credit_issued', deduplicationKey: `store_credit_issued:${record.decisionId}`, category: 'transactional' }, { ...common, amount, ...(bonus ? { bonus } : {}), kind: 'account_credit' }, at, newId);
  }
  return returnNotification(subject, { messageType: 'refund_issued', deduplicationKey: `refund_issued:${record.decisionId}`, category: 'transactional' }, { ...common, amount, paymentMethod: 'original_payment', issuedAt: at, businessDays: 10 }, at, newId);
}
