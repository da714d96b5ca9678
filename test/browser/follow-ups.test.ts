// The follow-up queue in Chromium against the local stack: cases of low survey scores, sorted by
// the API by SLA and by customer tier; an agent resolves one from its detail, which records the
// outcome on the case's timeline. With CONSOLE_SCREENSHOT=1 the queue is also saved as the README's
// docs/ops-console.png (1440x900).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { followUpQueue } from './seed.ts';
import { signIn, useBrowser } from './support.ts';

const browser = useBrowser();

describe('the follow-up queue', () => {
  it('sorts by SLA and by customer tier, and resolves a case with a reason', async () => {
    const shopId = `fu-${randomUUID().slice(0, 8)}`;
    const { customers } = await followUpQueue(shopId);
    const [ada, ben, cleo] = customers.map((customer) => customer.email);
    const page = browser.page();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'agent', shopId);
    await page.getByRole('link', { name: 'Follow-ups' }).click();

    const table = page.getByTestId('follow-ups');
    const customerColumn = async () => (await table.locator('tbody tr').all()).map(async (row) => (await row.getByRole('cell').nth(1).textContent()) ?? '');
    const order = async () => Promise.all(await customerColumn());
    // The queue opens on the earliest SLA first.
    await expect.poll(order).toEqual([ada, ben, cleo]);
    expect(await table.getByRole('columnheader', { name: /SLA due/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await table.locator('tbody tr').first().getByRole('cell').nth(2).textContent()).toBe('Gold');

    await table.getByRole('button', { name: /Tier/ }).click();
    await expect.poll(order).toEqual([cleo, ada, ben]);
    expect(await table.getByRole('columnheader', { name: /Tier/ }).getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('tbody tr').first().getByRole('cell').nth(2).textContent()).toBe('Platinum');
    if (process.env.CONSOLE_SCREENSHOT) await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/ops-console.png') });

    await table.locator('tbody tr').filter({ hasText: ben }).getByRole('link').click();
    await page.getByTestId('follow-up-status').filter({ hasText: 'open' }).waitFor();
    await page.getByRole('button', { name: 'Resolve case' }).click();
    await page.getByLabel('Outcome').selectOption('refunded');
    await page.getByLabel('What was done (required)').fill('Refunded the shipping and apologised');
    await page.getByRole('button', { name: 'Confirm: Resolve case' }).click();
    await page.getByTestId('follow-up-status').filter({ hasText: 'resolved' }).waitFor();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toMatch(/resolved as refunded by \S+.*Refunded the shipping/);
    expect(await page.getByRole('button', { name: 'Resolve case' }).count()).toBe(0);

    // Back in the queue, only the two open cases are left.
    await page.getByRole('link', { name: '← Follow-up cases' }).click();
    await expect.poll(order).toEqual([ada, cleo]);
  });
});
