// The audit trail in the state table: written in the same transaction as the change it records
// (with the OpsActionRecorded event in the outbox), read per subject or per shop, newest first.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import { auditEventDetail, auditItems, auditScopeKey, auditSubjectKey, type AuditRecord, type AuditSubject } from '../audit/audit.ts';
import { OpsActionRecorded } from '../events/ops.ts';
import { outboxItem } from '../outbox/outbox-item.ts';

/** A Put of a TransactWriteCommand. */
export interface TransactPut {
  Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression: string };
}

/** The writes that record `record`: add them to the transaction of the change. */
export function auditWrites(tableName: string, record: AuditRecord): TransactPut[] {
  const event = outboxItem(OpsActionRecorded, auditEventDetail(record), { eventId: record.auditId, now: new Date(record.at) });
  return [...auditItems(record), { ...event }].map((Item: Record<string, unknown>) => ({ Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } }));
}

export class AuditStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** A page of the records of one subject, or of a whole scope (shop) when no subject is given. */
  async list(scope: string, subject: AuditSubject | undefined, options: { limit: number; cursor?: string }): Promise<Page<AuditRecord>> {
    const bySubject = subject !== undefined;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        ...(bySubject ? {} : { IndexName: 'gsi1' }),
        KeyConditionExpression: bySubject ? 'pk = :key' : 'gsi1pk = :key',
        ExpressionAttributeValues: { ':key': bySubject ? auditSubjectKey(scope, subject) : auditScopeKey(scope) },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []).map((item) => item.record as AuditRecord), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }
}
