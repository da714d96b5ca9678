// Helpers for the API fuzzer and the customer access tests: the operations of openapi.json with
// their parameters and body schemas, sample values from those schemas, forged credentials, fixture
// customers with a delivered order and a return, and snapshots of the stack's DynamoDB tables.
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { signToken } from '../../shared/security/signed-token.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, resourceName, sendShopify, settle } from './support.ts';

export type JsonSchema = Record<string, any>;

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface ApiOperation {
  method: string;
  path: string;
  operationId: string;
  access: 'public' | 'webhook' | 'ops' | 'customer';
  role?: 'viewer' | 'agent' | 'supervisor' | 'admin';
  parameters: ApiParameter[];
  body?: { contentType: string; schema: JsonSchema };
}

export const openApiDocument = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../openapi.json'), 'utf8'));

/** Follows `$ref`s into `components`. */
export function resolve(schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  while (typeof current.$ref === 'string') {
    const [, , kind, name] = current.$ref.split('/') as [string, string, string, string];
    current = openApiDocument.components[kind][name];
  }
  return current;
}

export const operations: ApiOperation[] = Object.entries(openApiDocument.paths as Record<string, Record<string, any>>).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, op]) => {
    const content = op.requestBody?.content as Record<string, { schema: JsonSchema }> | undefined;
    const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
    return {
      method: method.toUpperCase(),
      path: route,
      operationId: op.operationId,
      access: op['x-access'],
      role: op['x-required-role'],
      parameters: (op.parameters ?? []).map((parameter: any) => ({ name: parameter.name, in: parameter.in, required: Boolean(parameter.required), schema: resolve(parameter.schema) })),
      ...(contentType && media ? { body: { contentType, schema: resolve(media.schema) } } : {}),
    } as ApiOperation;
  }),
);

const typeOf = (schema: JsonSchema): string | undefined => {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((type: string) => type !== 'null');
  if (schema.properties) return 'object';
  return undefined;
};

/** A plausible value for a schema: the shape the API expects, not necessarily one it accepts. */
export function sample(input: JsonSchema | undefined, depth = 0): unknown {
  const schema = resolve(input);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const choice = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(choice)) return sample(choice.find((option: JsonSchema) => resolve(option).type !== 'null') ?? choice[0], depth + 1);
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((part: JsonSchema) => sample(part, depth + 1)));
  switch (typeOf(schema)) {
    case 'object': {
      if (depth > 6) return {};
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, sample(property as JsonSchema, depth + 1)]));
    }
    case 'array':
      return depth > 6 ? [] : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'email') return 'fuzz@example.com';
      if (schema.format === 'date-time') return '2031-01-01T00:00:00Z';
      if (schema.format === 'date') return '2031-01-01';
      return 'fuzz-value'.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 100);
    default:
      return null;
  }
}

/** A value of another JSON type than the schema's, so validation must refuse it; undefined when the schema has no single type. */
export function wrongTypeFor(input: JsonSchema): unknown {
  switch (typeOf(resolve(input))) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return ['not', 'an', 'object'];
    default:
      return undefined;
  }
}

// ---- Credentials ----

export interface OpsTokens {
  viewer: string;
  agent: string;
  supervisor: string;
  admin: string;
  /** An admin limited to another shop than the one requests name. */
  otherShopAdmin: string;
  /** An admin token minted to expire within a second, expired by the time it is used. */
  expired: string;
  /** An admin token with the issuer's key id, signed with another key. */
  otherKey: string;
  /** A viewer token whose payload says admin, with the viewer's signature. */
  tampered: string;
}

async function mint(json: Record<string, unknown>): Promise<string> {
  const { status, body } = await api('/_local/token', { method: 'POST', json });
  if (status !== 200) throw new Error(`POST /_local/token answered ${status}: ${JSON.stringify(body)}`);
  return body.token;
}

const decodePart = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const encodePart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function opsTokens(otherShop: string): Promise<OpsTokens> {
  const [viewer, agent, supervisor, admin, otherShopAdmin, expired] = await Promise.all([
    mint({ role: 'viewer' }),
    mint({ role: 'agent' }),
    mint({ role: 'supervisor' }),
    mint({ role: 'admin' }),
    mint({ role: 'admin', email: 'other-shop-admin@local.example', shopIds: [otherShop] }),
    mint({ role: 'admin', email: 'expiring-admin@local.example', expiresIn: 1 }),
  ]);
  const [header, payload] = admin.split('.') as [string, string];
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingInput = `${header}.${payload}`;
  const otherKey = `${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(privateKey).toString('base64url')}`;
  const [viewerHeader, viewerPayload, viewerSignature] = viewer.split('.') as [string, string, string];
  const tampered = `${viewerHeader}.${encodePart({ ...decodePart(viewerPayload), 'cognito:groups': ['admin'] })}.${viewerSignature}`;
  // The expiring token lives one second; wait it out (a condition, not a guess).
  const expiresAt = decodePart(expired.split('.')[1]!).exp * 1000;
  while (Date.now() <= expiresAt + 50) await new Promise((resolve) => setTimeout(resolve, 100));
  return { viewer, agent, supervisor, admin, otherShopAdmin, expired, otherKey, tampered };
}

/** A customer session for `shopId` and `email`, signed with a secret that is not the deployment's. */
export function customerTokenSignedElsewhere(shopId: string, email: string): string {
  return signToken({ sub: 'customer', shopId, email }, { audience: 'aftersales-customer', lifetimeSeconds: 3600, secret: randomUUID() }).token;
}

/** The same session with its email replaced, keeping the original signature. */
export function customerTokenWithEmail(token: string, email: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return `${header}.${encodePart({ ...decodePart(payload), email })}.${signature}`;
}

// ---- Fixture customers ----

export interface CustomerFixture {
  shopId: string;
  orderId: number;
  number: string;
  email: string;
  /** Platform line ids of the order's two lines (tent, stakes). */
  lineIds: [string, string];
  token: string;
  returnId: string;
}

/**
 * Customers of the demo Shopify shop, each with a delivered order, a portal session and an
 * approved return of the order's tent. Order numbers follow each other (guessable).
 */
export async function createCustomers(label: string, count: number): Promise<CustomerFixture[]> {
  const { body: clock } = await api('/_local/clock');
  const now = Date.parse(clock.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const base = 7_300_000 + Math.floor(Math.random() * 90_000);
  const people = Array.from({ length: count }, (_, i) => ({ shopId: 'demo-shopify', orderId: base + i, number: String((base + i) % 100_000), email: `${label}-${i}-${randomUUID().slice(0, 8)}@example.com` }));
  for (const person of people) {
    await sendShopify('orders/create', shopifyOrder({ orderId: person.orderId, email: person.email, createdAt: iso(6) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: person.orderId + 5, orderId: person.orderId, shipmentStatus: 'delivered', createdAt: iso(5), updatedAt: iso(3) }));
  }
  await settle();
  const fixtures: CustomerFixture[] = [];
  for (const person of people) {
    const lineIds: [string, string] = [String(person.orderId * 10 + 1), String(person.orderId * 10 + 2)];
    const session = await api('/customer/sessions', { method: 'POST', json: { shopId: person.shopId, orderNumber: person.number, email: person.email } });
    if (session.status !== 200) throw new Error(`sign-in answered ${session.status}: ${JSON.stringify(session.body)}`);
    const created = await api('/returns', { method: 'POST', json: { shopId: person.shopId, orderNumber: person.number, email: person.email, lines: [{ lineItemId: lineIds[0], quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
    if (created.status !== 201) throw new Error(`POST /returns answered ${created.status}: ${JSON.stringify(created.body)}`);
    fixtures.push({ ...person, lineIds, token: session.body.token, returnId: created.body.id });
  }
  await settle();
  return fixtures;
}

// ---- Responses ----

export interface Reply {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
  body: any;
}

export async function send(url: string, init: RequestInit): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, text, body };
}

/** What is wrong with a 4xx as problem details (RFC 9457), or undefined when it is one. */
export function problemShapeError(reply: Reply): string | undefined {
  if (reply.contentType.split(';')[0]!.trim() !== 'application/problem+json') return `content-type ${reply.contentType || '(none)'}`;
  const body = reply.body;
  if (!body || typeof body !== 'object') return `body is not a JSON object: ${reply.text.slice(0, 200)}`;
  for (const field of ['type', 'title', 'detail'] as const) if (typeof body[field] !== 'string' || !body[field]) return `${field} is missing`;
  if (body.status !== reply.status) return `status ${body.status} does not match ${reply.status}`;
  return undefined;
}

// ---- DynamoDB snapshots ----

const tablePrefixes = ['BackboneStateTable', 'BackboneJournalTable', 'BackboneIdempotencyTable'];

export type Snapshot = Map<string, string>;

/** Every item of the stack's state, journal and idempotency tables, keyed by table and key. */
export async function snapshotTables(): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  for (const prefix of tablePrefixes) {
    const table = resourceName(prefix);
    let start: Record<string, unknown> | undefined;
    do {
      const page = await clients.dynamo.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        const key = `${prefix} ${String(item.pk ?? item.subject ?? item.id)} ${String(item.sk ?? item.at ?? '')}`;
        snapshot.set(key, JSON.stringify(item));
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return snapshot;
}

export interface Change {
  key: string;
  before?: string;
  after?: string;
}

export function changesBetween(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  for (const [key, value] of after) if (before.get(key) !== value) changes.push({ key, before: before.get(key), after: value });
  for (const [key, value] of before) if (!after.has(key)) changes.push({ key, before: value });
  return changes;
}
