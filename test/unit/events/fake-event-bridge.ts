// An in-memory stand-in for the EventBridge client: records every PutEvents request, answers
// per entry like the service (EventId, or ErrorCode + ErrorMessage), and keeps the events it
// accepted as full envelopes, as a rule target would receive them.
import { randomUUID } from 'node:crypto';
import type { PutEventsCommand, PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import type { PutEventsClient } from '../../../shared/events/publisher.ts';

export type EntryFailure = { code: string; message?: string };
/** Decides the fate of an entry on its `attempt`-th sending (1-based): undefined accepts it. */
export type FailurePlan = (entry: PutEventsRequestEntry, attempt: number) => EntryFailure | undefined;

export class FakeEventBridge implements PutEventsClient {
  readonly requests: PutEventsRequestEntry[][] = [];
  readonly accepted: Record<string, unknown>[] = [];
  private readonly attempts = new Map<string, number>();

  constructor(
    private readonly plan: FailurePlan = () => undefined,
    private readonly requestError?: Error,
  ) {}

  async send(command: PutEventsCommand) {
    if (this.requestError) throw this.requestError;
    const entries = command.input.Entries ?? [];
    if (entries.length === 0 || entries.length > 10) throw new Error(`PutEvents takes 1 to 10 entries, got ${entries.length}`);
    this.requests.push(entries);
    const results: PutEventsResultEntry[] = entries.map((entry) => {
      const key = `${entry.Source}|${entry.DetailType}|${entry.Detail}`;
      const attempt = (this.attempts.get(key) ?? 0) + 1;
      this.attempts.set(key, attempt);
      const failure = this.plan(entry, attempt);
      if (failure) return { ErrorCode: failure.code, ErrorMessage: failure.message ?? `${failure.code} (fake)` };
      const id = randomUUID();
      this.accepted.push({
        version: '0',
        id,
        'detail-type': entry.DetailType,
        source: entry.Source,
        account: '123456789012',
        time: '2024-05-01T09:30:01Z',
        region: 'eu-west-1',
        resources: entry.Resources ?? [],
        detail: JSON.parse(entry.Detail!),
      });
      return { EventId: id };
    });
    return { FailedEntryCount: results.filter((result) => result.ErrorCode).length, Entries: results };
  }
}

/** Details carried by the entries of request `n`. */
export function detailsOf(entries: PutEventsRequestEntry[]): Record<string, unknown>[] {
  return entries.map((entry) => JSON.parse(entry.Detail!));
}
