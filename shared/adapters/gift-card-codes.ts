// Gift card codes between the saga that issues a card and the sender that emails it, in the state
// table: `GIFTCODE#<shopId>#<creditId>` / `CODE`. The code is secret: it never travels on the bus
// (NotificationRequested names the credit, not its code) nor in logs; the sender reads it here when
// it renders the store credit message. Written once (the first code wins: a replay cannot swap it),
// gone after 90 days (TTL): the customer has the email by then, and a person can resend the card.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamodb.ts';

export const giftCardCodeKey = (shopId: string, creditId: string) => ({ pk: `GIFTCODE#${shopId}#${creditId}`, sk: 'CODE' });
const keptDays = 90;

export class GiftCardCodeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async keep(shopId: string, creditId: string, code: string, now: Date): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...giftCardCodeKey(shopId, creditId), code, createdAt: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + keptDays * 86_400 },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async code(shopId: string, creditId: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: giftCardCodeKey(shopId, creditId), ConsistentRead: true }));
    return typeof Item?.code === 'string' ? Item.code : undefined;
  }
}
