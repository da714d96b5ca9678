// Timers on EventBridge Scheduler: each timer is a one-time schedule named by its timer id whose
// target puts TimerFired (its detail fixed when the timer is set) on the bus, and which deletes
// itself once it has fired. Setting and cancelling are idempotent, so a redelivered
// TimersRequested changes nothing: a schedule that exists is left alone (ConflictException), one
// already gone is not an error (ResourceNotFoundException). A timer already due fires at once.
import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { DetailInputOf } from '../events/define.ts';
import { atExpression } from './at-expression.ts';
import type { EventPublisher } from '../events/publisher.ts';
import { TimerFired, type TimerSpec } from '../events/timers.ts';

export interface TimerTarget {
  busArn: string;
  /** The role Scheduler assumes to put events on the bus. */
  roleArn: string;
  groupName?: string;
}

export type SetOutcome = 'scheduled' | 'already_scheduled' | 'fired';
export type CancelOutcome = 'cancelled' | 'already_gone';

/** The TimerFired detail a timer puts on the bus: its spec, stamped with the time it was due. */
export function firedDetail(shopId: string, timer: TimerSpec): DetailInputOf<typeof TimerFired> {
  return { version: 1, shopId, occurredAt: timer.dueAt, ...timer };
}

export class TimerScheduler {
  constructor(
    private readonly target: TimerTarget,
    private readonly publisher: Pick<EventPublisher, 'publish'>,
    private readonly client: Pick<SchedulerClient, 'send'> = new SchedulerClient({}),
  ) {}

  async set(shopId: string, timer: TimerSpec, now: Date): Promise<SetOutcome> {
    const detail = firedDetail(shopId, timer);
    // Scheduler refuses a one-time schedule in the past; a timer already due fires now.
    if (Date.parse(timer.dueAt) <= now.getTime()) {
      await this.publisher.publish(TimerFired, detail);
      return 'fired';
    }
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: timer.timerId,
          GroupName: this.target.groupName ?? 'default',
          ScheduleExpression: atExpression(timer.dueAt),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Description: `${timer.kind} of ${shopId}`,
          Target: {
            Arn: this.target.busArn,
            RoleArn: this.target.roleArn,
            EventBridgeParameters: { Source: TimerFired.source, DetailType: TimerFired.detailType },
            Input: JSON.stringify(detail),
            RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
          },
        }),
      );
      return 'scheduled';
    } catch (error) {
      if ((error as Error).name === 'ConflictException') return 'already_scheduled';
      throw error;
    }
  }

  async cancel(timerId: string): Promise<CancelOutcome> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: timerId, GroupName: this.target.groupName ?? 'default' }));
      return 'cancelled';
    } catch (error) {
      if ((error as Error).name === 'ResourceNotFoundException') return 'already_gone';
      throw error;
    }
  }
}
