// The fake WooCommerce stores' orders, in memory, and the order queries the REST API v3 answers.

export type WooOrder = Record<string, unknown> & { id: number };

export class WooQueryError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

export interface OrderQuery {
  modifiedAfter?: Date;
  modifiedBefore?: Date;
  after?: Date;
  before?: Date;
  statuses?: string[];
  orderby: 'date' | 'id' | 'modified';
  order: 'asc' | 'desc';
  page: number;
  perPage: number;
}

/** WooCommerce's date format: `2026-11-20T10:00:00`, no zone (the `_gmt` fields are UTC). */
export const wooDate = (date: Date) => date.toISOString().slice(0, 19);

/** Reads a WooCommerce or ISO 8601 date; without a zone it is UTC (the local store's zone). */
export function parseWooDate(value: string): Date | undefined {
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const date = new Date(zoned);
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(date.getTime()) ? date : undefined;
}

const instant = (order: WooOrder, field: string) => (typeof order[field] === 'string' ? parseWooDate(order[field] as string)?.getTime() : undefined) ?? 0;

export class WooOrderStore {
  private readonly stores = new Map<string, Map<number, WooOrder>>();

  private orders(store: string): Map<number, WooOrder> {
    let orders = this.stores.get(store);
    if (!orders) this.stores.set(store, (orders = new Map()));
    return orders;
  }

  /**
   * Adds an order or merges into the one with its id. The modification time is the one given,
   * else `now`; the creation time is kept, else the one given, else `now`.
   */
  upsert(store: string, order: WooOrder, now: Date): { order: WooOrder; created: boolean } {
    const orders = this.orders(store);
    const previous = orders.get(order.id);
    const stamp = (field: string, fallback: string) => {
      const given = typeof order[field] === 'string' ? parseWooDate(order[field] as string) : undefined;
      return given ? wooDate(given) : fallback;
    };
    const modified = stamp('date_modified_gmt', wooDate(now));
    const created = stamp('date_created_gmt', typeof previous?.date_created_gmt === 'string' ? previous.date_created_gmt : modified);
    // The local store's time zone is UTC: local and GMT times are the same.
    const merged: WooOrder = {
      ...previous,
      ...order,
      date_created: created,
      date_created_gmt: created,
      date_modified: modified,
      date_modified_gmt: modified,
    };
    orders.set(order.id, merged);
    return { order: merged, created: !previous };
  }

  get(store: string, id: number): WooOrder | undefined {
    return this.stores.get(store)?.get(id);
  }

  all(store: string): WooOrder[] {
    return [...(this.stores.get(store)?.values() ?? [])].sort((a, b) => a.id - b.id);
  }

  /** One page of the orders matching `query`, and how many match in all. */
  query(store: string, query: OrderQuery): { orders: WooOrder[]; total: number; totalPages: number } {
    const within = (time: number, after?: Date, before?: Date) => (!after || time > after.getTime()) && (!before || time < before.getTime());
    const field = query.orderby === 'modified' ? 'date_modified_gmt' : 'date_created_gmt';
    const matching = this.all(store)
      .filter((order) => within(instant(order, 'date_modified_gmt'), query.modifiedAfter, query.modifiedBefore))
      .filter((order) => within(instant(order, 'date_created_gmt'), query.after, query.before))
      .filter((order) => !query.statuses || query.statuses.includes(String(order.status)))
      .sort((a, b) => (query.orderby === 'id' ? a.id - b.id : instant(a, field) - instant(b, field) || a.id - b.id) * (query.order === 'asc' ? 1 : -1));
    const start = (query.page - 1) * query.perPage;
    return { orders: matching.slice(start, start + query.perPage), total: matching.length, totalPages: Math.ceil(matching.length / query.perPage) };
  }
}

function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  const date = parseWooDate(value);
  if (!date) throw new WooQueryError(name, `${name} is not a valid date.`);
  return date;
}

function integerParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new WooQueryError(name, `${name} must be between ${min} (inclusive) and ${max === Number.MAX_SAFE_INTEGER ? 'infinity' : `${max} (inclusive)`}`);
  }
  return number;
}

function enumParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const value = params.get(name) ?? fallback;
  if (!allowed.includes(value as T)) throw new WooQueryError(name, `${name} is not one of ${allowed.join(', ')}.`);
  return value as T;
}

/** `GET orders` query parameters as WooCommerce reads them (the ones the local store supports). */
export function parseOrderQuery(params: URLSearchParams): OrderQuery {
  const status = params.get('status');
  return {
    modifiedAfter: dateParam(params, 'modified_after'),
    modifiedBefore: dateParam(params, 'modified_before'),
    after: dateParam(params, 'after'),
    before: dateParam(params, 'before'),
    statuses: status && status !== 'any' ? status.split(',').map((value) => value.trim().replace(/^wc-/, '')) : undefined,
    orderby: enumParam(params, 'orderby', ['date', 'id', 'modified'] as const, 'date'),
    order: enumParam(params, 'order', ['asc', 'desc'] as const, 'desc'),
    page: integerParam(params, 'page', 1, 1, Number.MAX_SAFE_INTEGER),
    perPage: integerParam(params, 'per_page', 10, 1, 100),
  };
}
