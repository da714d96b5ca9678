// The KPI screen and the delays queue in Chromium against the local stack: a viewer reads figures
// the seeded counters make known, exports the daily CSV, drills down from the delays figure to the
// delays queue and opens a seeded delayed order's timeline.
import { readFile } from 'node:fs/promises';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { onOrderChanged, onTimer } from '../../shared/delays/flow.ts';
import { DelayWatch, openDelays } from '../../shared/delays/watch.ts';
import { context, order, placedAt, state } from '../unit/delays/fixtures.ts';
import { api, clients, resourceName, uniqueId } from '../integration/support.ts';
import { signIn, useBrowser } from './support.ts';

const browser = useBrowser();
const table = resourceName('BackboneStateTable');

/** One UTC day of KPI counters, written as the rollup keeps them (`KPI#<shopId>` / `<day>`). */
async function kpiDay(shopId: string, day: string, counters: Record<string, number>): Promise<void> {
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: `KPI#${shopId}`, sk: day, ...counters } }));
}

/** An order of `shopId` not shipped by its ship-by date, watched as the delay store keeps it: on the open-delays list. */
async function delayedOrder(shopId: string, orderId: string): Promise<void> {
  const current = state(order({ shopId, orderId, orderNumber: `#${orderId}` }), [], { shopId, orderId });
  const placed = onOrderChanged(undefined, current, context(placedAt)).watch!;
  const timer = placed.timers.find((t) => t.slot === 'ship_by')!;
  const watch = onTimer(placed, current, timer, context(new Date(Date.parse(timer.dueAt) + 3_600_000))).watch!;
  const detectedAt = openDelays(DelayWatch.parse(watch)).map((delay) => delay.detectedAt).sort()[0];
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: `ORDER#${shopId}#${orderId}`, sk: 'STATE', state: current, gsi1pk: `ORDERS#${shopId}`, gsi1sk: current.order!.createdAt } }));
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: `DELAYWATCH#${shopId}#${orderId}`, sk: 'WATCH', watch, version: 1, gsi1pk: `DELAYS#${shopId}#open`, gsi1sk: `${detectedAt}#${orderId}` } }));
}

describe('the KPI screen and the delays queue', () => {
  it('shows seeded figures for a chosen day, exports its CSV, and drills down to a delayed order', async () => {
    const shopId = uniqueId('br-kpi');
    const day = ((await api('/_local/clock')).body.now as string).slice(0, 10);
    await kpiDay(shopId, day, { ordersPlaced: 40, returnsRequested: 6, reason_damaged: 4, reason_too_small: 2, surveysAnswered: 20, surveysSatisfied: 18, delayedOrders: 4, delayedOrdersToldFirst: 3 });
    const orderId = uniqueId('BRD');
    await delayedOrder(shopId, orderId);

    const page = browser.page();
    await signIn(page, 'viewer', shopId);
    await page.getByRole('link', { name: 'KPIs' }).click();
    await page.getByLabel('Period', { exact: true }).selectOption('range');
    await page.getByLabel('From (UTC day)').fill(day);
    await page.getByLabel('To (UTC day, included)').fill(day);
    await page.getByRole('button', { name: 'Show' }).click();
    // The first read wakes the KPI function: wait for the one-day period's figures.
    await page.getByText(`${day} to ${day} (UTC days, 1 days)`).waitFor();
    expect(await page.getByTestId('kpi-satisfaction').textContent()).toBe('90.0%below target');
    expect(await page.getByTestId('kpi-return-rate').textContent()).toBe('15.0%');
    expect(await page.getByTestId('kpi-delays-told-first').textContent()).toBe('75.0%');
    expect(await page.getByRole('img', { name: /Return reasons/ }).textContent()).toContain('damaged');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export daily CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`kpis-${shopId}-${day}-to-${day}.csv`);
    const [header, line, ...rest] = (await readFile((await download.path())!, 'utf8')).split('\r\n');
    expect(rest).toEqual(['']);
    const columns = header!.split(',');
    const values = Object.fromEntries(columns.map((column, index) => [column, line!.split(',')[index]]));
    expect(columns.slice(0, 3)).toEqual(['date', 'ordersPlaced', 'returnsRequested']);
    expect(values).toMatchObject({ date: day, ordersPlaced: '40', returnsRequested: '6', reason_damaged: '4', surveysSatisfied: '18', refundsIssued: '0' });

    await page.getByRole('button', { name: 'Delayed orders' }).click();
    await page.getByRole('link', { name: 'Open the delays queue' }).click();
    const row = page.getByRole('row').filter({ hasText: `#${orderId}` });
    expect(await row.textContent()).toContain('not shipped in time');
    await row.getByRole('button', { name: `#${orderId}` }).click();
    await page.getByTestId('order-timeline').waitFor();
    expect(await row.getByRole('button', { name: `#${orderId}` }).getAttribute('aria-expanded')).toBe('true');
  });
});
