// The order ledger in the state table. Per order one summary `LEDGER#<shopId>#<orderId>` / `SUMMARY`
// (paid, refunded, credited, version), one item per movement (`ENTRY#<kind>#<key>`) and, for our
// refunds the provider accepted, an index item `PROVIDER#<providerRefundId>` naming the entry.
//
// A movement is one transaction: the summary updated on the condition that its version (and
// currency) is the one the arithmetic of shared/refunds/ledger.ts was done on, and the entry put on
// the condition that its key is new. DynamoDB cannot add in a condition, so the version is what
// makes `refunded + credited + amount <= paid` hold: a concurrent movement changes the version,
// this write fails, and the movement is decided again on the new totals. The same key twice fails
// on the entry and is answered as a duplicate: money moves once per key.
//
// `paid` follows the order as ingested (an order edit changes it): each movement reads the order
// and carries its current total into the summary. A ledger is opened from the order on first use,
// with the storefront refunds the order already lists.
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Money } from '../events/common.ts';
import {
  applyMovement,
  entrySortKey,
  entryTransition,
  openSummary,
  paidFor,
  releaseMovement,
  remaining,
  statesBefore,
  type LedgerEntry,
  type LedgerEntryKind,
  type LedgerEntryState,
  type LedgerSummary,
  type Movement,
} from '../refunds/ledger.ts';
import { isConditionFailure } from './dynamodb.ts';
import { IngestStore } from './ingest-store.ts';

export const ledgerPartition = (shopId: string, orderId: string) => `LEDGER#${shopId}#${orderId}`;
export const ledgerSummaryKey = (shopId: string, orderId: string) => ({ pk: ledgerPartition(shopId, orderId), sk: 'SUMMARY' });
export const ledgerEntryKey = (shopId: string, orderId: string, kind: LedgerEntryKind, key: string) => ({ pk: ledgerPartition(shopId, orderId), sk: entrySortKey(kind, key) });
export const providerRefundKey = (shopId: string, orderId: string, providerRefundId: string) => ({ pk: ledgerPartition(shopId, orderId), sk: `PROVIDER#${providerRefundId}` });

/** Names one entry of one order's ledger. */
export interface EntryRef {
  shopId: string;
  orderId: string;
  kind: LedgerEntryKind;
  key: string;
}

export type MovementOutcome =
  | { outcome: 'recorded'; entry: LedgerEntry; summary: LedgerSummary; overRefunded: boolean }
  | { outcome: 'duplicate'; entry: LedgerEntry }
  | { outcome: 'exceeds_paid'; remaining: Money }
  | { outcome: 'currency_mismatch'; expected: string }
  | { outcome: 'order_unknown' };

export type EntryOutcome =
  | { outcome: 'updated'; entry: LedgerEntry }
  | { outcome: 'already'; entry: LedgerEntry }
  | { outcome: 'invalid_transition'; entry: LedgerEntry }
  | { outcome: 'not_found' };

/** The ledger kept changing under this writer for every attempt: the caller retries later. */
export class ConcurrentLedgerChangeError extends Error {}

const lostRace = (error: unknown) => isConditionFailure(error) || /TransactionConflict/.test(`${(error as Error).name} ${(error as Error).message ?? ''}`);
const maxAttempts = 8;
/** DynamoDB allows 100 items in a transaction: the summary and at most 99 known refunds. */
const maxOpeningEntries = 99;

function withoutKeys<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, remaining: _remaining, ...rest } = item;
  return rest as T;
}

export class RefundLedgerStore {
  private readonly orders: IngestStore;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.orders = new IngestStore(client, tableName, now);
  }

  async summary(shopId: string, orderId: string): Promise<LedgerSummary | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: ledgerSummaryKey(shopId, orderId), ConsistentRead: true }));
    return withoutKeys<LedgerSummary>(Item);
  }

  async entry(ref: EntryRef): Promise<LedgerEntry | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: ledgerEntryKey(ref.shopId, ref.orderId, ref.kind, ref.key), ConsistentRead: true }));
    return withoutKeys<LedgerEntry>(Item);
  }

  /** Our entry the provider gave `providerRefundId` to (the storefront echoes it as its refund id). */
  async entryByProviderRefund(shopId: string, orderId: string, providerRefundId: string): Promise<LedgerEntry | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: providerRefundKey(shopId, orderId, providerRefundId), ConsistentRead: true }));
    return Item ? this.entry({ shopId, orderId, kind: Item.entryKind as LedgerEntryKind, key: Item.entryKey as string }) : undefined;
  }

  /** The summary and every entry, oldest key first within each kind. */
  async ledger(shopId: string, orderId: string): Promise<{ summary?: LedgerSummary; entries: LedgerEntry[] }> {
    const entries: LedgerEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
          ExpressionAttributeValues: { ':pk': ledgerPartition(shopId, orderId), ':entry': 'ENTRY#' },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) entries.push(withoutKeys<LedgerEntry>(item)!);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return { summary: await this.summary(shopId, orderId), entries };
  }

  /** The summary, opened from the stored order when the ledger has none yet; undefined while the order is unknown. */
  async open(shopId: string, orderId: string): Promise<LedgerSummary | undefined> {
    const existing = await this.summary(shopId, orderId);
    if (existing) return existing;
    const state = await this.orders.order(shopId, orderId);
    if (!state.order) return undefined;
    const opening = openSummary(shopId, orderId, paidFor(state.order), Object.values(state.refunds), this.now().toISOString());
    if (opening.entries.length > maxOpeningEntries) throw new Error(`Order ${orderId} lists ${opening.entries.length} storefront refunds; a ledger opens with at most ${maxOpeningEntries}`);
    const put = (Item: Record<string, unknown>) => ({ Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } });
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            put({ ...ledgerSummaryKey(shopId, orderId), ...opening.summary, remaining: remaining(opening.summary) }),
            ...opening.entries.map((entry) => put({ ...ledgerEntryKey(shopId, orderId, entry.kind, entry.key), ...entry })),
          ],
        }),
      );
    } catch (error) {
      // Another writer opened it first: theirs is the ledger.
      if (!lostRace(error)) throw error;
    }
    return this.summary(shopId, orderId);
  }

  /**
   * Records one movement: `recorded`, or `duplicate` (this key was recorded before: nothing moved),
   * `exceeds_paid` (with what may still go back), `currency_mismatch` or `order_unknown`.
   * `state` is `pending` to hold money before calling a provider (see `reserve`).
   */
  async record(movement: Movement, options: { state?: LedgerEntryState; allowOverRefund?: boolean } = {}): Promise<MovementOutcome> {
    const { shopId, orderId } = movement;
    const ref: EntryRef = { shopId, orderId, kind: movement.kind, key: movement.key };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const [existing, summary, state] = await Promise.all([this.entry(ref), this.open(shopId, orderId), this.orders.order(shopId, orderId)]);
      if (existing) return { outcome: 'duplicate', entry: existing };
      if (!summary) return { outcome: 'order_unknown' };
      const now = this.now().toISOString();
      // The order may have been edited since the ledger opened: its current total is what was paid.
      const current = state.order && state.order.currency === summary.paid.currency ? { ...summary, paid: paidFor(state.order) } : summary;
      const check = applyMovement(current, movement, now, { allowOverRefund: options.allowOverRefund });
      if (!check.ok) return check.outcome === 'exceeds_paid' ? { outcome: 'exceeds_paid', remaining: check.remaining } : { outcome: 'currency_mismatch', expected: check.expected };
      const entry: LedgerEntry = {
        shopId,
        orderId,
        kind: movement.kind,
        key: movement.key,
        amount: movement.amount,
        state: options.state ?? 'issued',
        ...(movement.decisionId ? { decisionId: movement.decisionId } : {}),
        ...(movement.reason ? { reason: movement.reason } : {}),
        ...(movement.platformRefundId ? { platformRefundId: movement.platformRefundId } : {}),
        ...(check.overRefunded ? { overRefunded: true } : {}),
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: this.summaryUpdate(summary, check.next) },
              { Put: { TableName: this.tableName, Item: { ...ledgerEntryKey(shopId, orderId, entry.kind, entry.key), ...entry }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
        return { outcome: 'recorded', entry, summary: check.next, overRefunded: check.overRefunded };
      } catch (error) {
        if (!lostRace(error)) throw error;
        // Either the key was recorded meanwhile (the next read answers duplicate) or the summary moved.
      }
    }
    throw new ConcurrentLedgerChangeError(`The ledger of order ${orderId} kept changing; ${movement.kind} ${movement.key} was not recorded`);
  }

  /** Holds money for our refund or store credit before the provider is called: a `pending` entry. */
  reserve(movement: Omit<Movement, 'kind' | 'platformRefundId'> & { kind: 'refund' | 'store_credit' }): Promise<MovementOutcome> {
    return this.record(movement, { state: 'pending' });
  }

  /** A refund made on the storefront, keyed by its id. Counted even past what was paid (it happened), then flagged. */
  recordExternalRefund(refund: { shopId: string; orderId: string; platformRefundId: string; amount: Money; note?: string }): Promise<MovementOutcome> {
    const { shopId, orderId, platformRefundId, amount, note } = refund;
    return this.record({ shopId, orderId, kind: 'external_refund', key: platformRefundId, amount, platformRefundId, reason: note }, { state: 'issued', allowOverRefund: true });
  }

  /** The provider accepted: `issued`, indexed by its refund id so the storefront's echo finds it. */
  async confirm(ref: EntryRef, details: { providerRefundId?: string } = {}): Promise<EntryOutcome> {
    const now = this.now().toISOString();
    const index = details.providerRefundId
      ? [{ Put: { TableName: this.tableName, Item: { ...providerRefundKey(ref.shopId, ref.orderId, details.providerRefundId), entryKind: ref.kind, entryKey: ref.key, createdAt: now }, ConditionExpression: 'attribute_not_exists(pk) OR entryKey = :key', ExpressionAttributeValues: { ':key': ref.key } } }]
      : [];
    return this.transition(ref, 'issued', { providerRefundId: details.providerRefundId }, index);
  }

  /** The provider's answer is not known (it timed out and a lookup did not settle it): the money stays held. */
  markUnknown(ref: EntryRef): Promise<EntryOutcome> {
    return this.transition(ref, 'unknown', {});
  }

  /** The provider declined: `declined`, and the held amount is given back to the order in the same transaction. */
  async release(ref: EntryRef, details: { declineCode?: string } = {}): Promise<EntryOutcome> {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const [entry, summary] = await Promise.all([this.entry(ref), this.summary(ref.shopId, ref.orderId)]);
      if (!entry || !summary) return { outcome: 'not_found' };
      const step = entryTransition(entry, 'declined');
      if (step !== 'apply') return { outcome: step === 'already' ? 'already' : 'invalid_transition', entry };
      const now = this.now().toISOString();
      const next = releaseMovement(summary, entry, now);
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: [{ Update: this.entryUpdate(ref, 'declined', { declineCode: details.declineCode }, now) }, { Update: this.summaryUpdate(summary, next) }] }));
        return { outcome: 'updated', entry: { ...entry, state: 'declined', ...(details.declineCode ? { declineCode: details.declineCode } : {}), updatedAt: now } };
      } catch (error) {
        if (!lostRace(error)) throw error;
      }
    }
    throw new ConcurrentLedgerChangeError(`The ledger of order ${ref.orderId} kept changing; ${ref.kind} ${ref.key} was not released`);
  }

  /**
   * The storefront reported our refund (its `refunds/create` echo): the entry is confirmed with the
   * storefront's id, and an entry still pending or unknown is issued (the money did go back).
   */
  async confirmByStorefront(ref: EntryRef, platformRefundId: string, reportedAt: string): Promise<EntryOutcome> {
    const now = this.now().toISOString();
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: ledgerEntryKey(ref.shopId, ref.orderId, ref.kind, ref.key),
          UpdateExpression: 'SET #state = :issued, platformRefundId = :platform, confirmedAt = :at, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND #state IN (:pending, :unknown, :issued) AND attribute_not_exists(confirmedAt)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':issued': 'issued', ':pending': 'pending', ':unknown': 'unknown', ':platform': platformRefundId, ':at': reportedAt, ':now': now },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { outcome: 'updated', entry: withoutKeys<LedgerEntry>(Attributes)! };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const entry = await this.entry(ref);
      if (!entry) return { outcome: 'not_found' };
      return { outcome: entry.confirmedAt ? 'already' : 'invalid_transition', entry };
    }
  }

  private async transition(ref: EntryRef, to: LedgerEntryState, details: Record<string, string | undefined>, extra: object[] = []): Promise<EntryOutcome> {
    const now = this.now().toISOString();
    try {
      const update = this.entryUpdate(ref, to, details, now);
      if (extra.length === 0) await this.client.send(new UpdateCommand(update));
      else await this.client.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, ...extra] as never }));
    } catch (error) {
      if (!lostRace(error)) throw error;
      const entry = await this.entry(ref);
      if (!entry) return { outcome: 'not_found' };
      const step = entryTransition(entry, to);
      return { outcome: step === 'already' ? 'already' : 'invalid_transition', entry };
    }
    return { outcome: 'updated', entry: (await this.entry(ref))! };
  }

  private entryUpdate(ref: EntryRef, to: LedgerEntryState, details: Record<string, string | undefined>, now: string) {
    const from = statesBefore(to);
    const set = Object.entries(details).filter((entry): entry is [string, string] => entry[1] !== undefined);
    return {
      TableName: this.tableName,
      Key: ledgerEntryKey(ref.shopId, ref.orderId, ref.kind, ref.key),
      UpdateExpression: ['SET #state = :to, updatedAt = :now', ...set.map(([name], index) => `#d${index} = :d${index}`)].join(', '),
      ConditionExpression: `attribute_exists(pk) AND #state IN (${from.map((_, index) => `:from${index}`).join(', ')})`,
      ExpressionAttributeNames: { '#state': 'state', ...Object.fromEntries(set.map(([name], index) => [`#d${index}`, name])) },
      ExpressionAttributeValues: {
        ':to': to,
        ':now': now,
        ...Object.fromEntries(from.map((state, index) => [`:from${index}`, state])),
        ...Object.fromEntries(set.map(([, value], index) => [`:d${index}`, value])),
      },
    };
  }

  /** The summary written as `next`, on the condition that it still is `read` (version and currency). */
  private summaryUpdate(read: LedgerSummary, next: LedgerSummary) {
    return {
      TableName: this.tableName,
      Key: ledgerSummaryKey(read.shopId, read.orderId),
      UpdateExpression: 'SET paid = :paid, refunded = :refunded, credited = :credited, remaining = :remaining, #version = :next, updatedAt = :now, overRefunded = :over',
      ConditionExpression: '#version = :version AND paid.#currency = :currency',
      ExpressionAttributeNames: { '#version': 'version', '#currency': 'currency' },
      ExpressionAttributeValues: {
        ':paid': next.paid,
        ':refunded': next.refunded,
        ':credited': next.credited,
        ':remaining': remaining(next),
        ':next': next.version,
        ':now': next.updatedAt,
        ':over': next.overRefunded,
        ':version': read.version,
        ':currency': read.paid.currency,
      },
    };
  }
}
