// Customers' VIP tiers as the ops API shows them: the tier item (`CUSTOMERTIER#<shopId>` /
// `<customerId>`, customer-tier-store.ts) joined with the tier's name from the shop's campaign
// settings. Work queues read the tiers of one page's customers at once (at most `limit` keys), so
// a queue sorted by tier is always current without copying tiers onto every case.
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CampaignSettingsStore } from './campaign-settings-store.ts';
import { customerTierKey } from './customer-tier-store.ts';

export interface TierView {
  id: string;
  name: string;
  points: number;
}

type Key = Record<string, unknown>;
type StoredTier = { customerId?: string; sk?: string; tier?: { id: string } | null; points?: number };

export class TierLookup {
  private readonly settings: CampaignSettingsStore;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.settings = new CampaignSettingsStore(client, tableName);
  }

  /** The customer's tier; null when they hold none (or the keeper has not counted them yet). */
  async tierOf(shopId: string, customerId: string): Promise<TierView | null> {
    return (await this.tiersOf(shopId, [customerId])).get(customerId) ?? null;
  }

  /** The tiers of these customers (those holding one), by customer id. */
  async tiersOf(shopId: string, customerIds: readonly string[]): Promise<Map<string, TierView>> {
    const unique = [...new Set(customerIds)];
    const tiers = new Map<string, TierView>();
    if (unique.length === 0) return tiers;
    const [items, names] = await Promise.all([this.batchGet(unique.map((id) => customerTierKey(shopId, id))), this.tierNames(shopId)]);
    for (const item of items as StoredTier[]) {
      if (!item.tier || !item.sk) continue;
      tiers.set(item.sk, { id: item.tier.id, name: names.get(item.tier.id) ?? item.tier.id, points: item.points ?? 0 });
    }
    return tiers;
  }

  private async tierNames(shopId: string): Promise<Map<string, string>> {
    const { settings } = await this.settings.current(shopId);
    return new Map(settings.vip.tiers.map((tier) => [tier.id, tier.name]));
  }

  private async batchGet(keys: readonly Key[]): Promise<Key[]> {
    if (keys.length === 1) {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys[0]!, ProjectionExpression: 'sk, tier, points' }));
      return Item ? [Item] : [];
    }
    const items: Key[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let request: Record<string, { Keys: Key[]; ProjectionExpression: string }> | undefined = { [this.tableName]: { Keys: keys.slice(i, i + 100) as Key[], ProjectionExpression: 'sk, tier, points' } };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
        items.push(...(result.Responses?.[this.tableName] ?? []));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return items;
  }
}
