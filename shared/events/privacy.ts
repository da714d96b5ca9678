// Privacy requests of the storefront (Shopify's mandatory privacy webhooks), done. The events name
// ids and counts only: they announce an erasure or an export, never the personal data.
import * as z from 'zod';
import { EntityId } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

const ErasureCounts = {
  erasureId: EntityId.describe('The request, for the audit trail'),
  itemsDeleted: z.int().nonnegative().describe('Records deleted: raw deliveries, contact and consent records, exports'),
  itemsAnonymised: z.int().nonnegative().describe('Records kept for money and KPIs with names, emails, phones, addresses and comments erased'),
};

export const CustomerDataErased = defineEvent({
  source: eventSource.customers,
  detailType: 'CustomerDataErased',
  version: 1,
  description: 'A customer’s personal data was erased everywhere we keep it (`customers/redact`). Orders, returns and refunds keep their ids, amounts and statuses.',
  detail: {
    customerId: EntityId,
    orderIds: z.array(EntityId).max(10_000).describe('The orders whose raw deliveries were deleted and whose records were anonymised'),
    ...ErasureCounts,
  },
  example: {
    version: 1,
    shopId: 'acme-outdoor',
    occurredAt: '2024-06-01T09:00:00Z',
    customerId: '7012345678901',
    orderIds: ['5512345678901'],
    erasureId: 'prv_4f2c9a1b0d3e5f6a7b8c',
    itemsDeleted: 6,
    itemsAnonymised: 14,
  },
});

export const ShopDataErased = defineEvent({
  source: eventSource.customers,
  detailType: 'ShopDataErased',
  version: 1,
  description: 'Everything of a shop was deleted (`shop/redact`, 48 hours after the shop uninstalled the app).',
  detail: { ...ErasureCounts },
  example: { version: 1, shopId: 'acme-outdoor', occurredAt: '2024-06-01T09:00:00Z', erasureId: 'prv_4f2c9a1b0d3e5f6a7b8c', itemsDeleted: 1200, itemsAnonymised: 0 },
});

export const CustomerDataExported = defineEvent({
  source: eventSource.customers,
  detailType: 'CustomerDataExported',
  version: 1,
  description: 'What we hold about a customer was gathered for their data request (`customers/data_request`); ops fetch it with getPrivacyExport.',
  detail: {
    customerId: EntityId,
    exportId: EntityId,
    orderIds: z.array(EntityId).max(10_000),
    records: z.int().nonnegative().describe('Records in the export'),
  },
  example: { version: 1, shopId: 'acme-outdoor', occurredAt: '2024-06-01T09:00:00Z', customerId: '7012345678901', exportId: 'prv_4f2c9a1b0d3e5f6a7b8c', orderIds: ['5512345678901'], records: 9 },
});
