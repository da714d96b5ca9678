// The policy editors in Chromium against the local stack: a supervisor edits the return policy as
// JSON, sees the API's field errors, dry-runs the draft on the shop's latest orders, publishes it
// with a reason (reading it back shows the new version), and is told when someone published
// meanwhile; a viewer reads the policy without being offered a dry run or Publish.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { endpoints, opsToken } from '../integration/support.ts';
import { decisionAwaitingSupervisor } from './seed.ts';
import { signIn, useBrowser } from './support.ts';

const browser = useBrowser();

const editor = (page: Page) => page.getByLabel('Edit the JSON document');
async function editPolicy(page: Page, change: (policy: Record<string, unknown>) => void): Promise<void> {
  const policy = JSON.parse(await editor(page).inputValue()) as Record<string, unknown>;
  change(policy);
  await editor(page).fill(JSON.stringify(policy, null, 2));
}

describe('the policy editors', () => {
  it('dry-runs a return policy change and publishes it with a reason, conditionally on the version read', async () => {
    // A shop of its own, with one order delivered a week ago: returnable for 30 days, not for 5.
    const shopId = `br-policy-${randomUUID().slice(0, 8)}`;
    await decisionAwaitingSupervisor(shopId);
    const page = browser.page();
    await signIn(page, 'supervisor', shopId);
    await page.getByRole('link', { name: 'Policies' }).click();
    await expect.poll(() => page.getByTestId('settings-version').textContent()).toBe('0 (the defaults, never published)');
    expect(await page.getByTestId('policy-summary').textContent()).toContain('30 days from delivery');

    await editPolicy(page, (policy) => (policy.windowDays = 999));
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'windowDays' }).count()).toBe(1);

    await editPolicy(page, (policy) => (policy.windowDays = 5));
    // Publishing waits for a dry run of this very draft.
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => page.getByTestId('dry-run-summary').textContent()).toMatch(/[1-9]\d* no longer returnable/);
    expect(await page.getByTestId('dry-run').getByRole('row').count()).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByLabel('Reason for publishing (required)').fill('Shorter window for the winter sale');
    await page.getByRole('button', { name: 'Confirm: Publish' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Published version 1.');
    await page.reload();
    await expect.poll(() => page.getByTestId('settings-version').textContent()).toBe('1');
    expect(await page.getByTestId('settings-reason').textContent()).toBe('Shorter window for the winter sale');
    expect(await page.getByTestId('policy-summary').textContent()).toContain('5 days from delivery');

    const viewer = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const { data } = await viewer.GET('/ops/returns/policy', { params: { query: { shopId } } });
    expect(data).toMatchObject({ version: 1, policy: { windowDays: 5 }, reason: 'Shorter window for the winter sale', publishedBy: { role: 'supervisor' } });

    // Someone else publishes version 2 while this page still shows version 1.
    const supervisor = createApiClient({ baseUrl: endpoints.api, token: await opsToken('supervisor') });
    const other = await supervisor.PUT('/ops/returns/policy', { params: { query: { shopId } }, body: { policy: { ...data!.policy, windowDays: 14 }, expectedVersion: 1, reason: 'Published elsewhere' } });
    expect(other.data?.version).toBe(2);
    await editPolicy(page, (policy) => (policy.windowDays = 7));
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByTestId('dry-run-summary').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByLabel('Reason for publishing (required)').fill('A week is enough');
    await page.getByRole('button', { name: 'Confirm: Publish' }).click();
    await page.getByRole('alert').filter({ hasText: 'Changed meanwhile' }).waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.getByTestId('settings-version').textContent()).toBe('2');
    expect((await viewer.GET('/ops/returns/policy', { params: { query: { shopId } } })).data?.policy.windowDays).toBe(14);
  });

  it('shows a viewer the policies without dry run or Publish, and the coming nudges', async () => {
    const page = browser.page();
    await signIn(page, 'viewer', 'demo-shopify');
    await page.getByRole('link', { name: 'Policies' }).click();
    await page.getByTestId('policy-summary').waitFor();
    expect(await page.getByRole('button', { name: /Dry run|Publish/ }).count()).toBe(0);
    expect(await page.getByLabel('The JSON document').getAttribute('readonly')).not.toBeNull();

    await page.getByRole('link', { name: 'Refund rules' }).click();
    await page.getByTestId('rules-summary').waitFor();
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByTestId('campaigns-summary').waitFor();
    await expect.poll(() => page.getByTestId('nudge-preview').textContent()).toMatch(/\d+ to send, \d+ suppressed/);
    expect(await page.getByRole('button', { name: /Dry run|Publish/ }).count()).toBe(0);
  });
});
