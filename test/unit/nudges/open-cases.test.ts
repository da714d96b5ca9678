// The customer's open cases from each capability's records: parcel claims' decisions until settled,
// delays until resolved, support cases until resolved; and which orders' delay watches to read.
import { describe, expect, it } from 'vitest';
import { byOpening, openDelayCases, openRefundCases, openSupportCases, recentOrderIds } from '../../../shared/nudges/open-cases.ts';

describe('open cases', () => {
  it('keep a parcel claim’s decision open until the money moved or it was denied', () => {
    const decisions = (['awaiting_customer', 'awaiting_review', 'awaiting_supervisor', 'approved', 'failed', 'completed', 'denied'] as const).map((status, index) => ({ decisionId: `d${index}`, status, createdAt: `2024-05-0${index + 1}T00:00:00Z` }));
    expect(openRefundCases(decisions).map((open) => open.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    expect(openRefundCases(decisions)[0]).toEqual({ kind: 'refund', id: 'd0', openedAt: '2024-05-01T00:00:00Z' });
  });

  it('list each unresolved delay of the watches', () => {
    const watch = { delays: [{ delayId: 'dl1', detectedAt: '2024-05-03T00:00:00Z' }, { delayId: 'dl2', detectedAt: '2024-05-04T00:00:00Z', resolvedAt: '2024-05-05T00:00:00Z' }] };
    expect(openDelayCases([watch as never, { delays: [] }])).toEqual([{ kind: 'delay', id: 'dl1', openedAt: '2024-05-03T00:00:00Z' }]);
  });

  it('list support cases not resolved as complaints', () => {
    const cases = [{ caseId: 'c1', openedAt: '2024-05-01T00:00:00Z' }, { caseId: 'c2', openedAt: '2024-05-01T00:00:00Z', resolvedAt: '2024-05-02T00:00:00Z' }];
    expect(openSupportCases(cases, new Date('2024-05-10T00:00:00Z'))).toEqual([{ kind: 'complaint', id: 'c1', openedAt: '2024-05-01T00:00:00Z' }]);
    // Never resolved in the helpdesk: it stops counting after 30 days.
    expect(openSupportCases(cases, new Date('2024-05-31T00:00:00Z'))).toHaveLength(1);
    expect(openSupportCases(cases, new Date('2024-06-01T00:00:01Z'))).toEqual([]);
  });

  it('sort oldest first', () => {
    const later = { kind: 'delay' as const, id: 'a', openedAt: '2024-05-02T00:00:00Z' };
    const earlier = { kind: 'return' as const, id: 'b', openedAt: '2024-05-01T00:00:00Z' };
    expect(byOpening([later, earlier])).toEqual([earlier, later]);
  });
});

describe('recentOrderIds', () => {
  it('keeps the latest orders placed within the horizon, newest first, at most `max`', () => {
    const orders = { old: { placedAt: '2024-01-01T00:00:00Z' }, a: { placedAt: '2024-05-01T00:00:00Z' }, b: { placedAt: '2024-05-20T00:00:00Z' }, c: { placedAt: '2024-05-10T00:00:00Z' } };
    expect(recentOrderIds(orders, new Date('2024-06-01T00:00:00Z'), 120, 10)).toEqual(['b', 'c', 'a']);
    expect(recentOrderIds(orders, new Date('2024-06-01T00:00:00Z'), 120, 2)).toEqual(['b', 'c']);
  });
});
