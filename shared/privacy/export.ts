// The export of a customer data request: everything we hold about the customer, grouped by what
// it is, as one JSON document for the shop to hand over. Plain domain code.
import type { StoredItem } from './subject.ts';

/** Exports are kept for the shop to fetch, then expire (Shopify asks the shop to answer within 30 days). */
export const exportRetentionDays = 30;

export interface ExportedRecord {
  /** What the record is: `ORDER`, `RETURN`, `NOTIFICATION`, `DELIVERY`... (its key's prefix). */
  kind: string;
  key: string;
  data: Record<string, unknown>;
}

export interface CustomerDataExport {
  exportId: string;
  shopId: string;
  customerId: string;
  requestedAt: string;
  orderIds: string[];
  returnIds: string[];
  records: ExportedRecord[];
}

/** Index attributes say nothing about the customer; binary attributes are replaced by what they decode to. */
const internalAttributes = new Set(['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'body', 'expiresAt']);

export function exportedRecord(item: StoredItem, decodedPayload?: unknown): ExportedRecord {
  const key = String(item.pk ?? item.subject ?? '');
  const data = Object.fromEntries(Object.entries(item).filter(([name, value]) => !internalAttributes.has(name) && !(value instanceof Uint8Array)));
  return { kind: key.split('#')[0]!.toUpperCase() || 'ITEM', key: `${key}${item.sk !== undefined ? `|${String(item.sk)}` : item.at !== undefined ? `|${String(item.at)}` : ''}`, data: decodedPayload === undefined ? data : { ...data, payload: decodedPayload } };
}

export function customerDataExport(input: { exportId: string; shopId: string; customerId: string; requestedAt: string; orderIds: Iterable<string>; records: ExportedRecord[] }): CustomerDataExport {
  const returnIds = input.records.filter((record) => record.kind === 'RETURN').map((record) => record.key.split('|')[0]!.split('#')[2]!).filter(Boolean);
  return {
    exportId: input.exportId,
    shopId: input.shopId,
    customerId: input.customerId,
    requestedAt: input.requestedAt,
    orderIds: [...new Set(input.orderIds)].sort(),
    returnIds: [...new Set(returnIds)].sort(),
    records: [...input.records].sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key)),
  };
}
