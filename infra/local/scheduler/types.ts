// Shapes of the local EventBridge Scheduler: what is stored (the GetSchedule shape, with Dates),
// what a firing reports, and the error the HTTP layer turns into a REST-JSON error response.

export type ScheduleState = 'ENABLED' | 'DISABLED';
export type ActionAfterCompletion = 'NONE' | 'DELETE';

export interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  EventBridgeParameters?: { DetailType: string; Source: string };
  SqsParameters?: { MessageGroupId?: string };
  RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
  DeadLetterConfig?: { Arn?: string };
  /** Kept as given and returned by GetSchedule, but not used locally. */
  EcsParameters?: Record<string, unknown>;
  KinesisParameters?: { PartitionKey: string };
  SageMakerPipelineParameters?: Record<string, unknown>;
}

export interface FlexibleTimeWindow {
  Mode: 'OFF' | 'FLEXIBLE';
  MaximumWindowInMinutes?: number;
}

/** A schedule as GetSchedule describes it. */
export interface StoredSchedule {
  Arn: string;
  Name: string;
  GroupName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  StartDate?: Date;
  EndDate?: Date;
  Description?: string;
  State: ScheduleState;
  ActionAfterCompletion: ActionAfterCompletion;
  FlexibleTimeWindow: FlexibleTimeWindow;
  KmsKeyArn?: string;
  Target: ScheduleTarget;
  CreationDate: Date;
  LastModificationDate: Date;
}

export interface ScheduleGroup {
  Arn: string;
  Name: string;
  State: 'ACTIVE';
  CreationDate: Date;
  LastModificationDate: Date;
  Tags: { Key: string; Value: string }[];
}

export interface FiredSchedule {
  name: string;
  /** Set for a recurring job (a scheduled EventBridge rule from the template) rather than a schedule. */
  kind?: 'recurring';
  /** Occurrences passed over before this one while the clock jumped (template schedules catch up). */
  coalesced?: number;
  groupName: string;
  arn: string;
  /** When the schedule was due (for a one-time schedule, its at() time). */
  dueAt: Date;
  /** The local clock when it fired. */
  firedAt: Date;
  targetArn: string;
  /** Delivery attempts made: 1 when the first one succeeded. */
  attempts: number;
  /** delivered; dead-lettered (every attempt failed, sent to the DeadLetterConfig); failed (dropped). */
  outcome: 'delivered' | 'dead-lettered' | 'failed';
  error?: string;
}

/** A schedule as `list()` shows it: the stored schedule plus when it fires next (if ever). */
export type ListedSchedule = StoredSchedule & { NextDueAt?: Date };

export class SchedulerError extends Error {
  constructor(
    readonly type: 'ValidationException' | 'ConflictException' | 'ResourceNotFoundException' | 'ServiceQuotaExceededException' | 'InternalServerException' | 'UnknownOperationException' | 'SerializationException',
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = type;
  }
}

export const validation = (message: string) => new SchedulerError('ValidationException', message, 400);
export const notFound = (message: string) => new SchedulerError('ResourceNotFoundException', message, 404);
export const conflict = (message: string) => new SchedulerError('ConflictException', message, 409);
