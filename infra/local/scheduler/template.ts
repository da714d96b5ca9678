// The template's own timers: every AWS::Scheduler::Schedule is created in the local scheduler at
// start, and every AWS::Events::Rule with a rate() schedule expression becomes a recurring job
// that sends EventBridge's "Scheduled Event" to the rule's targets. Both follow the local clock.
import { targetPayload } from '../eventbridge/bus.ts';
import { randomUUID } from 'node:crypto';
import type { Dispatcher } from '../dispatcher.ts';
import type { LocalModel, LocalScheduledRule } from '../template/model.ts';
import { parseScheduleExpression } from './expressions.ts';
import type { LocalScheduler } from './scheduler.ts';

export interface TemplateScheduleWiring {
  schedules: { logicalId: string; name: string; groupName: string; expression: string; targetArn: string; arn?: string; error?: string }[];
  scheduledRules: { logicalId: string; name: string; expression: string; targets: string[]; error?: string }[];
}

/** EventBridge's event for a scheduled rule. */
export function scheduledEvent(rule: Pick<LocalScheduledRule, 'arn'>, dueAt: Date, model: Pick<LocalModel, 'region' | 'accountId'>) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: model.accountId,
    time: dueAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: model.region,
    resources: [rule.arn],
    detail: {},
  };
}


/**
 * Creates the template's schedules and scheduled rules in `scheduler`. One the local stack cannot
 * run (a cron() expression, an invalid property) is skipped with a log line and reported with its
 * error; it does not stop the stack. Unless `catchUp` is false, rate schedules and rules catch up
 * when the clock jumps (first and last occurrence of each stretch; see LocalScheduler.catchUp).
 */
export function createTemplateSchedules(deps: {
  scheduler: LocalScheduler;
  model: LocalModel;
  dispatcher: Dispatcher;
  log: (line: string) => void;
  catchUp?: boolean;
}): TemplateScheduleWiring {
  const { scheduler, model, dispatcher, log } = deps;
  const coalesce = deps.catchUp !== false;
  const wiring: TemplateScheduleWiring = { schedules: [], scheduledRules: [] };

  for (const schedule of model.schedules) {
    const expression = String(schedule.input.ScheduleExpression ?? '');
    const report = { logicalId: schedule.logicalId, name: schedule.name, groupName: schedule.groupName, expression, targetArn: String(schedule.input.Target?.Arn ?? '') };
    try {
      wiring.schedules.push({ ...report, arn: scheduler.create(schedule.name, schedule.input, { coalesce }).Arn });
    } catch (error) {
      const message = (error as Error).message;
      log(`[scheduler] schedule ${schedule.logicalId} from the template is not running locally: ${message}`);
      wiring.schedules.push({ ...report, error: message });
    }
  }

  for (const rule of model.scheduledRules) {
    const report = { logicalId: rule.logicalId, name: rule.name, expression: rule.scheduleExpression, targets: rule.targets.map((target) => target.arn) };
    try {
      const parsed = parseScheduleExpression(rule.scheduleExpression);
      if (parsed.kind !== 'rate') throw new Error(`${rule.scheduleExpression} is not a rate() expression`);
      scheduler.addRecurring({
        name: rule.name,
        groupName: 'default',
        arn: rule.arn,
        periodMs: parsed.periodMs,
        enabled: rule.enabled,
        targetArns: report.targets,
        coalesce,
        run: async (dueAt) => {
          const event = scheduledEvent(rule, dueAt, model);
          await Promise.all(
            rule.targets.map((target) =>
              dispatcher.deliver(target.arn, targetPayload(target, event), 'eventbridge', {
                deadLetterArn: target.deadLetterArn,
                maxRetryAttempts: Math.min(target.maxRetryAttempts, 3),
                attributes: { RULE_ARN: rule.arn, ERROR_CODE: 'DeliveryFailed' },
              }),
            ),
          );
        },
      });
      wiring.scheduledRules.push(report);
    } catch (error) {
      const message = (error as Error).message;
      log(`[scheduler] scheduled rule ${rule.logicalId} from the template is not running locally: ${message}`);
      wiring.scheduledRules.push({ ...report, error: message });
    }
  }
  return wiring;
}
