// Surveys in the state table, one item per survey (`SURVEY#<shopId>#<surveyId>`), listed per shop
// on gsi1 by request time. Every change is one conditional transaction with its outbox events, so
// a redelivered event or a repeated answer changes nothing twice.
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import type { PendingEvent } from '../surveys/answer.ts';
import type { SurveyFlow } from '../surveys/flow.ts';
import type { SurveyRecord } from '../surveys/survey.ts';
import type { FollowUpCase } from '../surveys/follow-up-case.ts';
import { followUpCasePut } from './follow-up-case-store.ts';
import { orderKey } from './ingest-store.ts';
import { isConditionFailure } from './dynamodb.ts';

export const surveyKey = (shopId: string, surveyId: string) => ({ pk: `SURVEY#${shopId}#${surveyId}`, sk: 'SURVEY' });
export const surveyIndexKey = (shopId: string) => `SURVEYS#${shopId}`;


export class SurveyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private outboxPuts(events: PendingEvent[], now: Date) {
    return events.map(({ eventId, definition, detail }) => ({
      Put: { TableName: this.tableName, Item: { ...outboxItem(definition, detail, { eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' },
    }));
  }

  /** Stores a new survey with its events; false when it exists already (a redelivered event). */
  async create(survey: SurveyRecord, events: PendingEvent[], now: Date): Promise<boolean> {
    const item = { ...surveyKey(survey.shopId, survey.surveyId), gsi1pk: surveyIndexKey(survey.shopId), gsi1sk: `${survey.requestedAt}#${survey.surveyId}`, survey };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, ...this.outboxPuts(events, now)],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async get(shopId: string, surveyId: string): Promise<SurveyRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: surveyKey(shopId, surveyId), ConsistentRead: true }));
    return Item?.survey as SurveyRecord | undefined;
  }

  /** Records the first answer with its events, only while the survey is unanswered; false when another answer came first. */
  async answer(survey: SurveyRecord, answer: { score: number; comment?: string; answeredAt: string; followUpCaseId?: string }, events: PendingEvent[], now: Date, followUpCase?: FollowUpCase): Promise<boolean> {
    const names: Record<string, string> = { '#survey': 'survey', '#status': 'status', '#score': 'score', '#answeredAt': 'answeredAt' };
    const values: Record<string, unknown> = { ':requested': 'requested', ':answered': 'answered', ':score': answer.score, ':answeredAt': answer.answeredAt };
    const set = ['#survey.#status = :answered', '#survey.#score = :score', '#survey.#answeredAt = :answeredAt'];
    for (const field of ['comment', 'followUpCaseId'] as const) {
      if (answer[field] === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = answer[field];
      set.push(`#survey.#${field} = :${field}`);
    }
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: surveyKey(survey.shopId, survey.surveyId),
                UpdateExpression: `SET ${set.join(', ')}`,
                ConditionExpression: '#survey.#status = :requested',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            ...(followUpCase ? [followUpCasePut(this.tableName, followUpCase)] : []),
            ...this.outboxPuts(events, now),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Adds a comment to an answered survey that has none; false when it has one already. */
  async addComment(shopId: string, surveyId: string, comment: string, commentedAt: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: surveyKey(shopId, surveyId),
          UpdateExpression: 'SET #survey.#comment = :comment, #survey.#commentedAt = :at',
          ConditionExpression: '#survey.#status = :answered AND attribute_not_exists(#survey.#comment)',
          ExpressionAttributeNames: { '#survey': 'survey', '#status': 'status', '#comment': 'comment', '#commentedAt': 'commentedAt' },
          ExpressionAttributeValues: { ':answered': 'answered', ':comment': comment, ':at': commentedAt },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Answered surveys of a shop, newest request first; a page may hold fewer than `limit` once filtered. */
  async listAnswered(shopId: string, options: { flow?: SurveyFlow; maxScore?: number; agentId?: string; customerId?: string; limit: number; cursor?: string }): Promise<Page<SurveyRecord>> {
    const names: Record<string, string> = { '#survey': 'survey', '#status': 'status' };
    const values: Record<string, unknown> = { ':pk': surveyIndexKey(shopId), ':answered': 'answered' };
    const filters = ['#survey.#status = :answered'];
    const filter = (field: 'flow' | 'agentId', value: string | undefined) => {
      if (value === undefined) return;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      filters.push(`#survey.#${field} = :${field}`);
    };
    filter('flow', options.flow);
    filter('agentId', options.agentId);
    if (options.customerId !== undefined) {
      Object.assign(names, { '#customer': 'customer', '#customerId': 'id' });
      values[':customerId'] = options.customerId;
      filters.push('#survey.#customer.#customerId = :customerId');
    }
    if (options.maxScore !== undefined) {
      names['#score'] = 'score';
      values[':maxScore'] = options.maxScore;
      filters.push('#survey.#score <= :maxScore');
    }
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: filters.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []).map((item) => item.survey as SurveyRecord), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  /** The order number as the customer knows it (`#1001`), when the order was ingested. */
  async orderNumber(shopId: string, orderId: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: orderKey(shopId, orderId), ProjectionExpression: '#state.#order.orderNumber', ExpressionAttributeNames: { '#state': 'state', '#order': 'order' } }));
    const value = (Item?.state as { order?: { orderNumber?: unknown } } | undefined)?.order?.orderNumber;
    return typeof value === 'string' && value ? value : undefined;
  }
}
