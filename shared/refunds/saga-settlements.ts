// The saga's money step for the settlements that are not a refund to the original payment:
//   store credit: the amount is held in the ledger (saga.ts), the credit is issued once under the
//                 decision's key (a gift card at the shop's provider), its code kept for the
//                 customer's message and never published, then the hold is confirmed. A decline
//                 releases the hold and fails the decision visibly, as a refund's does.
//   reship:       a zero-priced replacement order through the storefront exchange port, idempotent
//                 on the decision's key, with the decided lines and the optional gift.
import type { OrderLine } from '../events/common.ts';
import type { EntryOutcome, EntryRef } from '../adapters/refund-ledger-store.ts';
import type { OutboxEvent } from '../returns/messages.ts';
import { StoreCreditNotConfiguredError, type IssueCreditOutcome, type IssuedCredit, type StoreCreditLookup, type StoreCreditRequest } from '../payments/store-credit-port.ts';
import { ExchangesNotConfiguredError, StorefrontRefusedError, type ExchangeOrder, type ExchangeOrderRequest } from '../storefronts/exchange-port.ts';
import { completeStep, type DecisionRecord } from './decision-record.ts';
import { storeCreditIssued } from './saga-events.ts';

/** The provider could not tell whether it refunded or credited: the hold stays, and the step is retried later. */
export class RefundOutcomeUnknownError extends Error {}

export interface SettlementPorts {
  /** Store credit under the key (issueCreditOnce over the shop's provider), and what was issued under a key. */
  storeCredit: {
    issue(request: StoreCreditRequest): Promise<IssueCreditOutcome>;
    lookup(request: { shopId: string; key: string }): Promise<StoreCreditLookup>;
  };
  /** Keeps a gift card's code for the customer's message, off the bus and out of the logs. */
  keepCode(shopId: string, creditId: string, code: string): Promise<void>;
  reship: {
    /** The order's lines (to find the variants to send again); undefined when the order is unknown. */
    orderLines(shopId: string, orderId: string): Promise<readonly OrderLine[] | undefined>;
    /** The replacement order (StorefrontExchangePort.createExchangeOrder): idempotent on `key`. */
    createOrder(shopId: string, request: ExchangeOrderRequest): Promise<ExchangeOrder>;
  };
}

export interface StepContext {
  ledger: {
    confirm(ref: EntryRef, details?: { providerRefundId?: string }): Promise<EntryOutcome>;
    release(ref: EntryRef, details?: { declineCode?: string }): Promise<EntryOutcome>;
    markUnknown(ref: EntryRef): Promise<EntryOutcome>;
  };
  now: Date;
  newId(): string;
  save(next: DecisionRecord, events: OutboxEvent[]): Promise<DecisionRecord>;
  fail(code: string, message: string): Promise<DecisionRecord>;
}

/** Issues the held store credit once (or finds the one issued before a crash) and records it. */
export async function issueStoreCredit(record: DecisionRecord, ref: EntryRef, alreadyIssued: boolean, ports: SettlementPorts, step: StepContext): Promise<DecisionRecord> {
  const key = record.refundId;
  let credit: IssuedCredit;
  if (alreadyIssued) {
    // Confirmed in the ledger before the record was saved: the provider has it under the key.
    const found = await ports.storeCredit.lookup({ shopId: record.shopId, key });
    if (found.status !== 'issued') throw new RefundOutcomeUnknownError(`Store credit ${key} is confirmed in the ledger but the provider answers ${found.status}`);
    credit = found;
  } else {
    let outcome: IssueCreditOutcome;
    try {
      outcome = await ports.storeCredit.issue({
        key,
        shopId: record.shopId,
        orderId: record.orderId,
        customer: { id: record.customer.id, ...(record.customer.email ? { email: record.customer.email } : {}) },
        // What the customer receives: the bonus included (the ledger holds only what was paid).
        amount: record.outcome!.amount!,
        reason: `Store credit for order ${record.orderNumber ?? record.orderId}, decision ${record.decisionId}`,
      });
    } catch (error) {
      if (!(error instanceof StoreCreditNotConfiguredError)) throw error;
      await step.ledger.release(ref, { declineCode: 'store_credit_not_configured' });
      return step.fail('store_credit_not_configured', 'The shop has no store credit provider configured (shop setting `storeCredit`)');
    }
    if (outcome.status === 'unknown') {
      await step.ledger.markUnknown(ref);
      throw new RefundOutcomeUnknownError(`Store credit ${key}: ${outcome.reason}`);
    }
    if (outcome.status === 'declined') {
      await step.ledger.release(ref, { declineCode: outcome.declineCode });
      return step.fail(outcome.declineCode, 'The store credit provider declined the credit');
    }
    credit = outcome;
    // Kept before the ledger says issued: a crash in between issues nothing twice (the key) and loses no code.
    if (credit.code) await ports.keepCode(record.shopId, credit.creditId, credit.code);
    await step.ledger.confirm(ref, { providerRefundId: credit.creditId });
  }
  const at = step.now.toISOString();
  const details = {
    storeCreditId: credit.creditId,
    ...(credit.codeLastCharacters ? { codeLastCharacters: credit.codeLastCharacters } : {}),
    ...(credit.expiresAt ? { creditExpiresAt: credit.expiresAt } : {}),
  };
  return step.save(completeStep(record, 'money', details, step.now), [storeCreditIssued(record, { ...details, kind: credit.kind }, at, step.newId())]);
}

/** Places the replacement order of a reship, once, and records it. */
export async function placeReplacement(record: DecisionRecord, ports: SettlementPorts, step: StepContext): Promise<DecisionRecord> {
  const reship = record.decision.reship;
  const wanted = reship?.lines ?? record.decision.lines.filter((line) => line.quantity > 0).map(({ lineId, quantity }) => ({ lineId, quantity }));
  if (!wanted.length) return step.fail('reship_no_lines', 'The decision names no lines to send again');
  const orderLines = await ports.reship.orderLines(record.shopId, record.orderId);
  if (!orderLines) throw new Error(`Order ${record.shopId}/${record.orderId} is not known yet`);
  const variants = new Map(orderLines.map((line) => [line.lineId, line.variantId]));
  const unknown = wanted.filter((line) => !variants.get(line.lineId)).map((line) => line.lineId);
  if (unknown.length) return step.fail('reship_variant_unknown', `The order's lines ${unknown.join(', ')} name no variant to send again`);
  const lines = wanted.map((line) => ({ variantId: variants.get(line.lineId)!, quantity: line.quantity }));
  if (reship?.gift) lines.push({ variantId: reship.gift.variantId, quantity: 1 });
  let order: ExchangeOrder;
  try {
    order = await ports.reship.createOrder(record.shopId, {
      key: record.refundId,
      orderNumberOfOriginal: record.orderNumber ?? record.orderId,
      customer: { id: record.customer.id, ...(record.customer.email ? { email: record.customer.email } : {}) },
      lines,
      // Nothing is charged: a reship order is a free replacement (no charge follows it).
      note: `Free replacement (reship) for order ${record.orderNumber ?? record.orderId}, decision ${record.decisionId}${reship?.gift ? ', with a gift' : ''}`,
    });
  } catch (error) {
    if (error instanceof StorefrontRefusedError) return step.fail('reship_refused', `The storefront refused the replacement order: ${error.message}`.slice(0, 500));
    if (!(error instanceof ExchangesNotConfiguredError)) throw error;
    return step.fail('reship_not_configured', 'The shop has no exchange service configured (shop setting `exchanges`): a reship cannot be ordered');
  }
  return step.save(completeStep(record, 'money', { exchangeOrderId: order.orderId, exchangeOrderNumber: order.orderNumber }, step.now), []);
}
