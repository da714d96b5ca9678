// The store-day replay end to end on a small day: about 12 orders, with returns, a delay and a
// storefront refund among them, replayed through the front door with the local clock moved in
// 12-hour steps; every expected case, delay, refund and customer message must exist exactly once.
// It moves the clock by days, so it runs in the `clock` project.
import { describe, expect, it } from 'vitest';
import { generateStoreDay, type StoreDay } from '../../bench/store-day/generator.ts';
import { StoreDayReplay } from '../../bench/store-day/replay.ts';
import { api, endpoints } from '../integration/support.ts';

/** The first seed whose 12-order day holds each kind of effect, so the test covers them all. */
function richDay(startAfter: number, orderIdBase: number): StoreDay {
  for (let seed = 1; ; seed++) {
    const day = generateStoreDay({ orders: 12, seed, startAfter, runTag: `clock${orderIdBase}`, orderIdBase });
    const has = (predicate: (order: StoreDay['orders'][number]) => boolean) => day.orders.some(predicate);
    if (has((o) => o.returnCase?.resolution === 'exchange') && has((o) => o.returnCase?.resolution === 'refund') && has((o) => o.fate === 'not_shipped') && has((o) => o.fate === 'carrier_exception') && has((o) => o.storefrontRefund !== undefined) && has((o) => o.reorder)) return day;
  }
}

describe('a store day replayed', () => {
  it('produces every expected case, delay, refund and message exactly once', { timeout: 480_000 }, async () => {
    const now = Date.parse((await api('/_local/clock')).body.now);
    const day = richDay(now, 5_200_000 + Math.floor(Math.random() * 700) * 100);
    const replay = new StoreDayReplay({ api: endpoints.api, mailbox: endpoints.sesv2, webhookSecret: 'local-webhook-secret' });
    const result = await replay.run(day);
    expect(result.mismatches).toEqual([]);
    expect(result.reconciled).toBe(true);
    expect(result.byMessageType).toMatchObject({ return_received: expect.any(Number), return_approved: expect.any(Number), delay_apology: expect.any(Number) });
    expect(result.latencySamples).toBeGreaterThan(0);
    expect(result.p99WebhookToMessageMs).toBeGreaterThanOrEqual(result.p50WebhookToMessageMs);
  });
});
