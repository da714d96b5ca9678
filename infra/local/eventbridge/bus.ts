// The local EventBridge: PutEvents and TestEventPattern over the AWS JSON protocol, rules and
// targets from the template, every event kept in an in-memory archive for inspection.
import { randomUUID } from 'node:crypto';
import type { Dispatcher, PutEventsEntry } from '../dispatcher.ts';
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

  constructor(
    private readonly deps: { model: LocalModel; dispatcher: Dispatcher; now(): Date; archiveLimit?: number; onPutEvents?(entries: PutEventsEntry[]): void },
  ) {
    this.rules = deps.model.rules.map((rule) => ({ ...rule, compiled: parseEventPattern(rule.pattern) }));
    this.busNames = new Set(['default', ...deps.model.buses.map((bus) => bus.name)]);
    deps.dispatcher.putEvents = async (entries) => {
      await this.putEvents(entries);
    };
  }

  readonly handle = awsJsonHandler('AWSEvents', 'application/x-amz-json-1.1', {
    PutEvents: (input) => this.putEvents(input.Entries ?? []),
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

  async putEvents(entries: PutEventsEntry[]): Promise<{ FailedEntryCount: number; Entries: object[] }> {
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > 10) {
      throw new AwsServiceError('ValidationException', 'Entries must hold between 1 and 10 events');
    }
    const results = entries.map((entry) => this.accept(entry));
    this.deps.onPutEvents?.(entries.filter((_entry, index) => !('ErrorCode' in results[index]!)));
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
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
    this.archive.push({ ...event, matchedRules: this.route(busName, event) });
    if (this.archive.length > (this.deps.archiveLimit ?? 10_000)) this.archive.shift();
    return { EventId: event.id };
  }

  /** Starts delivery to every target of every matching rule; PutEvents does not wait for them. */
  private route(busName: string, event: BusEvent): ArchivedEvent['matchedRules'] {
    const matched: ArchivedEvent['matchedRules'] = [];
    for (const rule of this.rules) {
      if (!rule.enabled || rule.busName !== busName || !matchesEventPattern(rule.compiled, event as unknown as Record<string, unknown>)) continue;
      matched.push({ rule: rule.name, targets: rule.targets.map((target) => target.arn) });
      for (const target of rule.targets) {
        void this.deps.dispatcher.deliver(target.arn, targetPayload(target, event), 'eventbridge', {
          deadLetterArn: target.deadLetterArn,
          maxRetryAttempts: Math.min(target.maxRetryAttempts, 3),
          attributes: {
            RULE_ARN: `arn:aws:events:${this.deps.model.region}:${this.deps.model.accountId}:rule/${busName}/${rule.name}`,
            ERROR_CODE: 'DeliveryFailed',
          },
        });
      }
    }
    return matched;
  }
}
