// The shops the local stack starts with, one per storefront kind, all signing with
// `local-webhook-secret` unless LOCAL_WEBHOOK_SECRET says otherwise (the README documents them).
import { DelaySettings } from '../../shared/delays/settings.ts';
import { demoShops } from '../../shared/shops/config.ts';

export const defaultLocalWebhookSecret = 'local-webhook-secret';

export function localWebhookSecret(): string {
  return process.env.LOCAL_WEBHOOK_SECRET || defaultLocalWebhookSecret;
}

/** Seeds the shops secret of the Ingest construct; the WooCommerce shop reads the local fake store, every shop exchanges through the fake storefront and refunds through the fake payment provider. */
export function demoShopsSeed(apiUrl: string) {
  return (secret: { cdkPath?: string }): string | undefined => {
    if (!secret.cdkPath?.endsWith('/Ingest/Shops/Resource')) return undefined;
    const config = demoShops(localWebhookSecret());
    for (const shop of config.shops) {
      if (shop.woocommerce) shop.woocommerce.apiUrl = `${apiUrl}/_local/woocommerce/${shop.shopId}/wp-json/wc/v3`;
      // Every demo shop exchanges through the local fake storefront.
      shop.exchanges = { apiUrl: `${apiUrl}/_local/storefront/${shop.shopId}` };
      // ...and refunds through the local fake payment provider.
      shop.payments = { apiUrl: `${apiUrl}/_local/payments/${shop.shopId}` };
      // ...and issues store credit as gift cards at the same fake provider.
      shop.storeCredit = { provider: 'http', apiUrl: `${apiUrl}/_local/payments/${shop.shopId}` };
      // ...and gives discount codes (the delay flow's courtesy discount) through the fake storefront.
      shop.discounts = { apiUrl: `${apiUrl}/_local/storefront/${shop.shopId}` };
      // A courtesy code five days into a delay, so the local stack shows it (test/clock/delay-ladder.test.ts).
      shop.delays = DelaySettings.parse({ ...shop.delays, compensation: { afterDays: 5, discount: { type: 'percent', percent: 10 } } });
    }
    // A Shopify shop with no other purpose than being erased by shop/redact (test/integration/privacy.test.ts).
    config.shops.push({ shopId: 'throwaway-shopify', name: 'Throwaway Shopify shop', defaultLocale: 'en', timeZone: 'UTC', webhookSecrets: [localWebhookSecret()], shopify: { domain: 'throwaway-shop.myshopify.com' } } as (typeof config.shops)[number]);
    return JSON.stringify(config);
  };
}
