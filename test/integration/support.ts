// Helpers for integration tests: SDK clients pointed at the local stack, and waiting on conditions.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import type { ApiClient } from '../../shared/api/client.ts';

export const endpoints = inject('endpoints');
const resourceNames = inject('resourceNames');
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = 'us-east-1';

export const clients = {
  events: new EventBridgeClient({ endpoint: endpoints.eventbridge, region, credentials }),
  scheduler: new SchedulerClient({ endpoint: endpoints.scheduler, region, credentials }),
  sqs: new SQSClient({ endpoint: endpoints.sqs, region, credentials }),
  dynamo: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region, credentials })),
};

/** The physical name of the template resource whose logical id starts with `prefix`. */
export function resourceName(prefix: string): string {
  const matches = Object.entries(resourceNames).filter(([logicalId]) => logicalId.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`Expected one resource starting with ${prefix}, found ${matches.map(([id]) => id).join(', ') || 'none'}`);
  return matches[0]![1];
}

export function queueUrl(prefix: string): string {
  return `${endpoints.sqs}/000000000000/${resourceName(prefix)}`;
}

export async function api<T = any>(path: string, init?: RequestInit & { json?: unknown }): Promise<{ status: number; body: T }> {
  const response = await fetch(`${endpoints.api}${path}`, {
    ...init,
    headers: { ...(init?.json !== undefined ? { 'content-type': 'application/json' } : {}), ...init?.headers },
    body: init?.json !== undefined ? JSON.stringify(init.json) : init?.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: body as T };
}

/** Waits until everything the stack is doing has finished. */
export async function settle(): Promise<void> {
  const { status } = await api('/_local/settle', { method: 'POST' });
  if (status !== 200) throw new Error(`settle failed with ${status}`);
}

/** Polls `probe` until it returns a value other than undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined>, { timeoutMs = 20_000, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A bearer token from the local issuer with an ops role. */
export async function opsToken(role: 'viewer' | 'agent' | 'supervisor' | 'admin'): Promise<string> {
  const { status, body } = await api('/_local/token', { method: 'POST', json: { role } });
  if (status !== 200) throw new Error(`POST /_local/token answered ${status}`);
  return body.token;
}

/** The open archived message whose payload mentions `marker`. */
export async function findDeadMessage(client: ApiClient, shop: string, marker: string) {
  return eventually(async () => {
    const { data } = await client.GET('/ops/dead-letters', { params: { query: { shopId: shop, kind: 'failed_message', limit: 100 } } });
    for (const item of data?.items ?? []) {
      const { data: detail } = await client.GET('/ops/dead-letters/{deadLetterId}', { params: { path: { deadLetterId: item.deadLetterId } } });
      if (detail?.payload.includes(marker)) return detail;
    }
    return undefined;
  }, { what: `the archived message about ${marker}` });
}

/** Sends a signed Shopify webhook for the demo shop and expects it accepted. */
export async function sendShopify(topic: string, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${endpoints.api}/webhooks/shopify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-shop-domain': 'demo-shop.myshopify.com', 'x-shopify-event-id': randomUUID(), 'x-shopify-hmac-sha256': signBase64BodyHmac(body, 'local-webhook-secret') },
    body,
  });
  if (response.status !== 200) throw new Error(`The Shopify webhook ${topic} answered ${response.status}: ${await response.text()}`);
}
