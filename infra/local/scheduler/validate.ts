// Validates CreateSchedule / UpdateSchedule input as EventBridge Scheduler does, with messages that
// name the offending field. Returns the schedule fields to store.
import { checkTimeZone, parseScheduleExpression, type ParsedExpression } from './expressions.ts';
import { validation, type FlexibleTimeWindow, type ScheduleTarget, type StoredSchedule } from './types.ts';

export const NAME_PATTERN = /^[0-9a-zA-Z\-_.]{1,64}$/;

/** The fields of a schedule its request determines, plus the parsed expression. */
export type ScheduleSpec = Omit<StoredSchedule, 'Arn' | 'Name' | 'CreationDate' | 'LastModificationDate'> & {
  ClientToken?: string;
  expression: ParsedExpression;
};

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

function optionalString(body: Body, field: string, path: string, min: number, max: number, pattern?: RegExp): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validation(`${path}: must be a string`);
  if (value.length < min || value.length > max) throw validation(`${path}: must be ${min} to ${max} characters long (got ${value.length})`);
  if (pattern && !pattern.test(value)) throw validation(`${path}: '${value}' does not match the pattern ${pattern.source}`);
  return value;
}

function requiredString(body: Body, field: string, path: string, min: number, max: number, pattern?: RegExp): string {
  const value = optionalString(body, field, path, min, max, pattern);
  if (value === undefined) throw validation(`${path}: is required`);
  return value;
}

function optionalInteger(body: Body, field: string, path: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validation(`${path}: must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return value;
}

function oneOf<T extends string>(body: Body, field: string, path: string, allowed: readonly T[], fallback?: T): T {
  const value = body[field] ?? fallback;
  if (value === undefined) throw validation(`${path}: is required (one of ${allowed.join(', ')})`);
  if (!allowed.includes(value as T)) throw validation(`${path}: must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  return value as T;
}

/** REST-JSON timestamps arrive as epoch seconds; ISO strings are accepted too. */
function optionalDate(body: Body, field: string): Date | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw validation(`${field}: must be a timestamp (got ${JSON.stringify(value)})`);
  return date;
}

const ARN = /^arn:[a-z-]+:/;
const ROLE_ARN = /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const DLQ_ARN = /^arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9\-_]+$/;

function parseTarget(value: unknown): ScheduleTarget {
  if (!isObject(value)) throw validation('Target: is required and must be an object');
  const target: ScheduleTarget = {
    Arn: requiredString(value, 'Arn', 'Target.Arn', 1, 1600, ARN),
    RoleArn: requiredString(value, 'RoleArn', 'Target.RoleArn', 1, 1600, ROLE_ARN),
  };
  const input = optionalString(value, 'Input', 'Target.Input', 1, 10 * 1024 * 1024);
  if (input !== undefined) target.Input = input;
  if (value.EventBridgeParameters !== undefined) {
    if (!isObject(value.EventBridgeParameters)) throw validation('Target.EventBridgeParameters: must be an object');
    const params = value.EventBridgeParameters;
    target.EventBridgeParameters = {
      DetailType: requiredString(params, 'DetailType', 'Target.EventBridgeParameters.DetailType', 1, 128),
      Source: requiredString(params, 'Source', 'Target.EventBridgeParameters.Source', 1, 256, /^(?!aws\.)/),
    };
  }
  if (value.SqsParameters !== undefined) {
    if (!isObject(value.SqsParameters)) throw validation('Target.SqsParameters: must be an object');
    const groupId = optionalString(value.SqsParameters, 'MessageGroupId', 'Target.SqsParameters.MessageGroupId', 1, 128);
    target.SqsParameters = groupId === undefined ? {} : { MessageGroupId: groupId };
  }
  if (value.RetryPolicy !== undefined) {
    if (!isObject(value.RetryPolicy)) throw validation('Target.RetryPolicy: must be an object');
    const age = optionalInteger(value.RetryPolicy, 'MaximumEventAgeInSeconds', 'Target.RetryPolicy.MaximumEventAgeInSeconds', 60, 86400);
    const attempts = optionalInteger(value.RetryPolicy, 'MaximumRetryAttempts', 'Target.RetryPolicy.MaximumRetryAttempts', 0, 185);
    target.RetryPolicy = { ...(age === undefined ? {} : { MaximumEventAgeInSeconds: age }), ...(attempts === undefined ? {} : { MaximumRetryAttempts: attempts }) };
  }
  if (value.DeadLetterConfig !== undefined) {
    if (!isObject(value.DeadLetterConfig)) throw validation('Target.DeadLetterConfig: must be an object');
    const arn = optionalString(value.DeadLetterConfig, 'Arn', 'Target.DeadLetterConfig.Arn', 1, 1600, DLQ_ARN);
    target.DeadLetterConfig = arn === undefined ? {} : { Arn: arn };
  }
  for (const other of ['EcsParameters', 'KinesisParameters', 'SageMakerPipelineParameters'] as const) {
    if (value[other] === undefined) continue;
    if (!isObject(value[other])) throw validation(`Target.${other}: must be an object`);
    (target as unknown as Body)[other] = value[other];
  }
  return target;
}

function parseFlexibleTimeWindow(value: unknown): FlexibleTimeWindow {
  if (!isObject(value)) throw validation('FlexibleTimeWindow: is required and must be an object, e.g. {"Mode": "OFF"}');
  const mode = oneOf(value, 'Mode', 'FlexibleTimeWindow.Mode', ['OFF', 'FLEXIBLE'] as const);
  const minutes = optionalInteger(value, 'MaximumWindowInMinutes', 'FlexibleTimeWindow.MaximumWindowInMinutes', 1, 1440);
  if (mode === 'FLEXIBLE' && minutes === undefined) throw validation('FlexibleTimeWindow.MaximumWindowInMinutes: is required when Mode is FLEXIBLE');
  if (mode === 'OFF' && minutes !== undefined) throw validation('FlexibleTimeWindow.MaximumWindowInMinutes: must not be set when Mode is OFF');
  return minutes === undefined ? { Mode: mode } : { Mode: mode, MaximumWindowInMinutes: minutes };
}

/** Validates a CreateSchedule/UpdateSchedule body (`now` is the local clock, for date checks). */
export function parseScheduleInput(body: Body, now: Date): ScheduleSpec {
  const GroupName = optionalString(body, 'GroupName', 'GroupName', 1, 64, NAME_PATTERN) ?? 'default';
  const ScheduleExpression = requiredString(body, 'ScheduleExpression', 'ScheduleExpression', 1, 256);
  const ScheduleExpressionTimezone = optionalString(body, 'ScheduleExpressionTimezone', 'ScheduleExpressionTimezone', 1, 50);
  if (ScheduleExpressionTimezone !== undefined) checkTimeZone(ScheduleExpressionTimezone);
  const expression = parseScheduleExpression(ScheduleExpression, ScheduleExpressionTimezone ?? 'UTC');
  const StartDate = optionalDate(body, 'StartDate');
  const EndDate = optionalDate(body, 'EndDate');
  if (StartDate && StartDate.getTime() < now.getTime() - 5 * 60_000) {
    throw validation('StartDate: the StartDate you specify cannot be earlier than 5 minutes prior to the current time');
  }
  if (EndDate && EndDate.getTime() < now.getTime()) throw validation('EndDate: the EndDate you specify cannot be earlier than the current time');
  if (StartDate && EndDate && EndDate.getTime() <= StartDate.getTime()) throw validation('EndDate: the EndDate must come after the StartDate');
  const spec: ScheduleSpec = {
    GroupName,
    ScheduleExpression,
    State: oneOf(body, 'State', 'State', ['ENABLED', 'DISABLED'] as const, 'ENABLED'),
    ActionAfterCompletion: oneOf(body, 'ActionAfterCompletion', 'ActionAfterCompletion', ['NONE', 'DELETE'] as const, 'NONE'),
    FlexibleTimeWindow: parseFlexibleTimeWindow(body.FlexibleTimeWindow),
    Target: parseTarget(body.Target),
    expression,
  };
  const Description = optionalString(body, 'Description', 'Description', 0, 512);
  const KmsKeyArn = optionalString(body, 'KmsKeyArn', 'KmsKeyArn', 1, 2048);
  const ClientToken = optionalString(body, 'ClientToken', 'ClientToken', 1, 64);
  return {
    ...spec,
    ...(ScheduleExpressionTimezone === undefined ? {} : { ScheduleExpressionTimezone }),
    ...(StartDate === undefined ? {} : { StartDate }),
    ...(EndDate === undefined ? {} : { EndDate }),
    ...(Description === undefined ? {} : { Description }),
    ...(KmsKeyArn === undefined ? {} : { KmsKeyArn }),
    ...(ClientToken === undefined ? {} : { ClientToken }),
  };
}

export function checkName(name: string, field = 'Name'): string {
  if (!NAME_PATTERN.test(name)) throw validation(`${field}: '${name}' must be 1 to 64 characters of 0-9, a-z, A-Z, - _ and .`);
  return name;
}
