// The customer view in Chromium against the local stack: one search box finds a seeded customer by
// email, by order number and by phone, and shows their order (linking to its timeline), their
// return case and the messages sent to them with their delivery status.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { endpoints, eventually, opsToken } from '../integration/support.ts';
import { requestedReturn } from './seed.ts';
import { signIn, useBrowser } from './support.ts';

const browser = useBrowser();
const shopId = 'demo-generic';

describe('the customer view', () => {
  it('finds a customer by email, order number or phone and shows their orders, cases and messages', async () => {
    const { orderNumber, customerId, email, phone } = await requestedReturn(shopId);
    const viewer = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const message = await eventually(
      async () => {
        const { data } = await viewer.GET('/ops/notifications', { params: { query: { shopId, customerId } } });
        return data?.items.find((item) => item.status === 'sent');
      },
      { what: 'a message sent to the customer' },
    );

    const page = browser.page();
    await signIn(page, 'viewer', shopId);
    await page.getByRole('link', { name: 'Customers' }).click();
    const search = async (text: string) => {
      await page.getByLabel('Email, phone or order number').fill(text);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByTestId('customer-facts').filter({ hasText: email }).waitFor();
    };

    await search(email.toUpperCase());
    expect(page.url()).toContain(`#/customers/${customerId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ada');
    expect(await page.getByTestId('customer-facts').textContent()).toMatch(/Tier\s*none/);
    await page.getByTestId('customer-orders').getByRole('link', { name: orderNumber }).waitFor();
    await page.getByRole('region', { name: 'Return cases' }).getByRole('link', { name: orderNumber }).waitFor();
    const messageRow = page.getByTestId('customer-messages').getByRole('row').filter({ hasText: message.messageType.replace(/_/g, ' ') }).first();
    await messageRow.waitFor();
    expect(await messageRow.getByRole('cell').nth(2).textContent()).toMatch(/^sent /);

    await page.getByRole('link', { name: '← Customer search' }).click();
    await search(orderNumber.replace('#', ''));
    await page.getByRole('link', { name: '← Customer search' }).click();
    await search(phone.replace(/^\+1555/, '+1 555 '));

    await page.getByTestId('customer-orders').getByRole('link', { name: orderNumber }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Order ${orderNumber}`);
    await page.getByTestId('order-timeline').filter({ hasText: 'OrderPlaced' }).waitFor();
  });

  it('says so when nobody matches', async () => {
    const page = browser.page();
    await signIn(page, 'viewer', shopId);
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Email, phone or order number').fill('nobody-at-all@example.com');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('No customer matches');
  });
});
