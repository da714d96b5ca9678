// Before a supervisor publishes draft refund rules: decide a list of claims (recent ones, loaded
// by the caller) under the current rules and under the draft, and list the decisions that change.
// Pure, like the return policy's dry run (shared/returns/dry-run.ts).
import type { SignedMoney } from '../events/common.ts';
import type { RefundInput } from './claim.ts';
import type { Decision, RuleCode } from './decision.ts';
import { decideRefund } from './engine.ts';
import type { RefundRules } from './rules.ts';

/** What matters of a decision for the comparison. */
export interface DecisionOutcome {
  kind: Decision['kind'];
  proposedKind?: Decision['proposedKind'];
  amount?: Decision['amount'];
  needsSupervisor: boolean;
  /** Offered resolutions, in rank order. */
  options: string[];
  refundAt: Decision['timing']['refundAt'];
  fired: RuleCode[];
}

export type ChangedField = 'kind' | 'amount' | 'needsSupervisor' | 'options' | 'timing';

export interface DecisionChange {
  decisionId: string;
  orderId: string;
  claimKind: Decision['claim']['kind'];
  changed: ChangedField[];
  before: DecisionOutcome;
  after: DecisionOutcome;
}

export interface RefundDryRunResult {
  currentVersion: number;
  draftVersion: number;
  changes: DecisionChange[];
  totals: {
    claims: number;
    changed: number;
    becomeManualReview: number;
    leaveManualReview: number;
    /** Per currency: what the draft would give back more (or, negative, less) than the current rules. */
    amountDelta: SignedMoney[];
  };
}

export interface RefundDryRunInput {
  current: RefundRules;
  draft: RefundRules;
  claims: ReadonlyArray<Omit<RefundInput, 'rules'>>;
}

export function dryRunRefundRules({ current, draft, claims }: RefundDryRunInput): RefundDryRunResult {
  const changes: DecisionChange[] = [];
  const delta = new Map<string, number>();
  for (const claim of claims) {
    const before = outcome(decideRefund({ ...claim, rules: current }));
    const afterDecision = decideRefund({ ...claim, rules: draft });
    const after = outcome(afterDecision);
    const changed = diff(before, after);
    if (!changed.length) continue;
    changes.push({ decisionId: claim.decisionId, orderId: afterDecision.orderId, claimKind: afterDecision.claim.kind, changed, before, after });
    const currency = afterDecision.claimed.currency;
    delta.set(currency, (delta.get(currency) ?? 0) + (after.amount?.amount ?? 0) - (before.amount?.amount ?? 0));
  }
  return {
    currentVersion: current.version,
    draftVersion: draft.version,
    changes,
    totals: {
      claims: claims.length,
      changed: changes.length,
      becomeManualReview: changes.filter((change) => change.before.kind !== 'manual_review' && change.after.kind === 'manual_review').length,
      leaveManualReview: changes.filter((change) => change.before.kind === 'manual_review' && change.after.kind !== 'manual_review').length,
      amountDelta: [...delta].filter(([, amount]) => amount !== 0).sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency })),
    },
  };
}

function outcome(decision: Decision): DecisionOutcome {
  return {
    kind: decision.kind,
    ...(decision.proposedKind ? { proposedKind: decision.proposedKind } : {}),
    ...(decision.amount ? { amount: decision.amount } : {}),
    needsSupervisor: decision.needsSupervisor,
    options: decision.options.map((option) => option.kind),
    refundAt: decision.timing.refundAt,
    fired: decision.reasons.filter((reason) => reason.fired).map((reason) => reason.rule),
  };
}

function diff(a: DecisionOutcome, b: DecisionOutcome): ChangedField[] {
  const changed: ChangedField[] = [];
  if (a.kind !== b.kind || a.proposedKind !== b.proposedKind) changed.push('kind');
  if (a.amount?.amount !== b.amount?.amount) changed.push('amount');
  if (a.needsSupervisor !== b.needsSupervisor) changed.push('needsSupervisor');
  if (a.options.join() !== b.options.join()) changed.push('options');
  if (a.refundAt !== b.refundAt) changed.push('timing');
  return changed;
}
