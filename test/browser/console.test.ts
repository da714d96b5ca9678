// The ops console in Chromium against the local stack: sign in with a local role, approve a
// return from the work queue, override a refund decision with a reason, re-drive a dead letter;
// each action is checked again through the API (state, audit trail), and a viewer is not offered
// actions its role may not take.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { endpoints, opsToken } from '../integration/support.ts';
import { decisionAwaitingSupervisor, quarantinedDelivery, requestedReturn } from './seed.ts';
import { consoleUrl, signIn, useBrowser } from './support.ts';

const browser = useBrowser();
const viewerApi = async () => createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });

describe('the ops console', () => {
  it('is served at /console with a config for the local issuer, and signs in with a local role', async () => {
    const config = await (await fetch(`${endpoints.api}/console/config.json`)).json();
    expect(config).toMatchObject({ apiUrl: '', auth: { kind: 'local', tokenUrl: '/_local/token' }, shops: expect.arrayContaining(['demo-shopify', 'demo-generic']) });
    const redirect = await fetch(`${endpoints.api}/console`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/console/']);

    const page = browser.page();
    await signIn(page, 'supervisor');
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('supervisor-browser@example.com');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(page.url()).toBe(consoleUrl());
  });

  it('lets an agent approve a return from the queue; a viewer sees the case without actions', async () => {
    const shopId = 'demo-generic';
    const { caseId, orderNumber } = await requestedReturn(shopId);
    const page = browser.page();

    await signIn(page, 'viewer', shopId);
    await page.getByRole('link', { name: orderNumber }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('requested');
    expect(await page.getByRole('button', { name: /Approve|Reject/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'agent', shopId);
    await page.getByRole('link', { name: 'Returns' }).click();
    await page.getByRole('link', { name: orderNumber }).click();
    await page.getByRole('button', { name: 'Approve return' }).click();
    await page.getByLabel('Note for the audit trail (optional)').fill('Photos checked');
    await page.getByRole('button', { name: 'Confirm: Approve return' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Approved: the case is now (approved|awaiting shipment)/);
    expect(await page.getByTestId('timeline').textContent()).toContain('agent-browser@example.com (agent)');

    const { data } = await (await viewerApi()).GET('/ops/returns/{caseId}', { params: { path: { caseId }, query: { shopId } } });
    expect(data?.history.at(-1)).toMatchObject({ to: data?.status, actor: { kind: 'staff', role: 'agent', email: 'agent-browser@example.com' } });
    expect(['approved', 'awaiting_shipment']).toContain(data?.status);
  });

  it('lets a supervisor override a refund decision with a reason, after reading its explanation', async () => {
    const shopId = `br-refund-${randomUUID().slice(0, 8)}`;
    const record = await decisionAwaitingSupervisor(shopId);
    const page = browser.page();
    await signIn(page, 'supervisor', shopId);
    await page.getByRole('link', { name: 'Refund reviews' }).click();
    await page.getByRole('link', { name: record.decisionId }).click();
    await expect.poll(() => page.getByTestId('decision-status').textContent()).toBe('awaiting supervisor');
    expect(await page.getByTestId('explanation').textContent()).toContain('supervisor approval');

    await page.getByRole('button', { name: 'Override decision' }).click();
    await page.getByLabel('Resolution').selectOption('store_credit');
    // The reason is required: the browser will not submit without it.
    await page.getByRole('button', { name: 'Confirm: Override decision' }).click();
    expect(await page.getByLabel('Reason for the override (required)').evaluate((field) => (field as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).toBe(true);
    await page.getByLabel('Reason for the override (required)').fill('Customer prefers credit, agreed by phone');
    await page.getByRole('button', { name: 'Confirm: Override decision' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Done: the decision is now approved (store credit');

    const { data } = await (await viewerApi()).GET('/ops/refunds/{decisionId}', { params: { path: { decisionId: record.decisionId }, query: { shopId } } });
    expect(data?.outcome?.kind).toBe('store_credit');
    expect(data?.history.find((entry) => entry.action === 'override')).toMatchObject({ from: 'awaiting_supervisor', to: 'approved', reason: 'Customer prefers credit, agreed by phone', by: { role: 'supervisor' } });
  });

  it('lets an agent inspect and re-drive a dead letter with a reason, recorded in the audit trail', async () => {
    const marker = randomUUID();
    const deadLetterId = await quarantinedDelivery(marker);
    const page = browser.page();
    await signIn(page, 'agent', 'demo-shopify');
    await page.getByRole('link', { name: 'Dead letters' }).click();
    await page.getByLabel('Kind').selectOption('quarantined_delivery');
    await page.getByRole('row').filter({ hasText: 'products/create' }).first().getByRole('link').click();
    await page.getByText(marker).waitFor();
    await page.getByRole('button', { name: 'Re-drive' }).click();
    await page.getByLabel('Why it is safe to re-drive now (required)').fill('Topic mapping deployed');
    await page.getByRole('button', { name: 'Confirm: Re-drive' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Re-driven at /);

    const { data } = await (await viewerApi()).GET('/ops/audit', { params: { query: { shopId: 'demo-shopify', subjectType: 'deadLetter', subjectId: deadLetterId } } });
    expect(data?.items).toEqual([expect.objectContaining({ action: 'deadLetter.redrive', reason: 'Topic mapping deployed', actor: expect.objectContaining({ role: 'agent' }) })]);
  });
});
