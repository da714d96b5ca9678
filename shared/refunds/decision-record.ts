// A refund decision as it is kept and worked: the engine's decision (the explanation), what will be
// executed (after a review or an override), and the saga's progress. Pure transitions, each bumping
// `version` so the store writes conditionally: of two reviewers acting on the same version, one wins.
//
//   awaiting_review | awaiting_supervisor -> approved | denied   (an agent or supervisor, with a reason)
//   awaiting_customer -> approved | awaiting_review | awaiting_supervisor   (the customer picks an option,
//                        or the recommended one applies when the offer expires; claim-offer.ts)
//   approved -> completed   (money moved, customer told, return resolved: the saga's steps)
//   approved -> failed      (the provider declined, or a step cannot be done: visible to ops)
//   failed -> approved      (a supervisor retries it, with a reason)
import * as z from 'zod';
import { roles, type Role } from '../api/define.ts';
import { CustomerRef, EntityId, IsoDateTime, Money } from '../events/common.ts';
import { Decision, ResolutionKind } from './decision.ts';

export const DecisionStatus = z.enum(['awaiting_customer', 'awaiting_review', 'awaiting_supervisor', 'approved', 'completed', 'failed', 'denied']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;

/** The saga's named steps, in order. */
export const sagaSteps = ['money', 'notify', 'resolve'] as const;
export type SagaStep = (typeof sagaSteps)[number];

export const Reviewer = z.object({ sub: z.string().min(1).max(200), email: z.string().max(320).optional(), role: z.enum(roles) });
export type Reviewer = z.infer<typeof Reviewer>;

export const DecisionHistoryEntry = z.object({
  at: IsoDateTime,
  action: z.string().max(50),
  from: DecisionStatus.optional(),
  to: DecisionStatus,
  by: z.union([Reviewer, z.object({ kind: z.literal('system') }), z.object({ kind: z.literal('customer'), id: EntityId })]),
  reason: z.string().max(1000).optional(),
});

export const StepRecord = z.object({
  at: IsoDateTime,
  providerRefundId: z.string().max(200).optional(),
  storeCreditId: z.string().max(200).optional(),
  /** Store credit: a gift card's last characters and expiry (never its code). */
  codeLastCharacters: z.string().max(4).optional(),
  creditExpiresAt: IsoDateTime.optional(),
  exchangeOrderId: z.string().max(200).optional(),
  exchangeOrderNumber: z.string().max(50).optional(),
});

export const DecisionRecord = z.object({
  decisionId: EntityId,
  shopId: z.string(),
  orderId: EntityId,
  orderNumber: z.string().max(50).optional(),
  returnId: EntityId.optional(),
  customer: CustomerRef,
  status: DecisionStatus,
  version: z.int().nonnegative(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  decision: Decision,
  /** What the saga executes: the engine's resolution, or the reviewer's. */
  outcome: z.object({ kind: ResolutionKind, amount: Money.optional(), bonus: Money.optional() }).optional(),
  /** The idempotency key of the money movement (ledger entry, provider refund). */
  refundId: EntityId,
  steps: z.object({ money: StepRecord.optional(), notify: StepRecord.optional(), resolve: StepRecord.optional() }),
  failure: z.object({ step: z.enum(sagaSteps), code: z.string().max(100), message: z.string().max(500), retryable: z.boolean(), at: IsoDateTime }).optional(),
  history: z.array(DecisionHistoryEntry),
  /** Parcel claims: who filed it (the delay ladder names its delay). */
  parcelClaim: z.object({ claimId: EntityId, source: z.enum(['customer', 'ops', 'delay_ladder']), delayId: EntityId.optional() }).optional(),
  /** The customer's choice among the options (claim-offer.ts): until when, its timer, and the pick once made. */
  offer: z
    .object({
      expiresAt: IsoDateTime,
      timerId: z.string().max(64),
      choice: z.object({ kind: ResolutionKind, by: z.enum(['customer', 'expiry']), at: IsoDateTime }).optional(),
    })
    .optional(),
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;

export interface NewRecordContext {
  shopId: string;
  customer: z.infer<typeof CustomerRef>;
  orderNumber?: string;
  now: Date;
}

const outcomeOf = (decision: Decision, kind: ResolutionKind): DecisionRecord['outcome'] => {
  const option = decision.options.find((candidate) => candidate.kind === kind);
  if (option) return { kind, ...(option.amount ? { amount: option.amount } : {}), ...(option.bonus ? { bonus: option.bonus } : {}) };
  return { kind, ...(decision.amount ? { amount: decision.amount } : {}), ...(decision.bonus ? { bonus: decision.bonus } : {}) };
};

/** The record of a new decision: executed at once, or waiting for a person, as the engine said. */
export function newDecisionRecord(decision: Decision, context: NewRecordContext): DecisionRecord {
  const at = context.now.toISOString();
  let status: DecisionStatus;
  let outcome: DecisionRecord['outcome'];
  if (decision.kind === 'deny') status = 'denied';
  else if (decision.kind === 'manual_review') status = decision.needsSupervisor ? 'awaiting_supervisor' : 'awaiting_review';
  else {
    outcome = outcomeOf(decision, decision.kind);
    status = decision.needsSupervisor ? 'awaiting_supervisor' : 'approved';
  }
  return {
    decisionId: decision.decisionId,
    shopId: context.shopId,
    orderId: decision.orderId,
    ...(context.orderNumber ? { orderNumber: context.orderNumber } : {}),
    ...(decision.claim.returnId ? { returnId: decision.claim.returnId } : {}),
    customer: context.customer,
    status,
    version: 0,
    createdAt: at,
    updatedAt: at,
    decision,
    ...(outcome ? { outcome } : {}),
    refundId: `rf_${decision.decisionId}`,
    steps: {},
    history: [{ at, action: 'decide', to: status, by: { kind: 'system' } }],
  };
}

export type ReviewAction = { action: 'approve' } | { action: 'override'; kind: ResolutionKind; amount?: z.infer<typeof Money> } | { action: 'deny' } | { action: 'retry' };

export type ReviewResult = { ok: true; next: DecisionRecord } | { ok: false; status: 400 | 403 | 409; message: string };

const atLeast = (role: Role, needed: Role) => roles.indexOf(role) >= roles.indexOf(needed);

/** A person acts on a decision: approve what the engine proposed, choose another resolution, deny, or retry a failed one. */
export function reviewDecision(record: DecisionRecord, reviewer: Reviewer, review: ReviewAction & { reason: string }, now: Date): ReviewResult {
  if (!review.reason.trim()) return { ok: false, status: 400, message: 'a reason is required' };
  // A person may settle a decision the customer has not chosen on yet (the recommended option applies).
  const waiting = record.status === 'awaiting_review' || record.status === 'awaiting_supervisor' || record.status === 'awaiting_customer';
  if (review.action === 'retry' ? record.status !== 'failed' : !waiting) return { ok: false, status: 409, message: `cannot ${review.action} a decision that is ${record.status}` };
  const needed: Role = record.status === 'awaiting_supervisor' || (record.status === 'awaiting_customer' && record.decision.needsSupervisor) || review.action === 'retry' || review.action === 'override' ? 'supervisor' : 'agent';
  if (!atLeast(reviewer.role, needed)) return { ok: false, status: 403, message: `${review.action} of a decision that is ${record.status} needs a ${needed}` };

  const { decision } = record;
  let outcome = record.outcome;
  let to: DecisionStatus = 'approved';
  if (review.action === 'deny') to = 'denied';
  if (review.action === 'approve') {
    const engineKind = ResolutionKind.safeParse(decision.kind);
    const kind = decision.kind === 'manual_review' ? decision.proposedKind : (outcome?.kind ?? (engineKind.success ? engineKind.data : undefined));
    if (!kind) return { ok: false, status: 409, message: 'the engine proposed no resolution: override it with one' };
    outcome = outcomeOf(decision, kind);
  }
  if (review.action === 'override') {
    outcome = outcomeOf(decision, review.kind);
    if (review.amount) {
      if (review.amount.currency !== decision.remainingBefore.currency) return { ok: false, status: 400, message: `the amount must be in ${decision.remainingBefore.currency}` };
      if (review.amount.amount > decision.remainingBefore.amount) return { ok: false, status: 400, message: `at most ${decision.remainingBefore.amount} can still be refunded on this order` };
      outcome = { kind: review.kind, amount: review.amount };
    }
    if (review.kind !== 'reship' && !outcome?.amount) return { ok: false, status: 400, message: `a ${review.kind} needs an amount` };
  }
  const at = now.toISOString();
  const { failure: _cleared, ...rest } = record;
  return {
    ok: true,
    next: {
      ...(review.action === 'retry' ? rest : record),
      status: to,
      ...(to === 'approved' && outcome ? { outcome } : {}),
      version: record.version + 1,
      updatedAt: at,
      history: [...record.history, { at, action: review.action, from: record.status, to, by: reviewer, reason: review.reason.slice(0, 1000) }],
    },
  };
}

/** The next saga step not done yet, or undefined when all are. */
export const nextStep = (record: DecisionRecord): SagaStep | undefined => sagaSteps.find((step) => !record.steps[step]);

export function completeStep(record: DecisionRecord, step: SagaStep, data: Omit<z.infer<typeof StepRecord>, 'at'>, now: Date): DecisionRecord {
  const at = now.toISOString();
  const steps = { ...record.steps, [step]: { at, ...data } };
  const done = sagaSteps.every((name) => steps[name]);
  return {
    ...record,
    steps,
    status: done ? 'completed' : record.status,
    version: record.version + 1,
    updatedAt: at,
    history: [...record.history, { at, action: `step_${step}`, from: record.status, to: done ? 'completed' : record.status, by: { kind: 'system' } }],
  };
}

export function failRecord(record: DecisionRecord, failure: Omit<NonNullable<DecisionRecord['failure']>, 'at'>, now: Date): DecisionRecord {
  const at = now.toISOString();
  return {
    ...record,
    status: 'failed',
    failure: { ...failure, at },
    version: record.version + 1,
    updatedAt: at,
    history: [...record.history, { at, action: `failed_${failure.step}`, from: record.status, to: 'failed', by: { kind: 'system' }, reason: `${failure.code}: ${failure.message}`.slice(0, 1000) }],
  };
}
