// VIP tiers: points from spend net of refunds, the tier they reach, and the change an order or a refund makes.
import { describe, expect, it } from 'vitest';
import { netSpend, tierChange, tierForPoints, tierStanding } from '../../../shared/nudges/tiers.ts';
import { order, settingsWith } from './fixtures.ts';

const vip = settingsWith().vip; // silver 500, gold 1500, platinum 5000; 1 point per unit
const now = new Date('2024-06-01T00:00:00Z');

describe('netSpend', () => {
  it('subtract partial refunds; count nothing of a wholly refunded or cancelled order', () => {
    expect(netSpend(order('o1', '2024-01-01T00:00:00Z', { total: 10000, refunded: 2500 }))).toEqual({ amount: 7500, currency: 'USD' });
    expect(netSpend(order('o2', '2024-01-01T00:00:00Z', { total: 10000, refunded: 10000 }))).toEqual({ amount: 0, currency: 'USD' });
    expect(netSpend(order('o3', '2024-01-01T00:00:00Z', { total: 10000, cancelled: true }))).toEqual({ amount: 0, currency: 'USD' });
  });
});

describe('tierStanding', () => {
  it('turn net spend into whole points, rounding down, and reach the tier', () => {
    const standing = tierStanding(vip, [order('o1', '2024-01-01T00:00:00Z', { total: 40000 }), order('o2', '2024-02-01T00:00:00Z', { total: 10099 })], now);
    expect(standing).toMatchObject({ points: 500, ordersCount: 2, netSpend: [{ amount: 50099, currency: 'USD' }], tier: { id: 'silver', rank: 0, name: 'Silver' } });
  });

  it('drop a tier when a partial refund takes the points below the threshold', () => {
    const before = tierStanding(vip, [order('o1', '2024-01-01T00:00:00Z', { total: 150000 })], now);
    const after = tierStanding(vip, [order('o1', '2024-01-01T00:00:00Z', { total: 150000, refunded: 1 })], now);
    expect([before.points, before.tier?.id]).toEqual([1500, 'gold']);
    expect([after.points, after.tier?.id]).toEqual([1499, 'silver']);
  });

  it('not count a wholly refunded order, in points nor in orders', () => {
    const standing = tierStanding(vip, [order('o1', '2024-01-01T00:00:00Z', { total: 60000, refunded: 60000 }), order('o2', '2024-01-02T00:00:00Z', { total: 10000 })], now);
    expect(standing).toMatchObject({ points: 100, ordersCount: 1, tier: null });
  });

  it('use the currency’s decimals and per-currency rates', () => {
    const settings = settingsWith({ vip: { pointsPerUnit: 2, pointsPerUnitByCurrency: { JPY: 0.01 } } }).vip;
    const standing = tierStanding(settings, [order('o1', '2024-01-01T00:00:00Z', { total: 5000000, currency: 'JPY' }), order('o2', '2024-01-02T00:00:00Z', { total: 12345, currency: 'KWD' })], now);
    // 5,000,000 JPY at 0.01 → 50_000 points; 12.345 KWD at 2 → 24 points
    expect(standing.points).toBe(50024);
    expect(standing.netSpend).toEqual([{ amount: 5000000, currency: 'JPY' }, { amount: 12345, currency: 'KWD' }]);
    expect(standing.tier?.id).toBe('platinum');
  });

  it('count only orders within the window when one is set, and none placed after now', () => {
    const settings = settingsWith({ vip: { windowDays: 365 } }).vip;
    const orders = [order('old', '2023-05-01T00:00:00Z', { total: 100000 }), order('recent', '2024-01-01T00:00:00Z', { total: 60000 }), order('future', '2024-07-01T00:00:00Z', { total: 900000 })];
    expect(tierStanding(settings, orders, now)).toMatchObject({ points: 600, ordersCount: 1, tier: { id: 'silver' } });
  });

  it('give no tier when tiers are switched off', () => {
    const off = settingsWith({ vip: { enabled: false } }).vip;
    expect(tierStanding(off, [order('o1', '2024-01-01T00:00:00Z', { total: 900000 })], now).tier).toBeNull();
  });
});

describe('tierForPoints', () => {
  it('reach a tier at exactly its threshold, not a point below', () => {
    expect(tierForPoints(vip.tiers, 1499)?.id).toBe('silver');
    expect(tierForPoints(vip.tiers, 1500)).toMatchObject({ id: 'gold', rank: 1 });
    expect(tierForPoints(vip.tiers, 499)).toBeNull();
  });
});

describe('tierChange', () => {
  const silver = { id: 'silver', rank: 0 };
  const gold = { id: 'gold', rank: 1 };
  it('is nothing when the tier stays', () => {
    expect(tierChange(gold, { ...gold })).toBeUndefined();
    expect(tierChange(null, null)).toBeUndefined();
  });
  it('thank the customer moving up, into the first tier or a higher one', () => {
    expect(tierChange(null, silver)).toEqual({ direction: 'upgrade', from: null, to: silver, thankYou: true });
    expect(tierChange(silver, gold)).toEqual({ direction: 'upgrade', from: silver, to: gold, thankYou: true });
  });
  it('record a downgrade after a refund without a message, down to no tier', () => {
    expect(tierChange(gold, silver)).toEqual({ direction: 'downgrade', from: gold, to: silver, thankYou: false });
    expect(tierChange(silver, null)).toEqual({ direction: 'downgrade', from: silver, to: null, thankYou: false });
  });
  it('tell a renamed tier of the same rank apart from a move', () => {
    expect(tierChange(gold, { id: 'vip-gold', rank: 1 })).toEqual({ direction: 'renamed', from: gold, to: { id: 'vip-gold', rank: 1 }, thankYou: false });
  });
});
