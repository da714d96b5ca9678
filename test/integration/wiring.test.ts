// Everything the template declares is wired in the local stack: read the synthesized template and
// ask the stack, through its AWS endpoints and /_local/wiring, for each route, rule, mapping, table
// and queue.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { ListQueuesCommand } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, clients, resourceName } from './support.ts';

const assemblyDir = path.resolve(import.meta.dirname, '../../cdk.out');
let resources: [string, { Type: string; Properties: Record<string, any> }][];
let wiring: { routes: { routeKey: string; functionName: string }[]; rules: { logicalId: string }[]; mappings: string[]; topics: { subscriptions: { logicalId: string }[] }[] };

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'));
  const stack = Object.values(manifest.artifacts as Record<string, any>).find((artifact) => artifact.type === 'aws:cloudformation:stack');
  const template = JSON.parse(readFileSync(path.join(assemblyDir, stack.properties.templateFile), 'utf8'));
  resources = Object.entries(template.Resources);
  wiring = (await api('/_local/wiring')).body;
});

const logicalIds = (type: string) => resources.filter(([, resource]) => resource.Type === type).map(([id]) => id);

describe('the local stack wires the whole template', () => {
  it('serves every HTTP route', () => {
    const routeKeys = resources.filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    expect(routeKeys.length).toBeGreaterThan(0);
    expect(wiring.routes.map((route) => route.routeKey).sort()).toEqual([...routeKeys].sort());
    for (const route of wiring.routes) expect(route.functionName, route.routeKey).toBeTruthy();
  });

  it('loads every rule on its bus', async () => {
    // Rules on the backbone's bus, and on the default bus for AWS service events (SES).
    const [{ Rules: own = [] }, { Rules: onDefault = [] }] = await Promise.all([
      clients.events.send(new ListRulesCommand({ EventBusName: resourceName('BackboneBus') })),
      clients.events.send(new ListRulesCommand({ EventBusName: 'default' })),
    ]);
    const ruleIds = logicalIds('AWS::Events::Rule');
    expect(ruleIds.length).toBeGreaterThan(0);
    expect([...own, ...onDefault].map((rule) => rule.Name).sort()).toEqual([...ruleIds].sort());
  });

  it('delivers to every SNS subscription', () => {
    const subscriptionIds = logicalIds('AWS::SNS::Subscription');
    expect(wiring.topics.flatMap((topic) => topic.subscriptions.map((subscription) => subscription.logicalId)).sort()).toEqual([...subscriptionIds].sort());
  });

  it('polls every event source mapping', () => {
    const mappingIds = logicalIds('AWS::Lambda::EventSourceMapping');
    expect(mappingIds.length).toBeGreaterThan(0);
    expect([...wiring.mappings].sort()).toEqual([...mappingIds].sort());
  });

  it('creates every table', async () => {
    const { TableNames = [] } = await clients.dynamo.send(new ListTablesCommand({}));
    const tableIds = [...logicalIds('AWS::DynamoDB::GlobalTable'), ...logicalIds('AWS::DynamoDB::Table')];
    expect(tableIds.length).toBeGreaterThan(0);
    for (const id of tableIds) expect(TableNames, id).toContain(id);
  });

  it('creates every queue', async () => {
    const { QueueUrls = [] } = await clients.sqs.send(new ListQueuesCommand({}));
    const names = QueueUrls.map((url) => url.split('/').pop());
    for (const id of logicalIds('AWS::SQS::Queue')) expect(names, id).toContain(id);
  });
});
