// Return cases in the state table. A case is `RETURN#<shopId>#<caseId>` / `CASE` (gsi1: the shop's
// returns by creation). Each order with returns has one index item `RETURNS#<shopId>#ORDER#<orderId>`
// / `INDEX` listing its case ids with a version: a new case is written in one transaction with the
// index (conditional on the version read), the outbox events and the customer messages, so two
// concurrent requests cannot both return the same units. A later transition of a case is written
// conditionally on the case's version, with its outbox items and audit record (`transition`); a
// transition that gives the case a tracking number also writes `RETURNTRACK#<shopId>#<number>`.
// A new case is also indexed under its customer (`CUSTOMERCLAIMS#...`, see customer-history.ts).
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import type { AuditRecord } from '../audit/audit.ts';
import type { EventDefinition } from '../events/define.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import type { CaseActor, ReturnCase } from '../returns/case.ts';
import type { TransitionResult } from '../returns/lifecycle.ts';
import { transitionOutbox } from '../returns/messages.ts';
import { defaultReturnPolicy, ReturnPolicy } from '../returns/policy.ts';
import { normalizeTrackingNumber } from '../returns/shipment.ts';
import { auditWrites } from './audit-store.ts';
import { customerClaimPut } from './customer-history.ts';
import { isConditionFailure } from './dynamodb.ts';
import { orderKey } from './ingest-store.ts';

export const returnCaseKey = (shopId: string, caseId: string) => ({ pk: `RETURN#${shopId}#${caseId}`, sk: 'CASE' });
export const orderReturnsKey = (shopId: string, orderId: string) => ({ pk: `RETURNS#${shopId}#ORDER#${orderId}`, sk: 'INDEX' });
export const returnPolicyKey = (shopId: string) => ({ pk: `POLICY#${shopId}#returns`, sk: 'CURRENT' });
/** Which case a return parcel belongs to, for carrier updates: the case that got the number last. */
export const returnTrackingKey = (shopId: string, trackingNumber: string) => ({ pk: `RETURNTRACK#${shopId}#${normalizeTrackingNumber(trackingNumber)}`, sk: 'CASE' });

export interface PendingOutboxEvent {
  definition: EventDefinition;
  detail: unknown;
  eventId: string;
}

/** The order's returns changed since they were read: the caller may read again and retry. */
export class ConcurrentReturnError extends Error {}

/** The case changed since it was read (another action won): nothing was written. */
export class ConcurrentCaseChangeError extends Error {}

/** A condition failed, or DynamoDB saw the other write in flight (a transaction conflict): the same race. */
const lostRace = (error: unknown) => isConditionFailure(error) || (error as Error).name === 'TransactionConflictException' || /TransactionConflict/.test((error as Error).message ?? '');

/** Index partition of a shop's return cases, by creation. */
export const shopReturnsKey = (shopId: string) => `RETURNS#${shopId}`;

export class ReturnStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The shop's current policy; the default policy while the shop has published none. */
  async policy(shopId: string): Promise<ReturnPolicy> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: returnPolicyKey(shopId) }));
    return Item?.policy ? ReturnPolicy.parse(Item.policy) : defaultReturnPolicy;
  }

  /** The case whose return parcel has this tracking number, if any. */
  async byTrackingNumber(shopId: string, trackingNumber: string): Promise<ReturnCase | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: returnTrackingKey(shopId, trackingNumber), ConsistentRead: true }));
    return typeof Item?.caseId === 'string' ? this.get(shopId, Item.caseId) : undefined;
  }

  async get(shopId: string, caseId: string): Promise<ReturnCase | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: returnCaseKey(shopId, caseId), ConsistentRead: true }));
    return Item?.case as ReturnCase | undefined;
  }

  /** The order's cases and the index version to write against (0: none yet). */
  async casesOfOrder(shopId: string, orderId: string): Promise<{ version: number; cases: ReturnCase[] }> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: orderReturnsKey(shopId, orderId), ConsistentRead: true }));
    const ids = (Item?.caseIds as string[] | undefined) ?? [];
    const cases: ReturnCase[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const keys = ids.slice(i, i + 100).map((id) => returnCaseKey(shopId, id));
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = { [this.tableName]: { Keys: keys, ConsistentRead: true } };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
        cases.push(...(result.Responses?.[this.tableName] ?? []).map((item) => item.case as ReturnCase));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return { version: (Item?.version as number | undefined) ?? 0, cases };
  }

  /** Writes a new case with its events, in one transaction with the order's index. */
  async create(returnCase: ReturnCase, indexVersion: number, events: PendingOutboxEvent[], extra: Record<string, unknown> = {}): Promise<void> {
    const now = new Date(returnCase.updatedAt);
    const index = orderReturnsKey(returnCase.shopId, returnCase.orderId);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...returnCaseKey(returnCase.shopId, returnCase.id), gsi1pk: shopReturnsKey(returnCase.shopId), gsi1sk: returnCase.createdAt, case: returnCase, ...extra },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: index,
                UpdateExpression: 'SET caseIds = list_append(if_not_exists(caseIds, :empty), :ids), version = :next, shopId = :shop, orderId = :order',
                ConditionExpression: indexVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
                ExpressionAttributeValues: {
                  ':empty': [],
                  ':ids': [returnCase.id],
                  ':next': indexVersion + 1,
                  ':shop': returnCase.shopId,
                  ':order': returnCase.orderId,
                  ...(indexVersion === 0 ? {} : { ':expected': indexVersion }),
                },
              },
            },
            ...this.outboxPuts(events, now),
            // The customer's claims index (shared/adapters/customer-history.ts), for the refund engine's risk rules.
            ...(returnCase.customer.id ? [customerClaimPut(this.tableName, returnCase.shopId, returnCase.customer.id, { kind: 'return', id: returnCase.id, orderId: returnCase.orderId, createdAt: returnCase.createdAt })] : []),
          ],
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // The case's id is new: if it is stored, this very write applied and only its answer was lost
      // (the SDK retried it and the retry failed on the condition).
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: returnCaseKey(returnCase.shopId, returnCase.id), ConsistentRead: true }));
      if (Item) return;
      throw new ConcurrentReturnError(`The returns of order ${returnCase.orderId} changed while this request was decided`);
    }
  }

  /** The order's line titles by line id, for customer messages that list the returned items. */
  async lineTitles(shopId: string, orderId: string): Promise<Map<string, string>> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: orderKey(shopId, orderId), ProjectionExpression: '#state.#order.#lines', ExpressionAttributeNames: { '#state': 'state', '#order': 'order', '#lines': 'lines' } }));
    const lines = (Item?.state?.order?.lines ?? []) as { lineId: string; title?: string }[];
    return new Map(lines.filter((line) => line.title).map((line) => [line.lineId, line.title!]));
  }

  /** A page of the shop's cases, newest first (oldest first with `oldestFirst`). */
  async list(shopId: string, options: { limit: number; cursor?: string; oldestFirst?: boolean }): Promise<Page<ReturnCase>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': shopReturnsKey(shopId) },
        ScanIndexForward: options.oldestFirst === true,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []).map((item) => item.case as ReturnCase), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  /**
   * Writes the case after a transition only if it is still at the version the transition started
   * from, in one transaction with the outbox items of its events and customer messages and the
   * audit record. Of two concurrent transitions of the same version exactly one is written; the
   * other gets ConcurrentCaseChangeError.
   */
  async transition(shopId: string, caseId: string, result: Extract<TransitionResult, { ok: true }>, audit: AuditRecord | undefined, actor: CaseActor, newId: () => string = randomUUID): Promise<void> {
    const { next } = result;
    if (next.shopId !== shopId || next.id !== caseId) throw new Error(`The transition is of ${next.shopId}/${next.id}, not ${shopId}/${caseId}`);
    const now = new Date(next.updatedAt);
    const titles = result.messages.length > 0 ? await this.lineTitles(shopId, next.orderId) : undefined;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            this.versionedCaseUpdate(next, actor),
            ...this.outboxPuts(transitionOutbox(result, newId, titles), now),
            // Ops actions are audited; the platform's own moves (timers, carrier scans) are in the case history.
            ...(audit ? auditWrites(this.tableName, audit) : []),
            ...(result.trackingAssigned ? [{ Put: { TableName: this.tableName, Item: { ...returnTrackingKey(shopId, result.trackingAssigned), caseId, trackingNumber: result.trackingAssigned, assignedAt: next.updatedAt } } }] : []),
          ],
        }),
      );
    } catch (error) {
      if (lostRace(error)) throw new ConcurrentCaseChangeError(`Return ${caseId} changed while this action was decided`);
      throw error;
    }
  }

  /**
   * Writes a case changed outside the lifecycle (what an exchange did on the storefront) only if it
   * is still at `next.version - 1`, with `events` in the outbox; ConcurrentCaseChangeError if not.
   */
  async update(next: ReturnCase, events: PendingOutboxEvent[]): Promise<void> {
    const now = new Date(next.updatedAt);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            this.versionedCaseUpdate(next),
            ...this.outboxPuts(events, now),
          ],
        }),
      );
    } catch (error) {
      if (lostRace(error)) throw new ConcurrentCaseChangeError(`Return ${next.id} changed while it was updated`);
      throw error;
    }
  }

  /** The case write of a transaction, conditional on the version `next` was decided from. */
  private versionedCaseUpdate(next: ReturnCase, actor?: CaseActor) {
    return {
      Update: {
        TableName: this.tableName,
        Key: returnCaseKey(next.shopId, next.id),
        UpdateExpression: actor ? 'SET #case = :next, lastActor = :actor' : 'SET #case = :next',
        ConditionExpression: '#case.#version = :expected',
        ExpressionAttributeNames: { '#case': 'case', '#version': 'version' },
        ExpressionAttributeValues: { ':next': next, ':expected': next.version - 1, ...(actor ? { ':actor': actor } : {}) },
      },
    };
  }

  private outboxPuts(events: readonly PendingOutboxEvent[], now: Date) {
    return events.map((event) => ({
      Put: { TableName: this.tableName, Item: { ...outboxItem(event.definition, event.detail, { eventId: event.eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' },
    }));
  }
}
