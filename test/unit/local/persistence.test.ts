// Persistent mode of the local stand-ins: what a hard kill interrupts (queued messages, undelivered
// events, timers, firings under way, the clock) is read back by the next start from its files.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalClock } from '../../../infra/local/clock.ts';
import type { Dispatcher } from '../../../infra/local/dispatcher.ts';
import { LocalEventBus, type BusJournalEntry } from '../../../infra/local/eventbridge/bus.ts';
import { Journal } from '../../../infra/local/journal.ts';
import { LocalScheduler, type StoredSchedule } from '../../../infra/local/scheduler/index.ts';
import { SqsJournal } from '../../../infra/local/services/sqs-journal.ts';
import type { LocalModel, LocalQueue } from '../../../infra/local/template/model.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'persistence-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ACCOUNT = '123456789012';
const BUS = `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/backbone`;
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:work`;
const never = () => new Promise<never>(() => undefined);

describe('Journal', () => {
  it('reads back every whole entry and skips a line torn by a kill', () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const journal = new Journal<{ n: number }>(file);
    journal.append({ n: 1 });
    journal.append({ n: 2 });
    appendFileSync(file, '{"n":');
    expect(new Journal<{ n: number }>(file).read()).toEqual([{ n: 1 }, { n: 2 }]);
    journal.rewrite([{ n: 3 }]);
    expect(journal.read()).toEqual([{ n: 3 }]);
  });
});

describe('LocalClock with a file', () => {
  it('keeps its offset across restarts', () => {
    const file = path.join(tempDir(), 'clock.json');
    const clock = new LocalClock(undefined, file);
    clock.advance(5 * 86_400_000);
    expect(new LocalClock(undefined, file).offsetMs).toBe(clock.offsetMs);
    expect(new LocalClock().offsetMs).toBe(0);
  });
});

describe('LocalScheduler with a file', () => {
  const start = () => new Date(Date.now() + 60_000);
  const input = (at: Date) => ({
    ScheduleExpression: `at(${at.toISOString().slice(0, 19)})`,
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: { Arn: BUS, RoleArn: `arn:aws:iam::${ACCOUNT}:role/scheduler`, Input: '{"n":1}', EventBridgeParameters: { Source: 'test', DetailType: 'Timer' } },
  });

  it('keeps schedules, and delivers again a firing a kill interrupted', async () => {
    const file = path.join(tempDir(), 'schedules.json');
    const clock = new LocalClock(start());
    // at() takes whole seconds.
    const due = new Date(Math.ceil(clock.nowMs() / 1000) * 1000 + 3_600_000);
    // The first run hangs delivering: it is "killed" there.
    const first = new LocalScheduler({ clock, region: 'us-east-1', accountId: ACCOUNT, file, deliver: never });
    first.create('timer', input(due));
    first.create('later', input(new Date(due.getTime() + 3_600_000)));
    clock.set(due);
    void first.tick();
    await new Promise((resolve) => setTimeout(resolve, 10));

    const delivered: StoredSchedule[] = [];
    const second = new LocalScheduler({ clock, region: 'us-east-1', accountId: ACCOUNT, file, deliver: async (schedule) => void delivered.push(schedule) });
    expect(second.list().map((schedule) => [schedule.Name, schedule.NextDueAt?.toISOString()])).toEqual([
      ['later', new Date(due.getTime() + 3_600_000).toISOString()],
      ['timer', undefined],
    ]);
    expect(await second.recover()).toBe(1);
    expect(delivered.map((schedule) => schedule.Name)).toEqual(['timer']);
    // Delivered once: a third start has nothing left to deliver again.
    const third = new LocalScheduler({ clock, region: 'us-east-1', accountId: ACCOUNT, file, deliver: async () => undefined });
    expect(await third.recover()).toBe(0);
  });
});

describe('SqsJournal', () => {
  it('sends again what was accepted and not deleted, in flight included', async () => {
    const file = path.join(tempDir(), 'sqs.jsonl');
    const url = `http://127.0.0.1:1/000000000000/work`;
    const journal = new SqsJournal(file);
    journal.observe('SendMessage', { QueueUrl: url, MessageBody: 'a' }, { MessageId: 'm1' }, true);
    journal.observe('SendMessageBatch', { QueueUrl: url, Entries: [{ Id: '0', MessageBody: 'b' }, { Id: '1', MessageBody: 'c' }] }, { Successful: [{ Id: '0', MessageId: 'm2' }, { Id: '1', MessageId: 'm3' }] }, true);
    journal.observe('SendMessage', { QueueUrl: url, MessageBody: 'refused' }, undefined, false);
    journal.observe('ReceiveMessage', { QueueUrl: url }, { Messages: [{ MessageId: 'm1', ReceiptHandle: 'h1' }, { MessageId: 'm2', ReceiptHandle: 'h2' }] }, true);
    journal.observe('DeleteMessage', { QueueUrl: url, ReceiptHandle: 'h1' }, {}, true);

    const sent: { QueueUrl: string; MessageBody: string }[] = [];
    const client = { send: async (command: { input: { QueueUrl: string; MessageBody: string } }) => void sent.push(command.input) } as unknown as SQSClient;
    const queues = [{ name: 'work', url: 'http://127.0.0.1:2/000000000000/work' }] as LocalQueue[];
    expect(await new SqsJournal(file).restore(client, queues)).toBe(2);
    expect(sent.map((message) => [message.QueueUrl, message.MessageBody])).toEqual([
      [queues[0]!.url, 'b'],
      [queues[0]!.url, 'c'],
    ]);
  });
});

describe('LocalEventBus with a journal', () => {
  const model = {
    region: 'us-east-1',
    accountId: ACCOUNT,
    buses: [{ name: 'backbone' }],
    rules: [{ name: 'to-work', busName: 'backbone', enabled: true, pattern: { source: ['test'] }, targets: [{ arn: QUEUE, maxRetryAttempts: 0 }] }],
  } as unknown as LocalModel;
  const bus = (file: string, deliver: Dispatcher['deliver']) =>
    new LocalEventBus({ model, dispatcher: { deliver } as unknown as Dispatcher, now: () => new Date(), journal: new Journal<BusJournalEntry>(file) });

  it('delivers again the events a kill caught before their targets took them, and keeps the archive', async () => {
    const file = path.join(tempDir(), 'events.jsonl');
    const first = bus(file, (async (arn: string, payload: { detail: { n: number } }) => {
      if (payload.detail.n === 2) await never();
    }) as unknown as Dispatcher['deliver']);
    await first.putEvents([{ EventBusName: 'backbone', Source: 'test', DetailType: 'Thing', Detail: '{"n":1}' }]);
    await first.putEvents([{ EventBusName: 'backbone', Source: 'test', DetailType: 'Thing', Detail: '{"n":2}' }]);
    await new Promise((resolve) => setTimeout(resolve, 10));

    const delivered: unknown[] = [];
    const second = bus(file, (async (_arn: string, payload: { detail: unknown }) => void delivered.push(payload.detail)) as unknown as Dispatcher['deliver']);
    expect(second.recover()).toBe(1);
    expect(delivered).toEqual([{ n: 2 }]);
    expect(second.events({ source: 'test' }).map((event) => event.detail)).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
