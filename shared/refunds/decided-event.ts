// A decision as the RefundDecided event detail, for whoever publishes it (through the outbox).
// The event keeps what consumers act on: the kind, the money, the lines and the rules that fired
// (code and detail); the full explanation, with every rule's inputs, stays with the decision.
import type { Actor, CustomerRef } from '../events/common.ts';
import type { DetailInputOf } from '../events/define.ts';
import type { RefundDecided } from '../events/refunds.ts';
import { moneyResolutions, type Decision, type DecisionKind } from './decision.ts';

export interface RefundDecidedContext {
  shopId: string;
  occurredAt: string;
  customer: CustomerRef;
  trigger: 'return' | 'delay' | 'case' | 'cancellation' | 'manual';
  /** The idempotency key of the money movement: required when the decision gives money or credit back. */
  refundId?: string;
  delayId?: string;
  correlationId?: string;
  /** Default: the system (an automatic decision). */
  decidedBy?: Actor;
}

const maxReasons = 20;
const maxDetail = 300;

export function refundDecidedDetail(decision: Decision, context: RefundDecidedContext): DetailInputOf<typeof RefundDecided> {
  const money = isMoneyKind(decision.kind);
  if (money && !context.refundId) throw new RangeError(`a ${decision.kind} decision needs a refundId`);
  const fired = decision.reasons.filter((reason) => reason.fired).map((reason) => ({ code: reason.rule, detail: clip(reason.detail) }));
  const reasons = fired.length ? fired.slice(0, maxReasons) : [{ code: `decided_${decision.kind}`, detail: clip(`Decided ${decision.kind} by rule set version ${decision.rulesVersion}`) }];
  const lines = decision.lines.filter((line) => line.accepted && line.quantity > 0).map((line) => ({ lineId: line.lineId, quantity: line.quantity }));
  return {
    version: 1,
    shopId: context.shopId,
    occurredAt: context.occurredAt,
    ...(context.correlationId ? { correlationId: context.correlationId } : {}),
    decisionId: decision.decisionId,
    ...(money && context.refundId ? { refundId: context.refundId } : {}),
    orderId: decision.orderId,
    ...(decision.claim.returnId ? { returnId: decision.claim.returnId } : {}),
    ...(decision.claim.caseId ? { caseId: decision.claim.caseId } : {}),
    ...(context.delayId ? { delayId: context.delayId } : {}),
    customer: context.customer,
    trigger: context.trigger,
    kind: decision.kind,
    ...(decision.amount ? { amount: decision.amount } : {}),
    ...(lines.length ? { lines: lines.slice(0, 100) } : {}),
    reasons,
    policyVersion: String(decision.rulesVersion),
    decidedBy: context.decidedBy ?? { kind: 'system' },
  };
}

function isMoneyKind(kind: DecisionKind): boolean {
  return (moneyResolutions as readonly string[]).includes(kind);
}

function clip(text: string): string {
  return text.length <= maxDetail ? text : `${text.slice(0, maxDetail - 1)}…`;
}
