// What each counted event adds to its shop's day, and the durations it measures from the loaded
// case or decision. (Counting each event once is the adapter's job.)
import { describe, expect, it } from 'vitest';
import { DelayDetected } from '#shared/events/delays.ts';
import { NotificationSent } from '#shared/events/notifications.ts';
import { NudgeSent } from '#shared/events/nudges.ts';
import { OrderPlaced } from '#shared/events/orders.ts';
import { RefundIssued, StoreCreditIssued } from '#shared/events/refunds.ts';
import { ReturnApproved, ReturnRejected, ReturnRequested, ReturnResolved } from '#shared/events/returns.ts';
import { SurveyAnswered } from '#shared/events/surveys.ts';
import { kpiIncrement, kpiSubjectOf, type KpiEvent, type KpiFacts } from '#shared/kpis/rollup.ts';
import type { HistoryEntry } from '#shared/returns/case.ts';

const event = (definition: { detailType: string; example: unknown }, patch: Record<string, unknown> = {}) =>
  ({ detailType: definition.detailType, detail: { ...(definition.example as object), ...patch } }) as KpiEvent;

const requestedAt = '2024-05-10T08:00:00.000Z';
const system = { kind: 'system' as const };
const entry = (at: string, action: string, from: HistoryEntry['from'], to: HistoryEntry['to']): HistoryEntry => ({ at, action, from, to, actor: system });
const caseWith = (history: HistoryEntry[], slaDueAt = '2024-05-11T08:00:00.000Z'): KpiFacts => ({
  returnCase: { createdAt: requestedAt, deadlines: { slaDueAt }, history: [entry(requestedAt, 'request', 'requested', 'requested'), ...history] },
});

describe('kpiIncrement', () => {
  it('counts an order placed on the UTC day it happened', () => {
    expect(kpiIncrement(event(OrderPlaced, { occurredAt: '2024-05-06T23:30:00-02:00' }))).toEqual({ shopId: 'acme-outdoor', day: '2024-05-07', counters: { ordersPlaced: 1 } });
  });

  it('counts a return request once per reason of its lines', () => {
    const line = ReturnRequested.example.lines[0]!;
    const requested = event(ReturnRequested, { lines: [{ ...line, reason: 'too_small' }, { ...line, lineId: '2', reason: 'too_small' }, { ...line, lineId: '3', reason: 'damaged' }] });
    expect(kpiIncrement(requested)?.counters).toEqual({ returnsRequested: 1, reason_too_small: 1, reason_damaged: 1 });
  });

  it('measures the first response from the request, within SLA or not, on the event of that step only', () => {
    const approvedAt = '2024-05-10T14:00:00.000Z';
    const approved = event(ReturnApproved, { occurredAt: approvedAt });
    expect(kpiIncrement(approved, caseWith([entry(approvedAt, 'approve', 'requested', 'approved')]))?.counters).toEqual({
      returnsApproved: 1,
      firstResponses: 1,
      firstResponseSeconds: 6 * 3600,
      firstResponsesWithinSla: 1,
    });
    const late = caseWith([entry(approvedAt, 'approve', 'requested', 'approved')], '2024-05-10T12:00:00.000Z');
    expect(kpiIncrement(approved, late)?.counters).toMatchObject({ firstResponses: 1, firstResponsesWithinSla: 0 });

    // A supervisor approving a rejected return is not a second first response.
    const rejectedAt = '2024-05-10T09:00:00.000Z';
    const history = [entry(rejectedAt, 'reject', 'requested', 'rejected'), entry(approvedAt, 'approve', 'rejected', 'approved')];
    expect(kpiIncrement(event(ReturnRejected, { occurredAt: rejectedAt }), caseWith(history))?.counters).toEqual({ returnsRejected: 1, firstResponses: 1, firstResponseSeconds: 3600, firstResponsesWithinSla: 1 });
    expect(kpiIncrement(approved, caseWith(history))?.counters).toEqual({ returnsApproved: 1 });
    // Without the case, the event still counts, without a duration.
    expect(kpiIncrement(approved)?.counters).toEqual({ returnsApproved: 1 });
  });

  it('measures our part of a resolution from the parcel’s receipt, not from the request', () => {
    // Requested on the 10th, received on the 20th, resolved 20 hours later: the customer waited 10 days, we took 20 hours of a 24-hour SLA.
    const resolved = event(ReturnResolved, { occurredAt: '2024-05-21T04:00:00.000Z' });
    const received = caseWith([entry('2024-05-20T08:00:00.000Z', 'receive', 'in_transit', 'received')]);
    expect(kpiIncrement(resolved, received)?.counters).toMatchObject({ resolutionSeconds: (10 * 24 + 20) * 3600, resolutionsWithinSla: 1 });
    const late = event(ReturnResolved, { occurredAt: '2024-05-21T09:00:00.000Z' });
    expect(kpiIncrement(late, received)?.counters).toMatchObject({ resolutionsWithinSla: 0 });
  });

  it('measures the resolution from the request against the case’s SLA due time', () => {
    const resolved = event(ReturnResolved, { occurredAt: '2024-05-12T08:00:00.000Z' });
    expect(kpiIncrement(resolved, caseWith([]))?.counters).toEqual({ returnsResolved: 1, resolutions: 1, resolutionSeconds: 48 * 3600, resolutionsWithinSla: 0 });
    expect(kpiIncrement(resolved, caseWith([], '2024-05-12T08:00:00.000Z'))?.counters).toMatchObject({ resolutionsWithinSla: 1 });
  });

  it('measures the refund cycle from the return request, or from the claim’s decision without a return', () => {
    const issued = event(RefundIssued, { occurredAt: '2024-05-10T20:00:00.000Z' });
    expect(kpiSubjectOf(issued)).toEqual({ returnId: RefundIssued.example.returnId });
    expect(kpiIncrement(issued, caseWith([]))?.counters).toEqual({ refundsIssued: 1, refundCycles: 1, refundCycleSeconds: 12 * 3600 });

    const claimRefund = event(RefundIssued, { returnId: undefined, occurredAt: '2024-06-02T10:30:00.000Z' });
    expect(kpiSubjectOf(claimRefund)).toEqual({ decisionId: RefundIssued.example.decisionId });
    expect(kpiIncrement(claimRefund, { decisionCreatedAt: '2024-06-02T09:00:00.000Z' })?.counters).toEqual({ refundsIssued: 1, refundCycles: 1, refundCycleSeconds: 5400 });

    const credit = event(StoreCreditIssued, { returnId: undefined, decisionId: undefined });
    expect(kpiSubjectOf(credit)).toEqual({});
    expect(kpiIncrement(credit)?.counters).toEqual({ storeCreditsIssued: 1 });
  });

  it('counts CSAT answers, satisfied at 4 or more, and ignores other survey kinds', () => {
    expect(kpiIncrement(event(SurveyAnswered, { score: 4 }))?.counters).toEqual({ surveysAnswered: 1, surveysSatisfied: 1 });
    expect(kpiIncrement(event(SurveyAnswered, { score: 3 }))?.counters).toEqual({ surveysAnswered: 1, surveysSatisfied: 0 });
    expect(kpiIncrement(event(SurveyAnswered, { kind: 'nps', score: 9 }))).toBeUndefined();
  });

  it('counts delays per delay and delayed or told orders once per order', () => {
    expect(kpiIncrement(event(DelayDetected))).toMatchObject({ counters: { delaysDetected: 1 }, once: { key: `delayed#${DelayDetected.example.orderId}`, counters: { delayedOrders: 1 } } });
    const notice = kpiIncrement(event(NotificationSent, { messageType: 'delay_apology' }));
    expect(notice).toMatchObject({ counters: {}, once: { key: `delay-told#${NotificationSent.example.orderId}`, counters: { delayedOrdersToldFirst: 1 } } });
    expect(kpiIncrement(event(NotificationSent))).toBeUndefined();
    expect(kpiIncrement(event(NotificationSent, { messageType: 'delay_update', orderId: undefined }))).toBeUndefined();
  });

  it('counts nudges sent', () => {
    expect(kpiIncrement(event(NudgeSent))?.counters).toEqual({ nudgesSent: 1 });
  });
});
