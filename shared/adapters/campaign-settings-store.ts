// A shop's campaign settings in the state table, versioned like the return policy
// (versioned-settings-store.ts): `CAMPAIGNS#<shopId>#nudges` / `CURRENT` holds the settings in
// effect (attribute `settings`), each published version is kept as `CAMPAIGNS#<shopId>#nudges` /
// `V#000042`; the defaults, as version 0, while the shop has published none. Also the reads the
// preview and results need: the shop's latest orders, their customers and their return cases.
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomerState as IngestCustomer } from '../ingest/customer-state.ts';
import type { OrderState } from '../ingest/order-state.ts';
import { CampaignSettings, defaultCampaignSettings } from '../nudges/settings.ts';
import type { ReturnCase } from '../returns/case.ts';
import { customerKey } from './ingest-store.ts';
import { ReturnPolicyStore } from './return-policy-store.ts';
import { currentSettingsKey, settingsVersionKey, VersionedSettingsStore, type SettingsDocument } from './versioned-settings-store.ts';

const campaignSettingsPartition = (shopId: string) => `CAMPAIGNS#${shopId}#nudges`;

export const campaignSettingsDocument: SettingsDocument<'settings', CampaignSettings> = {
  name: 'campaign settings',
  partition: campaignSettingsPartition,
  attribute: 'settings',
  schema: CampaignSettings,
  fallback: defaultCampaignSettings,
};

export const campaignSettingsKey = (shopId: string) => currentSettingsKey(campaignSettingsPartition(shopId));
/** The item keeping published version `version` of the shop's campaign settings. */
export const campaignSettingsVersionKey = (shopId: string, version: number) => settingsVersionKey(campaignSettingsPartition(shopId), version);

export class CampaignSettingsStore extends VersionedSettingsStore<'settings', CampaignSettings> {
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(client, tableName, campaignSettingsDocument);
  }
}

/** What the preview and results are computed from: a bounded window of the shop's latest orders. */
export interface CampaignAudience {
  orders: OrderState[];
  customers: IngestCustomer[];
  returnCases: Map<string, ReturnCase[]>;
}

type Key = Record<string, unknown>;

export class CampaignAudienceReader {
  private readonly orders: ReturnPolicyStore;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.orders = new ReturnPolicyStore(client, tableName);
  }

  /** The shop's `maxOrders` latest orders, the customers who placed them and their return cases. */
  async load(shopId: string, maxOrders: number): Promise<CampaignAudience> {
    const orders = await this.orders.latestOrders(shopId, maxOrders);
    const customerIds = [...new Set(orders.flatMap((state) => state.order?.customer.id ?? []))];
    const [customers, returnCases] = await Promise.all([this.customers(shopId, customerIds), this.orders.casesOfOrders(shopId, orders.map((state) => state.orderId))]);
    return { orders, customers, returnCases };
  }

  private async customers(shopId: string, customerIds: readonly string[]): Promise<IngestCustomer[]> {
    const found: IngestCustomer[] = [];
    for (let i = 0; i < customerIds.length; i += 100) {
      let request: Record<string, { Keys: Key[] }> | undefined = { [this.tableName]: { Keys: customerIds.slice(i, i + 100).map((id) => customerKey(shopId, id)) } };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of result.Responses?.[this.tableName] ?? []) if (item.state) found.push(item.state as IngestCustomer);
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }
}
