// Rule and schedule targets locally: Lambda's asynchronous retries, then the dead-letter queue.
import { describe, expect, it } from 'vitest';
import { Activity } from '../../../infra/local/activity.ts';
import { Dispatcher } from '../../../infra/local/dispatcher.ts';
import type { InvokeResult, LambdaRuntime } from '../../../infra/local/lambda/runtime.ts';
import type { LocalFunction, LocalQueue } from '../../../infra/local/template/model.ts';

const arn = (kind: string, name: string) => `arn:aws:${kind}:us-east-1:000000000000:${kind === 'lambda' ? 'function:' : ''}${name}`;
const queue = (name: string): LocalQueue => ({ logicalId: name, name, arn: arn('sqs', name), url: `http://127.0.0.1:1/000000000000/${name}`, fifo: false, visibilityTimeoutSeconds: 30, retentionSeconds: 60 });
const fn = (name: string, extra: Partial<LocalFunction> = {}): LocalFunction => ({
  logicalId: name, name, arn: arn('lambda', name), modulePath: '', exportName: 'handler', timeoutSeconds: 3, memoryMb: 128, environment: {}, asyncRetryAttempts: 2, ...extra,
});

function setup(outcomes: boolean[], functions: LocalFunction[]) {
  const invocations: unknown[] = [];
  const sent: { QueueUrl: string; MessageBody: string; MessageAttributes: Record<string, { StringValue: string }> }[] = [];
  const runtime = {
    invoke: async (_name: string, event: unknown): Promise<InvokeResult> => {
      invocations.push(event);
      return outcomes.shift() ? { ok: true, result: null, requestId: 'r' } : { ok: false, requestId: 'r', error: { errorType: 'Error', errorMessage: 'boom' } };
    },
  } as unknown as LambdaRuntime;
  const sqs = { send: async (command: { input: (typeof sent)[number] }) => void sent.push(command.input) };
  const logs: string[] = [];
  const dispatcher = new Dispatcher({
    runtime, sqs: sqs as never, queues: [queue('Work'), queue('RuleDlq'), queue('FunctionDlq')], functions, activity: new Activity(), log: (line) => logs.push(line), retryDelayMs: 0,
  });
  return { dispatcher, invocations, sent, logs };
}

const failure = { deadLetterArn: arn('sqs', 'RuleDlq'), maxRetryAttempts: 3, attributes: { RULE_ARN: 'rule' } };

describe('Dispatcher', () => {
  it('invokes a function once when it succeeds', async () => {
    const { dispatcher, invocations, sent } = setup([true], [fn('Consumer')]);
    await dispatcher.deliver(arn('lambda', 'Consumer'), { id: 'e-1' }, 'eventbridge', failure);
    expect(invocations).toHaveLength(1);
    expect(sent).toHaveLength(0);
  });

  it('retries a failing function as its async config says, then dead-letters the event with the error', async () => {
    const { dispatcher, invocations, sent } = setup([false, false, false], [fn('Consumer')]);
    await dispatcher.deliver(arn('lambda', 'Consumer'), { id: 'e-1' }, 'eventbridge', failure);
    expect(invocations).toHaveLength(3);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.QueueUrl).toMatch(/RuleDlq$/);
    expect(JSON.parse(sent[0]!.MessageBody)).toEqual({ id: 'e-1' });
    expect(sent[0]!.MessageAttributes.ErrorMessage?.StringValue).toBe('Error: boom');
  });

  it("prefers the function's own failure destination", async () => {
    const { dispatcher, sent } = setup([false], [fn('Consumer', { asyncRetryAttempts: 0, asyncFailureArn: arn('sqs', 'FunctionDlq') })]);
    await dispatcher.deliver(arn('lambda', 'Consumer'), { id: 'e-2' }, 'eventbridge', failure);
    expect(sent.map((message) => message.QueueUrl.split('/').pop())).toEqual(['FunctionDlq']);
  });

  it('sends a queue target the payload as JSON', async () => {
    const { dispatcher, sent } = setup([], []);
    await dispatcher.deliver(arn('sqs', 'Work'), { id: 'e-3' }, 'eventbridge', failure);
    expect(sent).toEqual([expect.objectContaining({ QueueUrl: expect.stringMatching(/Work$/), MessageBody: '{"id":"e-3"}' })]);
  });

  it('dead-letters what it cannot deliver, naming the target', async () => {
    const { dispatcher, sent } = setup([], []);
    await dispatcher.deliver('arn:aws:sns:us-east-1:000000000000:topic', { id: 'e-4' }, 'eventbridge', failure);
    expect(sent[0]!.MessageAttributes.TARGET_ARN?.StringValue).toBe('arn:aws:sns:us-east-1:000000000000:topic');
    expect(sent[0]!.MessageAttributes.ERROR_MESSAGE?.StringValue).toMatch(/cannot deliver/);
  });

  it('says so loudly when a failure has nowhere to go', async () => {
    const { dispatcher, logs } = setup([false, false, false], [fn('Consumer')]);
    await dispatcher.deliver(arn('lambda', 'Consumer'), {}, 'eventbridge', { maxRetryAttempts: 0, attributes: {} });
    expect(logs.some((line) => line.startsWith('LOST:'))).toBe(true);
  });
});
