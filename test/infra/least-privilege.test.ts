// Least privilege over the synthesized template: each function's role names only the resources the
// function is wired to (what its environment variables, event sources, log group and dead-letter
// queue refer to), never the `*` action, and a wildcard resource only where AWS requires one or
// the resource is created at run time; those exceptions are listed below with why.
import { beforeAll, describe, expect, it } from 'vitest';
import { timerNamePrefixes } from '../../infra/constructs/timers.ts';
import { referencedIds, synthesizedTemplate, type TemplateResource } from './template.ts';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/**
 * Resources a role may name without a reference to a template resource, by action. Each says why.
 * A resource matches when its text (with pseudo parameters as `<AWS::...>`) equals or starts with the
 * pattern's fixed part.
 */
const allowedUnreferenced: { actions: string[]; resource: RegExp; why: string }[] = [
  {
    actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
    resource: /^\*$/,
    why: 'X-Ray (active tracing) supports no resource-level permissions',
  },
  {
    actions: ['ses:SendEmail'],
    resource: /^arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity\/\*$/,
    why: 'each shop names its sender identity in the shops secret, at run time',
  },
  {
    actions: ['sms-voice:SendTextMessage'],
    resource: /^arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:(phone-number|sender-id|pool|configuration-set)\/\*$/,
    why: 'each shop names its SMS origination in the shops secret, at run time',
  },
  {
    actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
    // The timer keeper's prefixes, and ntf- for notifications held for quiet hours.
    resource: new RegExp(`^arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/default/(${[...timerNamePrefixes, 'ntf-'].join('|')})\\*$`),
    why: 'timers are one schedule per subject, created at run time under the capability’s name prefix',
  },
];

let resources: Record<string, TemplateResource>;
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

beforeAll(() => {
  resources = synthesizedTemplate().Resources;
});

/** The resources a function is wired to: what its configuration and event sources refer to. */
function ownResources(functionId: string): Set<string> {
  const fn = resources[functionId]!.Properties;
  const own = new Set<string>([functionId]);
  const add = (value: unknown) => referencedIds(value).forEach((id) => own.add(id));
  add(fn.Environment?.Variables);
  add(fn.LoggingConfig);
  add(fn.DeadLetterConfig);
  for (const [, mapping] of ofType('AWS::Lambda::EventSourceMapping')) {
    if (referencedIds(mapping.Properties.FunctionName).has(functionId)) {
      add(mapping.Properties.EventSourceArn);
      add(mapping.Properties.DestinationConfig);
    }
  }
  // The dead-letter desk re-drives to the work queues whose dead letters the archiver takes: the
  // archiver's DEAD_LETTER_SOURCES names them (the desk reads the target from the archived item).
  if (functionId.startsWith('OpsApiDeadLettersDesk')) {
    const [, archiver] = ofType('AWS::Lambda::Function').find(([id]) => id.startsWith('OpsApiDeadLettersArchive'))!;
    add(archiver.Properties.Environment.Variables.DEAD_LETTER_SOURCES);
  }
  // A logical id of a table's stream or index resolves to the table itself.
  return own;
}

function statementsOf(functionId: string): Statement[] {
  const roleId = resources[functionId]!.Properties.Role['Fn::GetAtt'][0] as string;
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => (policy.Properties.Roles as unknown[]).some((role) => referencedIds(role).has(roleId)))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** A resource as text, with references as `<Id>` and pseudo parameters as `<AWS::...>`. */
function resourceText(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  if (Array.isArray(resource)) return resource.map(resourceText).join('');
  const node = resource as Record<string, any>;
  if (node.Ref) return `<${node.Ref}>`;
  if (node['Fn::GetAtt']) return `<${[node['Fn::GetAtt']].flat().join('.')}>`;
  if (node['Fn::Join']) return (node['Fn::Join'][1] as unknown[]).map(resourceText).join(node['Fn::Join'][0]);
  return JSON.stringify(resource);
}

const functions = () => ofType('AWS::Lambda::Function').map(([id]) => id);

describe('function roles', () => {
  it('are one per function, with no managed policies and no inline policies beside the grants', () => {
    const roleIds = functions().map((id) => resources[id]!.Properties.Role['Fn::GetAtt'][0]);
    expect(new Set(roleIds).size).toBe(roleIds.length);
    for (const roleId of roleIds) {
      expect(resources[roleId]!.Properties.ManagedPolicyArns, roleId).toBeUndefined();
      expect(resources[roleId]!.Properties.Policies, roleId).toBeUndefined();
    }
  });

  it('allow no `*` action and no whole-service action', () => {
    expect(functions().length).toBeGreaterThan(30);
    for (const id of functions()) {
      for (const statement of statementsOf(id)) {
        expect(statement.Effect, id).toBe('Allow');
        for (const action of [statement.Action].flat()) expect(action, id).not.toMatch(/(^|:)\*$/);
      }
    }
  });

  it('name only the tables, queues, bus, secrets and roles the function is wired to', () => {
    const strays: string[] = [];
    for (const id of functions()) {
      const own = ownResources(id);
      for (const statement of statementsOf(id)) {
        for (const resource of [statement.Resource].flat()) {
          for (const ref of referencedIds(resource)) if (!own.has(ref)) strays.push(`${id}: ${[statement.Action].flat().join(',')} on ${ref}`);
        }
      }
    }
    expect(strays).toEqual([]);
  });

  it('use a wildcard resource only inside a resource of their own or where listed with why', () => {
    const strays: string[] = [];
    for (const id of functions()) {
      for (const statement of statementsOf(id)) {
        const actions = [statement.Action].flat();
        for (const resource of [statement.Resource].flat()) {
          const text = resourceText(resource);
          if (!text.includes('*')) continue;
          // `<table ARN>/index/*`, `<function ARN>:*`: scoped to one resource of the function's own.
          if (referencedIds(resource).size > 0 && /^<[^>]+>[/:]/.test(text) && !text.startsWith('<AWS::')) continue;
          const allowed = allowedUnreferenced.find((rule) => rule.resource.test(text) && actions.every((action) => rule.actions.includes(action)));
          if (!allowed) strays.push(`${id}: ${actions.join(',')} on ${text}`);
        }
      }
    }
    expect(strays).toEqual([]);
  });

  it('read the shops secret only where the function is told its ARN', () => {
    for (const id of functions()) {
      const reads = statementsOf(id).filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'));
      const variables = resources[id]!.Properties.Environment?.Variables ?? {};
      for (const statement of reads) {
        for (const secretId of referencedIds(statement.Resource)) {
          const named = Object.entries(variables).some(([name, value]) => name.endsWith('_SECRET_ARN') && referencedIds(value).has(secretId));
          expect(named, `${id} reads ${secretId}`).toBe(true);
        }
      }
    }
  });
});

describe('publishing', () => {
  it('is allowed to the outbox relay and the timer keeper alone: every other function publishes through the outbox', () => {
    const publishers = functions().filter((id) => statementsOf(id).some((statement) => [statement.Action].flat().includes('events:PutEvents')));
    expect(publishers.map((id) => id.replace(/Function[0-9A-F]{8}$/, '')).sort()).toEqual(['OutboxRelay', 'TimersKeeper']);
  });
});

describe('functions that only read', () => {
  const writes = /^(dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems)|sqs:SendMessage|secretsmanager:PutSecretValue)$/;
  it.each([
    ['the customer portal', 'CustomerApiPortal'],
    ['the ops read routes', 'OpsApiRead'],
    ['the delay desk', 'DelayDeskFunction'],
    ['the KPI route', 'KpisApi'],
  ])('%s may write nothing', (_, prefix) => {
    const [id] = ofType('AWS::Lambda::Function').find(([candidate]) => candidate.startsWith(prefix))!;
    const actions = statementsOf(id).flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => writes.test(action))).toEqual([]);
  });
});
