// What a schedule does when it fires: Scheduler's templated targets for EventBridge, SQS and Lambda.
import type { Dispatcher } from './dispatcher.ts';
import type { LocalEventBus } from './eventbridge/bus.ts';
import type { StoredSchedule } from './scheduler/index.ts';

export async function scheduleDelivery(schedule: StoredSchedule, deps: { bus: LocalEventBus; dispatcher: Dispatcher }): Promise<void> {
  const target = schedule.Target;
  const input = target.Input ?? '{}';
  if (target.Arn.includes(':event-bus/')) {
    const params = target.EventBridgeParameters;
    if (!params?.Source || !params.DetailType) throw new Error('An EventBridge target needs EventBridgeParameters with Source and DetailType');
    const result = await deps.bus.putEvents([{ EventBusName: target.Arn, Source: params.Source, DetailType: params.DetailType, Detail: input }]);
    if (result.FailedEntryCount > 0) throw new Error(`PutEvents refused the event: ${JSON.stringify(result.Entries)}`);
    return;
  }
  if (target.Arn.startsWith('arn:aws:sqs:')) return deps.dispatcher.sendToQueue(target.Arn, input);
  if (target.Arn.startsWith('arn:aws:lambda:')) return deps.dispatcher.invokeAsync(target.Arn, JSON.parse(input), 'scheduler');
  throw new Error(`The local stack cannot deliver a schedule to ${target.Arn}`);
}
