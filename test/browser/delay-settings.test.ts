// The delay settings editor in Chromium against the local stack: a supervisor reads the settings in
// effect (version 0), edits the handling days as JSON, dry-runs the draft on the shop's open orders
// (the order placed three weeks ago is no longer late), then publishes it with a reason; a
// campaign draft is dry-run before its Publish is offered.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { IngestStore } from '../../shared/adapters/ingest-store.ts';
import { createApiClient } from '../../shared/api/client.ts';
import { applyOrder, emptyOrderState } from '../../shared/ingest/order-state.ts';
import { normalizeShopify } from '../../shared/storefronts/shopify.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { api, endpoints, opsToken, resourceName } from '../integration/support.ts';
import { signIn, useBrowser } from './support.ts';

const browser = useBrowser();
const table = resourceName('BackboneStateTable');

/** An order of `shopId` placed `daysAgo` and not shipped, stored as ingest would (no events: the stack does not serve the shop). */
async function unshippedOrder(shopId: string, daysAgo: number): Promise<void> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } });
  const now = Date.parse((await api('/_local/clock')).body.now);
  const orderId = 9_700_000 + Math.floor(Math.random() * 90_000);
  const createdAt = new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const placed = normalizeShopify('orders/create', shopifyOrder({ orderId, createdAt }), { shopId, defaultLocale: 'en' });
  if (placed.kind !== 'order') throw new Error('unexpected mapping');
  const deliveryKey = `DELIVERY#${shopId}#shopify#${randomUUID()}`;
  await client.send(new PutCommand({ TableName: table, Item: { pk: deliveryKey, sk: 'DELIVERY', status: 'received' } }));
  await new IngestStore(client, table).commit({ order: applyOrder(emptyOrderState(shopId, String(orderId)), placed.order)!.next, events: [], deliveryKey });
}

const editor = (page: Page) => page.getByLabel('Edit the JSON document');
async function editDocument(page: Page, change: (document: Record<string, any>) => void): Promise<void> {
  const document = JSON.parse(await editor(page).inputValue()) as Record<string, any>;
  change(document);
  await editor(page).fill(JSON.stringify(document, null, 2));
}

describe('the delay settings editor', () => {
  it('dry-runs longer handling times on the open orders, then publishes them with a reason', async () => {
    const shopId = `br-delays-${randomUUID().slice(0, 8)}`;
    await unshippedOrder(shopId, 21);
    const page = browser.page();
    await signIn(page, 'supervisor', shopId);
    await page.getByRole('link', { name: 'Policies' }).click();
    await page.getByRole('link', { name: 'Delay settings' }).click();
    await expect.poll(() => page.getByTestId('settings-version').textContent()).toBe('0 (the defaults, never published)');
    expect(await page.getByTestId('delay-settings-summary').textContent()).toContain('2 business days after the order');

    await editDocument(page, (settings) => (settings.handling.defaultDays = 20));
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => page.getByTestId('dry-run-summary').textContent()).toMatch(/1 orders with different deadlines.*1 no longer late/);
    expect(await page.getByTestId('dry-run').getByRole('row').count()).toBe(2);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByLabel('Reason for publishing (required)').fill('The workshop is backed up');
    await page.getByRole('button', { name: 'Confirm: Publish' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Published version 1.');
    expect(await page.getByTestId('delay-settings-summary').textContent()).toContain('20 business days after the order');

    const viewer = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const { data } = await viewer.GET('/ops/delays/settings', { params: { query: { shopId } } });
    expect(data).toMatchObject({ version: 1, settings: { handling: { defaultDays: 20 } }, reason: 'The workshop is backed up' });
  });

  it('dry-runs a campaign draft before offering to publish it', async () => {
    const shopId = `br-campaigns-${randomUUID().slice(0, 8)}`;
    const page = browser.page();
    await signIn(page, 'supervisor', shopId);
    await page.getByRole('link', { name: 'Policies' }).click();
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByTestId('campaigns-summary').waitFor();
    await editDocument(page, (settings) => (settings.winback.afterDaysWithoutOrder = 60));
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => page.getByTestId('dry-run-summary').textContent()).toMatch(/draft version 1, .*0 to send \(0 under the settings in effect; 0 added, 0 removed\)/);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(1);
  });
});
