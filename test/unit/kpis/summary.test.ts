// From per-day counters to a period's KPIs: the days a period covers, sums, shares and averages,
// the drill-downs, and a row for every day.
import { describe, expect, it } from 'vitest';
import { Kpis } from '#shared/api/routes.ts';
import { daysOf, summarizeKpis } from '#shared/kpis/summary.ts';

describe('daysOf', () => {
  it('lists every UTC day the period touches, the end exclusive', () => {
    expect(daysOf(new Date('2024-02-28T10:00:00Z'), new Date('2024-03-02T00:00:00Z'))).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysOf(new Date('2024-03-01T10:00:00Z'), new Date('2024-03-01T10:00:01Z'))).toEqual(['2024-03-01']);
    expect(daysOf(new Date('2023-06-01T00:00:00Z'), new Date('2024-06-01T00:00:00Z'))).toHaveLength(366);
  });
});

describe('summarizeKpis', () => {
  const days = ['2024-05-01', '2024-05-02', '2024-05-03'];
  const stored = [
    {
      day: '2024-05-01',
      counters: { ordersPlaced: 10, returnsRequested: 2, reason_too_small: 2, surveysAnswered: 10, surveysSatisfied: 9, firstResponses: 2, firstResponseSeconds: 3 * 3600, firstResponsesWithinSla: 2, delaysDetected: 3, delayedOrders: 2, delayedOrdersToldFirst: 1 },
    },
    {
      day: '2024-05-03',
      counters: { ordersPlaced: 10, returnsRequested: 3, reason_too_small: 1, reason_damaged: 2, surveysAnswered: 10, surveysSatisfied: 10, resolutions: 1, resolutionSeconds: 50 * 3600, resolutionsWithinSla: 0, refundsIssued: 1, refundCycles: 1, refundCycleSeconds: 7200, delayedOrders: 2, delayedOrdersToldFirst: 2, nudgesSent: 4 },
    },
  ];

  it('sums the days and derives shares, averages and the target', () => {
    const kpis = summarizeKpis('acme-outdoor', days, stored);
    expect(Kpis.safeParse(kpis).success).toBe(true);
    expect(kpis).toMatchObject({ shopId: 'acme-outdoor', from: '2024-05-01T00:00:00.000Z', to: '2024-05-04T00:00:00.000Z' });
    expect(kpis.satisfaction).toEqual({ answered: 20, satisfied: 19, share: 0.95, target: 0.95, met: true, drillDown: { operationId: 'listSurveyResponses', query: { shopId: 'acme-outdoor' } } });
    expect(kpis.returns).toMatchObject({ orders: 20, returns: 5, returnRate: 0.25 });
    expect(kpis.returns.byReason).toEqual([
      { reason: 'too_small', returns: 3, share: 0.6, drillDown: { operationId: 'listReturns', query: { shopId: 'acme-outdoor', reason: 'too_small' } } },
      { reason: 'damaged', returns: 2, share: 0.4, drillDown: { operationId: 'listReturns', query: { shopId: 'acme-outdoor', reason: 'damaged' } } },
    ]);
    expect(kpis.firstResponse).toMatchObject({ count: 2, averageHours: 1.5, withinSla: 2, withinSlaShare: 1 });
    expect(kpis.resolution).toMatchObject({ count: 1, averageHours: 50, withinSla: 0, withinSlaShare: 0, drillDown: { operationId: 'listReturns', query: { shopId: 'acme-outdoor', status: 'resolved' } } });
    expect(kpis.refunds).toMatchObject({ issued: 1, storeCredits: 0, measured: 1, averageCycleHours: 2 });
    expect(kpis.delays).toMatchObject({ detected: 3, delayedOrders: 4, toldFirst: 3, toldFirstShare: 0.75, drillDown: { operationId: 'listDelayedOrders' } });
    expect(kpis.nudges).toMatchObject({ sent: 4, conversions: 0, conversionRate: 0, revenue: [] });
  });

  it('gives a row for every day, zeros where nothing happened', () => {
    const { daily } = summarizeKpis('acme-outdoor', days, stored);
    expect(daily.map((day) => day.date)).toEqual(days);
    expect(daily[1]).toMatchObject({ ordersPlaced: 0, surveysAnswered: 0, reason_damaged: 0 });
    expect(daily[2]).toMatchObject({ ordersPlaced: 10, reason_damaged: 2, nudgeConversions: 0 });
  });

  it('says null, not zero, when there is nothing to measure', () => {
    const kpis = summarizeKpis('acme-outdoor', days, []);
    expect(kpis.satisfaction).toMatchObject({ share: null, met: null });
    expect(kpis.returns).toMatchObject({ returnRate: null, byReason: [] });
    expect(kpis.firstResponse).toMatchObject({ count: 0, averageHours: null, withinSlaShare: null });
    expect(kpis.satisfaction.met).toBeNull();
    expect(summarizeKpis('acme-outdoor', days, [{ day: '2024-05-02', counters: { surveysAnswered: 10, surveysSatisfied: 9 } }]).satisfaction).toMatchObject({ share: 0.9, met: false });
  });
});
