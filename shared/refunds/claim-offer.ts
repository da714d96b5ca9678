// A parcel claim decided, and the customer's choice among its options. A claim the customer (or
// the delay ladder, on their behalf) filed whose decision has two or more options waits for the
// customer (`awaiting_customer`): they get one message listing the options, recommended first, and
// pick one; when they have not within the rules' `choiceDays`, the recommended option applies. The
// pick settles the decision as the engine would have (selectOption): approved, or a person's review
// when the rules say so. A claim filed by ops, or with one option, is settled at once. Pure: the
// caller passes the clock, ids and how a choice link is built.
import { createHash } from 'node:crypto';
import type { CustomerRef } from '../events/common.ts';
import type { DetailOf } from '../events/define.ts';
import { RefundDecided, type ParcelClaimFiled } from '../events/refunds.ts';
import { TimersRequested } from '../events/timers.ts';
import type { OutboxEvent } from '../returns/messages.ts';
import type { ReturnPolicy } from '../returns/policy.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import { claimOfferMessage, type ChoiceUrl } from './claim-message.ts';
import type { CustomerHistoryInput, LedgerTotals, RefundInput } from './claim.ts';
import { refundDecidedDetail } from './decided-event.ts';
import { moneyResolutions, type Decision, type ResolutionKind } from './decision.ts';
import { newDecisionRecord, type DecisionRecord, type DecisionStatus } from './decision-record.ts';
import { decideRefund, selectOption } from './engine.ts';
import type { RefundRules } from './rules.ts';

export type ParcelClaimDetail = DetailOf<typeof ParcelClaimFiled>;

export const decisionIdOfClaim = (claimId: string) => `dec_${claimId}`;

const scheduleName = /^[0-9a-zA-Z._-]{1,64}$/;

/** `ref-<shop>-<decision>-offer`, or a short hash of both when that is not a valid schedule name (as returns do). */
export function offerTimerId(shopId: string, decisionId: string): string {
  const plain = `ref-${shopId}-${decisionId}-offer`;
  if (scheduleName.test(plain)) return plain;
  return `ref-${createHash('sha256').update(`${shopId}\u0000${decisionId}`).digest('hex').slice(0, 24)}-offer`;
}

export interface ParcelClaimDecisionInput {
  claim: ParcelClaimDetail;
  order: NormalizedOrder;
  ledger?: LedgerTotals;
  history: CustomerHistoryInput;
  rules: RefundRules;
  returnPolicy?: ReturnPolicy;
  now: Date;
  newId: () => string;
  /** The link in the customer's message that picks an option; absent: the shop sends no messages. */
  choiceUrl?: ChoiceUrl;
}

/** What the engine decides the claim from: the claim id is its case id, the decision id derived from it. */
export function parcelClaimRefundInput(input: Omit<ParcelClaimDecisionInput, 'newId' | 'choiceUrl'>): RefundInput {
  const { claim } = input;
  return {
    decisionId: decisionIdOfClaim(claim.claimId),
    now: input.now.toISOString(),
    claim: { kind: claim.kind, caseId: claim.claimId, ...(claim.lines ? { lines: claim.lines } : {}) },
    order: input.order,
    ...(input.ledger ? { ledger: input.ledger } : {}),
    history: { claimDates: [], ...input.history },
    rules: input.rules,
    ...(input.returnPolicy ? { returnPolicy: input.returnPolicy } : {}),
  };
}

/** Whether the customer chooses: they (or the delay ladder for them) filed it, and there is a choice. */
export const customerChooses = (claim: Pick<ParcelClaimDetail, 'source'>, decision: Pick<Decision, 'options'>) => decision.options.length >= 2 && claim.source !== 'ops';

/** The claim's decision record and its outbox events: the offer (message and expiry timer), or RefundDecided. */
export function decideParcelClaim(input: ParcelClaimDecisionInput): { record: DecisionRecord; events: OutboxEvent[] } {
  const { claim, now } = input;
  const decision = decideRefund(parcelClaimRefundInput(input));
  const decided = newDecisionRecord(decision, { shopId: claim.shopId, customer: claim.customer, orderNumber: input.order.orderNumber, now });
  const parcelClaim = { claimId: claim.claimId, source: claim.source, ...(claim.delayId ? { delayId: claim.delayId } : {}) };
  if (!customerChooses(claim, decision)) {
    const record = { ...decided, parcelClaim };
    return { record, events: [decidedEvent(record, { kind: 'system' }, input.newId)] };
  }
  const at = now.toISOString();
  const { outcome: _untilChosen, ...rest } = decided;
  const offer = { expiresAt: new Date(now.getTime() + input.rules.options.choiceDays * 86_400_000).toISOString(), timerId: offerTimerId(claim.shopId, decision.decisionId) };
  const record: DecisionRecord = { ...rest, status: 'awaiting_customer', parcelClaim, offer, history: [{ at, action: 'offer', to: 'awaiting_customer', by: { kind: 'system' } }] };
  const message = input.choiceUrl && claimOfferMessage(record, input.choiceUrl, at, input.newId);
  const timer: OutboxEvent = {
    definition: TimersRequested,
    eventId: input.newId(),
    detail: { version: 1, shopId: claim.shopId, occurredAt: at, set: [{ timerId: offer.timerId, kind: 'claim_offer', dueAt: offer.expiresAt, orderId: claim.orderId, caseId: claim.claimId }], cancel: [] },
  };
  return { record, events: [...(message ? [message] : []), timer] };
}

export type Chooser = { kind: 'customer'; id: string } | { kind: 'expiry' };
export type ChoiceResult = { ok: true; next: DecisionRecord; events: OutboxEvent[] } | { ok: false; status: 409 | 422; message: string };

/** The customer's pick (or the recommended option at expiry) settles the decision. */
export function chooseResolution(record: DecisionRecord, kind: ResolutionKind, chooser: Chooser, now: Date, newId: () => string): ChoiceResult {
  const chosen = record.offer?.choice;
  if (chosen) return { ok: false, status: 409, message: `${chosen.kind} was already chosen for this claim${chosen.by === 'expiry' ? ' when the offer expired' : ''}` };
  if (record.status !== 'awaiting_customer' || !record.offer) return { ok: false, status: 409, message: `This claim is ${record.status.replaceAll('_', ' ')}: it no longer waits for a choice` };
  const offered = record.decision.options.map((option) => option.kind);
  if (!offered.includes(kind)) return { ok: false, status: 422, message: `${kind} is not offered for this claim: choose one of ${offered.join(', ')}` };

  const decision = selectOption(record.decision, kind);
  const review = decision.kind === 'manual_review';
  const status: DecisionStatus = decision.needsSupervisor ? 'awaiting_supervisor' : review ? 'awaiting_review' : 'approved';
  const option = decision.options.find((candidate) => candidate.kind === kind)!;
  const at = now.toISOString();
  const { outcome: _none, ...rest } = record;
  const next: DecisionRecord = {
    ...rest,
    decision,
    status,
    ...(review ? {} : { outcome: { kind, ...(option.amount ? { amount: option.amount } : {}), ...(option.bonus ? { bonus: option.bonus } : {}) } }),
    offer: { ...record.offer, choice: { kind, by: chooser.kind, at } },
    version: record.version + 1,
    updatedAt: at,
    history: [
      ...record.history,
      chooser.kind === 'customer'
        ? { at, action: 'customer_choice', from: record.status, to: status, by: { kind: 'customer', id: chooser.id }, reason: `The customer chose ${kind}` }
        : { at, action: 'offer_expired', from: record.status, to: status, by: { kind: 'system' }, reason: `No choice by ${record.offer.expiresAt}: the recommended ${kind} applies` },
    ],
  };
  const events: OutboxEvent[] = [decidedEvent(next, chooser.kind === 'customer' ? { kind: 'customer', id: chooser.id } : { kind: 'system' }, newId)];
  // The customer answered: the expiry timer has nothing left to do.
  if (chooser.kind === 'customer') events.push(cancelOfferTimer(record, at, newId)!);
  return { ok: true, next, events };
}

/**
 * Cancels the offer's expiry timer of a decision that waits for the customer (they chose, or a
 * person settled it first); undefined when there is no offer waiting.
 */
export function cancelOfferTimer(record: DecisionRecord, at: string, newId: () => string): OutboxEvent | undefined {
  if (record.status !== 'awaiting_customer' || !record.offer) return undefined;
  return { definition: TimersRequested, eventId: newId(), detail: { version: 1, shopId: record.shopId, occurredAt: at, set: [], cancel: [record.offer.timerId] } };
}

/** The recommended option applied when the offer's timer fires; undefined when the timer is stale (chosen, settled by a person, another timer). */
export function expireOffer(record: DecisionRecord, timerId: string, now: Date, newId: () => string): ChoiceResult | undefined {
  if (record.status !== 'awaiting_customer' || record.offer?.timerId !== timerId || record.offer.choice) return undefined;
  const recommended = record.decision.options.find((option) => option.recommended) ?? record.decision.options[0];
  if (!recommended) return undefined;
  return chooseResolution(record, recommended.kind, { kind: 'expiry' }, now, newId);
}

/** The offer as its customer sees it. */
export function claimOfferView(record: DecisionRecord) {
  const { decision } = record;
  return {
    decisionId: record.decisionId,
    orderNumber: record.orderNumber ?? record.orderId,
    claimKind: decision.claim.kind,
    status: record.status,
    options: decision.options.map((option) => ({
      kind: option.kind,
      rank: option.rank,
      recommended: option.recommended,
      ...(option.amount ? { amount: option.amount } : {}),
      ...(option.bonus ? { bonus: option.bonus } : {}),
      requiresItemBack: option.requiresItemBack,
      why: option.why,
    })),
    ...(decision.options.find((option) => option.recommended) ? { recommended: decision.options.find((option) => option.recommended)!.kind } : {}),
    ...(record.offer ? { expiresAt: record.offer.expiresAt } : {}),
    ...(record.offer?.choice ? { choice: record.offer.choice } : {}),
  };
}

/** RefundDecided for the record as settled now: the saga runs an approved one. */
function decidedEvent(record: DecisionRecord, decidedBy: { kind: 'system' } | { kind: 'customer'; id: string }, newId: () => string): OutboxEvent {
  const { outcome } = record;
  const { amount: _amount, bonus: _bonus, ...rest } = record.decision;
  const settled: Decision = outcome ? { ...rest, kind: outcome.kind, ...(outcome.amount ? { amount: outcome.amount } : {}), ...(outcome.bonus ? { bonus: outcome.bonus } : {}) } : record.decision;
  const money = (moneyResolutions as readonly string[]).includes(settled.kind);
  const customer: CustomerRef = record.customer;
  const delayId = record.parcelClaim?.delayId;
  const detail = refundDecidedDetail(settled, {
    shopId: record.shopId,
    occurredAt: record.updatedAt,
    customer,
    trigger: delayId ? 'delay' : 'case',
    ...(delayId ? { delayId } : {}),
    ...(money ? { refundId: record.refundId } : {}),
    decidedBy,
  });
  return { definition: RefundDecided, eventId: newId(), detail };
}
