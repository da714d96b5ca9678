import { describe, expect, it } from 'vitest';
import { byTierThenSla } from '#shared/ops/queue-sort.ts';

describe('byTierThenSla', () => {
  const rows = [
    { id: 'a', customerId: 'c1', slaDueAt: '2031-01-01T10:00:00Z' },
    { id: 'b', customerId: 'c2', slaDueAt: '2031-01-01T12:00:00Z' },
    { id: 'c', customerId: 'c3', slaDueAt: '2031-01-01T09:00:00Z' },
    { id: 'd', customerId: 'c2', slaDueAt: '2031-01-01T08:00:00Z' },
  ];

  it('puts the highest tier first, customers without one last, and the earliest SLA first within a tier', () => {
    const points = new Map([['c2', 1600], ['c1', 600]]);
    expect(byTierThenSla(rows, (row) => row, points).map((row) => row.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('leaves the page as it was given', () => {
    byTierThenSla(rows, (row) => row, new Map());
    expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
