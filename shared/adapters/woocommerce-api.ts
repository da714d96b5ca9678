// Reads orders from a WooCommerce store's REST API (v3), page by page, oldest change first.
export interface WooOrdersPage {
  orders: Record<string, unknown>[];
  totalPages: number;
}

export class WooCommerceApiError extends Error {}

export class WooCommerceApi {
  constructor(
    private readonly baseUrl: string,
    private readonly credentials: { consumerKey: string; consumerSecret: string },
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async ordersModifiedAfter(after: string, page: number, perPage = 100): Promise<WooOrdersPage> {
    const url = new URL(`${this.baseUrl.replace(/\/+$/, '')}/orders`);
    url.search = new URLSearchParams({ modified_after: after, orderby: 'modified', order: 'asc', per_page: String(perPage), page: String(page), dates_are_gmt: 'true' }).toString();
    const auth = Buffer.from(`${this.credentials.consumerKey}:${this.credentials.consumerSecret}`).toString('base64');
    const response = await this.fetchImpl(url, { headers: { authorization: `Basic ${auth}`, accept: 'application/json' }, signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new WooCommerceApiError(`GET ${url.pathname} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    const orders = (await response.json()) as Record<string, unknown>[];
    return { orders, totalPages: Number(response.headers.get('x-wp-totalpages') ?? '1') };
  }
}
