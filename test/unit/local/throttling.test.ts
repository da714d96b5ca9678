// Backpressure of the local stand-ins (issue 12): a synchronous invocation that finds every
// execution environment of its function busy for too long is throttled, and the gateway answers it
// 429 with Retry-After and problem details, as AWS does for a throttled function; a slow cold start
// is not cut off by the function's timeout.
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayHandler, RouteTable } from '../../../infra/local/api/gateway.ts';
import { LocalClock } from '../../../infra/local/clock.ts';
import { LambdaRuntime, throttledErrorType, type InvokeOptions } from '../../../infra/local/lambda/runtime.ts';
import type { LocalFunction, LocalRoute } from '../../../infra/local/template/model.ts';

const pause: LocalFunction = {
  logicalId: 'Pause',
  name: 'Pause',
  arn: 'arn:aws:lambda:us-east-1:000000000000:function:Pause',
  modulePath: path.join(import.meta.dirname, 'fixtures', 'handlers.mjs'),
  exportName: 'pause',
  timeoutSeconds: 5,
  memoryMb: 128,
  environment: {},
  asyncRetryAttempts: 2,
};

describe('a function at its concurrency limit', () => {
  const runtime = new LambdaRuntime({
    functions: [pause],
    baseEnvironment: {},
    clockBuffer: new LocalClock().buffer,
    workDir: path.join(os.tmpdir(), 'aftersales-throttling-test'),
    log: () => undefined,
    maxConcurrencyPerFunction: 1,
  });
  afterAll(() => runtime.stop());

  it('throttles a caller that would wait longer than it allows, and runs the one that waits', async () => {
    await runtime.invoke('Pause', { ms: 0 }, 'direct'); // warm, so the timings below exclude the cold start
    const busy = runtime.invoke('Pause', { ms: 600 }, 'api');
    const started = performance.now();
    const impatient = await runtime.invoke('Pause', { ms: 0 }, 'api', { throttleAfterMs: 50 });
    expect(performance.now() - started).toBeLessThan(500);
    expect(impatient).toMatchObject({ ok: false, error: { errorType: throttledErrorType, errorMessage: expect.stringContaining('Pause') } });
    const [patient, queued] = await Promise.all([runtime.invoke('Pause', { ms: 0 }, 'api', { throttleAfterMs: 3_000 }), runtime.invoke('Pause', { ms: 0 }, 'sqs')]);
    expect(patient).toMatchObject({ ok: true, result: { pausedMs: 0 } });
    expect(queued).toMatchObject({ ok: true, result: { pausedMs: 0 } });
    expect(await busy).toMatchObject({ ok: true, result: { pausedMs: 600 } });
  });

  it('wakes the next caller still waiting when one gave up', async () => {
    const busy = runtime.invoke('Pause', { ms: 300 }, 'api');
    const gaveUp = runtime.invoke('Pause', { ms: 0 }, 'api', { throttleAfterMs: 20 });
    const waits = runtime.invoke('Pause', { ms: 0 }, 'api', { throttleAfterMs: 3_000 });
    expect(await gaveUp).toMatchObject({ ok: false, error: { errorType: throttledErrorType } });
    expect(await waits).toMatchObject({ ok: true });
    await busy;
  });
});

describe('a cold start', () => {
  const runtime = new LambdaRuntime({
    functions: [{ ...pause, logicalId: 'SlowInit', name: 'SlowInit', modulePath: path.join(import.meta.dirname, 'fixtures', 'slow-init.mjs'), exportName: 'handler', timeoutSeconds: 0.3 }],
    baseEnvironment: {},
    clockBuffer: new LocalClock().buffer,
    workDir: path.join(os.tmpdir(), 'aftersales-throttling-test'),
    log: () => undefined,
  });
  afterAll(() => runtime.stop());

  it("does not count loading the handler towards the function's timeout, as Lambda's init phase does not", async () => {
    expect(await runtime.invoke('SlowInit', {}, 'api')).toMatchObject({ ok: true, result: 'initialized' });
  });
});

describe('the local gateway in front of a throttled function', () => {
  const route: LocalRoute = { logicalId: 'Route', routeKey: 'POST /webhooks/shopify', method: 'POST', path: '/webhooks/shopify', functionName: 'Receive', authorizationType: 'NONE' };
  const asked: InvokeOptions[] = [];
  let throttle = true;
  const runtime = {
    invoke: async (_name: string, _event: unknown, _trigger: string, options: InvokeOptions = {}) => {
      asked.push(options);
      return throttle
        ? { ok: false as const, requestId: 'r', error: { errorType: throttledErrorType, errorMessage: 'Rate Exceeded: Receive is running 10 invocations, its concurrency limit' } }
        : { ok: false as const, requestId: 'r', error: { errorType: 'TypeError', errorMessage: 'broken' } };
    },
  };
  const handle = apiGatewayHandler({ routes: new RouteTable([route]), runtime, now: () => new Date(), throttleAfterMs: 250 });
  const server = http.createServer((req, res) => void handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')));
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 429 with Retry-After and problem details naming the function', async () => {
    const response = await fetch(`${base}/webhooks/shopify`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: expect.stringContaining('Receive'), requestId: expect.any(String) });
    expect(asked.at(-1)).toEqual({ throttleAfterMs: 250 });
  });

  it('still answers a function error 500, as API Gateway does', async () => {
    throttle = false;
    const response = await fetch(`${base}/webhooks/shopify`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
  });
});
