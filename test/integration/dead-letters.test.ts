// Dead letters through the ops API on the local stack: quarantined deliveries and messages taken
// off the dead-letter queues are listed together, inspected, re-driven once or discarded with a
// reason, and every resolution is in the audit trail.
import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { OrderPlaced } from '../../shared/events/catalogue.ts';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import { api, clients, endpoints, eventually, findDeadMessage, opsToken, queueUrl, settle } from './support.ts';

const shopId = 'demo-shopify';

async function quarantineDelivery(payload: unknown): Promise<string> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${endpoints.api}/webhooks/shopify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': 'products/create', 'x-shopify-shop-domain': 'demo-shop.myshopify.com', 'x-shopify-event-id': randomUUID(), 'x-shopify-hmac-sha256': signBase64BodyHmac(body, 'local-webhook-secret') },
    body,
  });
  expect(response.status).toBe(400);
  const { deliveryKey } = (await response.json()) as { deliveryKey: string };
  return Buffer.from(deliveryKey).toString('base64url');
}

const clientFor = async (role: 'viewer' | 'agent') => createApiClient({ baseUrl: endpoints.api, token: await opsToken(role) });

describe('quarantined deliveries', () => {
  it('lists and inspects one, refuses a viewer and a missing reason, discards it once and records who and why', async () => {
    const marker = randomUUID();
    const deadLetterId = await quarantineDelivery({ id: 1, title: marker });
    const viewer = await clientFor('viewer');
    const agent = await clientFor('agent');

    const listed = await viewer.GET('/ops/dead-letters', { params: { query: { shopId, kind: 'quarantined_delivery', limit: 100 } } });
    expect(listed.data?.items.find((item) => item.deadLetterId === deadLetterId)).toMatchObject({ status: 'open', source: 'shopify', topic: 'products/create', reason: 'unsupported_topic', redrivable: true });
    const inspected = await viewer.GET('/ops/dead-letters/{deadLetterId}', { params: { path: { deadLetterId } } });
    expect(JSON.parse(inspected.data!.payload)).toEqual({ id: 1, title: marker });
    expect(inspected.data!.metadata['x-shopify-topic']).toBe('products/create');

    const asViewer = await viewer.POST('/ops/dead-letters/{deadLetterId}/discard', { params: { path: { deadLetterId } }, body: { reason: 'Not a topic we handle' } });
    expect(asViewer.response.status).toBe(403);
    const noReason = await agent.POST('/ops/dead-letters/{deadLetterId}/discard', { params: { path: { deadLetterId } }, body: {} as never });
    expect(noReason.error).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'body.reason' })] });

    const discarded = await agent.POST('/ops/dead-letters/{deadLetterId}/discard', { params: { path: { deadLetterId } }, body: { reason: 'Not a topic we handle' } });
    expect(discarded.data).toMatchObject({ status: 'discarded', resolution: { status: 'discarded', reason: 'Not a topic we handle' } });
    const again = await agent.POST('/ops/dead-letters/{deadLetterId}/discard', { params: { path: { deadLetterId } }, body: { reason: 'twice' } });
    expect(again.data?.resolution?.reason).toBe('Not a topic we handle');
    const redrive = await agent.POST('/ops/dead-letters/{deadLetterId}/redrive', { params: { path: { deadLetterId } }, body: { reason: 'changed my mind' } });
    expect(redrive.response.status).toBe(409);

    const open = await viewer.GET('/ops/dead-letters', { params: { query: { shopId, limit: 100 } } });
    expect(open.data?.items.map((item) => item.deadLetterId)).not.toContain(deadLetterId);
    const audit = await viewer.GET('/ops/audit', { params: { query: { shopId, subjectType: 'deadLetter', subjectId: deadLetterId } } });
    expect(audit.data?.items).toEqual([
      expect.objectContaining({ action: 'deadLetter.discard', reason: 'Not a topic we handle', actor: expect.objectContaining({ role: 'agent' }), before: { status: 'open' }, after: { status: 'discarded' } }),
    ]);
  });

  it('re-drives one to the normalizer once; still unusable, it is quarantined again', async () => {
    const deadLetterId = await quarantineDelivery({ id: 2, title: randomUUID() });
    const agent = await clientFor('agent');
    // Consumers held so the delivery cannot come back as a new dead letter between the two calls.
    await api('/_local/event-sources', { method: 'POST', json: { paused: true } });
    try {
      const redrive = () => agent.POST('/ops/dead-letters/{deadLetterId}/redrive', { params: { path: { deadLetterId } }, body: { reason: 'Topic mapping deployed' } });
      expect((await redrive()).data?.status).toBe('requeued');
      expect((await redrive()).data?.status).toBe('already_redriven');
    } finally {
      await api('/_local/event-sources', { method: 'POST', json: { paused: false } });
    }
    await settle();
    const after = await agent.GET('/ops/dead-letters/{deadLetterId}', { params: { path: { deadLetterId } } });
    expect(after.data).toMatchObject({ status: 'open', reason: 'unsupported_topic' });
  });

  it('answers 404 for an id it did not hand out', async () => {
    const viewer = await clientFor('viewer');
    for (const deadLetterId of ['nope', Buffer.from('ORDER#demo-shopify#1').toString('base64url')]) {
      const { response } = await viewer.GET('/ops/dead-letters/{deadLetterId}', { params: { path: { deadLetterId } } });
      expect(response.status).toBe(404);
    }
  });
});

describe('dead messages', () => {
  it('archives a message of a dead-letter queue and re-drives it to its queue, where it now goes through', async () => {
    const orderId = `dead-${randomUUID()}`;
    const event = { version: '0', id: randomUUID(), source: OrderPlaced.source, 'detail-type': OrderPlaced.detailType, account: '000000000000', time: '2031-02-01T10:00:00Z', region: 'us-east-1', resources: [], detail: { ...OrderPlaced.example, shopId, orderId } };
    await clients.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl('OpsApiJournalQueueDeadLetters'), MessageBody: JSON.stringify(event) }));
    const viewer = await clientFor('viewer');
    const archived = await findDeadMessage(viewer, shopId, orderId);
    expect(archived).toMatchObject({ kind: 'failed_message', status: 'open', topic: 'OrderPlaced', source: 'OpsApi/JournalQueue/DeadLetters', redrivable: true });

    const agent = await clientFor('agent');
    const redriven = await agent.POST('/ops/dead-letters/{deadLetterId}/redrive', { params: { path: { deadLetterId: archived.deadLetterId } }, body: { reason: 'Journal fixed' } });
    expect(redriven.data?.status).toBe('requeued');
    await settle();
    const timeline = await viewer.GET('/ops/orders/{orderId}/timeline', { params: { path: { orderId }, query: { shopId } } });
    expect(timeline.data?.items.map((entry) => entry.detailType)).toEqual(['OrderPlaced']);
    const health = await viewer.GET('/ops/health');
    expect(health.data?.deadLetterQueues.find((queue) => queue.name === 'OpsApi/JournalQueue/DeadLetters')?.messages).toBe(0);
  });

  it('refuses to re-drive what has nowhere to go back to, and says why', async () => {
    await clients.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl('OutboxDeadLetters'), MessageBody: JSON.stringify({ DDBStreamBatchInfo: { shardId: 'shard-1', marker: randomUUID() } }) }));
    const viewer = await clientFor('viewer');
    const archived = await eventually(async () => {
      const { data } = await viewer.GET('/ops/dead-letters', { params: { query: { kind: 'failed_message', limit: 100 } } });
      return data?.items.find((item) => item.source === 'Outbox/DeadLetters' && item.status === 'open');
    }, { what: 'the archived stream failure' });
    expect(archived.redrivable).toBe(false);
    const agent = await clientFor('agent');
    const refused = await agent.POST('/ops/dead-letters/{deadLetterId}/redrive', { params: { path: { deadLetterId: archived.deadLetterId } }, body: { reason: 'try' } });
    expect(refused.response.status).toBe(409);
    expect(refused.error?.detail).toMatch(/outbox/);
  });
});
