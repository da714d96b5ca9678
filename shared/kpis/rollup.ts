// The KPI rollup: what one catalogue event adds to its shop's counters for the UTC day it
// happened. Pure: the consumer loads the facts an event needs (the return case, the refund
// decision) and the adapter applies the increments once per event. Counters are sums, so a period
// is the sum of its days and reading KPIs never scans cases. Durations are kept in whole seconds
// (integers add exactly) and attributed to the day the measured step ended.
import type { DetailOf } from '../events/define.ts';
import type { DelayDetected } from '../events/delays.ts';
import type { NotificationSent } from '../events/notifications.ts';
import type { NudgeConverted, NudgeSent } from '../events/nudges.ts';
import type { OrderPlaced } from '../events/orders.ts';
import type { RefundIssued, StoreCreditIssued } from '../events/refunds.ts';
import { ReturnReason, type ReturnApproved, type ReturnRejected, type ReturnRequested, type ReturnResolved } from '../events/returns.ts';
import type { SurveyAnswered } from '../events/surveys.ts';
import { DelayMessageType } from '../delays/watch.ts';
import type { ReturnCase } from '../returns/case.ts';

export const kpiCounters = [
  'ordersPlaced',
  'returnsRequested',
  'returnsApproved',
  'returnsRejected',
  'returnsResolved',
  'refundsIssued',
  'storeCreditsIssued',
  'refundCycles',
  'refundCycleSeconds',
  'firstResponses',
  'firstResponseSeconds',
  'firstResponsesWithinSla',
  'resolutions',
  'resolutionSeconds',
  'resolutionsWithinSla',
  'surveysAnswered',
  'surveysSatisfied',
  'delaysDetected',
  'delayedOrders',
  'delayedOrdersToldFirst',
  'nudgesSent',
  'nudgeConversions',
] as const;
export type KpiCounter = (typeof kpiCounters)[number];

/** Returns per reason are counted under `reason_<reason>` (a return with lines of two reasons counts for both). */
export type ReasonCounter = `reason_${ReturnReason}`;
export const reasonCounter = (reason: ReturnReason): ReasonCounter => `reason_${reason}`;
export type CounterName = KpiCounter | ReasonCounter;
export const allCounterNames: readonly CounterName[] = [...kpiCounters, ...ReturnReason.options.map(reasonCounter)];

/** Revenue the nudges brought back is counted per currency, in minor units, under `nudgeRevenue_<currency>`. */
export type RevenueCounter = `nudgeRevenue_${string}`;
export const revenueCounter = (currency: string): RevenueCounter => `nudgeRevenue_${currency}`;
export const revenueCounterPattern = /^nudgeRevenue_([A-Z]{3})$/;

export type Counters = Partial<Record<CounterName | RevenueCounter, number>>;

/** CSAT scores at or above this count as satisfied. */
export const satisfiedScore = 4;

type Of<T extends string, E> = { detailType: T; detail: DetailOf<E> };
/** The events the rollup counts. */
export type KpiEvent =
  | Of<'OrderPlaced', typeof OrderPlaced>
  | Of<'ReturnRequested', typeof ReturnRequested>
  | Of<'ReturnApproved', typeof ReturnApproved>
  | Of<'ReturnRejected', typeof ReturnRejected>
  | Of<'ReturnResolved', typeof ReturnResolved>
  | Of<'RefundIssued', typeof RefundIssued>
  | Of<'StoreCreditIssued', typeof StoreCreditIssued>
  | Of<'SurveyAnswered', typeof SurveyAnswered>
  | Of<'DelayDetected', typeof DelayDetected>
  | Of<'NotificationSent', typeof NotificationSent>
  | Of<'NudgeSent', typeof NudgeSent>
  | Of<'NudgeConverted', typeof NudgeConverted>;
export type KpiEventType = KpiEvent['detailType'];

export const kpiEventTypes: readonly KpiEventType[] = [
  'OrderPlaced',
  'ReturnRequested',
  'ReturnApproved',
  'ReturnRejected',
  'ReturnResolved',
  'RefundIssued',
  'StoreCreditIssued',
  'SurveyAnswered',
  'DelayDetected',
  'NotificationSent',
  'NudgeSent',
  'NudgeConverted',
];

/** What the consumer must load before computing an event's increments. */
export interface KpiSubject {
  returnId?: string;
  decisionId?: string;
}

/** The loaded facts. Absent ones (a case deleted, an event from outside the platform) only drop the durations. */
export interface KpiFacts {
  returnCase?: Pick<ReturnCase, 'createdAt' | 'history' | 'deadlines'>;
  /** When the refund decision (of a parcel claim, without a return) was created: the claim's start. */
  decisionCreatedAt?: string;
}

export interface KpiIncrement {
  shopId: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  counters: Counters;
  /** Counters added only the first time `key` is seen (per order, not per event); the adapter keeps a marker. */
  once?: { key: string; counters: Counters };
}

export const utcDay = (iso: string): string => new Date(iso).toISOString().slice(0, 10);
const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
const within = (at: string, dueAt: string) => Date.parse(at) <= Date.parse(dueAt);

export function kpiSubjectOf(event: KpiEvent): KpiSubject {
  switch (event.detailType) {
    case 'ReturnApproved':
    case 'ReturnRejected':
    case 'ReturnResolved':
      return { returnId: event.detail.returnId };
    case 'RefundIssued':
    case 'StoreCreditIssued':
      if (event.detail.returnId) return { returnId: event.detail.returnId };
      return event.detail.decisionId ? { decisionId: event.detail.decisionId } : {};
    default:
      return {};
  }
}

/**
 * The case's first response: the first step out of `requested` (approval or rejection, by policy
 * or staff). Counted on the event of that very step (same timestamp), so a later approval that
 * overrides a rejection is not a second first response.
 */
function firstResponse(event: KpiEvent, returnCase: KpiFacts['returnCase']): Counters {
  if (!returnCase) return {};
  const first = returnCase.history.find((entry) => entry.from === 'requested' && entry.to !== 'requested');
  if (!first || first.at !== event.detail.occurredAt || !['approve', 'reject'].includes(first.action)) return {};
  return {
    firstResponses: 1,
    firstResponseSeconds: seconds(returnCase.createdAt, first.at),
    firstResponsesWithinSla: within(first.at, returnCase.deadlines.slaDueAt) ? 1 : 0,
  };
}

/**
 * Resolution time is the customer's wait, request to resolution. Within SLA measures our part:
 * from the moment the case last waited on us (the parcel's receipt, or the request when nothing
 * came back) to the resolution, against the shop's SLA length (slaDueAt − createdAt); the days
 * the parcel spends with the customer and the carrier are not ours to count.
 */
function resolution(at: string, returnCase: KpiFacts['returnCase']): Counters {
  if (!returnCase) return {};
  const slaMs = Date.parse(returnCase.deadlines.slaDueAt) - Date.parse(returnCase.createdAt);
  const received = returnCase.history.find((entry) => entry.to === 'received')?.at;
  const ours = Date.parse(at) - Date.parse(received ?? returnCase.createdAt);
  return { resolutions: 1, resolutionSeconds: seconds(returnCase.createdAt, at), resolutionsWithinSla: ours <= slaMs ? 1 : 0 };
}

/** From the return request (or the claim's decision) to the money or credit going back. */
function refundCycle(at: string, facts: KpiFacts): Counters {
  const start = facts.returnCase?.createdAt ?? facts.decisionCreatedAt;
  return start ? { refundCycles: 1, refundCycleSeconds: seconds(start, at) } : {};
}

const delayNotices: ReadonlySet<string> = new Set(DelayMessageType.options);

/** The counters `event` adds, or undefined when it counts for nothing (a non-CSAT survey, a message that is not a delay notice). */
export function kpiIncrement(event: KpiEvent, facts: KpiFacts = {}): KpiIncrement | undefined {
  const { shopId, occurredAt } = event.detail;
  const base = { shopId, day: utcDay(occurredAt) };
  switch (event.detailType) {
    case 'OrderPlaced':
      return { ...base, counters: { ordersPlaced: 1 } };
    case 'ReturnRequested': {
      const reasons = [...new Set(event.detail.lines.map((line) => line.reason))];
      return { ...base, counters: { returnsRequested: 1, ...Object.fromEntries(reasons.map((reason) => [reasonCounter(reason), 1])) } };
    }
    case 'ReturnApproved':
      return { ...base, counters: { returnsApproved: 1, ...firstResponse(event, facts.returnCase) } };
    case 'ReturnRejected':
      return { ...base, counters: { returnsRejected: 1, ...firstResponse(event, facts.returnCase) } };
    case 'ReturnResolved':
      return { ...base, counters: { returnsResolved: 1, ...resolution(occurredAt, facts.returnCase) } };
    case 'RefundIssued':
      return { ...base, counters: { refundsIssued: 1, ...refundCycle(occurredAt, facts) } };
    case 'StoreCreditIssued':
      return { ...base, counters: { storeCreditsIssued: 1, ...refundCycle(occurredAt, facts) } };
    case 'SurveyAnswered':
      if (event.detail.kind !== 'csat') return undefined;
      return { ...base, counters: { surveysAnswered: 1, surveysSatisfied: event.detail.score >= satisfiedScore ? 1 : 0 } };
    case 'DelayDetected':
      return { ...base, counters: { delaysDetected: 1 }, once: { key: `delayed#${event.detail.orderId}`, counters: { delayedOrders: 1 } } };
    case 'NotificationSent':
      // Customer contacts are not recorded yet, so every order told of its delay counts as told first.
      if (!delayNotices.has(event.detail.messageType) || !event.detail.orderId) return undefined;
      return { ...base, counters: {}, once: { key: `delay-told#${event.detail.orderId}`, counters: { delayedOrdersToldFirst: 1 } } };
    case 'NudgeSent':
      return { ...base, counters: { nudgesSent: 1 } };
    case 'NudgeConverted':
      // Published once per order; the marker makes a second conversion of the same order (a replay) count nothing.
      return { ...base, counters: {}, once: { key: `nudge-converted#${event.detail.orderId}`, counters: { nudgeConversions: 1, [revenueCounter(event.detail.revenue.currency)]: event.detail.revenue.amount } } };
  }
}
