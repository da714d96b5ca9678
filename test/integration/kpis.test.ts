// The KPIs through the local stack: orders, a return the policy approves and that is then
// resolved, and an answered survey (published twice) show in getKpis as counts, the first
// response and resolution measured from the request; a caller limited to another shop, a
// missing token and a bad period are refused.
import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import type { Kpis } from '../../shared/api/routes.ts';
import type { EventDefinition } from '../../shared/events/define.ts';
import { ReturnResolved } from '../../shared/events/returns.ts';
import { SurveyAnswered } from '../../shared/events/surveys.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, eventually, opsToken, resourceName, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const busName = resourceName('BackboneBus');
const DAY_MS = 86_400_000;

async function publish(definition: EventDefinition, detail: Record<string, unknown>) {
  definition.detail.parse(detail);
  const result = await clients.events.send(new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: definition.source, DetailType: definition.detailType, Detail: JSON.stringify(detail) }] }));
  expect(result.FailedEntryCount).toBe(0);
}

describe('getKpis', () => {
  it('counts orders, a return approved and resolved, and a survey answered once', async () => {
    const viewer = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const now = Date.parse((await api('/_local/clock')).body.now);
    const iso = (days: number) => new Date(now - days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const period = { shopId, from: new Date(now - 10 * DAY_MS).toISOString(), to: new Date(now + DAY_MS).toISOString() };
    const read = async (): Promise<Kpis> => {
      const { data, error } = await viewer.GET('/ops/kpis', { params: { query: period } });
      expect(error).toBeUndefined();
      return data!;
    };
    await settle();
    const before = await read();
    expect(before.daily).toHaveLength(12);
    expect(before.satisfaction).toMatchObject({ target: 0.95, drillDown: { operationId: 'listSurveyResponses', query: { shopId } } });

    const orderIds = [0, 1].map(() => 9_300_000 + Math.floor(Math.random() * 90_000));
    const email = `kpi-${randomUUID().slice(0, 8)}@example.com`;
    for (const orderId of orderIds) await sendShopify('orders/create', shopifyOrder({ orderId, email, createdAt: iso(6) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderIds[0]! + 5, orderId: orderIds[0]!, shipmentStatus: 'delivered', createdAt: iso(5), updatedAt: iso(3) }));
    await settle();
    const requested = await api('/returns', { method: 'POST', json: { shopId, orderNumber: String(orderIds[0]! % 100_000), email, lines: [{ lineItemId: String(orderIds[0]! * 10 + 1), quantity: 1, reason: 'too_large', resolution: 'store_credit' }] } });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body.status).toBe('approved');
    const returnId: string = requested.body.id;

    await publish(ReturnResolved, {
      ...ReturnResolved.example,
      shopId,
      returnId,
      orderId: String(orderIds[0]),
      resolution: 'declined',
      exchangeOrderId: undefined,
      occurredAt: new Date(now + 3_600_000).toISOString(),
      resolvedBy: { kind: 'staff', id: 'staff-kpi' },
    });
    const answered = { ...SurveyAnswered.example, shopId, surveyId: `srv-${randomUUID()}`, returnId, occurredAt: new Date(now).toISOString(), score: 5 };
    // The same fact published twice counts once.
    await publish(SurveyAnswered, answered);
    await publish(SurveyAnswered, answered);
    await settle();

    const after = await eventually(async () => {
      const kpis = await read();
      return kpis.returns.resolved > before.returns.resolved && kpis.satisfaction.answered > before.satisfaction.answered ? kpis : undefined;
    }, { what: 'the KPIs to count the return and the survey' });
    expect(after.returns.orders - before.returns.orders).toBe(2);
    expect(after.returns.returns - before.returns.returns).toBe(1);
    expect(after.returns.approved - before.returns.approved).toBe(1);
    expect(after.returns.resolved - before.returns.resolved).toBe(1);
    expect(after.returns.byReason.find((row) => row.reason === 'too_large')).toMatchObject({ returns: (before.returns.byReason.find((row) => row.reason === 'too_large')?.returns ?? 0) + 1, drillDown: { operationId: 'listReturns', query: { shopId, reason: 'too_large' } } });
    expect(after.satisfaction.answered - before.satisfaction.answered).toBe(1);
    expect(after.satisfaction.satisfied - before.satisfaction.satisfied).toBe(1);
    expect(after.firstResponse.count - before.firstResponse.count).toBe(1);
    expect(after.firstResponse.withinSla - before.firstResponse.withinSla).toBe(1);
    expect(after.resolution.count - before.resolution.count).toBe(1);
    expect(after.resolution.averageHours).toBeGreaterThan(0);
    const sum = (kpis: Kpis, name: 'resolutionSeconds') => kpis.daily.reduce((total, day) => total + day[name], 0);
    // Resolved an hour after the request (the clock's now), give or take the request's own delay.
    expect(sum(after, 'resolutionSeconds') - sum(before, 'resolutionSeconds')).toBeGreaterThan(3000);
  });

  it('refuses a caller limited to another shop, a missing token and a bad period, naming the field', async () => {
    const { body: limited } = await api('/_local/token', { method: 'POST', json: { role: 'admin', shopIds: ['demo-generic'] } });
    const other = await api(`/ops/kpis?shopId=${shopId}`, { headers: { authorization: `Bearer ${limited.token}` } });
    expect(other.status).toBe(403);
    expect((await api(`/ops/kpis?shopId=${shopId}`)).status).toBe(401);

    const headers = { authorization: `Bearer ${await opsToken('viewer')}` };
    const tooLong = await api(`/ops/kpis?shopId=${shopId}&from=2024-01-01T00:00:00Z&to=2025-01-03T00:00:00Z`, { headers });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ path: 'query.from' })]);
    const backwards = await api(`/ops/kpis?shopId=${shopId}&from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z`, { headers });
    expect(backwards.status).toBe(400);
    const badDate = await api(`/ops/kpis?shopId=${shopId}&to=yesterday`, { headers });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors).toEqual([expect.objectContaining({ path: 'query.to' })]);
    const defaults = await api(`/ops/kpis?shopId=${shopId}`, { headers });
    expect(defaults.status).toBe(200);
    expect(Date.parse(defaults.body.to) - Date.parse(defaults.body.from)).toBe(31 * DAY_MS);
  });
});
