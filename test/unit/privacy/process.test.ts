// Carrying out an erasure through the port: every change is conditional, and an item that changed
// between the read and the write is read and planned again.
import { describe, expect, it } from 'vitest';
import type { ItemPlan } from '../../../shared/privacy/erasure.ts';
import { eraseCustomer, eraseShop, type PrivacyPort, type PrivacyTable } from '../../../shared/privacy/process.ts';
import { subjectOf, type StoredItem } from '../../../shared/privacy/subject.ts';

function memoryPort(tables: Record<PrivacyTable, StoredItem[]>, interfere?: (item: StoredItem) => StoredItem | undefined) {
  const applied: Array<{ table: PrivacyTable; plan: ItemPlan['action']; key: unknown }> = [];
  const port: PrivacyPort = {
    async *scan(table) {
      yield tables[table].map((item) => structuredClone(item));
    },
    async get(table, item) {
      return tables[table].find((candidate) => candidate.pk === item.pk && candidate.sk === item.sk);
    },
    async apply(table, original, plan) {
      const index = tables[table].findIndex((candidate) => candidate.pk === original.pk && candidate.sk === original.sk);
      const current = tables[table][index];
      // A concurrent writer changes the item once, just before our first write.
      const changed = interfere?.(current!);
      if (changed) {
        tables[table][index] = changed;
        return false;
      }
      if (JSON.stringify(current) !== JSON.stringify(original)) return false;
      if (plan.action === 'delete') tables[table].splice(index, 1);
      if (plan.action === 'rewrite') tables[table][index] = plan.item;
      applied.push({ table, plan: plan.action, key: original.pk });
      return true;
    },
  };
  return { port, applied };
}

const subject = () => subjectOf('acme', { customerId: '7001', emails: ['ada@example.com'], phones: [], orderIds: ['5001'] });

describe('eraseCustomer', () => {
  it('plans again an item a concurrent writer changed, so its change is erased too and not lost', async () => {
    const tables = {
      state: [{ pk: 'ORDER#acme#5001', sk: 'STATE', state: { shopId: 'acme', orderId: '5001', version: 1, order: { customer: { id: '7001', email: 'ada@example.com' }, total: 100 } } }],
      journal: [{ subject: 'order#acme#5001', at: '1', detail: { shopId: 'acme', customer: { id: '7001', email: 'ada@example.com' } } }],
    } as Record<PrivacyTable, StoredItem[]>;
    let interfered = false;
    const { port, applied } = memoryPort(tables, (item) => {
      if (interfered || item.pk !== 'ORDER#acme#5001') return undefined;
      interfered = true;
      return { ...item, state: { ...(item.state as object), version: 2, order: { customer: { id: '7001', email: 'ada@example.com' }, total: 100, refunded: 40 } } };
    });
    const counts = await eraseCustomer(port, subject(), 'DELIVERY#acme#shopify#request', () => undefined);
    expect(counts).toEqual({ itemsDeleted: 0, itemsAnonymised: 2 });
    expect(applied.map((entry) => entry.table)).toEqual(['state', 'journal']);
    expect(tables.state[0]).toMatchObject({ state: { version: 2, order: { customer: { id: '7001' }, total: 100, refunded: 40 } } });
    expect(JSON.stringify(tables)).not.toContain('ada@example.com');
  });

  it('leaves the request’s own delivery to the caller', async () => {
    const tables = { state: [{ pk: 'DELIVERY#acme#shopify#request', sk: 'DELIVERY', shopId: 'acme', topic: 'customers/redact', customerId: '7001' }], journal: [] } as Record<PrivacyTable, StoredItem[]>;
    const { port } = memoryPort(tables);
    expect(await eraseCustomer(port, subject(), 'DELIVERY#acme#shopify#request', () => undefined)).toEqual({ itemsDeleted: 0, itemsAnonymised: 0 });
    expect(tables.state).toHaveLength(1);
  });
});

describe('eraseShop', () => {
  it('deletes the shop’s items in both tables and keeps the other shops’', async () => {
    const tables = {
      state: [{ pk: 'ORDER#acme#1', sk: 'STATE' }, { pk: 'ORDER#other#1', sk: 'STATE' }, { pk: 'DELIVERY#acme#shopify#request', sk: 'DELIVERY', shopId: 'acme' }],
      journal: [{ subject: 'order#acme#1', at: '1' }],
    } as Record<PrivacyTable, StoredItem[]>;
    const { port } = memoryPort(tables);
    expect(await eraseShop(port, 'acme', 'DELIVERY#acme#shopify#request')).toEqual({ itemsDeleted: 2, itemsAnonymised: 0 });
    expect(tables.state.map((item) => item.pk)).toEqual(['ORDER#other#1', 'DELIVERY#acme#shopify#request']);
    expect(tables.journal).toEqual([]);
  });
});
