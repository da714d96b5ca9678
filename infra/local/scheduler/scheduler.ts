// The local EventBridge Scheduler: the HTTP API over an in-memory store, and the firing of due
// schedules against the LocalClock; each occurrence is delivered with the target's retry policy and
// dead-letter queue by delivery.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../journal.ts';
import type { LocalClock } from '../clock.ts';
import { deliverOccurrence, toError } from './delivery.ts';
import { schedulerApiHandler } from './server.ts';
import { RecurringJobs, type RecurringEntry, type RecurringJob, type ListedRecurringJob } from './recurring.ts';
import { reviveSchedule, ScheduleStore, type ScheduleEntry, type ScheduleStoreSnapshot } from './store.ts';
import type { FiredSchedule, ListedSchedule, StoredSchedule } from './types.ts';
import { checkName, parseScheduleInput } from './validate.ts';

export interface LocalSchedulerOptions {
  clock: LocalClock;
  region: string;
  accountId: string;
  /** Delivers a fired schedule to its target; throwing (or rejecting) counts as a failed attempt. */
  deliver: (schedule: StoredSchedule, firedAt: Date) => Promise<unknown>;
  /** Called once every attempt failed, when the target has a DeadLetterConfig. */
  onDeadLetter?: (schedule: StoredSchedule, error: Error) => unknown;
  /** Schedule groups that exist from the start (the template's); `default` always exists. */
  groups?: string[];
  /**
   * Retries for a target without a RetryPolicy. AWS retries 185 times over 24 hours; locally the
   * default is 2, so a broken target fails (and dead-letters) quickly. An explicit
   * RetryPolicy.MaximumRetryAttempts is honoured as given.
   */
  defaultRetryAttempts?: number;
  /** First pause between attempts, doubling each time and capped at one second. Default 25 ms. */
  retryBackoffMs?: number;
  log?: (line: string) => void;
  /**
   * Persistent mode: schedules, the recurring jobs' next runs and the firings under way are saved
   * here on every change, so a hard kill loses no timer and no occurrence it was delivering.
   */
  file?: string;
}

interface SchedulerSnapshot extends ScheduleStoreSnapshot {
  /** Recurring job name → when it runs next. */
  recurring: Record<string, string>;
  /** Occurrences taken off their schedule and not yet delivered (or dead-lettered). */
  firings: { schedule: StoredSchedule; dueAt: string }[];
}


export class LocalScheduler {
  private readonly store: ScheduleStore;
  private readonly recurring = new RecurringJobs();
  /** Schedules (`group/name`) that catch up during clock moves; see `catchUp`. */
  private readonly coalescing = new Set<string>();
  /** Occurrences passed over by `catchUp`, reported with the next firing. */
  private readonly passedOver = new Map<string, number>();
  private readonly api: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private holds = 0;
  private readonly firings = new Map<string, { schedule: StoredSchedule; dueAt: string }>();
  /** What a previous run saved (persistent mode), until the template's schedules and jobs are added. */
  private readonly saved: SchedulerSnapshot | undefined;

  constructor(private readonly options: LocalSchedulerOptions) {
    const { clock, region, accountId } = options;
    this.store = new ScheduleStore(`arn:aws:scheduler:${region}:${accountId}`, options.groups ?? [], clock.now());
    if (options.file && existsSync(options.file)) {
      this.saved = JSON.parse(readFileSync(options.file, 'utf8')) as SchedulerSnapshot;
      this.store.restore(this.saved);
    }
    this.store.onChange = () => this.save();
    this.api = schedulerApiHandler({ store: this.store, now: () => clock.now() });
  }

  private save(): void {
    if (!this.options.file) return;
    const recurring = Object.fromEntries(this.recurring.listed().filter((job) => job.NextDueAt).map((job) => [job.name, job.NextDueAt!.toISOString()]));
    const snapshot: SchedulerSnapshot = { ...this.store.snapshot(), recurring, firings: [...this.firings.values()] };
    writeFileAtomic(this.options.file, JSON.stringify(snapshot));
  }

  /**
   * Persistent mode, at start: delivers again the occurrences a hard kill interrupted (at least
   * once, as Scheduler). Resolves when they are delivered; returns how many there were.
   */
  async recover(): Promise<number> {
    const interrupted = this.saved?.firings ?? [];
    for (const { schedule, dueAt } of interrupted) this.firings.set(`${schedule.Arn}@${dueAt}`, { schedule, dueAt });
    const run = this.chain.then(async () => {
      for (const { schedule, dueAt } of interrupted) {
        const firing = `${schedule.Arn}@${dueAt}`;
        await deliverOccurrence(reviveSchedule(schedule), new Date(dueAt), this.options.clock.now(), this.options);
        this.firings.delete(firing);
        this.save();
      }
    });
    this.chain = run.catch(() => undefined);
    await run;
    return interrupted.length;
  }

  /** The HTTP handler speaking the Scheduler REST-JSON API (bound: pass it to http.createServer as is). */
  readonly handle = (req: IncomingMessage, res: ServerResponse): Promise<void> => this.api(req, res);

  /** When the next enabled schedule (or recurring job) is due, if any (possibly in the past: it fires on the next tick). */
  nextDueAt(): Date | undefined {
    return this.earliest()?.due;
  }

  /** Every schedule, with when it fires next, for inspection. */
  list(): ListedSchedule[] {
    return this.store.listed();
  }

  /** Every recurring job (the template's scheduled EventBridge rules), with when it runs next. */
  listRecurring(): ListedRecurringJob[] {
    return this.recurring.listed();
  }

  /**
   * Creates a schedule as CreateSchedule would (`input` in its request shape, validated the same
   * way): how the template's schedules are created at start.
   */
  create(name: string, input: Record<string, unknown>, options: { coalesce?: boolean } = {}): StoredSchedule {
    const now = this.options.clock.now();
    const spec = parseScheduleInput(input, now);
    let schedule: StoredSchedule;
    const restored = this.saved?.schedules.some((saved) => saved.schedule.GroupName === spec.GroupName && saved.schedule.Name === name);
    if (restored) {
      // Persisted from a previous run: kept as it is (its place in time included) unless the template changed it.
      const existing = this.store.get(spec.GroupName, name);
      const same = existing.schedule.ScheduleExpression === String(input.ScheduleExpression) && JSON.stringify(existing.schedule.Target) === JSON.stringify(spec.Target) && existing.schedule.State === spec.State;
      schedule = same ? existing.schedule : this.store.update(name, spec, now).schedule;
    } else {
      schedule = this.store.create(checkName(name), spec, now).schedule;
    }
    if (options.coalesce) this.coalescing.add(`${schedule.GroupName}/${schedule.Name}`);
    return schedule;
  }

  /**
   * Called by `advanceClock` after each firing: when what fired last is a rate schedule or job
   * marked to coalesce, and nothing else is due before its next occurrence, it moves on to its
   * last occurrence before the next other firing (or `to`). A polling job thus runs at the first
   * and the last occurrence of each stretch in which nothing else happens, instead of (say) 1344
   * times in a 14-day jump. Returns how many occurrences were passed over.
   */
  catchUp(after: FiredSchedule, to: Date): number {
    let key: string;
    let skip: (limit: number) => number;
    let next: Date | undefined;
    let others: (Date | undefined)[];
    if (after.kind === 'recurring') {
      const entry = this.recurring.find(after.name);
      if (!entry?.job.coalesce || !entry.job.enabled) return 0;
      [key, next] = [`job:${entry.job.name}`, entry.nextDueAt];
      others = [this.store.earliestDue(to)?.nextDueAt, this.recurring.earliestDue(to, entry)?.nextDueAt];
      skip = (limit) => this.recurring.skipTo(entry, limit);
    } else {
      if (!this.coalescing.has(`${after.groupName}/${after.name}`)) return 0;
      let entry: ScheduleEntry;
      try {
        entry = this.store.get(after.groupName, after.name);
      } catch {
        return 0;
      }
      if (entry.schedule.State !== 'ENABLED') return 0;
      [key, next] = [`schedule:${after.groupName}/${after.name}`, entry.nextDueAt];
      others = [this.store.earliestDue(to, entry)?.nextDueAt, this.recurring.earliestDue(to)?.nextDueAt];
      skip = (limit) => this.store.skipTo(entry, limit);
    }
    if (!next || next.getTime() > to.getTime()) return 0;
    const horizon = Math.min(to.getTime(), ...others.filter((date): date is Date => !!date).map((date) => date.getTime()));
    if (horizon <= next.getTime()) return 0;
    const skipped = skip(horizon);
    if (skipped > 0) this.passedOver.set(key, (this.passedOver.get(key) ?? 0) + skipped);
    if (skipped > 0 && after.kind === 'recurring') this.save();
    return skipped;
  }

  /** Takes the count of occurrences passed over for `key`, for the firing report. */
  private takePassedOver(key: string): { coalesced?: number } {
    const count = this.passedOver.get(key);
    this.passedOver.delete(key);
    return count ? { coalesced: count } : {};
  }

  /**
   * Adds a job that runs every `periodMs` by the local clock, the first time one period from now,
   * fired in time order with the schedules (by the ticker and `advanceClock`). Not visible through
   * the Scheduler API: it stands for an EventBridge rule with a schedule expression.
   */
  addRecurring(job: RecurringJob): void {
    this.recurring.add(job, this.options.clock.now());
    const saved = this.saved?.recurring[job.name];
    if (saved) this.recurring.find(job.name)!.nextDueAt = new Date(saved);
  }

  /**
   * Fires every enabled schedule due at or before `upTo`, earliest first (a rate schedule may fire
   * several times), one at a time. Calls are serialized, so the ticker and `advanceClock` never
   * fire the same occurrence twice.
   */
  fireDue(upTo: Date): Promise<FiredSchedule[]> {
    const run = this.chain.then(async () => {
      const fired: FiredSchedule[] = [];
      for (let next = this.earliest(upTo); next; next = this.earliest(upTo)) {
        fired.push(next.schedule ? await this.fire(next.schedule) : await this.fireRecurring(next.job!));
      }
      return fired;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Fires what is due by the local clock now (what the ticker does). Skipped while held. */
  async tick(): Promise<FiredSchedule[]> {
    if (this.holds > 0 || this.ticking) return [];
    this.ticking = true;
    try {
      return await this.fireDue(this.options.clock.now());
    } finally {
      this.ticking = false;
    }
  }

  /** Fires schedules as time passes, checking every `intervalMs`. */
  startTicker(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      this.tick().catch((error) => this.options.log?.(`[scheduler] tick failed: ${toError(error).message}`));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Pauses the ticker (advanceClock does this while it moves the clock); returns the release. */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (!released) this.holds--;
      released = true;
    };
  }

  /** What fires next (at or before `upTo`): a schedule, or a recurring job; a schedule first on a tie. */
  private earliest(upTo?: Date): { due: Date; schedule?: ScheduleEntry; job?: RecurringEntry } | undefined {
    const schedule = this.store.earliestDue(upTo);
    const job = this.recurring.earliestDue(upTo);
    if (schedule && (!job || schedule.nextDueAt!.getTime() <= job.nextDueAt.getTime())) return { due: schedule.nextDueAt!, schedule };
    return job ? { due: job.nextDueAt, job } : undefined;
  }

  private async fireRecurring(entry: RecurringEntry): Promise<FiredSchedule> {
    const dueAt = this.recurring.advance(entry);
    this.save();
    const firedAt = this.options.clock.now();
    const { job } = entry;
    let error: string | undefined;
    try {
      await job.run(dueAt);
    } catch (failure) {
      error = toError(failure).message;
      this.options.log?.(`[scheduler] ${job.name} failed: ${error}`);
    }
    return {
      name: job.name,
      groupName: job.groupName,
      arn: job.arn,
      kind: 'recurring',
      ...this.takePassedOver(`job:${job.name}`),
      dueAt,
      firedAt,
      targetArn: job.targetArns.join(', '),
      attempts: 1,
      outcome: error === undefined ? 'delivered' : 'failed',
      ...(error === undefined ? {} : { error }),
    };
  }

  private async fire(entry: ScheduleEntry): Promise<FiredSchedule> {
    const { schedule } = entry;
    const dueAt = entry.nextDueAt!;
    // Saved with the move past it: a hard kill before it is delivered does not lose the occurrence.
    const firing = `${schedule.Arn}@${dueAt.toISOString()}`;
    this.firings.set(firing, { schedule, dueAt: dueAt.toISOString() });
    // Move past this occurrence first: an update or delete made by the target while it runs wins.
    const completed = this.store.advance(entry, dueAt);
    const firedAt = this.options.clock.now();
    const { attempts, outcome, error } = await deliverOccurrence(schedule, dueAt, firedAt, this.options);
    this.firings.delete(firing);
    this.save();
    if (completed && schedule.ActionAfterCompletion === 'DELETE') this.store.remove(entry);
    return {
      name: schedule.Name,
      groupName: schedule.GroupName,
      arn: schedule.Arn,
      ...this.takePassedOver(`schedule:${schedule.GroupName}/${schedule.Name}`),
      dueAt,
      firedAt,
      targetArn: schedule.Target.Arn,
      attempts,
      outcome,
      ...(error === undefined ? {} : { error }),
    };
  }
}
