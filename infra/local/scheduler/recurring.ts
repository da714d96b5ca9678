// Jobs that run at a fixed rate by the local clock, next to the schedules: the template's
// EventBridge rules with a schedule expression. They are not Scheduler resources, so the
// Scheduler API does not show them; `/_local/schedules` and `/_local/wiring` do.

export interface RecurringJob {
  name: string;
  /** Where it lives, for reports: the bus of a rule (`default`). */
  groupName: string;
  arn: string;
  periodMs: number;
  enabled: boolean;
  targetArns: string[];
  /** Catch up during a clock move rather than run every occurrence (see LocalScheduler.catchUp). */
  coalesce?: boolean;
  /** Runs one occurrence; throwing counts as a failed run (nothing is retried here). */
  run(dueAt: Date): Promise<unknown>;
}

export interface RecurringEntry {
  readonly job: RecurringJob;
  nextDueAt: Date;
  readonly seq: number;
}

export type ListedRecurringJob = Omit<RecurringJob, 'run'> & { NextDueAt?: Date };

export class RecurringJobs {
  private readonly entries: RecurringEntry[] = [];

  /** Adds a job whose first occurrence is one period after `now`. */
  add(job: RecurringJob, now: Date): void {
    if (!Number.isFinite(job.periodMs) || job.periodMs <= 0) throw new RangeError(`Recurring job ${job.name}: the period must be positive`);
    this.entries.push({ job, nextDueAt: new Date(now.getTime() + job.periodMs), seq: this.entries.length });
  }

  /** The enabled job due earliest (ties: added first), if any is due at or before `upTo`. */
  earliestDue(upTo?: Date, exclude?: RecurringEntry): RecurringEntry | undefined {
    let best: RecurringEntry | undefined;
    for (const entry of this.entries) {
      if (!entry.job.enabled || entry === exclude) continue;
      if (upTo && entry.nextDueAt.getTime() > upTo.getTime()) continue;
      if (!best || entry.nextDueAt.getTime() < best.nextDueAt.getTime()) best = entry;
    }
    return best;
  }

  /** Moves a job past its due occurrence; returns that occurrence. */
  advance(entry: RecurringEntry): Date {
    const dueAt = entry.nextDueAt;
    entry.nextDueAt = new Date(dueAt.getTime() + entry.job.periodMs);
    return dueAt;
  }

  find(name: string): RecurringEntry | undefined {
    return this.entries.find((entry) => entry.job.name === name);
  }

  /** Moves the next run forward to the last occurrence at or before `limit`; returns how many were passed over. */
  skipTo(entry: RecurringEntry, limit: number): number {
    const steps = Math.floor((limit - entry.nextDueAt.getTime()) / entry.job.periodMs);
    if (steps <= 0) return 0;
    entry.nextDueAt = new Date(entry.nextDueAt.getTime() + steps * entry.job.periodMs);
    return steps;
  }

  listed(): ListedRecurringJob[] {
    return this.entries.map(({ job, nextDueAt }) => {
      const { run: _run, ...rest } = job;
      return { ...rest, ...(job.enabled ? { NextDueAt: nextDueAt } : {}) };
    });
  }
}
