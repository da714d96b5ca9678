// The customer's after-sales cases still open, from the records each capability keeps: return
// cases (from-state.ts openReturnCases), parcel claims' refund decisions, delay watches and the
// support cases recorded from CaseOpened / CaseResolved. Pure: shared/adapters/customer-facts.ts
// reads the records by key.
import type { DelayWatch } from '../delays/watch.ts';
import { openDelays } from '../delays/watch.ts';
import type { DecisionRecord } from '../refunds/decision-record.ts';
import type { OpenCase } from './customer-state.ts';

/** A parcel claim's decision is settled once the money moved (completed) or it was denied; a failed one waits for a person. */
const settledDecisions: ReadonlySet<DecisionRecord['status']> = new Set(['completed', 'denied']);

export function openRefundCases(decisions: ReadonlyArray<Pick<DecisionRecord, 'decisionId' | 'status' | 'createdAt'>>): OpenCase[] {
  return decisions.filter((decision) => !settledDecisions.has(decision.status)).map((decision) => ({ kind: 'refund', id: decision.decisionId, openedAt: decision.createdAt }));
}

/** Each delay still open on the customer's watched orders. */
export function openDelayCases(watches: ReadonlyArray<Pick<DelayWatch, 'delays'>>): OpenCase[] {
  return watches.flatMap((watch) => openDelays(watch).map((delay) => ({ kind: 'delay' as const, id: delay.delayId, openedAt: delay.detectedAt })));
}

/** A support case as recorded from its events; `resolvedAt` once CaseResolved arrived. */
export interface RecordedSupportCase {
  caseId: string;
  openedAt: string;
  resolvedAt?: string;
}

/**
 * Days an unresolved support case keeps the customer out of marketing. Follow-up cases are worked
 * in the shop's helpdesk, which may never tell us it closed one: past this, the case no longer
 * counts (the low-score rule still covers the unhappy customer for its own period).
 */
export const supportCaseOpenDays = 30;

export function openSupportCases(cases: readonly RecordedSupportCase[], now: Date, openDays = supportCaseOpenDays): OpenCase[] {
  const since = now.getTime() - openDays * 86_400_000;
  return cases.filter((supportCase) => !supportCase.resolvedAt && Date.parse(supportCase.openedAt) >= since).map((supportCase) => ({ kind: 'complaint', id: supportCase.caseId, openedAt: supportCase.openedAt }));
}

/**
 * The orders whose delay watches are worth reading: those placed within `days` before `now`, the
 * latest `max` (an order placed long ago was delivered or given up on; a delay has no use after).
 */
export function recentOrderIds(orders: Record<string, { placedAt: string }>, now: Date, days: number, max: number): string[] {
  const since = now.getTime() - days * 86_400_000;
  return Object.entries(orders)
    .filter(([, order]) => Date.parse(order.placedAt) >= since)
    .sort(([, a], [, b]) => Date.parse(b.placedAt) - Date.parse(a.placedAt))
    .slice(0, max)
    .map(([orderId]) => orderId);
}

/** Oldest first, the order the nudge rules list them in. */
export const byOpening = (cases: OpenCase[]): OpenCase[] => [...cases].sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt) || a.id.localeCompare(b.id));
