// CDK assertions on the synthesized template: the backbone's guarantees hold for every resource,
// including the ones capability constructs add later.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';

let template: Template;
let resources: Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> }>;
let outdir: string;

beforeAll(() => {
  // The CLI turns asset metadata on; the local stack reads it to find each function's bundle.
  const { app, stack } = buildApp(new App({ context: { 'cli-telemetry': false, 'aws:cdk:enable-asset-metadata': true } }));
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
  outdir = app.outdir;
});

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

describe('event bus', () => {
  it('is a custom bus with an archive of every canonical event', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Events::Archive', {
      EventPattern: { source: [{ prefix: 'aftersales.' }] },
      RetentionDays: 365,
    });
  });

  it('gives every rule target a dead-letter queue and a retry policy', () => {
    const rules = ofType('AWS::Events::Rule');
    expect(rules.length).toBeGreaterThan(0);
    for (const [id, rule] of rules) {
      for (const target of rule.Properties.Targets) {
        expect(target.DeadLetterConfig?.Arn, `${id} target ${target.Id}`).toBeDefined();
        expect(target.RetryPolicy?.MaximumRetryAttempts, `${id} target ${target.Id}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('schedules', () => {
  it('give every schedule target a dead-letter queue and a retry policy', () => {
    for (const [id, schedule] of ofType('AWS::Scheduler::Schedule')) {
      expect(schedule.Properties.Target.DeadLetterConfig?.Arn, id).toBeDefined();
      expect(schedule.Properties.Target.RetryPolicy?.MaximumRetryAttempts, id).toBeGreaterThan(0);
    }
  });
});

describe('tables', () => {
  it('are on demand, encrypted, with point-in-time recovery', () => {
    const tables = ofType('AWS::DynamoDB::GlobalTable');
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const [id, table] of tables) {
      expect(table.Properties.BillingMode, id).toBe('PAY_PER_REQUEST');
      expect(table.Properties.SSESpecification?.SSEEnabled, id).toBe(true);
      for (const replica of table.Properties.Replicas) {
        expect(replica.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled, id).toBe(true);
      }
    }
  });

  it('index orders by shop and order number, for customer sign-in', () => {
    const indexes = ofType('AWS::DynamoDB::GlobalTable').flatMap(([, table]) => table.Properties.GlobalSecondaryIndexes ?? []);
    expect(indexes).toContainEqual(
      expect.objectContaining({ IndexName: 'gsi2', KeySchema: [{ AttributeName: 'gsi2pk', KeyType: 'HASH' }, { AttributeName: 'gsi2sk', KeyType: 'RANGE' }] }),
    );
  });

  it('expire state through TTL', () => {
    const ttl = ofType('AWS::DynamoDB::GlobalTable').map(([, table]) => table.Properties.TimeToLiveSpecification?.AttributeName);
    expect(ttl).toEqual(expect.arrayContaining(['expiresAt', 'expiration']));
    expect(ttl.every(Boolean)).toBe(true);
  });
});

describe('queues', () => {
  it('send every work queue to a dead-letter queue, keep dead letters 14 days, encrypt all', () => {
    const deadLetterIds = deadLetterQueueIds();
    const queues = ofType('AWS::SQS::Queue');
    expect(queues.some(([id]) => !deadLetterIds.has(id))).toBe(true);
    for (const [id, queue] of queues) {
      expect(queue.Properties.SqsManagedSseEnabled, id).toBe(true);
      if (deadLetterIds.has(id)) expect(queue.Properties.MessageRetentionPeriod, id).toBe(14 * 24 * 3600);
      else expect(queue.Properties.RedrivePolicy?.deadLetterTargetArn, id).toBeDefined();
    }
  });

  it('report partial batch failures from every SQS consumer', () => {
    template.allResourcesProperties('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'] });
  });
});

/** Queues named as a dead-letter queue or failure destination anywhere in the template. */
function deadLetterQueueIds(): Set<string> {
  const arnOwner = (value: any): string | undefined => value?.['Fn::GetAtt']?.[0];
  return new Set(
    [
      ...ofType('AWS::SQS::Queue').map(([, queue]) => arnOwner(queue.Properties.RedrivePolicy?.deadLetterTargetArn)),
      ...ofType('AWS::Events::Rule').flatMap(([, rule]) => rule.Properties.Targets.map((target: any) => arnOwner(target.DeadLetterConfig?.Arn))),
      ...ofType('AWS::Lambda::Function').map(([, fn]) => arnOwner(fn.Properties.DeadLetterConfig?.TargetArn)),
      ...ofType('AWS::Lambda::EventSourceMapping').map(([, mapping]) => arnOwner(mapping.Properties.DestinationConfig?.OnFailure?.Destination)),
      ...ofType('AWS::Scheduler::Schedule').map(([, schedule]) => arnOwner(schedule.Properties.Target.DeadLetterConfig?.Arn)),
    ].filter((id): id is string => Boolean(id)),
  );
}

describe('functions', () => {
  it('run Node.js on arm64 with tracing, JSON logs and Powertools settings', () => {
    template.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }),
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: Match.anyValue(), POWERTOOLS_METRICS_NAMESPACE: 'Aftersales' }) },
    });
  });

  it('keep logs for a bounded time', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(ofType('AWS::Lambda::Function').length);
    for (const [id, group] of groups) expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
  });

  it('are bundled as ESM modules by the local esbuild (this machine has no Docker)', () => {
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      const assetPath = resources[id]!.Metadata?.['aws:asset:path'];
      expect(assetPath, id).toMatch(/^asset\./);
      expect(fn.Properties.Handler, id).toBe('index.handler');
      expect(readFileSync(path.join(outdir, assetPath, 'index.mjs'), 'utf8'), id).toMatch(/export\s*\{[^}]*as handler/);
    }
  });

  it('give every function that events or schedules invoke asynchronously somewhere to fail to', () => {
    const ruleTargets = [
      ...ofType('AWS::Events::Rule').flatMap(([, rule]) => rule.Properties.Targets.map((target: any) => target.Arn?.['Fn::GetAtt']?.[0])),
      ...ofType('AWS::Scheduler::Schedule').map(([, schedule]) => schedule.Properties.Target.Arn?.['Fn::GetAtt']?.[0]),
    ];
    expect(ruleTargets.filter((id) => resources[id]?.Type === 'AWS::Lambda::Function').length).toBeGreaterThan(0);
    for (const [id, fn] of ofType('AWS::Lambda::Function').filter(([candidate]) => ruleTargets.includes(candidate))) {
      expect(fn.Properties.DeadLetterConfig?.TargetArn, id).toBeDefined();
    }
  });
});

describe('cdk-nag', () => {
  it('reports no unacknowledged AwsSolutions or Serverless finding', () => {
    // Validation plugins run when the app synthesizes; a finding makes synth fail.
    const { app } = buildApp(new App({ context: { 'cli-telemetry': false } }));
    expect(() => app.synth()).not.toThrow();
  });
});

describe('HTTP API', () => {
  it('logs access and throttles its default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 500 }),
    });
  });

  it('routes the customer portal without a gateway authorizer: its handler checks the session token', () => {
    for (const routeKey of ['POST /customer/sessions', 'GET /customer/orders/{orderNumber}']) {
      const route = ofType('AWS::ApiGatewayV2::Route').find(([, candidate]) => candidate.Properties.RouteKey === routeKey);
      expect(route, routeKey).toBeDefined();
      expect(route![1].Properties.AuthorizerId, routeKey).toBeUndefined();
    }
  });

  it('serves the public events catalogue', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /events/catalogue' });
  });
});

describe('notification feedback', () => {
  it("takes this configuration set's SES events from the default bus, through a queue", () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: ['bounce', 'complaint', 'delivery', 'reject'], EventBridgeDestination: { EventBusArn: Match.anyValue() } }),
    });
    const [, rule] = ofType('AWS::Events::Rule').find(([, candidate]) => candidate.Properties.EventPattern?.source?.[0] === 'aws.ses')!;
    expect(rule.Properties.EventBusName).toBe('default');
    expect(rule.Properties.EventPattern.detail.mail.tags['ses:configuration-set']).toEqual([{ Ref: expect.stringMatching(/ConfigurationSet/) }]);
    expect(rule.Properties.Targets[0].Arn['Fn::GetAtt'][0]).toMatch(/^NotificationFeedbackQueue/);
  });

  it('receives inbound SMS on an encrypted topic End User Messaging may publish to, delivered raw to a queue with a dead-letter queue', () => {
    const [, topic] = ofType('AWS::SNS::Topic').find(([id]) => id.startsWith('NotificationFeedbackInboundSms'))!;
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({ Statement: Match.arrayWith([Match.objectLike({ Effect: 'Allow', Principal: { Service: 'sms-voice.amazonaws.com' }, Action: 'sns:Publish' })]) }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sqs', RawMessageDelivery: true, RedrivePolicy: { deadLetterTargetArn: Match.anyValue() } });
  });
});

describe('timers', () => {
  const policyOf = (prefix: string) => {
    const [, policy] = ofType('AWS::IAM::Policy').find(([id]) => id.startsWith(prefix))!;
    return policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[];
  };

  it('lets the keeper create and delete only the schedules named with a capability prefix', () => {
    const scheduling = policyOf('TimersKeeper').filter((statement) => [statement.Action].flat().some((action) => action.startsWith('scheduler:')));
    expect(scheduling).toHaveLength(1);
    expect(scheduling[0]!.Action).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule']);
    expect(JSON.stringify(scheduling[0]!.Resource)).toMatch(/schedule\/default\/ret-\*/);
    expect(JSON.stringify(scheduling[0]!.Resource)).toMatch(/schedule\/default\/dly-\*/);
  });

  it('fires through a role that may only put events on the bus', () => {
    const statements = policyOf('TimersFireRole');
    expect(statements).toEqual([expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^BackboneBus/), 'Arn'] } })]);
  });

  it('sends the returns consumer only its own timer kinds', () => {
    const [, rule] = ofType('AWS::Events::Rule').find(([id]) => id.startsWith('ReturnsTimerRule'))!;
    expect(rule.Properties.EventPattern).toEqual({ source: ['aftersales.timers'], 'detail-type': ['TimerFired'], detail: { kind: ['return_reminder', 'return_expiry'] } });
  });

  it('sends the delay watch only the timer kinds of the delay flow', () => {
    const [, rule] = ofType('AWS::Events::Rule').find(([id]) => id.startsWith('DelaysTimerRule'))!;
    expect(rule.Properties.EventPattern).toEqual({ source: ['aftersales.timers'], 'detail-type': ['TimerFired'], detail: { kind: ['ship_by', 'deliver_by', 'tracking_stalled'] } });
  });

  it('sends the delay re-plan only publications of delay settings, one at a time', () => {
    const [, rule] = ofType('AWS::Events::Rule').find(([id]) => id.startsWith('DelaysSettingsRule'))!;
    expect(rule.Properties.EventPattern).toEqual({ source: ['aftersales.ops'], 'detail-type': ['OpsActionRecorded'], detail: { action: ['delaySettings.publish'] } });
    const [, mapping] = ofType('AWS::Lambda::EventSourceMapping').find(([, resource]) => JSON.stringify(resource.Properties.FunctionName).includes('DelaysReplanFunction'))!;
    expect(mapping.Properties.BatchSize).toBe(1);
  });
});
