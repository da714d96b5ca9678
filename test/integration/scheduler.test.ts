// A schedule fires when the local clock passes it, and not before; what it puts on the bus is
// routed like any other event.
import { CreateScheduleCommand, GetScheduleCommand } from '@aws-sdk/client-scheduler';
import { describe, expect, it } from 'vitest';
import { TimerFired } from '../../shared/events/catalogue.ts';
import { api, clients, resourceName, uniqueId } from './support.ts';

const busArn = `arn:aws:events:us-east-1:000000000000:event-bus/${resourceName('BackboneBus')}`;

async function timerEvents(timerId: string) {
  const { body } = await api(`/_local/events?source=aftersales.timers&detailType=TimerFired`);
  return body.events.filter((event: any) => event.detail.timerId === timerId);
}

describe('schedules and the local clock', () => {
  it('fires a one-time schedule once the clock passes it, in order, and not before', async () => {
    const { body: clock } = await api('/_local/clock');
    const now = new Date(clock.now);
    const dueAt = new Date(now.getTime() + 60 * 60 * 1000);
    const timerId = uniqueId('timer');
    const at = dueAt.toISOString().slice(0, 19);
    await clients.scheduler.send(
      new CreateScheduleCommand({
        Name: timerId,
        ScheduleExpression: `at(${at})`,
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: busArn,
          RoleArn: 'arn:aws:iam::000000000000:role/scheduler',
          EventBridgeParameters: { Source: TimerFired.source, DetailType: TimerFired.detailType },
          Input: JSON.stringify({ ...TimerFired.example, timerId, dueAt: `${at}Z`, occurredAt: `${at}Z` }),
        },
      }),
    );

    const early = await api('/_local/clock', { method: 'POST', json: { advance: 'PT59M' } });
    expect(early.status).toBe(200);
    expect(early.body.fired.map((fired: any) => fired.name)).not.toContain(timerId);
    expect(await timerEvents(timerId)).toHaveLength(0);

    const late = await api('/_local/clock', { method: 'POST', json: { advance: 'PT2M' } });
    expect(late.body.fired.map((fired: any) => fired.name)).toContain(timerId);
    const events = await timerEvents(timerId);
    expect(events).toHaveLength(1);
    // The event carries the time the clock showed when the schedule fired.
    expect(Date.parse(events[0].time)).toBeGreaterThanOrEqual(dueAt.getTime() - 1000);
    // ActionAfterCompletion DELETE removed it.
    await expect(clients.scheduler.send(new GetScheduleCommand({ Name: timerId }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('refuses a malformed clock move with a message naming the field', async () => {
    const { status, body } = await api('/_local/clock', { method: 'POST', json: { advance: 'fourteen days' } });
    expect(status).toBe(400);
    expect(body.detail).toMatch(/^advance:/);
  });
});
