// The template's EventBridge Scheduler schedules and scheduled rules run in the local stack: each
// schedule exists in the local scheduler with its resolved target, and each one the stack can run
// is listed in /_local/wiring without an error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GetScheduleCommand } from '@aws-sdk/client-scheduler';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, clients, eventually } from './support.ts';

type Resource = { Type: string; Properties: Record<string, any> };
const assemblyDir = path.resolve(import.meta.dirname, '../../cdk.out');
let resources: [string, Resource][];
let wiring: {
  schedules: { logicalId: string; name: string; groupName: string; targetArn: string; error?: string }[];
  scheduledRules: { logicalId: string; error?: string }[];
  functions: { name: string; logicalId: string }[];
};

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'));
  const stack = Object.values(manifest.artifacts as Record<string, any>).find((artifact) => artifact.type === 'aws:cloudformation:stack');
  const template = JSON.parse(readFileSync(path.join(assemblyDir, stack.properties.templateFile), 'utf8'));
  resources = Object.entries(template.Resources);
  wiring = (await api('/_local/wiring')).body;
});

const isCron = (expression: unknown) => typeof expression === 'string' && expression.startsWith('cron(');

describe("the template's schedules", () => {
  it('creates every schedule in the local scheduler, with its target resolved to the local resource', async () => {
    const schedules = resources.filter(([, r]) => r.Type === 'AWS::Scheduler::Schedule');
    expect(wiring.schedules.map((s) => s.logicalId).sort()).toEqual(schedules.map(([id]) => id).sort());
    for (const [logicalId, resource] of schedules) {
      const wired = wiring.schedules.find((s) => s.logicalId === logicalId)!;
      if (isCron(resource.Properties.ScheduleExpression)) {
        expect(wired.error, logicalId).toMatch(/cron/);
        continue;
      }
      expect(wired.error, logicalId).toBeUndefined();
      const schedule = await clients.scheduler.send(new GetScheduleCommand({ Name: wired.name, GroupName: wired.groupName }));
      expect(schedule.ScheduleExpression, logicalId).toBe(resource.Properties.ScheduleExpression);
      const targetId = resource.Properties.Target.Arn?.['Fn::GetAtt']?.[0];
      const fn = wiring.functions.find((f) => f.logicalId === targetId);
      if (fn) expect(schedule.Target?.Arn, logicalId).toBe(`arn:aws:lambda:us-east-1:000000000000:function:${fn.name}`);
    }
  });

  it('runs a rate schedule that targets a function (its first occurrence is when it is created)', async () => {
    const rateToFunction = wiring.schedules.filter((s) => !s.error && s.targetArn.includes(':function:'));
    for (const schedule of rateToFunction) {
      const functionName = schedule.targetArn.split(':').pop()!;
      const { body: listed } = await api('/_local/schedules');
      const stored = listed.schedules.find((s: { Name: string }) => s.Name === schedule.name);
      if (!stored?.ScheduleExpression.startsWith('rate(')) continue;
      await eventually(
        async () => {
          const { body } = await api(`/_local/invocations?function=${encodeURIComponent(functionName)}`);
          return body.invocations.find((invocation: { trigger: string }) => invocation.trigger === 'scheduler');
        },
        { what: `a scheduled invocation of ${functionName}` },
      );
    }
  });

  it('runs every scheduled EventBridge rule with a rate expression', () => {
    const rules = resources.filter(([, r]) => r.Type === 'AWS::Events::Rule' && !r.Properties.EventPattern && r.Properties.ScheduleExpression);
    expect(wiring.scheduledRules.map((r) => r.logicalId).sort()).toEqual(rules.map(([id]) => id).sort());
    for (const [logicalId, resource] of rules) {
      const wired = wiring.scheduledRules.find((r) => r.logicalId === logicalId)!;
      if (isCron(resource.Properties.ScheduleExpression)) expect(wired.error, logicalId).toMatch(/cron|rate/);
      else expect(wired.error, logicalId).toBeUndefined();
    }
  });
});
