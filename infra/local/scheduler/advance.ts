// Moves the local clock forward, firing every schedule that falls due on the way, in time order.
import type { LocalClock } from '../clock.ts';
import type { LocalScheduler } from './scheduler.ts';
import type { FiredSchedule } from './types.ts';

export interface AdvanceClockOptions {
  clock: LocalClock;
  scheduler: LocalScheduler;
  to: Date;
  /** Waits until whatever the fired schedules triggered has finished (they may create schedules). */
  settle?: () => Promise<void>;
  /**
   * Simulated time fired between two settles. 0 (the default) settles after every instant at which
   * something fired: what a handler does is over before the clock moves on. A larger window fires
   * every instant in it (each at its own due time, in order) and settles once, which is much faster
   * when thousands of timers fall due, but a handler may then see the clock up to the window later
   * than its timer, and a schedule it creates inside the window fires after the window's others.
   */
  settleEveryMs?: number;
}

/**
 * Repeatedly takes the earliest schedule due at or before `to`, sets the clock to its due time,
 * fires everything due at that instant (and, with `settleEveryMs`, at every later instant of the
 * window) and waits for `settle()`, so schedules created by the triggered handlers fire too when
 * they fall due before `to`. Finally sets the clock to `to`.
 * The ticker is held meanwhile, so every firing is in the returned list, in order. Schedules
 * marked to coalesce (the template's) catch up instead of firing every occurrence: see
 * `LocalScheduler.catchUp`.
 */
export async function advanceClock({ clock, scheduler, to, settle = async () => undefined, settleEveryMs = 0 }: AdvanceClockOptions): Promise<FiredSchedule[]> {
  if (Number.isNaN(to.getTime())) throw new RangeError('advanceClock: `to` is not a valid date');
  if (!Number.isFinite(settleEveryMs) || settleEveryMs < 0) throw new RangeError('advanceClock: `settleEveryMs` must be 0 or more milliseconds');
  const release = scheduler.hold();
  try {
    const fired: FiredSchedule[] = [];
    for (let due = scheduler.nextDueAt(); due && due.getTime() <= to.getTime(); due = scheduler.nextDueAt()) {
      const windowEnds = Math.min(to.getTime(), due.getTime() + settleEveryMs);
      let now: FiredSchedule[] = [];
      for (let at: Date | undefined = due; at && at.getTime() <= windowEnds; ) {
        if (at.getTime() > clock.nowMs()) clock.set(at);
        now = await scheduler.fireDue(at);
        fired.push(...now);
        const following = scheduler.nextDueAt();
        if (!following || following.getTime() > windowEnds) break;
        // More is due in this window: a template schedule catches up now rather than after the settle.
        if (now.length > 0) scheduler.catchUp(now[now.length - 1]!, to);
        at = scheduler.nextDueAt();
      }
      await settle();
      // A template schedule that fired last, with nothing else due meanwhile, catches up.
      if (now.length > 0) scheduler.catchUp(now[now.length - 1]!, to);
    }
    if (to.getTime() > clock.nowMs()) clock.set(to);
    return fired;
  } finally {
    release();
  }
}
