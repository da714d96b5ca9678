// What the refund saga's steps announce, from the decision record: RefundIssued or RefundFailed for
// the money, StoreCreditIssued for credit, and the customer's message. Pure: ids and clock given.
// A gift card's code is never in what is published: events and messages name the credit
// (storeCreditId, codeLastCharacters) and the sender reads the code when it renders the message.
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

/** The credit the provider issued (recorded on the money step), or the decision's own id for it before that. */
export const storeCreditIdOf = (record: DecisionRecord) => record.steps.money?.storeCreditId ?? `sc_${record.decisionId}`;

export interface IssuedCreditDetails {
  storeCreditId: string;
  kind: 'gift_card' | 'account_credit';
  codeLastCharacters?: string;
  creditExpiresAt?: string;
}

export function refundIssued(record: DecisionRecord, providerRefundId: string | undefined, at: string, eventId: string): OutboxEvent {
  const detail: DetailInputOf<typeof RefundIssued> = { ...base(record, at), refundId: record.refundId, amount: amountOf(record), method: 'original_payment', ...(providerRefundId ? { platformRefundId: providerRefundId } : {}) };
  return { definition: RefundIssued, eventId, detail };
}

export function refundFailed(record: DecisionRecord, failure: { code: string; message: string; retryable: boolean }, at: string, eventId: string): OutboxEvent {
  const detail: DetailInputOf<typeof RefundFailed> = { ...base(record, at), refundId: record.refundId, amount: amountOf(record), errorCode: failure.code, message: failure.message.slice(0, 500), retryable: failure.retryable, attempts: 1 };
  return { definition: RefundFailed, eventId, detail };
}

export function storeCreditIssued(record: DecisionRecord, credit: IssuedCreditDetails, at: string, eventId: string): OutboxEvent {
  const detail: DetailInputOf<typeof StoreCreditIssued> = {
    ...base(record, at),
    storeCreditId: credit.storeCreditId,
    refundId: record.refundId,
    amount: amountOf(record),
    kind: credit.kind,
    ...(credit.codeLastCharacters ? { codeLastCharacters: credit.codeLastCharacters } : {}),
    ...(credit.creditExpiresAt ? { expiresAt: credit.creditExpiresAt } : {}),
  };
  return { definition: StoreCreditIssued, eventId, detail };
}

/** The customer's message once the money or credit went out; undefined when they cannot be reached. */
export function settlementMessage(record: DecisionRecord, at: string, newId: () => string): OutboxEvent | undefined {
  const common = { ...(record.customer.firstName ? { firstName: record.customer.firstName } : {}), orderNumber: record.orderNumber ?? record.orderId };
  const subject = { id: record.returnId ?? record.decisionId, shopId: record.shopId, orderId: record.orderId, customer: record.customer };
  const money = record.steps.money;
  if (record.outcome?.kind === 'reship') {
    const gift = record.decision.reship?.gift;
    const data = { ...common, ...(money?.exchangeOrderNumber ? { replacementOrderNumber: money.exchangeOrderNumber } : {}), ...(gift ? { giftTitle: gift.title ?? 'A small gift' } : {}) };
    return returnNotification(subject, { messageType: 'replacement_on_its_way', deduplicationKey: `replacement_on_its_way:${record.decisionId}`, category: 'transactional' }, data, at, newId);
  }
  const amount = amountOf(record);
  if (record.outcome?.kind === 'store_credit') {
    const bonus = record.outcome.bonus;
    // The sender adds the gift card's code from storeCreditId when it renders: it never rides the bus.
    const credit = money?.codeLastCharacters
      ? { kind: 'gift_card', codeLastCharacters: money.codeLastCharacters, storeCreditId: storeCreditIdOf(record), ...(money.creditExpiresAt ? { expiresAt: money.creditExpiresAt } : {}) }
      : { kind: 'account_credit', ...(money?.creditExpiresAt ? { expiresAt: money.creditExpiresAt } : {}) };
    return returnNotification(subject, { messageType: 'store_credit_issued', deduplicationKey: `store_credit_issued:${record.decisionId}`, category: 'transactional' }, { ...common, amount, ...(bonus ? { bonus } : {}), ...credit }, at, newId);
  }
  return returnNotification(subject, { messageType: 'refund_issued', deduplicationKey: `refund_issued:${record.decisionId}`, category: 'transactional' }, { ...common, amount, paymentMethod: 'original_payment', issuedAt: at, businessDays: 10 }, at, newId);
}
