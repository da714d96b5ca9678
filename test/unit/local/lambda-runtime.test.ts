import path from 'node:path';
import os from 'node:os';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { LocalClock } from '../../../infra/local/clock.ts';
import { LambdaRuntime } from '../../../infra/local/lambda/runtime.ts';
import type { LocalFunction } from '../../../infra/local/template/model.ts';

const modulePath = path.join(import.meta.dirname, 'fixtures', 'handlers.mjs');
const fn = (name: string, exportName: string, extra: Partial<LocalFunction> = {}): LocalFunction => ({
  logicalId: name,
  name,
  arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
  modulePath,
  exportName,
  timeoutSeconds: 2,
  memoryMb: 128,
  environment: {},
  asyncRetryAttempts: 2,
  ...extra,
});

const clock = new LocalClock();
const logs: string[] = [];
const runtime = new LambdaRuntime({
  functions: [
    fn('Echo', 'echo', { environment: { TABLE_NAME: 'orders-table' } }),
    fn('OtherEcho', 'echo', { environment: { TABLE_NAME: 'cases-table' } }),
    fn('Fail', 'fail'),
    fn('Slow', 'slow', { timeoutSeconds: 0.3 }),
    fn('Crash', 'crash'),
    fn('Counter', 'counter'),
    fn('Callback', 'callbackStyle'),
    fn('DieAfter', 'dieAfterAnswer'),
  ],
  baseEnvironment: { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9999' },
  clockBuffer: clock.buffer,
  workDir: path.join(os.tmpdir(), 'aftersales-runtime-test'),
  log: (name, line) => logs.push(`${name}: ${line}`),
});
afterAll(() => runtime.stop());

describe('LambdaRuntime', () => {
  it('passes the event and a Lambda context, with the function environment on top of the base one', async () => {
    const result = await runtime.invoke('Echo', { orderId: 'o-1' }, 'direct');
    expect(result).toMatchObject({
      ok: true,
      result: { event: { orderId: 'o-1' }, functionName: 'Echo', table: 'orders-table', endpoint: 'http://127.0.0.1:9999' },
    });
    const remaining = (result as { result: { remaining: number } }).result.remaining;
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(2000);
  });

  it('keeps each function in its own environment', async () => {
    const [a, b] = await Promise.all([runtime.invoke('Echo', {}, 'direct'), runtime.invoke('OtherEcho', {}, 'direct')]);
    expect((a as any).result.table).toBe('orders-table');
    expect((b as any).result.table).toBe('cases-table');
  });

  it('lets handlers see the local clock', async () => {
    clock.advance(10 * 24 * 3600 * 1000);
    const { result } = (await runtime.invoke('Echo', {}, 'direct')) as { result: { now: number } };
    expect(Math.abs(result.now - clock.nowMs())).toBeLessThan(1000);
    expect(result.now - Date.now()).toBeGreaterThan(9 * 24 * 3600 * 1000);
  });

  it('reports a thrown error with its type and message', async () => {
    expect(await runtime.invoke('Fail', {}, 'direct')).toMatchObject({ ok: false, error: { errorType: 'TypeError', errorMessage: 'the order has no lines' } });
  });

  it('enforces the timeout and starts the next invocation cold', async () => {
    expect(await runtime.invoke('Slow', {}, 'direct')).toMatchObject({ ok: false, error: { errorType: 'Sandbox.Timedout' } });
    expect(runtime.invocations({ functionName: 'Slow' }).at(-1)).toMatchObject({ outcome: 'timeout' });
  });

  it('survives a crashed execution environment', async () => {
    expect(await runtime.invoke('Crash', {}, 'direct')).toMatchObject({ ok: false, error: { errorType: 'Runtime.ExitError' } });
    expect(await runtime.invoke('Echo', {}, 'direct')).toMatchObject({ ok: true });
  });

  it('reuses a warm environment, as Lambda does', async () => {
    expect(await runtime.invoke('Counter', {}, 'direct')).toMatchObject({ result: 1 });
    expect(await runtime.invoke('Counter', {}, 'direct')).toMatchObject({ result: 2 });
  });

  it('does not hand out a warm environment that died while idle', async () => {
    expect(await runtime.invoke('DieAfter', {}, 'direct')).toMatchObject({ ok: true, result: 'answered' });
    await vi.waitFor(() => expect(runtime.warmEnvironments('DieAfter')).toBe(0));
    // Reusing the dead one would wait out the function's whole timeout and answer Sandbox.Timedout.
    expect(await runtime.invoke('DieAfter', {}, 'direct')).toMatchObject({ ok: true, result: 'answered' });
    expect(runtime.describeBusy()).toEqual([]);
  });

  it('supports callback-style handlers', async () => {
    expect(await runtime.invoke('Callback', { value: 21 }, 'direct')).toMatchObject({ ok: true, result: { doubled: 42 } });
  });
});

describe('invocation history', () => {
  it('keeps the latest invocations per function, so a busy one does not push out a rare one', async () => {
    const small = new LambdaRuntime({
      functions: [fn('Rare', 'echo'), fn('Busy', 'echo')],
      baseEnvironment: {},
      clockBuffer: clock.buffer,
      workDir: path.join(os.tmpdir(), 'aftersales-runtime-history-test'),
      log: () => {},
      invocationHistory: 3,
    });
    try {
      await small.invoke('Rare', {}, 'scheduler');
      for (let i = 0; i < 5; i++) await small.invoke('Busy', {}, 'direct');
      expect(small.invocations({ functionName: 'Rare' })).toEqual([expect.objectContaining({ functionName: 'Rare', trigger: 'scheduler' })]);
      expect(small.invocations({ functionName: 'Busy' })).toHaveLength(3);
      expect(small.invocations().map((record) => record.functionName)).toEqual(['Rare', 'Busy', 'Busy', 'Busy']);
    } finally {
      await small.stop();
    }
  });
});
