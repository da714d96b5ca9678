// The template's secrets, schedules and scheduled rules in the local model, and the schedules and
// rules running in the local scheduler on the local clock.
import { describe, expect, it } from 'vitest';
import { LocalClock } from '../../../infra/local/clock.ts';
import type { Dispatcher } from '../../../infra/local/dispatcher.ts';
import type { LocalEventBus } from '../../../infra/local/eventbridge/bus.ts';
import { scheduleDelivery } from '../../../infra/local/scheduler-delivery.ts';
import { advanceClock, createTemplateSchedules, LocalScheduler } from '../../../infra/local/scheduler/index.ts';
import { buildLocalModel, type CfnTemplate } from '../../../infra/local/template/model.ts';

const START = new Date('2030-01-01T00:00:00Z');
const ACCOUNT = '000000000000';
const arn = (service: string, resource: string) => `arn:aws:${service}:us-east-1:${ACCOUNT}:${resource}`;
const getAtt = (id: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [id, attribute] });

const template: CfnTemplate = {
  Resources: {
    Shops: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: '{"shops":[]}' }, Metadata: { 'aws:cdk:path': 'App/Ingest/Shops/Resource' } },
    Named: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'named-secret', GenerateSecretString: { PasswordLength: 20 } } },
    Role: { Type: 'AWS::IAM::Role', Properties: {} },
    Dlq: { Type: 'AWS::SQS::Queue', Properties: {} },
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: { Handler: 'index.handler', Environment: { Variables: { SHOPS_SECRET_ARN: { Ref: 'Shops' }, NAMED: getAtt('Named', 'Id') } } },
      Metadata: { 'aws:asset:path': 'asset.fn' },
    },
    Reconcile: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        FlexibleTimeWindow: { Mode: 'OFF' },
        ScheduleExpression: 'rate(15 minutes)',
        ScheduleExpressionTimezone: 'Etc/UTC',
        State: 'ENABLED',
        Target: { Arn: getAtt('Fn'), RoleArn: getAtt('Role'), DeadLetterConfig: { Arn: getAtt('Dlq') }, RetryPolicy: { MaximumEventAgeInSeconds: 900, MaximumRetryAttempts: 2 } },
      },
      Metadata: { 'aws:cdk:path': 'App/Ingest/ReconcileSchedule/Resource' },
    },
    Nightly: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: { Name: 'nightly', FlexibleTimeWindow: { Mode: 'OFF' }, ScheduleExpression: 'cron(0 3 * * ? *)', Target: { Arn: getAtt('Fn'), RoleArn: getAtt('Role') } },
    },
    Tick: {
      Type: 'AWS::Events::Rule',
      Properties: { ScheduleExpression: 'rate(1 hour)', State: 'ENABLED', Targets: [{ Arn: getAtt('Fn'), Id: 'Target0', DeadLetterConfig: { Arn: getAtt('Dlq') }, RetryPolicy: { MaximumRetryAttempts: 3 } }] },
    },
    Paused: { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: 'rate(5 minutes)', State: 'DISABLED', Targets: [{ Arn: getAtt('Fn'), Id: 'T', Input: '{"paused":true}' }] } },
  },
};

const model = buildLocalModel(template, {
  stackName: 'App',
  region: 'us-east-1',
  accountId: ACCOUNT,
  assemblyDir: '/assembly',
  queueUrl: (name) => `http://127.0.0.1:1/${ACCOUNT}/${name}`,
  apiUrl: 'http://127.0.0.1:3000',
});

describe('the template model', () => {
  it("lists the template's secrets, and resolves a secret's Ref to an ARN the local Secrets Manager knows", () => {
    expect(model.secrets).toEqual([
      expect.objectContaining({ logicalId: 'Shops', name: 'Shops', arn: arn('secretsmanager', 'secret:Shops'), cdkPath: 'App/Ingest/Shops/Resource', secretString: '{"shops":[]}' }),
      expect.objectContaining({ logicalId: 'Named', name: 'named-secret', arn: arn('secretsmanager', 'secret:named-secret'), generateSecretString: { PasswordLength: 20 } }),
    ]);
    expect(model.functions[0]!.environment).toEqual({ SHOPS_SECRET_ARN: arn('secretsmanager', 'secret:Shops'), NAMED: arn('secretsmanager', 'secret:named-secret') });
  });

  it('resolves schedules into CreateSchedule input, and keeps scheduled rules apart from pattern rules', () => {
    expect(model.schedules.map((schedule) => [schedule.logicalId, schedule.name, schedule.groupName])).toEqual([
      ['Reconcile', 'Reconcile', 'default'],
      ['Nightly', 'nightly', 'default'],
    ]);
    expect(model.schedules[0]!.input.Target).toEqual({
      Arn: arn('lambda', 'function:Fn'),
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/Role`,
      DeadLetterConfig: { Arn: arn('sqs', 'Dlq') },
      RetryPolicy: { MaximumEventAgeInSeconds: 900, MaximumRetryAttempts: 2 },
    });
    expect(model.schedules[0]!.input.Name).toBeUndefined();
    expect(model.rules).toEqual([]);
    expect(model.scheduledRules).toEqual([
      expect.objectContaining({ name: 'Tick', arn: arn('events', 'rule/Tick'), scheduleExpression: 'rate(1 hour)', enabled: true }),
      expect.objectContaining({ name: 'Paused', enabled: false, targets: [expect.objectContaining({ input: '{"paused":true}' })] }),
    ]);
  });
});

describe("the template's schedules in the local scheduler", () => {
  function setup(catchUp?: boolean) {
    const clock = new LocalClock(START);
    const invocations: { arn: string; event: any; trigger: string }[] = [];
    const deliveries: { arn: string; payload: any; failure: any }[] = [];
    const dispatcher = {
      invokeAsync: async (target: string, event: unknown, trigger: string) => void invocations.push({ arn: target, event, trigger }),
      deliver: async (target: string, payload: unknown, _trigger: string, failure: unknown) => void deliveries.push({ arn: target, payload, failure }),
      sendToQueue: async () => undefined,
    } as unknown as Dispatcher;
    const scheduler = new LocalScheduler({
      clock,
      region: 'us-east-1',
      accountId: ACCOUNT,
      groups: model.scheduleGroups,
      deliver: (schedule) => scheduleDelivery(schedule, { bus: {} as LocalEventBus, dispatcher }),
    });
    const logs: string[] = [];
    const wiring = createTemplateSchedules({ scheduler, model, dispatcher, log: (line) => logs.push(line), catchUp });
    return { clock, scheduler, wiring, invocations, deliveries, logs };
  }

  it('creates every schedule it can run, and reports the others', () => {
    const { scheduler, wiring, logs } = setup();
    expect(scheduler.list().map((schedule) => schedule.Name)).toEqual(['Reconcile']);
    expect(wiring.schedules).toEqual([
      expect.objectContaining({ logicalId: 'Reconcile', arn: arn('scheduler', 'schedule/default/Reconcile'), targetArn: arn('lambda', 'function:Fn') }),
      expect.objectContaining({ logicalId: 'Nightly', error: expect.stringMatching(/cron/) }),
    ]);
    expect(wiring.scheduledRules.map((rule) => [rule.name, rule.error])).toEqual([['Tick', undefined], ['Paused', undefined]]);
    expect(logs).toEqual([expect.stringMatching(/Nightly .*not running locally/)]);
    const [tick, paused] = scheduler.listRecurring();
    // One period after it was added (the local clock runs on from START meanwhile).
    expect(tick!.NextDueAt!.getTime() - START.getTime()).toBeGreaterThanOrEqual(3_600_000);
    expect(tick!.NextDueAt!.getTime() - START.getTime()).toBeLessThan(3_660_000);
    expect(paused).toMatchObject({ name: 'Paused', enabled: false });
    expect(paused!.NextDueAt).toBeUndefined();
  });

  it('fires every occurrence of schedules and scheduled rules as the local clock moves, in time order, when not catching up', async () => {
    const { clock, scheduler, invocations, deliveries } = setup(false);
    // The schedules were created a moment after START (the clock runs on): a minute covers that.
    const fired = await advanceClock({ clock, scheduler, to: new Date(START.getTime() + 61 * 60_000) });
    expect(fired.map((f) => [f.name, f.dueAt.toISOString().slice(11, 16), f.kind ?? 'schedule'])).toEqual([
      ['Reconcile', '00:00', 'schedule'],
      ['Reconcile', '00:15', 'schedule'],
      ['Reconcile', '00:30', 'schedule'],
      ['Reconcile', '00:45', 'schedule'],
      ['Reconcile', '01:00', 'schedule'],
      ['Tick', '01:00', 'recurring'],
    ]);
    expect(invocations).toHaveLength(5);
    expect(invocations[0]).toEqual({ arn: arn('lambda', 'function:Fn'), event: {}, trigger: 'scheduler' });
    expect(deliveries).toEqual([
      {
        arn: arn('lambda', 'function:Fn'),
        payload: {
          version: '0',
          id: expect.any(String),
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          account: ACCOUNT,
          time: expect.stringMatching(/^2030-01-01T01:00:\d\dZ$/),
          region: 'us-east-1',
          resources: [arn('events', 'rule/Tick')],
          detail: {},
        },
        failure: expect.objectContaining({ deadLetterArn: arn('sqs', 'Dlq'), maxRetryAttempts: 3 }),
      },
    ]);
    const later = await advanceClock({ clock, scheduler, to: new Date(START.getTime() + 121 * 60_000) });
    expect(later.filter((f) => f.kind === 'recurring').map((f) => f.dueAt.toISOString().slice(0, 16))).toEqual(['2030-01-01T02:00']);
  });

  it('catches up by default: the first and last occurrence of each stretch in which nothing else fires', async () => {
    const { clock, scheduler, invocations, deliveries } = setup();
    const fired = await advanceClock({ clock, scheduler, to: new Date(START.getTime() + 61 * 60_000) });
    expect(fired.map((f) => [f.name, f.dueAt.toISOString().slice(11, 16), f.coalesced ?? 0])).toEqual([
      ['Reconcile', '00:00', 0],
      // Tick is due at 01:00: Reconcile passes over 00:15, 00:30 and 00:45 and runs at 01:00 before it.
      ['Reconcile', '01:00', 3],
      ['Tick', '01:00', 0],
    ]);
    expect([invocations.length, deliveries.length]).toEqual([2, 1]);

  });

  it('catches up around other schedules, which still fire at their time', async () => {
    const clock = new LocalClock(START);
    const scheduler = new LocalScheduler({ clock, region: 'us-east-1', accountId: ACCOUNT, deliver: async () => undefined });
    const target = { Arn: arn('lambda', 'function:Fn'), RoleArn: `arn:aws:iam::${ACCOUNT}:role/Role` };
    scheduler.create('poll', { ScheduleExpression: 'rate(15 minutes)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: target }, { coalesce: true });
    scheduler.create('one-off', { ScheduleExpression: 'at(2030-01-01T06:05:00)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: target });
    const fired = await advanceClock({ clock, scheduler, to: new Date('2030-01-02T00:01:00Z') });
    expect(fired.map((f) => [f.name, f.dueAt.toISOString().slice(5, 16), f.coalesced ?? 0])).toEqual([
      ['poll', '01-01T00:00', 0],
      ['poll', '01-01T06:00', 23],
      ['one-off', '01-01T06:05', 0],
      ['poll', '01-01T06:15', 0],
      ['poll', '01-02T00:00', 70],
    ]);
  });
});
