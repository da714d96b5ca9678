// KPI counters in the state table: one item per shop and UTC day (`KPI#<shopId>` / `<YYYY-MM-DD>`)
// whose numeric attributes are the counters (shared/kpis/rollup.ts). An event is counted once:
// its marker `KPIEVENT#<eventId>` (kept 14 days, longer than any redelivery) is written with
// `attribute_not_exists` in the same transaction as the ADD. Counters that count once per order
// have a marker of their own (`KPIONCE#<shopId>#<key>`, kept about a year).
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CounterName, Counters, KpiIncrement } from '../kpis/rollup.ts';
import type { StoredDay } from '../kpis/summary.ts';

export const kpiDayKey = (shopId: string, day: string) => ({ pk: `KPI#${shopId}`, sk: day });
export const kpiEventMarkerKey = (eventId: string) => ({ pk: `KPIEVENT#${eventId}`, sk: 'MARKER' });
export const kpiOnceMarkerKey = (shopId: string, key: string) => ({ pk: `KPIONCE#${shopId}#${key}`, sk: 'MARKER' });

const eventMarkerDays = 14;
const onceMarkerDays = 400;

export type ApplyOutcome = 'counted' | 'duplicate';

/** Per transaction item, why it was cancelled (`None` for the items that were fine); from the message when the reasons are not attached. */
function cancellationCodes(error: unknown): string[] {
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  if (reasons?.length) return reasons.map((reason) => reason.Code ?? 'None');
  const listed = /\[([^\]]*)\]/.exec((error as Error).message ?? '')?.[1];
  return listed ? listed.split(',').map((code) => code.trim()) : [];
}

export class KpiStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Adds the increment's counters to its day, once per `eventId`. When its once-per-key counters
   * were counted before (by another event), the rest is still added.
   */
  async apply(eventId: string, increment: KpiIncrement, now: Date = new Date()): Promise<ApplyOutcome> {
    try {
      await this.write(eventId, increment, true, now);
      return 'counted';
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      const [eventMarker, onceMarker] = cancellationCodes(error);
      if (eventMarker === 'ConditionalCheckFailed') return 'duplicate';
      if (!(increment.once && onceMarker === 'ConditionalCheckFailed')) throw error;
    }
    try {
      await this.write(eventId, increment, false, now);
      return 'counted';
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException' && cancellationCodes(error)[0] === 'ConditionalCheckFailed') return 'duplicate';
      throw error;
    }
  }

  /** The stored days of a shop from `fromDay` to `toDay` (inclusive); days without events have no item. */
  async days(shopId: string, fromDay: string, toDay: string): Promise<StoredDay[]> {
    const days: StoredDay[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': kpiDayKey(shopId, fromDay).pk, ':from': fromDay, ':to': toDay },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const { pk: _pk, sk, ...attributes } = item;
        const counters = Object.fromEntries(Object.entries(attributes).filter(([, value]) => typeof value === 'number')) as Counters;
        days.push({ day: sk as string, counters });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return days;
  }

  private async write(eventId: string, increment: KpiIncrement, withOnce: boolean, now: Date): Promise<void> {
    const epoch = Math.floor(now.getTime() / 1000);
    const counters = { ...increment.counters, ...(withOnce ? increment.once?.counters : {}) };
    const entries = Object.entries(counters).filter(([, value]) => value !== undefined) as Array<[CounterName, number]>;
    const marker = (key: { pk: string; sk: string }, days: number) => ({
      Put: { TableName: this.tableName, Item: { ...key, countedAt: now.toISOString(), expiresAt: epoch + days * 86_400 }, ConditionExpression: 'attribute_not_exists(pk)' },
    });
    const day = kpiDayKey(increment.shopId, increment.day);
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          marker(kpiEventMarkerKey(eventId), eventMarkerDays),
          ...(withOnce && increment.once ? [marker(kpiOnceMarkerKey(increment.shopId, increment.once.key), onceMarkerDays)] : []),
          // With nothing left to add (the once-per-order counters were counted before), the marker alone records the event.
          ...(entries.length > 0
            ? [
                {
                  Update: {
                    TableName: this.tableName,
                    Key: day,
                    UpdateExpression: `ADD ${entries.map((_, index) => `#c${index} :c${index}`).join(', ')}`,
                    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#c${index}`, name])),
                    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], index) => [`:c${index}`, value])),
                  },
                },
              ]
            : []),
        ],
      }),
    );
  }
}
