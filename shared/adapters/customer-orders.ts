// Orders by their number, for the customer portal: the state table's gsi2 keys each order by shop
// and normalized number (see IngestStore.commit).
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { orderNumberKey } from '../customers/order-number.ts';
import type { OrderState } from '../ingest/order-state.ts';

export class CustomerOrders {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * The stored orders of `shopId` with this number. Usually one, but nothing stops two storefront
   * orders sharing a number, so the caller picks the one placed with the customer's email.
   */
  async findByNumber(shopId: string, orderNumber: string): Promise<OrderState[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': orderNumberKey(shopId, orderNumber) },
      }),
    );
    return Items.map((item) => item.state as OrderState).filter((state) => state?.order !== undefined);
  }
}
