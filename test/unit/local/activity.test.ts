import { describe, expect, it } from 'vitest';
import { Activity } from '../../../infra/local/activity.ts';

describe('Activity', () => {
  it('says what is in flight, by label, until it finishes', async () => {
    const activity = new Activity();
    let finish!: () => void;
    const delivery = activity.track(new Promise<void>((resolve) => (finish = resolve)), 'delivery to Queue');
    void activity.track(Promise.resolve(), 'delivery to Queue');
    expect(activity.describe()).toEqual(['delivery to Queue ×2']);
    await Promise.resolve();
    await Promise.resolve();
    expect(activity.describe()).toEqual(['delivery to Queue']);
    finish();
    await delivery;
    expect(activity.describe()).toEqual([]);
    expect(activity.inFlight).toBe(0);
  });

  it('answers false when work is still in flight at the deadline, and true once it is quiet', async () => {
    const activity = new Activity();
    let finish!: () => void;
    void activity.track(new Promise<void>((resolve) => (finish = resolve)), 'stuck');
    expect(await activity.quiet(20)).toBe(false);
    const quiet = activity.quiet(60_000);
    finish();
    expect(await quiet).toBe(true);
    expect(await activity.quiet(0)).toBe(true);
  });
});
