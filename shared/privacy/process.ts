// Carrying out a privacy request over every stored item of the shop, through a small port (the
// adapter scans the tables and applies each plan with a condition). An item that changed between
// the read and the write is read and planned again, so a concurrent writer never loses its change
// and never brings personal data back unnoticed.
import { deliveryIsAbout, isAbout, planCustomerErasure, planShopErasure, type ItemPlan } from './erasure.ts';
import { exportedRecord, type ExportedRecord } from './export.ts';
import { belongsToShop, harvestIdentifiers, type ErasureSubject, type StoredItem } from './subject.ts';

export type PrivacyTable = 'state' | 'journal';

export interface PrivacyPort {
  scan(table: PrivacyTable): AsyncIterable<StoredItem[]>;
  get(table: PrivacyTable, item: StoredItem): Promise<StoredItem | undefined>;
  /** False when the item changed since it was read. */
  apply(table: PrivacyTable, original: StoredItem, plan: ItemPlan): Promise<boolean>;
}

export interface ErasureCounts {
  itemsDeleted: number;
  itemsAnonymised: number;
}

/** The request's own delivery is closed by the caller, not erased with the rest. */
const isRequest = (item: StoredItem, requestKey: string) => item.pk === requestKey;
const isDelivery = (item: StoredItem) => typeof item.pk === 'string' && item.pk.startsWith('DELIVERY#');
const attempts = 4;

/**
 * Completes the subject from what we hold: the storefront names the customer's id, email and
 * phone; their names and the rest of their orders come from our records and raw deliveries.
 */
export async function completeSubject(port: PrivacyPort, subject: ErasureSubject, decode: (item: StoredItem) => unknown): Promise<void> {
  for await (const page of port.scan('state')) {
    for (const item of page) {
      if (!belongsToShop(item, subject.shopId)) continue;
      if (isDelivery(item)) {
        const payload = decode(item);
        if (deliveryIsAbout(item, subject, payload)) harvestIdentifiers({ payload } as StoredItem, subject);
      } else if (isAbout(item, subject)) {
        harvestIdentifiers(item, subject);
      }
    }
  }
}

async function applyWithRetry(port: PrivacyPort, table: PrivacyTable, item: StoredItem, plan: (item: StoredItem) => ItemPlan, counts: ErasureCounts): Promise<void> {
  let current: StoredItem | undefined = item;
  for (let attempt = 1; current; attempt += 1) {
    const next = plan(current);
    if (next.action === 'keep') return;
    if (await port.apply(table, current, next)) {
      if (next.action === 'delete') counts.itemsDeleted += 1;
      else counts.itemsAnonymised += 1;
      return;
    }
    if (attempt >= attempts) throw new Error(`${table} item ${String(current.pk ?? current.subject)} kept changing during the erasure`);
    current = await port.get(table, current);
  }
}

/** `customers/redact`: deletes what only reaches the customer, anonymises what money and KPIs need. */
export async function eraseCustomer(port: PrivacyPort, subject: ErasureSubject, requestKey: string, decode: (item: StoredItem) => unknown): Promise<ErasureCounts> {
  const counts: ErasureCounts = { itemsDeleted: 0, itemsAnonymised: 0 };
  for (const table of ['state', 'journal'] as const) {
    for await (const page of port.scan(table)) {
      for (const item of page) {
        if (isRequest(item, requestKey)) continue;
        await applyWithRetry(port, table, item, (current) => planCustomerErasure(current, subject, isDelivery(current) ? { deliveryPayload: decode(current) } : {}), counts);
      }
    }
  }
  return counts;
}

/** `shop/redact`: every item of the shop goes, in both tables. */
export async function eraseShop(port: PrivacyPort, shopId: string, requestKey: string): Promise<ErasureCounts> {
  const counts: ErasureCounts = { itemsDeleted: 0, itemsAnonymised: 0 };
  for (const table of ['state', 'journal'] as const) {
    for await (const page of port.scan(table)) {
      for (const item of page) {
        if (isRequest(item, requestKey)) continue;
        await applyWithRetry(port, table, item, (current) => planShopErasure(current, shopId), counts);
      }
    }
  }
  return counts;
}

/** `customers/data_request`: every record about the customer, raw deliveries decoded. */
export async function gatherCustomerData(port: PrivacyPort, subject: ErasureSubject, requestKey: string, decode: (item: StoredItem) => unknown): Promise<ExportedRecord[]> {
  const records: ExportedRecord[] = [];
  for (const table of ['state', 'journal'] as const) {
    for await (const page of port.scan(table)) {
      for (const item of page) {
        if (isRequest(item, requestKey) || !belongsToShop(item, subject.shopId)) continue;
        // Earlier exports are about the customer too, but not part of what we hold from the shop.
        if (typeof item.pk === 'string' && item.pk.startsWith('PRIVACYEXPORT#')) continue;
        if (isDelivery(item)) {
          const payload = decode(item);
          if (deliveryIsAbout(item, subject, payload)) records.push(exportedRecord(item, payload));
        } else if (isAbout(item, subject)) {
          records.push(exportedRecord(item));
        }
      }
    }
  }
  return records;
}

