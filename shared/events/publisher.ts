// Publishes canonical events to the bus. Every detail is validated against its definition before
// anything is sent, and what is sent is the parsed detail: fields the schema does not know are
// dropped, so nothing unexpected (a stray webhook field, a secret) leaks onto the bus.
//
// PutEvents takes at most 10 entries and 256 KB per request and can fail per entry
// (FailedEntryCount, Entries[i].ErrorCode). Failed entries, and only those, are retried with
// exponential backoff and jitter; entries failing with a permanent error are not retried.
// Request-level errors (network, throttling of the whole call) are the SDK client's to retry.
import { PutEventsCommand, type PutEventsCommandOutput, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { DetailInputOf, EventDefinition } from './define.ts';
import { EventValidationError } from './errors.ts';

export { EventValidationError } from './errors.ts';

/** The part of an `EventBridgeClient` the publisher uses. */
export interface PutEventsClient {
  send(command: PutEventsCommand): Promise<Pick<PutEventsCommandOutput, 'FailedEntryCount' | 'Entries'>>;
}

export interface EventPublisherOptions {
  client: PutEventsClient;
  eventBusName: string;
  /** Attempts per entry, the first included (default 3). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** First retry waits about this long, doubling each retry (default 100 ms), up to maxDelayMs (default 5 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

export interface PublishItem<E extends EventDefinition = EventDefinition> {
  definition: E;
  detail: DetailInputOf<E>;
  /** ARNs or ids the event is about (the envelope's `resources`). */
  resources?: readonly string[];
}

export interface PublishFailure {
  /** Position in the list given to `publishMany`. */
  index: number;
  source: string;
  detailType: string;
  errorCode: string;
  errorMessage?: string;
  attempts: number;
}

/** Some events could not be put on the bus; `eventIds` holds the ids of those that were (by index). */
export class EventPublishError extends Error {
  override readonly name = 'EventPublishError';

  constructor(
    readonly failures: readonly PublishFailure[],
    readonly eventIds: readonly (string | undefined)[],
    options?: { cause?: unknown },
  ) {
    const listed = failures
      .slice(0, 10)
      .map((f) => `#${f.index} ${f.source} ${f.detailType}: ${f.errorCode}${f.errorMessage ? ` (${f.errorMessage})` : ''} after ${f.attempts} attempt(s)`);
    if (failures.length > listed.length) listed.push(`(+${failures.length - listed.length} more)`);
    super(`${failures.length} of ${eventIds.length} event(s) could not be published: ${listed.join('; ')}`, options);
  }
}

/** The error thrown when one entry is over the PutEvents size limit on its own. */
export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';
}

/** PutEvents limits: entries per request, and bytes per request (and so per entry). */
export const maxEntriesPerRequest = 10;
export const maxRequestBytes = 256 * 1024;

/** Error codes that will fail again whatever we do. Others (InternalFailure, ThrottlingException...) are retried. */
const permanentErrorCodes = new Set([
  'InvalidArgument',
  'MalformedDetail',
  'AccessDeniedException',
  'NotAuthorizedForSourceException',
  'NotAuthorizedForDetailTypeException',
  'ResourceNotFoundException',
  'ValidationException',
]);

/** How EventBridge sizes an entry: source, detail-type, detail and resources in UTF-8 (+14 with a Time). */
export function putEventsEntrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time ? 14 : 0;
  for (const text of [entry.Source, entry.DetailType, entry.Detail, ...(entry.Resources ?? [])]) {
    if (text) size += Buffer.byteLength(text, 'utf8');
  }
  return size;
}

interface Pending {
  index: number;
  entry: PutEventsRequestEntry;
  size: number;
}

export class EventPublisher {
  private readonly client: PutEventsClient;
  private readonly eventBusName: string;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: EventPublisherOptions) {
    this.client = options.client;
    this.eventBusName = options.eventBusName;
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.baseDelayMs = options.baseDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 5_000;
    this.random = options.random ?? Math.random;
  }

  /** Publishes one event; returns its EventBridge event id. */
  async publish<E extends EventDefinition>(definition: E, detail: DetailInputOf<E>, options: { resources?: readonly string[] } = {}): Promise<string> {
    const [eventId] = await this.publishMany([{ definition, detail, resources: options.resources }]);
    return eventId!;
  }

  /**
   * Publishes events in as few PutEvents requests as the limits allow; returns their event ids in
   * order. Throws `EventValidationError` (nothing sent) if any detail is invalid, and
   * `EventPublishError` if some entries still fail after `maxAttempts`.
   */
  async publishMany<const Definitions extends readonly EventDefinition[]>(items: { readonly [K in keyof Definitions]: PublishItem<Definitions[K]> }): Promise<string[]> {
    const pending = (items as readonly PublishItem[]).map((item, index) => this.toEntry(item, index, items.length));
    const eventIds: (string | undefined)[] = new Array(pending.length).fill(undefined);
    const failures: PublishFailure[] = [];
    for (const batch of batches(pending)) {
      try {
        await this.sendBatch(batch, eventIds, failures);
      } catch (error) {
        // A request-level failure the SDK could not overcome: report everything not yet published.
        const unsent = pending.filter((item) => eventIds[item.index] === undefined && !failures.some((f) => f.index === item.index));
        const code = (error as { name?: string }).name ?? 'Error';
        failures.push(...unsent.map((item) => failureOf(item, code, (error as Error).message, 0)));
        throw new EventPublishError(failures, eventIds, { cause: error });
      }
    }
    if (failures.length > 0) throw new EventPublishError(failures.sort((a, b) => a.index - b.index), eventIds);
    return eventIds as string[];
  }

  private toEntry(item: PublishItem, index: number, count: number): Pending {
    const { definition } = item;
    const parsed = definition.detail.safeParse(item.detail);
    if (!parsed.success) {
      throw new EventValidationError(definition.source, definition.detailType, parsed.error.issues, count > 1 ? ` (item ${index})` : '');
    }
    const entry: PutEventsRequestEntry = {
      EventBusName: this.eventBusName,
      Source: definition.source,
      DetailType: definition.detailType,
      Detail: JSON.stringify(parsed.data),
      ...(item.resources?.length ? { Resources: [...item.resources] } : {}),
    };
    const size = putEventsEntrySize(entry);
    if (size > maxRequestBytes) {
      throw new EventTooLargeError(`${definition.source} ${definition.detailType} is ${size} bytes, over the ${maxRequestBytes}-byte PutEvents limit`);
    }
    return { index, entry, size };
  }

  /** Sends one batch, retrying its failed entries; records the ids and the final failures. */
  private async sendBatch(batch: Pending[], eventIds: (string | undefined)[], failures: PublishFailure[]): Promise<void> {
    let remaining = batch;
    for (let attempt = 1; remaining.length > 0; attempt++) {
      if (attempt > 1) await this.sleep(this.backoff(attempt - 1));
      const output = await this.client.send(new PutEventsCommand({ Entries: remaining.map((item) => item.entry) }));
      const retry: Pending[] = [];
      remaining.forEach((item, position) => {
        const result = output.Entries?.[position];
        if (result?.EventId && !result.ErrorCode) {
          eventIds[item.index] = result.EventId;
          return;
        }
        const code = result?.ErrorCode ?? 'MissingResult';
        if (permanentErrorCodes.has(code) || attempt >= this.maxAttempts) failures.push(failureOf(item, code, result?.ErrorMessage, attempt));
        else retry.push(item);
      });
      remaining = retry;
    }
  }

  /** Exponential backoff with "equal jitter": half the capped delay, plus a random half. */
  private backoff(retry: number): number {
    const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (retry - 1));
    return Math.round(cap / 2 + this.random() * (cap / 2));
  }
}

function failureOf(item: Pending, errorCode: string, errorMessage: string | undefined, attempts: number): PublishFailure {
  return {
    index: item.index,
    source: item.entry.Source!,
    detailType: item.entry.DetailType!,
    errorCode,
    ...(errorMessage ? { errorMessage } : {}),
    attempts,
  };
}

/** Groups entries, in order, into requests of at most 10 entries and 256 KB. */
function batches(items: Pending[]): Pending[][] {
  const result: Pending[][] = [];
  let current: Pending[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length === maxEntriesPerRequest || (current.length > 0 && bytes + item.size > maxRequestBytes)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length > 0) result.push(current);
  return result;
}
