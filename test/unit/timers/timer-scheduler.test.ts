import { CreateScheduleCommand, DeleteScheduleCommand } from '@aws-sdk/client-scheduler';
import { describe, expect, it } from 'vitest';
import { TimerScheduler } from '../../../shared/adapters/timer-scheduler.ts';
import { TimerFired } from '../../../shared/events/timers.ts';

const timer = { timerId: 'ret-acme-r1-reminder1-g1', kind: 'return_reminder' as const, dueAt: '2026-05-04T10:00:00.000Z', returnId: 'r1', orderId: 'o1' };
const named = (name: string) => Object.assign(new Error(name), { name });

function fakes(failWith?: string) {
  const sent: unknown[] = [];
  const published: unknown[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      if (failWith) throw named(failWith);
      return {};
    },
  };
  const publisher = { publish: async (...args: unknown[]) => (published.push(args), 'event-1') };
  const scheduler = new TimerScheduler({ busArn: 'arn:aws:events:us-east-1:1:event-bus/b', roleArn: 'arn:aws:iam::1:role/fire' }, publisher, client as never);
  return { scheduler, sent, published };
}

describe('TimerScheduler', () => {
  it('creates a one-time schedule that puts TimerFired with the whole detail on the bus and deletes itself', async () => {
    const { scheduler, sent, published } = fakes();
    expect(await scheduler.set('acme', timer, new Date('2026-05-01T10:00:00Z'))).toBe('scheduled');
    expect(published).toEqual([]);
    const input = (sent[0] as CreateScheduleCommand).input;
    expect(input).toMatchObject({
      Name: timer.timerId,
      ScheduleExpression: 'at(2026-05-04T10:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: 'arn:aws:events:us-east-1:1:event-bus/b', RoleArn: 'arn:aws:iam::1:role/fire', EventBridgeParameters: { Source: 'aftersales.timers', DetailType: 'TimerFired' } },
    });
    const detail = JSON.parse(input.Target!.Input!);
    expect(TimerFired.detail.parse(detail)).toMatchObject({ shopId: 'acme', occurredAt: timer.dueAt, ...timer });
  });

  it('treats a schedule that already exists as set (a redelivered request)', async () => {
    const { scheduler } = fakes('ConflictException');
    expect(await scheduler.set('acme', timer, new Date('2026-05-01T10:00:00Z'))).toBe('already_scheduled');
  });

  it('fires a timer that is already due instead of scheduling it in the past', async () => {
    const { scheduler, sent, published } = fakes();
    expect(await scheduler.set('acme', timer, new Date('2026-05-04T10:00:00Z'))).toBe('fired');
    expect(sent).toEqual([]);
    expect(published).toEqual([[TimerFired, expect.objectContaining({ timerId: timer.timerId, shopId: 'acme' })]]);
  });

  it('cancels idempotently, and lets other errors through', async () => {
    const ok = fakes();
    expect(await ok.scheduler.cancel('ret-x')).toBe('cancelled');
    expect((ok.sent[0] as DeleteScheduleCommand).input).toEqual({ Name: 'ret-x', GroupName: 'default' });
    expect(await fakes('ResourceNotFoundException').scheduler.cancel('ret-x')).toBe('already_gone');
    await expect(fakes('ThrottlingException').scheduler.cancel('ret-x')).rejects.toThrow('ThrottlingException');
    await expect(fakes('ThrottlingException').scheduler.set('acme', timer, new Date('2026-05-01T10:00:00Z'))).rejects.toThrow('ThrottlingException');
  });
});
