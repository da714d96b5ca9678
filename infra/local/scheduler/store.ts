// Schedules and schedule groups in memory, and when each schedule is next due.
import { nextRateOccurrence, parseScheduleExpression, type ParsedExpression } from './expressions.ts';
import { conflict, notFound, validation, type ListedSchedule, type ScheduleGroup, type StoredSchedule } from './types.ts';
import type { ScheduleSpec } from './validate.ts';

export interface ScheduleEntry {
  readonly schedule: StoredSchedule;
  readonly expression: ParsedExpression;
  /** Rate schedules: the instant occurrences are counted from (StartDate, or creation time). */
  readonly anchor: number;
  /** When it fires next; undefined once a one-time schedule fired or a rate schedule passed its EndDate. */
  nextDueAt: Date | undefined;
  /** The last occurrence fired, so an update never fires the same occurrence twice. */
  lastDueAt: Date | undefined;
  readonly clientToken: string | undefined;
  /** Creation order, to fire schedules due at the same instant in a stable order. */
  readonly seq: number;
}

export interface ListFilter {
  groupName?: string;
  namePrefix?: string;
  state?: string;
}

const key = (groupName: string, name: string) => `${groupName}/${name}`;

/** The store as JSON (persistent mode): schedules with their place in time, and groups. */
export interface ScheduleStoreSnapshot {
  schedules: { schedule: StoredSchedule; anchor: number; nextDueAt?: string; lastDueAt?: string; clientToken?: string; seq: number }[];
  groups: ScheduleGroup[];
}

const date = (value: unknown) => (value === undefined ? undefined : new Date(value as string));

/** A schedule read back from JSON: its dates are Dates again. */
export function reviveSchedule(schedule: StoredSchedule): StoredSchedule {
  const revived = { ...schedule, CreationDate: date(schedule.CreationDate)!, LastModificationDate: date(schedule.LastModificationDate)! };
  if (schedule.StartDate !== undefined) revived.StartDate = date(schedule.StartDate);
  if (schedule.EndDate !== undefined) revived.EndDate = date(schedule.EndDate);
  return revived;
}

/** The order ListSchedules returns schedules in, and what its NextToken points into. */
export const scheduleKey = (entry: ScheduleEntry) => key(entry.schedule.GroupName, entry.schedule.Name);
export const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class ScheduleStore {
  private readonly schedules = new Map<string, ScheduleEntry>();
  private readonly groups = new Map<string, ScheduleGroup>();
  private seq = 0;
  /** Called after every change (persistent mode saves the store). */
  onChange?: () => void;

  constructor(
    private readonly arnPrefix: string,
    groups: string[],
    now: Date,
  ) {
    for (const name of new Set(['default', ...groups])) this.createGroup(name, now, []);
  }

  // --- groups ---

  groupArn(name: string): string {
    return `${this.arnPrefix}:schedule-group/${name}`;
  }

  createGroup(name: string, now: Date, tags: { Key: string; Value: string }[]): ScheduleGroup {
    if (this.groups.has(name)) throw conflict(`Schedule group ${name} already exists.`);
    const group: ScheduleGroup = { Arn: this.groupArn(name), Name: name, State: 'ACTIVE', CreationDate: now, LastModificationDate: now, Tags: tags };
    this.groups.set(name, group);
    this.onChange?.();
    return group;
  }

  getGroup(name: string): ScheduleGroup {
    const group = this.groups.get(name);
    if (!group) throw notFound(`Schedule group ${name} does not exist.`);
    return group;
  }

  groupByArn(arn: string): ScheduleGroup {
    const group = [...this.groups.values()].find((candidate) => candidate.Arn === arn);
    if (!group) throw notFound(`Resource ${arn} does not exist.`);
    return group;
  }

  listGroups(namePrefix?: string): ScheduleGroup[] {
    return [...this.groups.values()].filter((group) => !namePrefix || group.Name.startsWith(namePrefix)).sort((a, b) => compareKeys(a.Name, b.Name));
  }

  /** Deletes a group and every schedule in it (AWS does this asynchronously; locally it is immediate). */
  deleteGroup(name: string): void {
    if (name === 'default') throw validation('Name: the default schedule group cannot be deleted.');
    this.getGroup(name);
    for (const [entryKey, entry] of this.schedules) if (entry.schedule.GroupName === name) this.schedules.delete(entryKey);
    this.groups.delete(name);
    this.onChange?.();
  }

  // --- schedules ---

  get(groupName: string, name: string): ScheduleEntry {
    this.getGroup(groupName);
    const entry = this.schedules.get(key(groupName, name));
    if (!entry) throw notFound(`Schedule ${name} does not exist.`);
    return entry;
  }

  /** True when `entry` is still the stored version of its schedule (not updated or deleted since). */
  isCurrent(entry: ScheduleEntry): boolean {
    return this.schedules.get(key(entry.schedule.GroupName, entry.schedule.Name)) === entry;
  }

  create(name: string, spec: ScheduleSpec, now: Date): ScheduleEntry {
    this.getGroup(spec.GroupName);
    const existing = this.schedules.get(key(spec.GroupName, name));
    if (existing) {
      // A retried request (same ClientToken) gets the same answer; anything else is a conflict.
      if (spec.ClientToken !== undefined && existing.clientToken === spec.ClientToken) return existing;
      throw conflict(`Schedule ${name} already exists.`);
    }
    const entry = this.build(name, spec, now, now, this.seq++, undefined, undefined);
    this.schedules.set(key(spec.GroupName, name), entry);
    this.onChange?.();
    return entry;
  }

  update(name: string, spec: ScheduleSpec, now: Date): ScheduleEntry {
    const previous = this.get(spec.GroupName, name);
    // An unchanged rate keeps its phase; anything else starts counting again.
    const samePhase = previous.schedule.ScheduleExpression === spec.ScheduleExpression && previous.schedule.StartDate?.getTime() === spec.StartDate?.getTime();
    const entry = this.build(name, spec, previous.schedule.CreationDate, now, previous.seq, samePhase ? previous.anchor : undefined, previous.lastDueAt);
    this.schedules.set(key(spec.GroupName, name), entry);
    this.onChange?.();
    return entry;
  }

  delete(groupName: string, name: string): void {
    this.get(groupName, name);
    this.schedules.delete(key(groupName, name));
    this.onChange?.();
  }

  remove(entry: ScheduleEntry): void {
    if (this.isCurrent(entry)) this.schedules.delete(key(entry.schedule.GroupName, entry.schedule.Name));
    this.onChange?.();
  }

  snapshot(): ScheduleStoreSnapshot {
    return {
      schedules: [...this.schedules.values()].map((entry) => ({
        schedule: entry.schedule,
        anchor: entry.anchor,
        ...(entry.nextDueAt ? { nextDueAt: entry.nextDueAt.toISOString() } : {}),
        ...(entry.lastDueAt ? { lastDueAt: entry.lastDueAt.toISOString() } : {}),
        ...(entry.clientToken !== undefined ? { clientToken: entry.clientToken } : {}),
        seq: entry.seq,
      })),
      groups: [...this.groups.values()],
    };
  }

  /** Puts back what `snapshot` saved (at start, before anything else uses the store). */
  restore(snapshot: ScheduleStoreSnapshot): void {
    for (const group of snapshot.groups) {
      this.groups.set(group.Name, { ...group, CreationDate: date(group.CreationDate)!, LastModificationDate: date(group.LastModificationDate)! });
    }
    for (const saved of snapshot.schedules) {
      const schedule = reviveSchedule(saved.schedule);
      this.schedules.set(key(schedule.GroupName, schedule.Name), {
        schedule,
        expression: parseScheduleExpression(schedule.ScheduleExpression, schedule.ScheduleExpressionTimezone ?? 'UTC'),
        anchor: saved.anchor,
        nextDueAt: date(saved.nextDueAt),
        lastDueAt: date(saved.lastDueAt),
        clientToken: saved.clientToken,
        seq: saved.seq,
      });
      this.seq = Math.max(this.seq, saved.seq + 1);
    }
  }

  list(filter: ListFilter = {}): ScheduleEntry[] {
    return [...this.schedules.values()]
      .filter((entry) => (filter.groupName === undefined || entry.schedule.GroupName === filter.groupName)
        && (filter.namePrefix === undefined || entry.schedule.Name.startsWith(filter.namePrefix))
        && (filter.state === undefined || entry.schedule.State === filter.state))
      .sort((a, b) => compareKeys(scheduleKey(a), scheduleKey(b)));
  }

  listed(): ListedSchedule[] {
    return this.list().map((entry) => ({ ...entry.schedule, ...(entry.nextDueAt ? { NextDueAt: entry.nextDueAt } : {}) }));
  }

  /** The enabled schedule due earliest (ties: created first), if any is due at or before `upTo`. */
  earliestDue(upTo?: Date, exclude?: ScheduleEntry): ScheduleEntry | undefined {
    let best: ScheduleEntry | undefined;
    for (const entry of this.schedules.values()) {
      if (entry.schedule.State !== 'ENABLED' || !entry.nextDueAt || entry === exclude) continue;
      if (upTo && entry.nextDueAt.getTime() > upTo.getTime()) continue;
      if (!best || entry.nextDueAt.getTime() < best.nextDueAt!.getTime() || (entry.nextDueAt.getTime() === best.nextDueAt!.getTime() && entry.seq < best.seq)) best = entry;
    }
    return best;
  }

  /** Moves a schedule past the occurrence at `dueAt`. Returns true when it has no occurrences left. */
  advance(entry: ScheduleEntry, dueAt: Date): boolean {
    entry.lastDueAt = dueAt;
    entry.nextDueAt = entry.expression.kind === 'at'
      ? undefined
      : nextRateOccurrence(entry.anchor, entry.expression.periodMs, dueAt.getTime(), true, entry.schedule.EndDate?.getTime());
    this.onChange?.();
    return entry.nextDueAt === undefined;
  }

  /**
   * Rate schedules: moves the next occurrence forward to the last one at or before `limit` (and
   * the EndDate). Returns how many occurrences were passed over.
   */
  skipTo(entry: ScheduleEntry, limit: number): number {
    if (entry.expression.kind !== 'rate' || !entry.nextDueAt) return 0;
    const end = entry.schedule.EndDate?.getTime();
    const steps = Math.floor((Math.min(limit, end ?? limit) - entry.nextDueAt.getTime()) / entry.expression.periodMs);
    if (steps <= 0) return 0;
    entry.nextDueAt = new Date(entry.nextDueAt.getTime() + steps * entry.expression.periodMs);
    this.onChange?.();
    return steps;
  }

  private build(name: string, spec: ScheduleSpec, created: Date, now: Date, seq: number, anchor: number | undefined, lastDueAt: Date | undefined): ScheduleEntry {
    const { expression, ClientToken, ...fields } = spec;
    const schedule: StoredSchedule = {
      ...fields,
      Arn: `${this.arnPrefix}:schedule/${spec.GroupName}/${name}`,
      Name: name,
      CreationDate: created,
      LastModificationDate: now,
    };
    let nextDueAt: Date | undefined;
    const rateAnchor = anchor ?? (spec.StartDate ?? now).getTime();
    if (expression.kind === 'at') {
      // StartDate and EndDate do not apply to one-time schedules. A time already fired stays fired.
      nextDueAt = lastDueAt?.getTime() === expression.at.getTime() ? undefined : expression.at;
    } else {
      const from = Math.max(now.getTime(), rateAnchor);
      nextDueAt = nextRateOccurrence(rateAnchor, expression.periodMs, lastDueAt ? Math.max(from, lastDueAt.getTime()) : from, !!lastDueAt && lastDueAt.getTime() >= from, spec.EndDate?.getTime());
    }
    return { schedule, expression, anchor: rateAnchor, nextDueAt, lastDueAt, clientToken: ClientToken, seq };
  }
}
