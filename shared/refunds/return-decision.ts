// The refund decision of a return: the engine decides from the case, the order, its ledger, the
// customer's history and the shop's rules; the record and its RefundDecided event are what the
// decide step writes, once per return (the decision id is the return's). Pure. A return is decided
// at inspection, or earlier, at the carrier's first scan or at its delivery to the shop, when the
// shop's rules refund at that moment and the engine can decide without a person (otherwise it waits
// for the inspection).
import type { CustomerRef } from '../events/common.ts';
import { RefundDecided } from '../events/refunds.ts';
import type { ReturnCase } from '../returns/case.ts';
import type { OutboxEvent } from '../returns/messages.ts';
import type { ReturnPolicy } from '../returns/policy.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import { claimFromReturnCase, type CustomerHistoryInput, type LedgerTotals, type RefundInput } from './claim.ts';
import { refundDecidedDetail } from './decided-event.ts';
import { moneyResolutions } from './decision.ts';
import { newDecisionRecord, type DecisionRecord } from './decision-record.ts';
import { decideRefund } from './engine.ts';
import type { RefundRules } from './rules.ts';

export const decisionIdOfReturn = (returnId: string) => `dec_${returnId}`;

export type ReturnMoment = 'label_scan' | 'carrier_delivery' | 'inspection';

export interface ReturnDecisionInput {
  returnCase: ReturnCase;
  order: NormalizedOrder;
  ledger?: LedgerTotals;
  history: CustomerHistoryInput;
  rules: RefundRules;
  returnPolicy: ReturnPolicy;
  now: Date;
  eventId: string;
  /** The moment of the return: its first carrier scan, the carrier's delivery to the shop, or its inspection (default). */
  at?: ReturnMoment;
}

/** What the engine decides the return's refund from; undefined when nothing is refunded (every line exchanged). */
export function returnRefundInput(input: Omit<ReturnDecisionInput, 'eventId'>): RefundInput | undefined {
  const { returnCase } = input;
  const claim = claimFromReturnCase(returnCase);
  if (!claim) return undefined;
  return {
    decisionId: decisionIdOfReturn(returnCase.id),
    now: input.now.toISOString(),
    claim,
    order: input.order,
    ...(input.ledger ? { ledger: input.ledger } : {}),
    history: { claimDates: [], ...input.history },
    rules: input.rules,
    returnPolicy: input.returnPolicy,
  };
}

/** The decision, its record and RefundDecided; undefined when nothing is refunded (every line exchanged). */
export function decideReturnRefund(input: ReturnDecisionInput): { record: DecisionRecord; events: OutboxEvent[] } | undefined {
  const { returnCase, now } = input;
  // Before inspection only at the one moment the rules name, and only if the engine then refunds early.
  const early = input.at === 'label_scan' || input.at === 'carrier_delivery' ? input.at : undefined;
  if (early && input.rules.timing.refundAt !== early) return undefined;
  const refundInput = returnRefundInput(input);
  if (!refundInput) return undefined;
  const decision = decideRefund(refundInput);
  if (early && decision.timing.refundAt !== early) return undefined;
  const customer: CustomerRef = returnCase.customer;
  const record = newDecisionRecord(decision, { shopId: returnCase.shopId, customer, orderNumber: returnCase.orderNumber, now });
  const money = (moneyResolutions as readonly string[]).includes(decision.kind);
  const detail = refundDecidedDetail(decision, { shopId: returnCase.shopId, occurredAt: record.createdAt, customer, trigger: 'return', ...(money ? { refundId: record.refundId } : {}) });
  return { record, events: [{ definition: RefundDecided, eventId: input.eventId, detail }] };
}
