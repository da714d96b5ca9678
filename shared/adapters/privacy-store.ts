// Privacy requests against the state and journal tables: reading every item of a shop (a scan:
// erasure requests are rare, and a scan finds the data of every capability, including those
// added later, without an index per kind of item), applying the erasure plan with conditional
// writes, keeping data exports, and recording the outcome in one transaction.
import { gunzipSync, gzipSync } from 'node:zlib';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import type { ItemPlan } from '../privacy/erasure.ts';
import { exportRetentionDays, type CustomerDataExport } from '../privacy/export.ts';
import type { StoredItem } from '../privacy/subject.ts';
import { isConditionFailure } from './dynamodb.ts';

import type { PrivacyTable } from '../privacy/process.ts';
export type { PrivacyTable };

/** The key attributes of each table. */
const keyNames: Record<PrivacyTable, [string, string]> = { state: ['pk', 'sk'], journal: ['subject', 'at'] };

/** Lifecycle versions live at the top or in one nested object (`state`, `case`, `record`). */
const versionHolders = ['state', 'case', 'record', 'watch'];

export interface ExportSummary {
  exportId: string;
  shopId: string;
  customerId: string;
  requestedAt: string;
  orderIds: string[];
  returnIds: string[];
  records: number;
  expiresAt: number;
}

/** Room for the export within DynamoDB's 400 KB item, next to the summary. */
const maxExportBytes = 350 * 1024;

export const exportKey = (shopId: string, exportId: string) => ({ pk: `PRIVACYEXPORT#${shopId}`, sk: exportId });

/** What a stored raw delivery's body decodes to (JSON when it parses, else the text). */
export function decodedDeliveryBody(item: StoredItem): unknown {
  if (!(item.body instanceof Uint8Array)) return undefined;
  try {
    const text = gunzipSync(item.body).toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  } catch {
    return undefined;
  }
}

/**
 * The condition that the item is still the one the plan was made from: it exists, its versions
 * and update time are unchanged. A rewrite bumps the versions so a writer holding the old one
 * fails and reads the anonymised item again.
 */
function unchanged(table: PrivacyTable, original: StoredItem): { condition: string; names: Record<string, string>; values: Record<string, unknown>; bump: (item: StoredItem) => StoredItem } {
  const names: Record<string, string> = { '#key': keyNames[table][0] };
  const values: Record<string, unknown> = {};
  const parts = ['attribute_exists(#key)'];
  const bumps: Array<(item: StoredItem) => StoredItem> = [];
  if (typeof original.version === 'number') {
    names['#version'] = 'version';
    values[':version'] = original.version;
    parts.push('#version = :version');
    bumps.push((item) => ({ ...item, version: (original.version as number) + 1 }));
  }
  versionHolders.forEach((holder, index) => {
    const nested = original[holder] as Record<string, unknown> | undefined;
    if (!nested || typeof nested !== 'object' || typeof nested.version !== 'number') return;
    names[`#h${index}`] = holder;
    names['#version'] = 'version';
    values[`:v${index}`] = nested.version;
    parts.push(`#h${index}.#version = :v${index}`);
    bumps.push((item) => ({ ...item, [holder]: { ...(item[holder] as Record<string, unknown>), version: (nested.version as number) + 1 } }));
  });
  if (typeof original.updatedAt === 'string') {
    names['#updatedAt'] = 'updatedAt';
    values[':updatedAt'] = original.updatedAt;
    parts.push('#updatedAt = :updatedAt');
  }
  return { condition: parts.join(' AND '), names, values, bump: (item) => bumps.reduce((next, apply) => apply(next), item) };
}

export class PrivacyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: Record<PrivacyTable, string>,
  ) {}

  /** Every item of a table, page by page (consistent reads: an erasure must see the latest writes). */
  async *scan(table: PrivacyTable): AsyncGenerator<StoredItem[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new ScanCommand({ TableName: this.tables[table], ConsistentRead: true, ExclusiveStartKey: start }));
      yield (page.Items ?? []) as StoredItem[];
      start = page.LastEvaluatedKey;
    } while (start);
  }

  async get(table: PrivacyTable, original: StoredItem): Promise<StoredItem | undefined> {
    const [hash, range] = keyNames[table];
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tables[table], Key: { [hash]: original[hash], [range]: original[range] }, ConsistentRead: true }));
    return Item as StoredItem | undefined;
  }

  /** Applies one plan, only if the item is unchanged since it was read; false when it changed (plan again). */
  async apply(table: PrivacyTable, original: StoredItem, plan: ItemPlan): Promise<boolean> {
    if (plan.action === 'keep') return true;
    const [hash, range] = keyNames[table];
    const { condition, names, values, bump } = unchanged(table, original);
    const guard = { ConditionExpression: condition, ExpressionAttributeNames: names, ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}) };
    try {
      if (plan.action === 'delete') {
        await this.client.send(new DeleteCommand({ TableName: this.tables[table], Key: { [hash]: original[hash], [range]: original[range] }, ...guard }));
      } else {
        await this.client.send(new PutCommand({ TableName: this.tables[table], Item: bump(plan.item), ...guard }));
      }
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** The export item, to write in the request's closing transaction. */
  exportPut(data: CustomerDataExport, now: Date): { Put: { TableName: string; Item: StoredItem; ConditionExpression: string } } {
    const summary: ExportSummary = {
      exportId: data.exportId,
      shopId: data.shopId,
      customerId: data.customerId,
      requestedAt: data.requestedAt,
      orderIds: data.orderIds,
      returnIds: data.returnIds,
      records: data.records.length,
      expiresAt: Math.floor(now.getTime() / 1000) + exportRetentionDays * 86_400,
    };
    let body = gzipSync(JSON.stringify(data));
    if (body.length > maxExportBytes) {
      // An item stops at 400 KB: the raw webhooks repeat what the other records hold, so they go first.
      const slim = { ...data, records: data.records.map((record) => (record.kind === 'DELIVERY' ? { ...record, data: { omitted: 'raw webhook left out: the export is too large to keep whole' } } : record)) };
      body = gzipSync(JSON.stringify(slim));
      if (body.length > maxExportBytes) throw new Error(`The export ${data.exportId} is ${body.length} bytes compressed without raw webhooks; the limit is ${maxExportBytes}`);
    }
    const item = { ...exportKey(data.shopId, data.exportId), ...summary, body };
    return { Put: { TableName: this.tables.state, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  async getExport(shopId: string, exportId: string): Promise<(ExportSummary & { data: CustomerDataExport }) | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tables.state, Key: exportKey(shopId, exportId) }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, body, ...summary } = Item;
    return { ...(summary as ExportSummary), data: JSON.parse(gunzipSync(body as Uint8Array).toString('utf8')) as CustomerDataExport };
  }

  async listExports(shopId: string, options: { limit: number; cursor?: string }): Promise<Page<ExportSummary>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tables.state,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': exportKey(shopId, '').pk },
        ProjectionExpression: 'exportId, shopId, customerId, requestedAt, orderIds, returnIds, records, expiresAt',
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []) as ExportSummary[], nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  /**
   * Closes the request in one transaction: the request's delivery is marked processed with a body
   * that holds ids only, and the audit record, events and export are written. False when an earlier attempt already closed it.
   */
  async close(request: { deliveryKey: string; keptBody: Record<string, unknown> }, writes: object[], now: Date): Promise<boolean> {
    // Kept (processed) rather than deleted so a storefront retry is recognised as a duplicate until the delivery expires.
    const closing = {
      Update: {
        TableName: this.tables.state,
        Key: { pk: request.deliveryKey, sk: 'DELIVERY' },
        UpdateExpression: 'SET #status = :processed, processedAt = :now, body = :body',
        ConditionExpression: '#status = :received',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':received': 'received', ':processed': 'processed', ':now': now.toISOString(), ':body': gzipSync(JSON.stringify(request.keptBody)) },
      },
    };
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: [closing, ...writes] as never }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
