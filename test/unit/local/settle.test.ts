import { describe, expect, it } from 'vitest';
import { Activity } from '../../../infra/local/activity.ts';
import { createSettle } from '../../../infra/local/settle.ts';

const idleRuntime = { activeInvocations: 0, describeBusy: () => [] };
const poller = (functionName: string, idle: () => Promise<boolean>) => ({ mapping: { functionName }, idle });

describe('settling the local stack', () => {
  it('resolves once nothing is in flight and every consumer found nothing, twice', async () => {
    let polls = 0;
    const settle = createSettle({ activity: new Activity(), runtime: idleRuntime, pollers: [poller('MapOrder', async () => ++polls > 1)] });
    await settle(5_000);
    expect(polls).toBe(3);
  });

  it('names the work still in flight when it gives up', async () => {
    const activity = new Activity();
    void activity.track(new Promise(() => undefined), 'sqs delivery to OrdersQueue');
    const runtime = { activeInvocations: 1, describeBusy: () => ['MapOrder: 1 running, 2 waiting for an environment'] };
    await expect(createSettle({ activity, runtime, pollers: [] })(50)).rejects.toThrow(
      'did not settle within 50 ms; in flight: sqs delivery to OrdersQueue; MapOrder: 1 running, 2 waiting for an environment',
    );
  });

  it('gives up on a consumer that never answers whether it is idle, and on one that always has work', async () => {
    await expect(createSettle({ activity: new Activity(), runtime: idleRuntime, pollers: [poller('Stuck', () => new Promise(() => undefined))] })(50)).rejects.toThrow(/within 50 ms/);
    await expect(createSettle({ activity: new Activity(), runtime: idleRuntime, pollers: [poller('Busy', async () => false)] })(100)).rejects.toThrow('Busy has work queued');
  });
});
