// The local EventBridge Scheduler, driven through the real AWS SDK v3 client over HTTP.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  DeleteScheduleGroupCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListScheduleGroupsCommand,
  ListSchedulesCommand,
  paginateListSchedules,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalClock } from '../../../infra/local/clock.ts';
import { advanceClock, LocalScheduler, zonedTimeToInstant, type LocalSchedulerOptions, type StoredSchedule } from '../../../infra/local/scheduler/index.ts';

const START = new Date('2030-01-01T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ACCOUNT = '123456789012';
const BUS = `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/backbone`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/scheduler`;
const DLQ = `arn:aws:sqs:us-east-1:${ACCOUNT}:scheduler-dlq`;

interface Delivery {
  schedule: StoredSchedule;
  firedAt: Date;
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function startScheduler(options: Partial<LocalSchedulerOptions> = {}) {
  const clock = new LocalClock(START);
  const deliveries: Delivery[] = [];
  const scheduler = new LocalScheduler({
    clock,
    region: 'us-east-1',
    accountId: ACCOUNT,
    retryBackoffMs: 0,
    deliver: async (schedule, firedAt) => {
      deliveries.push({ schedule, firedAt });
    },
    ...options,
  });
  const server = http.createServer(scheduler.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new SchedulerClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  stops.push(async () => {
    scheduler.stop();
    client.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { clock, scheduler, client, deliveries };
}

/** `at(...)` text for an instant, in UTC. */
const atUtc = (date: Date) => `at(${date.toISOString().slice(0, 19)})`;
const later = (clock: LocalClock, ms: number) => new Date(Math.floor(clock.nowMs() / 1000) * 1000 + ms);

function oneTime(name: string, at: Date, extra: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput {
  return {
    Name: name,
    ScheduleExpression: atUtc(at),
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: { Arn: BUS, RoleArn: ROLE, Input: JSON.stringify({ name }), EventBridgeParameters: { Source: 'aftersales.timers', DetailType: 'TimerFired' } },
    ...extra,
  };
}

describe('Scheduler API', () => {
  it('creates, gets, lists and deletes schedules', async () => {
    const { client, clock } = await startScheduler();
    const dueAt = later(clock, HOUR);
    const created = await client.send(new CreateScheduleCommand(oneTime('timer-1', dueAt, { Description: 'first', ActionAfterCompletion: 'DELETE' })));
    expect(created.ScheduleArn).toBe(`arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/default/timer-1`);

    const got = await client.send(new GetScheduleCommand({ Name: 'timer-1' }));
    expect(got).toMatchObject({
      Arn: created.ScheduleArn,
      Name: 'timer-1',
      GroupName: 'default',
      ScheduleExpression: atUtc(dueAt),
      Description: 'first',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: BUS,
        RoleArn: ROLE,
        Input: '{"name":"timer-1"}',
        EventBridgeParameters: { Source: 'aftersales.timers', DetailType: 'TimerFired' },
        RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
      },
    });
    // Dates come from the local clock, not real time.
    expect(got.CreationDate).toBeInstanceOf(Date);
    expect(got.CreationDate!.getTime() - START.getTime()).toBeLessThan(60_000);
    expect(got.LastModificationDate!.getTime()).toBe(got.CreationDate!.getTime());

    for (const name of ['timer-2', 'other-1']) await client.send(new CreateScheduleCommand(oneTime(name, dueAt, { State: name === 'other-1' ? 'DISABLED' : 'ENABLED' })));
    const byPrefix = await client.send(new ListSchedulesCommand({ NamePrefix: 'timer-' }));
    expect(byPrefix.Schedules?.map((s) => s.Name)).toEqual(['timer-1', 'timer-2']);
    expect(byPrefix.Schedules?.[0]).toMatchObject({ Arn: created.ScheduleArn, GroupName: 'default', State: 'ENABLED', Target: { Arn: BUS } });
    expect(byPrefix.Schedules?.[0]?.CreationDate).toBeInstanceOf(Date);
    const disabled = await client.send(new ListSchedulesCommand({ State: 'DISABLED' }));
    expect(disabled.Schedules?.map((s) => s.Name)).toEqual(['other-1']);

    // Pages of one, through the SDK's paginator.
    const names: string[] = [];
    for await (const page of paginateListSchedules({ client, pageSize: 1 }, { GroupName: 'default' })) {
      expect(page.Schedules!.length).toBeLessThanOrEqual(1);
      names.push(...page.Schedules!.map((s) => s.Name!));
    }
    expect(names).toEqual(['other-1', 'timer-1', 'timer-2']);

    await client.send(new DeleteScheduleCommand({ Name: 'timer-1' }));
    await expect(client.send(new GetScheduleCommand({ Name: 'timer-1' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Schedule timer-1 does not exist.',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(client.send(new DeleteScheduleCommand({ Name: 'timer-1' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('refuses a duplicate name with a ConflictException', async () => {
    const { client, clock } = await startScheduler();
    await client.send(new CreateScheduleCommand(oneTime('dup', later(clock, HOUR))));
    await expect(client.send(new CreateScheduleCommand(oneTime('dup', later(clock, 2 * HOUR))))).rejects.toMatchObject({
      name: 'ConflictException',
      message: 'Schedule dup already exists.',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('answers invalid input with a ValidationException naming the field', async () => {
    const { client, clock } = await startScheduler();
    const at = later(clock, HOUR);
    const cases: [Partial<CreateScheduleCommandInput>, RegExp][] = [
      [{ ScheduleExpression: 'cron(0 9 * * ? *)' }, /^ScheduleExpression: .*supports at\(yyyy-mm-ddThh:mm:ss\) and rate\(value unit\) only/],
      [{ ScheduleExpression: 'every day' }, /^ScheduleExpression: /],
      [{ ScheduleExpression: 'at(2030-02-30T10:00:00)' }, /^ScheduleExpression: .*not a valid date/],
      [{ ScheduleExpression: 'rate(0 minutes)' }, /^ScheduleExpression: /],
      [{ ScheduleExpressionTimezone: 'Mars/Olympus_Mons' }, /^ScheduleExpressionTimezone: /],
      [{ Name: 'has space' }, /^Name: /],
      [{ FlexibleTimeWindow: { Mode: 'FLEXIBLE' } }, /^FlexibleTimeWindow\.MaximumWindowInMinutes: /],
      [{ State: 'PAUSED' as never }, /^State: /],
      [{ Target: { Arn: BUS, RoleArn: 'not-a-role' } }, /^Target\.RoleArn: /],
      [{ Target: { Arn: BUS, RoleArn: ROLE, RetryPolicy: { MaximumRetryAttempts: 500 } } }, /^Target\.RetryPolicy\.MaximumRetryAttempts: /],
      [{ Target: { Arn: BUS, RoleArn: ROLE, DeadLetterConfig: { Arn: 'arn:aws:sns:us-east-1:123456789012:topic' } } }, /^Target\.DeadLetterConfig\.Arn: /],
      [{ ScheduleExpression: 'rate(5 minutes)', StartDate: new Date(clock.nowMs() - HOUR) }, /^StartDate: /],
      [{ ScheduleExpression: 'rate(5 minutes)', StartDate: later(clock, 2 * HOUR), EndDate: later(clock, HOUR) }, /^EndDate: /],
    ];
    for (const [override, message] of cases) {
      const error = await client.send(new CreateScheduleCommand({ ...oneTime('bad', at), ...override })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(override)).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
      expect((error as Error).message).toMatch(message);
    }
    await expect(client.send(new CreateScheduleCommand(oneTime('elsewhere', at, { GroupName: 'missing' })))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Schedule group missing does not exist.',
    });
    expect((await client.send(new ListSchedulesCommand({}))).Schedules).toEqual([]);
  });

  it('manages schedule groups; default always exists and schedules live in their group', async () => {
    const { client, clock } = await startScheduler({ groups: ['from-template'] });
    const { ScheduleGroupArn } = await client.send(new CreateScheduleGroupCommand({ Name: 'timers' }));
    expect(ScheduleGroupArn).toBe(`arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule-group/timers`);
    await expect(client.send(new CreateScheduleGroupCommand({ Name: 'timers' }))).rejects.toMatchObject({ name: 'ConflictException' });
    expect(await client.send(new GetScheduleGroupCommand({ Name: 'default' }))).toMatchObject({ Name: 'default', State: 'ACTIVE' });
    const groups = await client.send(new ListScheduleGroupsCommand({}));
    expect(groups.ScheduleGroups?.map((g) => g.Name)).toEqual(['default', 'from-template', 'timers']);

    const { ScheduleArn } = await client.send(new CreateScheduleCommand(oneTime('t', later(clock, HOUR), { GroupName: 'timers' })));
    expect(ScheduleArn).toBe(`arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/timers/t`);
    await expect(client.send(new GetScheduleCommand({ Name: 't' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(await client.send(new GetScheduleCommand({ Name: 't', GroupName: 'timers' }))).toMatchObject({ GroupName: 'timers' });
    expect((await client.send(new ListSchedulesCommand({ GroupName: 'timers' }))).Schedules?.map((s) => s.Name)).toEqual(['t']);

    await client.send(new DeleteScheduleGroupCommand({ Name: 'timers' }));
    await expect(client.send(new GetScheduleGroupCommand({ Name: 'timers' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await client.send(new ListSchedulesCommand({}))).Schedules).toEqual([]);
    await expect(client.send(new DeleteScheduleGroupCommand({ Name: 'default' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('updates a schedule, keeping its creation date and firing at the new time', async () => {
    const { client, clock, scheduler } = await startScheduler();
    await client.send(new CreateScheduleCommand(oneTime('moving', later(clock, HOUR))));
    clock.advance(MINUTE);
    const newTime = later(clock, 3 * HOUR);
    await client.send(new UpdateScheduleCommand({ ...oneTime('moving', newTime), Description: 'moved' }));
    const got = await client.send(new GetScheduleCommand({ Name: 'moving' }));
    expect(got).toMatchObject({ ScheduleExpression: atUtc(newTime), Description: 'moved' });
    expect(got.LastModificationDate!.getTime()).toBeGreaterThan(got.CreationDate!.getTime());
    expect(scheduler.nextDueAt()).toEqual(newTime);
    await expect(client.send(new UpdateScheduleCommand(oneTime('absent', newTime)))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('firing schedules', () => {
  it('fires a one-time schedule once the clock passes it, and not before', async () => {
    const { client, clock, scheduler, deliveries } = await startScheduler();
    const dueAt = later(clock, HOUR);
    await client.send(new CreateScheduleCommand(oneTime('once', dueAt, { Target: { Arn: BUS, RoleArn: ROLE, Input: '{"at":"<aws.scheduler.scheduled-time>","arn":"<aws.scheduler.schedule-arn>","try":<aws.scheduler.attempt-number>}' } })));
    expect(await scheduler.tick()).toEqual([]);
    clock.advance(59 * MINUTE);
    expect(await scheduler.tick()).toEqual([]);
    expect(deliveries).toHaveLength(0);

    clock.advance(2 * MINUTE);
    const fired = await scheduler.tick();
    expect(fired).toEqual([expect.objectContaining({ name: 'once', groupName: 'default', dueAt, targetArn: BUS, attempts: 1, outcome: 'delivered' })]);
    expect(fired[0]!.firedAt.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(deliveries).toHaveLength(1);
    // Context attributes are filled in, as Scheduler does.
    expect(JSON.parse(deliveries[0]!.schedule.Target.Input!)).toEqual({
      at: `${dueAt.toISOString().slice(0, 19)}Z`,
      arn: `arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/default/once`,
      try: 1,
    });

    // ActionAfterCompletion NONE (the default) keeps it, and it never fires again.
    clock.advance(HOUR);
    expect(await scheduler.tick()).toEqual([]);
    expect(await client.send(new GetScheduleCommand({ Name: 'once' }))).toMatchObject({ State: 'ENABLED' });
    expect(scheduler.nextDueAt()).toBeUndefined();
  });

  it('fires while the ticker runs, as the clock passes the due time', async () => {
    let delivered!: (schedule: StoredSchedule) => void;
    const firstDelivery = new Promise<StoredSchedule>((resolve) => (delivered = resolve));
    const { client, clock, scheduler } = await startScheduler({ deliver: async (schedule) => delivered(schedule) });
    await client.send(new CreateScheduleCommand(oneTime('ticked', later(clock, 2 * HOUR))));
    scheduler.startTicker(5);
    clock.advance(2 * HOUR + MINUTE);
    expect((await firstDelivery).Name).toBe('ticked');
  });

  it('reads at() in the schedule time zone (default UTC)', async () => {
    const { client, clock, scheduler } = await startScheduler();
    await client.send(new CreateScheduleCommand({ ...oneTime('berlin', START), ScheduleExpression: 'at(2030-07-01T09:00:00)', ScheduleExpressionTimezone: 'Europe/Berlin' }));
    expect(scheduler.list().find((s) => s.Name === 'berlin')?.NextDueAt).toEqual(new Date('2030-07-01T07:00:00Z'));
    await client.send(new CreateScheduleCommand({ ...oneTime('new-york', START), ScheduleExpression: 'at(2030-01-15T09:00:00)', ScheduleExpressionTimezone: 'America/New_York' }));
    expect(scheduler.list().find((s) => s.Name === 'new-york')?.NextDueAt).toEqual(new Date('2030-01-15T14:00:00Z'));
    await client.send(new CreateScheduleCommand({ ...oneTime('utc', START), ScheduleExpression: 'at(2030-01-15T09:00:00)' }));
    expect(scheduler.list().find((s) => s.Name === 'utc')?.NextDueAt).toEqual(new Date('2030-01-15T09:00:00Z'));
    expect((await client.send(new GetScheduleCommand({ Name: 'berlin' }))).ScheduleExpressionTimezone).toBe('Europe/Berlin');

    const fired = await advanceClock({ clock, scheduler, to: new Date('2030-07-02T00:00:00Z') });
    expect(fired.map((f) => [f.name, f.dueAt.toISOString()])).toEqual([
      ['utc', '2030-01-15T09:00:00.000Z'],
      ['new-york', '2030-01-15T14:00:00.000Z'],
      ['berlin', '2030-07-01T07:00:00.000Z'],
    ]);
  });

  it('resolves daylight-saving gaps forward and repeated hours to the first occurrence', () => {
    const wall = (text: string) => Date.parse(`${text}Z`);
    expect(zonedTimeToInstant(wall('2030-03-10T02:30:00'), 'America/New_York')).toEqual(new Date('2030-03-10T07:30:00Z'));
    expect(zonedTimeToInstant(wall('2030-11-03T01:30:00'), 'America/New_York')).toEqual(new Date('2030-11-03T05:30:00Z'));
    expect(zonedTimeToInstant(wall('2030-06-01T12:00:00'), 'Asia/Kolkata')).toEqual(new Date('2030-06-01T06:30:00Z'));
  });

  it('deletes a one-time schedule after it fires when ActionAfterCompletion is DELETE', async () => {
    const { client, clock, scheduler } = await startScheduler();
    await client.send(new CreateScheduleCommand(oneTime('gone', later(clock, HOUR), { ActionAfterCompletion: 'DELETE' })));
    const fired = await advanceClock({ clock, scheduler, to: later(clock, 2 * HOUR) });
    expect(fired.map((f) => f.name)).toEqual(['gone']);
    await expect(client.send(new GetScheduleCommand({ Name: 'gone' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('never fires a DISABLED schedule', async () => {
    const { client, clock, scheduler, deliveries } = await startScheduler();
    await client.send(new CreateScheduleCommand(oneTime('off', later(clock, HOUR), { State: 'DISABLED' })));
    await client.send(new CreateScheduleCommand({ ...oneTime('off-rate', START), ScheduleExpression: 'rate(5 minutes)', State: 'DISABLED' }));
    expect(scheduler.nextDueAt()).toBeUndefined();
    expect(await advanceClock({ clock, scheduler, to: later(clock, 24 * HOUR) })).toEqual([]);
    expect(await scheduler.fireDue(later(clock, 48 * HOUR))).toEqual([]);
    expect(deliveries).toHaveLength(0);
  });

  it('repeats a rate schedule between its StartDate and EndDate', async () => {
    const { client, clock, scheduler } = await startScheduler();
    const start = later(clock, 30 * MINUTE);
    await client.send(new CreateScheduleCommand({ ...oneTime('hourly', START), ScheduleExpression: 'rate(1 hour)', StartDate: start, EndDate: new Date(start.getTime() + 3 * HOUR + MINUTE) }));
    const fired = await advanceClock({ clock, scheduler, to: later(clock, 10 * HOUR) });
    expect(fired.map((f) => f.dueAt.getTime() - start.getTime())).toEqual([0, HOUR, 2 * HOUR, 3 * HOUR]);
    expect(scheduler.nextDueAt()).toBeUndefined();
  });

  it('advanceClock fires in time order, including schedules created by the triggered work', async () => {
    const pending: Promise<unknown>[] = [];
    const context: { client?: SchedulerClient; clock?: LocalClock } = {};
    const { client, clock, scheduler } = await startScheduler({
      deliver: async (schedule) => {
        // Like a Lambda handler reacting to the timer: it schedules a follow-up, asynchronously.
        if (schedule.Name === 'a') {
          pending.push(context.client!.send(new CreateScheduleCommand(oneTime('a-follow-up', new Date(context.clock!.nowMs() + 30 * MINUTE)))));
        }
      },
    });
    Object.assign(context, { client, clock });
    const base = later(clock, 0);
    await client.send(new CreateScheduleCommand(oneTime('c', new Date(base.getTime() + 3 * HOUR))));
    await client.send(new CreateScheduleCommand(oneTime('a', new Date(base.getTime() + HOUR))));
    await client.send(new CreateScheduleCommand(oneTime('b', new Date(base.getTime() + 2 * HOUR))));
    await client.send(new CreateScheduleCommand(oneTime('too-late', new Date(base.getTime() + 5 * HOUR))));
    scheduler.startTicker(1);

    const to = new Date(base.getTime() + 4 * HOUR);
    let settles = 0;
    const fired = await advanceClock({
      clock,
      scheduler,
      to,
      settle: async () => {
        settles++;
        await Promise.all(pending.splice(0));
      },
    });
    expect(fired.map((f) => f.name)).toEqual(['a', 'a-follow-up', 'b', 'c']);
    expect(fired.map((f) => f.dueAt.getTime() - base.getTime())).toEqual([HOUR, 90 * MINUTE, 2 * HOUR, 3 * HOUR]);
    for (const f of fired) expect(f.firedAt.getTime() - f.dueAt.getTime()).toBeLessThan(MINUTE);
    expect(settles).toBe(4);
    expect(clock.nowMs() - to.getTime()).toBeLessThan(MINUTE);
    expect(clock.nowMs()).toBeGreaterThanOrEqual(to.getTime());
    expect(scheduler.nextDueAt()).toEqual(new Date(base.getTime() + 5 * HOUR));
  });

  it('advanceClock with settleEveryMs fires each instant of a window at its own time and settles once per window', async () => {
    const pending: Promise<unknown>[] = [];
    const context: { client?: SchedulerClient; clock?: LocalClock } = {};
    const clockAtFiring = new Map<string, number>();
    const { client, clock, scheduler } = await startScheduler({
      deliver: async (schedule) => {
        clockAtFiring.set(schedule.Name, context.clock!.nowMs());
        if (schedule.Name === 'a') {
          pending.push(context.client!.send(new CreateScheduleCommand(oneTime('a-follow-up', new Date(context.clock!.nowMs() + 30 * MINUTE)))));
        }
      },
    });
    Object.assign(context, { client, clock });
    const base = later(clock, 0);
    await client.send(new CreateScheduleCommand(oneTime('a', new Date(base.getTime() + HOUR))));
    await client.send(new CreateScheduleCommand(oneTime('b', new Date(base.getTime() + 2 * HOUR))));
    await client.send(new CreateScheduleCommand(oneTime('c', new Date(base.getTime() + 7 * HOUR))));

    let settles = 0;
    const fired = await advanceClock({
      clock,
      scheduler,
      to: new Date(base.getTime() + 8 * HOUR),
      settleEveryMs: 4 * HOUR,
      settle: async () => {
        settles++;
        await Promise.all(pending.splice(0));
      },
    });
    // a and b share the first window; the follow-up a created in it is not skipped, only late.
    expect(fired.map((f) => f.name)).toEqual(['a', 'b', 'a-follow-up', 'c']);
    expect(clockAtFiring.get('a')! - base.getTime()).toBeLessThan(HOUR + MINUTE);
    expect(clockAtFiring.get('b')! - base.getTime()).toBeGreaterThanOrEqual(2 * HOUR);
    expect(settles).toBe(3);
    await expect(advanceClock({ clock, scheduler, to: later(clock, HOUR), settleEveryMs: -1 })).rejects.toThrow(/settleEveryMs/);
  });

  it('retries a failing delivery per the RetryPolicy, then dead-letters it', async () => {
    const attempts: number[] = [];
    const deadLetters: { schedule: StoredSchedule; error: Error }[] = [];
    const { client, clock, scheduler } = await startScheduler({
      deliver: async (schedule) => {
        attempts.push(JSON.parse(schedule.Target.Input!).attempt);
        throw new Error('target is down');
      },
      onDeadLetter: (schedule, error) => {
        deadLetters.push({ schedule, error });
      },
    });
    const target = { Arn: BUS, RoleArn: ROLE, Input: '{"attempt":<aws.scheduler.attempt-number>}', RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 300 }, DeadLetterConfig: { Arn: DLQ } };
    await client.send(new CreateScheduleCommand(oneTime('failing', later(clock, HOUR), { Target: target, ActionAfterCompletion: 'DELETE' })));
    await client.send(new CreateScheduleCommand(oneTime('failing-no-dlq', later(clock, 2 * HOUR), { Target: { ...target, DeadLetterConfig: undefined, RetryPolicy: { MaximumRetryAttempts: 0 } } })));

    const fired = await advanceClock({ clock, scheduler, to: later(clock, 3 * HOUR) });
    expect(fired).toEqual([
      expect.objectContaining({ name: 'failing', attempts: 3, outcome: 'dead-lettered', error: 'target is down' }),
      expect.objectContaining({ name: 'failing-no-dlq', attempts: 1, outcome: 'failed', error: 'target is down' }),
    ]);
    expect(attempts).toEqual([1, 2, 3, 1]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]!.schedule.Target.DeadLetterConfig?.Arn).toBe(DLQ);
    expect(deadLetters[0]!.error.message).toBe('target is down');
    // A dead-lettered one-time schedule is still complete: DELETE applies.
    await expect(client.send(new GetScheduleCommand({ Name: 'failing' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('succeeds on a retry without dead-lettering', async () => {
    let calls = 0;
    const deadLetters: unknown[] = [];
    const { client, clock, scheduler } = await startScheduler({
      deliver: async () => {
        if (++calls < 3) throw new Error(`flaky ${calls}`);
      },
      onDeadLetter: (schedule) => deadLetters.push(schedule),
    });
    await client.send(new CreateScheduleCommand(oneTime('flaky', later(clock, HOUR), { Target: { Arn: BUS, RoleArn: ROLE, DeadLetterConfig: { Arn: DLQ } } })));
    const fired = await advanceClock({ clock, scheduler, to: later(clock, 2 * HOUR) });
    expect(fired).toEqual([expect.objectContaining({ name: 'flaky', attempts: 3, outcome: 'delivered' })]);
    expect(fired[0]).not.toHaveProperty('error');
    expect(deadLetters).toEqual([]);
  });
});
