// The privacy wiring in the synthesized template: raw deliveries carry the attribute the state
// table expires items by, and Shopify's privacy webhooks reach their own consumer.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { DeliveryStore } from '../../shared/adapters/delivery-store.ts';

let resources: Record<string, { Type: string; Properties: Record<string, any> }>;

beforeAll(() => {
  // The resource count is stack.test.ts's concern; this file checks the privacy wiring only.
  const { stack } = buildApp(new App({ context: { 'cli-telemetry': false, '@aws-cdk/core:stackResourceLimit': 0 } }));
  resources = Template.fromStack(stack).toJSON().Resources;
});

const byPrefix = (prefix: string) => Object.entries(resources).filter(([id]) => id.startsWith(prefix));
const functionOf = (prefix: string) => {
  const found = byPrefix(prefix).filter(([, resource]) => resource.Type === 'AWS::Lambda::Function');
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
};

describe('raw delivery expiry', () => {
  it('is the state table’s TTL attribute, set on accepted and quarantined deliveries alike', async () => {
    const [, table] = byPrefix('BackboneStateTable').find(([, resource]) => resource.Type === 'AWS::DynamoDB::GlobalTable')!;
    const ttlAttribute = table.Properties.TimeToLiveSpecification?.AttributeName;
    expect(table.Properties.TimeToLiveSpecification?.Enabled).toBe(true);
    const items: Record<string, unknown>[] = [];
    const client = { send: async (command: { input: { Item: Record<string, unknown> } }) => (items.push(command.input.Item), {}) } as unknown as DynamoDBDocumentClient;
    const store = new DeliveryStore(client, 'state');
    const draft = { provider: 'shopify' as const, shopId: 's', topic: 'orders/create', dedupeKey: 'e1', receivedAt: '2026-01-01T00:00:00Z', meta: {}, body: Buffer.from('{}') };
    await store.accept(draft);
    await store.quarantine({ ...draft, dedupeKey: 'rejected:1' }, 'malformed_json', 'not JSON');
    for (const item of items) expect(item[ttlAttribute]).toEqual(expect.any(Number));
  });
});

describe('privacy webhooks', () => {
  it('are queued by the receiver to the privacy consumer, which reads both tables', () => {
    const [, receiver] = functionOf('IngestReceiveFunction');
    // The queue URL is a Ref to the queue: the same queue feeds the consumer's event source mapping.
    const queueId = receiver.Properties.Environment.Variables.PRIVACY_QUEUE_URL.Ref as string;
    expect(queueId).toMatch(/^PrivacyRequestQueue/);
    expect(resources[queueId]!.Type).toBe('AWS::SQS::Queue');
    const [consumerId, consumer] = functionOf('PrivacyRequestsFunction');
    expect(Object.keys(consumer.Properties.Environment.Variables)).toEqual(expect.arrayContaining(['STATE_TABLE_NAME', 'JOURNAL_TABLE_NAME', 'SHOPS_SECRET_ARN']));
    const mappings = Object.values(resources).filter((resource) => resource.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(resource.Properties.FunctionName).includes(consumerId));
    expect(mappings.map((mapping) => mapping.Properties.EventSourceArn['Fn::GetAtt'][0])).toEqual([queueId]);
  });

  it('serve their exports on supervisor routes behind the authorizer', () => {
    const routes = Object.values(resources).filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route' && /privacy-exports/.test(resource.Properties.RouteKey));
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(['GET /ops/privacy-exports', 'GET /ops/privacy-exports/{exportId}']);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('JWT');
  });
});
