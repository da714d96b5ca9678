// Publishing delay settings re-plans the shop's open orders at once: an order waiting to ship gets
// its ship-by timer moved to the new handling time (the old schedule deleted), without any news of
// its own, and publishing the old settings again moves it back. It publishes the demo Shopify
// shop's settings, which the delay flow of every other file reads, so it runs in the `clock`
// project (one file at a time) and restores them at the end.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import type { DelaySettings } from '../../shared/delays/settings.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { api, endpoints, eventually, opsToken, sendShopify, settle } from '../integration/support.ts';

const shopId = 'demo-shopify';
const orderId = 9_700_000 + Math.floor(Math.random() * 90_000);

interface Schedule {
  Name: string;
  Target: { Input?: string };
}
/** The order's ship-by timer: its schedule name and due time. */
async function shipByTimer(): Promise<{ name: string; dueAt: string } | undefined> {
  const { body } = await api('/_local/schedules');
  const schedule = ((body.schedules ?? body) as Schedule[]).find((candidate) => /^dly-.*-ship_by-g\d+$/.test(candidate.Name) && (candidate.Target.Input ?? '').includes(`"orderId":"${orderId}"`));
  return schedule && { name: schedule.Name, dueAt: JSON.parse(schedule.Target.Input!).dueAt };
}

const supervisor = async () => createApiClient({ baseUrl: endpoints.api, token: await opsToken('supervisor') });
let original: { version: number; settings: DelaySettings };
let published = 0;
/** Whether the shop runs on settings other than the original ones, so the end must restore them. */
let changed = false;

async function publish(settings: DelaySettings, expectedVersion: number, reason: string): Promise<number> {
  const { data, error, response } = await (await supervisor()).PUT('/ops/delays/settings', { params: { query: { shopId } }, body: { settings, expectedVersion, reason } });
  expect(response.status, JSON.stringify(error)).toBe(200);
  await settle();
  return data!.version;
}

beforeAll(async () => {
  const { data } = await (await supervisor()).GET('/ops/delays/settings', { params: { query: { shopId } } });
  original = { version: data!.version, settings: data!.settings };
  const createdAt = new Date(Date.parse((await api('/_local/clock')).body.now)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await sendShopify('orders/create', shopifyOrder({ orderId, email: `replan-${randomUUID().slice(0, 8)}@example.com`, createdAt }));
  await settle();
});

afterAll(async () => {
  // Whatever happened, the shop goes back to the settings the other files expect.
  if (changed) await publish(original.settings, published, 'Restored after the re-plan test');
});

describe('publishing delay settings', () => {
  it('moves the ship-by timer of an open order to the new handling time, and back', async () => {
    const before = await eventually(shipByTimer, { what: 'the ship-by timer under the settings in effect' });
    const slower = { ...original.settings, handling: { ...original.settings.handling, defaultDays: original.settings.handling.defaultDays + 3 } };
    published = await publish(slower, original.version, 'The workshop is three days behind');
    changed = true;

    const moved = await eventually(async () => {
      const timer = await shipByTimer();
      return timer && timer.name !== before.name ? timer : undefined;
    }, { what: 'the re-planned ship-by timer', timeoutMs: 60_000 });
    // Three more business days: at least three calendar days later, at most five (a weekend between).
    const days = (Date.parse(moved.dueAt) - Date.parse(before.dueAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(3);
    expect(days).toBeLessThanOrEqual(5);

    published = await publish(original.settings, published, 'Back to normal');
    changed = false;
    const back = await eventually(async () => {
      const timer = await shipByTimer();
      return timer && timer.name !== moved.name ? timer : undefined;
    }, { what: 'the ship-by timer planned again', timeoutMs: 60_000 });
    expect(back.dueAt).toBe(before.dueAt);
  });
});
