// The local EventBridge: PutEvents and TestEventPattern over the AWS JSON protocol, rules and
// targets from the template, every event kept in an in-memory archive for inspection.
import { randomUUID } from 'node:crypto';
import type { Dispatcher, PutEventsEntry } from '../dispatcher.ts';
import type { Journal } from '../journal.ts';
import type { FaultPlan } from '../faults/plan.ts';
import type { LocalModel, LocalRule, LocalRuleTarget } from '../template/model.ts';
import { matchesEventPattern, parseEventPattern, InvalidEventPatternError, type EventPattern } from './pattern.ts';
import { awsJsonHandler, AwsServiceError } from './protocol.ts';

export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export interface ArchivedEvent extends BusEvent {
  /** The rules that matched, each with the targets the event was delivered to. */
  matchedRules: { rule: string; targets: string[] }[];
}

/**
 * Persistent mode: an accepted event is journaled before PutEvents answers and marked delivered
 * once every target took it (retries and dead-letter queue included); `archived` entries are what
 * compaction keeps for `/_local/events`.
 */
export type BusJournalEntry = { accepted: BusEvent; bus: string } | { delivered: string } | { archived: BusEvent; bus: string };

const maxEntrySize = 256 * 1024;

function entrySize(entry: PutEventsEntry): number {
  return Buffer.byteLength(entry.Detail ?? '') + Buffer.byteLength(entry.DetailType ?? '') + Buffer.byteLength(entry.Source ?? '') +
    (entry.Resources ?? []).reduce((sum, resource) => sum + Buffer.byteLength(resource), 0) + (entry.Time ? 14 : 0);
}

/** Applies `InputPath` (a simple JSONPath like `$.detail.order`) or a constant `Input`. */
export function targetPayload(target: LocalRuleTarget, event: BusEvent | Record<string, unknown>): unknown {
  if (target.input !== undefined) return JSON.parse(target.input);
  if (!target.inputPath || target.inputPath === '$') return event;
  return target.inputPath
    .replace(/^\$\.?/, '')
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), event);
}

export class LocalEventBus {
  private readonly rules: (LocalRule & { compiled: EventPattern })[];
  private readonly busNames: Set<string>;
  private readonly archive: ArchivedEvent[] = [];
  /** Accepted events some target has not taken yet, with their bus (persistent mode). */
  private readonly undelivered = new Map<string, { event: BusEvent; bus: string }>();
  private journaled = 0;

  constructor(
    private readonly deps: { model: LocalModel; dispatcher: Dispatcher; now(): Date; archiveLimit?: number; onPutEvents?(entries: PutEventsEntry[]): void; faults?: FaultPlan; journal?: Journal<BusJournalEntry> },
  ) {
    this.rules = deps.model.rules.map((rule) => ({ ...rule, compiled: parseEventPattern(rule.pattern) }));
    this.busNames = new Set(['default', ...deps.model.buses.map((bus) => bus.name)]);
    deps.dispatcher.putEvents = async (entries) => {
      await this.putEvents(entries);
    };
  }

  readonly handle = awsJsonHandler('AWSEvents', 'application/x-amz-json-1.1', {
    // Only the functions' own PutEvents calls (this endpoint) see injected faults.
    PutEvents: (input) => this.putEvents(input.Entries ?? [], { faults: true }),
    TestEventPattern: (input) => {
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(String(input.Event));
      } catch {
        throw new AwsServiceError('InvalidEventPatternException', 'Event is not valid JSON');
      }
      for (const field of ['id', 'account', 'source', 'time', 'region', 'detail-type']) {
        if (!(field in event)) throw new AwsServiceError('ValidationException', `Event is missing the required field ${field}`);
      }
      try {
        return { Result: matchesEventPattern(parseEventPattern(String(input.EventPattern)), event) };
      } catch (error) {
        if (error instanceof InvalidEventPatternError) throw new AwsServiceError('InvalidEventPatternException', error.message);
        throw error;
      }
    },
    ListRules: (input) => ({
      Rules: this.rules
        .filter((rule) => rule.busName === this.busName(input.EventBusName) && (!input.NamePrefix || rule.name.startsWith(input.NamePrefix)))
        .map((rule) => ({ Name: rule.name, EventPattern: JSON.stringify(rule.pattern), State: rule.enabled ? 'ENABLED' : 'DISABLED', EventBusName: rule.busName })),
    }),
    ListEventBuses: () => ({ EventBuses: [...this.busNames].map((name) => ({ Name: name, Arn: this.busArn(name) })) }),
  });

  events(filter: { source?: string; detailType?: string } = {}): ArchivedEvent[] {
    return this.archive.filter(
      (event) => (!filter.source || event.source === filter.source) && (!filter.detailType || event['detail-type'] === filter.detailType),
    );
  }

  async putEvents(entries: PutEventsEntry[], options: { faults?: boolean } = {}): Promise<{ FailedEntryCount: number; Entries: object[] }> {
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > 10) {
      throw new AwsServiceError('ValidationException', 'Entries must hold between 1 and 10 events');
    }
    const results = entries.map((entry) => (options.faults && this.injectedFailure()) || this.accept(entry));
    this.deps.onPutEvents?.(entries.filter((_entry, index) => !('ErrorCode' in results[index]!)));
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  }

  /** A partial failure from the local fault plan: the entry is not accepted, as EventBridge does under load. */
  private injectedFailure(): { ErrorCode: string; ErrorMessage: string } | undefined {
    const kind = this.deps.faults?.pick('eventbridge');
    if (!kind) return undefined;
    this.deps.faults!.count(kind);
    return { ErrorCode: 'InternalFailure', ErrorMessage: 'Injected fault: internal failure, retry the entry' };
  }

  private busName(nameOrArn: string | undefined): string {
    return (nameOrArn ?? 'default').split('/').pop()!;
  }

  private busArn(name: string): string {
    return `arn:aws:events:${this.deps.model.region}:${this.deps.model.accountId}:event-bus/${name}`;
  }

  private accept(entry: PutEventsEntry): { EventId: string } | { ErrorCode: string; ErrorMessage: string } {
    const busName = this.busName(entry.EventBusName);
    if (!this.busNames.has(busName)) return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${busName} does not exist.` };
    if (!entry.Source) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' };
    if (!entry.DetailType) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' };
    if (!entry.Detail) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' };
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail);
    } catch {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    if (entrySize(entry) > maxEntrySize) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Total size of the entries in the request is over the limit.' };

    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: this.deps.model.accountId,
      time: (entry.Time ? new Date(entry.Time) : this.deps.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.deps.model.region,
      resources: entry.Resources ?? [],
      detail,
    };
    // Write-ahead: once PutEvents answered, the event reaches its targets even across a hard kill.
    if (this.deps.journal?.enabled) {
      this.undelivered.set(event.id, { event, bus: busName });
      this.writeJournal({ accepted: event, bus: busName });
    }
    this.archive.push({ ...event, matchedRules: this.route(busName, event) });
    if (this.archive.length > this.archiveLimit) this.archive.shift();
    return { EventId: event.id };
  }

  private get archiveLimit(): number {
    return this.deps.archiveLimit ?? 10_000;
  }

  /**
   * Persistent mode, at start: restores the archive from the journal and delivers again every event
   * a hard kill caught before all its targets took it (at least once, as EventBridge). Returns how
   * many events it delivers again.
   */
  recover(): number {
    const journal = this.deps.journal;
    if (!journal?.enabled) return 0;
    const seen = new Map<string, { event: BusEvent; bus: string; delivered: boolean }>();
    for (const entry of journal.read()) {
      if ('delivered' in entry) {
        const found = seen.get(entry.delivered);
        if (found) found.delivered = true;
      } else if ('accepted' in entry) seen.set(entry.accepted.id, { event: entry.accepted, bus: entry.bus, delivered: false });
      else seen.set(entry.archived.id, { event: entry.archived, bus: entry.bus, delivered: true });
    }
    const buses = new Map<string, string>();
    for (const { event, bus, delivered } of seen.values()) {
      buses.set(event.id, bus);
      this.archive.push({ ...event, matchedRules: this.matchingRules(bus, event).map((rule) => ({ rule: rule.name, targets: rule.targets.map((target) => target.arn) })) });
      if (!delivered) this.undelivered.set(event.id, { event, bus });
    }
    this.archive.splice(0, Math.max(0, this.archive.length - this.archiveLimit));
    this.compactJournal(buses);
    for (const { event, bus } of [...this.undelivered.values()]) this.route(bus, event);
    return this.undelivered.size;
  }

  private writeJournal(entry: BusJournalEntry): void {
    this.deps.journal!.append(entry);
    if (++this.journaled > 3 * this.archiveLimit) this.compactJournal();
  }

  /** Keeps what `/_local/events` shows and what is still to deliver. */
  private compactJournal(buses = new Map<string, string>()): void {
    const archived = new Set(this.archive.map((event) => event.id));
    const entries: BusJournalEntry[] = this.archive.map(({ matchedRules, ...event }) => {
      const pending = this.undelivered.get(event.id);
      if (pending) return { accepted: pending.event, bus: pending.bus };
      // The bus an event was put on: the one its matched rules live on, else the default.
      const bus = buses.get(event.id) ?? this.rules.find((rule) => rule.name === matchedRules[0]?.rule)?.busName ?? 'default';
      return { archived: event, bus };
    });
    for (const pending of this.undelivered.values()) if (!archived.has(pending.event.id)) entries.push({ accepted: pending.event, bus: pending.bus });
    this.deps.journal!.rewrite(entries);
    this.journaled = entries.length;
  }

  private matchingRules(busName: string, event: BusEvent) {
    return this.rules.filter((rule) => rule.enabled && rule.busName === busName && matchesEventPattern(rule.compiled, event as unknown as Record<string, unknown>));
  }

  /** Starts delivery to every target of every matching rule; PutEvents does not wait for them. */
  private route(busName: string, event: BusEvent): ArchivedEvent['matchedRules'] {
    const matched: ArchivedEvent['matchedRules'] = [];
    const deliveries: Promise<void>[] = [];
    for (const rule of this.matchingRules(busName, event)) {
      matched.push({ rule: rule.name, targets: rule.targets.map((target) => target.arn) });
      for (const target of rule.targets) {
        deliveries.push(this.deps.dispatcher.deliver(target.arn, targetPayload(target, event), 'eventbridge', {
          deadLetterArn: target.deadLetterArn,
          maxRetryAttempts: Math.min(target.maxRetryAttempts, 3),
          attributes: {
            RULE_ARN: `arn:aws:events:${this.deps.model.region}:${this.deps.model.accountId}:rule/${busName}/${rule.name}`,
            ERROR_CODE: 'DeliveryFailed',
          },
        }));
      }
    }
    if (this.undelivered.has(event.id)) {
      void Promise.allSettled(deliveries).then(() => {
        if (this.undelivered.delete(event.id)) this.writeJournal({ delivered: event.id });
      });
    }
    return matched;
  }
}
