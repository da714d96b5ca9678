import { describe, expect, it } from 'vitest';
import { journalEntriesFor, journalRetentionDays } from '../../../shared/journal/entries.ts';

const event = (detail: Record<string, unknown>) => ({
  id: 'evt-1',
  source: 'aftersales.returns',
  'detail-type': 'ReturnApproved',
  time: '2026-05-01T10:00:00Z',
  detail: { version: 1, shopId: 'acme', ...detail },
});

describe('journalEntriesFor', () => {
  it('writes one entry per entity the event names, ordered by time then id', () => {
    const entries = journalEntriesFor(event({ orderId: 'o-1', returnId: 'r-1', customer: { id: 'c-1' } }));
    expect(entries.map((entry) => entry.subject)).toEqual(['order#acme#o-1', 'customer#acme#c-1', 'return#acme#r-1']);
    expect(new Set(entries.map((entry) => entry.at))).toEqual(new Set(['2026-05-01T10:00:00Z#evt-1']));
  });

  it('files an event that names no entity under its shop', () => {
    expect(journalEntriesFor(event({})).map((entry) => entry.subject)).toEqual(['shop#acme']);
  });

  it('expires entries after the retention period, counted from the event time', () => {
    const [entry] = journalEntriesFor(event({ orderId: 'o-1' }));
    expect(entry!.expiresAt).toBe(Date.parse('2026-05-01T10:00:00Z') / 1000 + journalRetentionDays * 86_400);
  });
});
