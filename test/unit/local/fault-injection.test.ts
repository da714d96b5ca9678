// The injection points of the local fault plan, each against a stand-in of its own: what the
// system's SDK clients see when a fault is injected, and that the fault is counted.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalEventBus } from '../../../infra/local/eventbridge/bus.ts';
import { FaultPlan } from '../../../infra/local/faults/plan.ts';
import { LocalSmsSink } from '../../../infra/local/sms.ts';
import { LocalUsage } from '../../../infra/local/usage/counters.ts';
import { dynamoDbUsageProxy, sesUsageProxy } from '../../../infra/local/usage/proxy.ts';
import type { Dispatcher } from '../../../infra/local/dispatcher.ts';
import type { LocalModel } from '../../../infra/local/template/model.ts';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** An upstream that records what reached it and answers 200. */
async function upstream(): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  return { url: `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`, received };
}

const usage = () => new LocalUsage({ now: () => new Date(), mappedQueues: () => 0 });
const putItem = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.PutItem', 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ TableName: 't', Item: {} }) });

describe('fault injection in the local stand-ins', () => {
  it('DynamoDB: a throttle is answered without reaching the table', async () => {
    const table = await upstream();
    const faults = new FaultPlan({ rate: 1, kinds: ['dynamodb-throttle'] });
    const proxy = await dynamoDbUsageProxy(table.url, usage(), faults);
    stops.push(proxy.stop);
    const response = await putItem(proxy.url);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toMatch(/ProvisionedThroughputExceededException$/);
    expect(table.received).toEqual([]);
    expect(faults.snapshot().injected['dynamodb-throttle']).toBe(1);
  });

  it('DynamoDB: a lost answer is applied upstream and answered 500', async () => {
    const table = await upstream();
    const faults = new FaultPlan({ rate: 1, kinds: ['dynamodb-lost-answer'] });
    const proxy = await dynamoDbUsageProxy(table.url, usage(), faults);
    stops.push(proxy.stop);
    const response = await putItem(proxy.url);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { __type: string }).__type).toMatch(/InternalServerError$/);
    expect(table.received).toHaveLength(1);
  });

  it('DynamoDB: control-plane calls and a plan that is off pass through', async () => {
    const table = await upstream();
    const faults = new FaultPlan({ rate: 1, kinds: ['dynamodb-error'] });
    const proxy = await dynamoDbUsageProxy(table.url, usage(), faults);
    stops.push(proxy.stop);
    const described = await fetch(proxy.url, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.DescribeTable' }, body: '{}' });
    expect(described.status).toBe(200);
    faults.configure({ rate: 0 });
    expect((await putItem(proxy.url)).status).toBe(200);
    expect(table.received).toHaveLength(2);
  });

  it('SES: a 5xx does not send; a hung request is dropped without sending', async () => {
    const mailbox = await upstream();
    const faults = new FaultPlan({ rate: 1, kinds: ['ses-error'] });
    const proxy = await sesUsageProxy(mailbox.url, usage(), faults);
    stops.push(proxy.stop);
    const send = () => fetch(`${proxy.url}/v2/email/outbound-emails`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(300) });
    expect((await send()).status).toBe(503);
    faults.configure({ kinds: ['ses-timeout'] });
    await expect(send()).rejects.toThrow();
    expect(mailbox.received).toEqual([]);
    expect(faults.snapshot().injected).toMatchObject({ 'ses-error': 1, 'ses-timeout': 1 });
  });

  it('EventBridge: PutEvents from the functions fails some entries with InternalFailure', async () => {
    const model = { rules: [], buses: [], region: 'us-east-1', accountId: '000000000000' } as unknown as LocalModel;
    const dispatcher = { deliver: async () => undefined } as unknown as Dispatcher;
    const faults = new FaultPlan({ rate: 0.5, kinds: ['eventbridge-partial'], seed: 3 });
    const bus = new LocalEventBus({ model, dispatcher, now: () => new Date(), faults });
    const entries = Array.from({ length: 10 }, (_, i) => ({ Source: 'test', DetailType: 'Thing', Detail: JSON.stringify({ i }) }));
    const result = await bus.putEvents(entries, { faults: true });
    const failed = (result.Entries as { ErrorCode?: string }[]).filter((entry) => entry.ErrorCode === 'InternalFailure');
    expect(result.FailedEntryCount).toBe(failed.length);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(10);
    expect(bus.events()).toHaveLength(10 - failed.length);
    // The stack's own publishing (no faults option) is never failed.
    expect((await bus.putEvents(entries)).FailedEntryCount).toBe(0);
  });

  it('SMS: SendTextMessage answers 500 and records nothing', async () => {
    const faults = new FaultPlan({ rate: 1, kinds: ['sms-error'] });
    const sink = new LocalSmsSink({ faults });
    const server = http.createServer((req, res) => void sink.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stops.push(() => new Promise((resolve) => server.close(() => resolve())));
    const response = await fetch(`http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'PinpointSMSVoiceV2.SendTextMessage', 'content-type': 'application/x-amz-json-1.0' },
      body: JSON.stringify({ DestinationPhoneNumber: '+14255550123', MessageBody: 'Hello' }),
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { __type: string }).__type).toBe('InternalServerException');
    expect(sink.sent()).toEqual([]);
    expect(faults.snapshot().injected['sms-error']).toBe(1);
  });
});
