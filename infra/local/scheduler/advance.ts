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
}

/**
 * Repeatedly takes the earliest schedule due at or before `to`, sets the clock to its due time,
 * fires everything due at that instant and waits for `settle()`, so schedules created by the
 * triggered handlers fire too when they fall due before `to`. Finally sets the clock to `to`.
 * The ticker is held meanwhile, so every firing is in the returned list, in order. Schedules
 * marked to coalesce (the template's) catch up instead of firing every occurrence: see
 * `LocalScheduler.catchUp`.
 */
export async function advanceClock({ clock, scheduler, to, settle = async () => undefined }: AdvanceClockOptions): Promise<FiredSchedule[]> {
  if (Number.isNaN(to.getTime())) throw new RangeError('advanceClock: `to` is not a valid date');
  const release = scheduler.hold();
  try {
    const fired: FiredSchedule[] = [];
    for (let due = scheduler.nextDueAt(); due && due.getTime() <= to.getTime(); due = scheduler.nextDueAt()) {
      if (due.getTime() > clock.nowMs()) clock.set(due);
      const now = await scheduler.fireDue(due);
      fired.push(...now);
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
