// The payment and store credit ports of each shop, as its configuration chooses them (shared/shops/config.ts):
//   payments.provider     'http' (or absent): the generic JSON provider; 'shopify': refunds on the Shopify order
//   storeCredit.provider  'http': a credit service; 'shopify': Shopify gift cards
// Shopify access needs `shopify.domain` (or an `apiUrl` origin) and the Admin access token.
import type { LookupResult, PaymentPort, RefundRequest, RefundResult } from '../payments/payment-port.ts';
import { PaymentsNotConfiguredError } from '../payments/payment-port.ts';
import { StoreCreditNotConfiguredError, type StoreCreditLookup, type StoreCreditPort, type StoreCreditRequest, type StoreCreditResult } from '../payments/store-credit-port.ts';
import type { ShopConfig, ShopifyAdminAccess } from '../shops/config.ts';
import { HttpPaymentProvider } from './payment-provider.ts';
import type { ShopifyAdminEndpoint } from './shopify-admin.ts';
import { ShopifyGiftCards } from './shopify-gift-cards.ts';
import { ShopifyRefunds } from './shopify-refunds.ts';
import { HttpStoreCreditProvider } from './store-credit-provider.ts';

export type ShopLookup = (shopId: string) => Promise<ShopConfig | undefined> | ShopConfig | undefined;

function adminEndpoint(shop: ShopConfig | undefined, access: ShopifyAdminAccess): ShopifyAdminEndpoint | undefined {
  const origin = access.apiUrl ?? (shop?.shopify ? `https://${shop.shopify.domain}` : undefined);
  return origin ? { origin, accessToken: access.adminAccessToken } : undefined;
}

/** Refunds through each shop's configured provider. */
export class ShopPaymentProviders implements PaymentPort {
  private readonly http: HttpPaymentProvider;
  private readonly shopify: ShopifyRefunds;

  constructor(private readonly shops: ShopLookup, fetchImpl: typeof fetch = fetch, timeoutMs = 10_000) {
    this.http = new HttpPaymentProvider(async (shopId) => {
      const payments = (await shops(shopId))?.payments;
      return payments && payments.provider !== 'shopify' ? payments : undefined;
    }, fetchImpl, timeoutMs);
    this.shopify = new ShopifyRefunds(async (shopId) => {
      const shop = await shops(shopId);
      return shop?.payments?.provider === 'shopify' ? adminEndpoint(shop, shop.payments) : undefined;
    }, fetchImpl, timeoutMs);
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    return (await this.port(request.shopId)).refund(request);
  }

  async lookup(request: { shopId: string; key: string; orderId?: string }): Promise<LookupResult> {
    return (await this.port(request.shopId)).lookup(request);
  }

  private async port(shopId: string): Promise<PaymentPort> {
    const payments = (await this.shops(shopId))?.payments;
    if (!payments) throw new PaymentsNotConfiguredError(`Shop ${shopId} has no payment provider configured`);
    return payments.provider === 'shopify' ? this.shopify : this.http;
  }
}

/** Store credit through each shop's configured provider. */
export class ShopStoreCreditProviders implements StoreCreditPort {
  private readonly http: HttpStoreCreditProvider;
  private readonly shopify: ShopifyGiftCards;

  constructor(private readonly shops: ShopLookup, fetchImpl: typeof fetch = fetch, timeoutMs = 10_000) {
    this.http = new HttpStoreCreditProvider(async (shopId) => {
      const credit = (await shops(shopId))?.storeCredit;
      return credit?.provider === 'http' ? credit : undefined;
    }, fetchImpl, timeoutMs);
    this.shopify = new ShopifyGiftCards(async (shopId) => {
      const shop = await shops(shopId);
      const credit = shop?.storeCredit;
      if (credit?.provider !== 'shopify') return undefined;
      const endpoint = adminEndpoint(shop, credit);
      return endpoint && { ...endpoint, ...(credit.expiresInDays ? { expiresInDays: credit.expiresInDays } : {}) };
    }, fetchImpl, timeoutMs);
  }

  async issue(request: StoreCreditRequest): Promise<StoreCreditResult> {
    return (await this.port(request.shopId)).issue(request);
  }

  async lookup(request: { shopId: string; key: string }): Promise<StoreCreditLookup> {
    return (await this.port(request.shopId)).lookup(request);
  }

  private async port(shopId: string): Promise<StoreCreditPort> {
    const credit = (await this.shops(shopId))?.storeCredit;
    if (!credit) throw new StoreCreditNotConfiguredError(`Shop ${shopId} has no store credit provider configured (shop setting \`storeCredit\`)`);
    return credit.provider === 'shopify' ? this.shopify : this.http;
  }
}
