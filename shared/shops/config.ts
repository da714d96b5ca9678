// Which shops a deployment serves and how each storefront identifies itself. Kept, with the webhook
// secrets and storefront API credentials, in one Secrets Manager secret (a git-ignored file or the
// seeded demo shops in the local stack).
import { z } from 'zod';
import { Locale, ShopId } from '../events/common.ts';

const WebhookSecrets = z
  .array(z.string().min(16, 'must be at least 16 characters'))
  .min(1)
  .max(2)
  .describe('The current secret first; during a rotation, the previous one second');

export const ShopConfig = z.object({
  shopId: ShopId,
  name: z.string().min(1).max(200),
  defaultLocale: Locale.default('en'),
  timeZone: z.string().default('UTC'),
  webhookSecrets: WebhookSecrets,
  shopify: z.object({ domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must be <shop>.myshopify.com') }).optional(),
  woocommerce: z
    .object({
      /** The store URL WooCommerce sends as X-WC-Webhook-Source. */
      source: z.url(),
      /** Base URL of the REST API (defaults to `<source>/wp-json/wc/v3`), for reconciliation. */
      apiUrl: z.url().optional(),
      consumerKey: z.string().min(1).optional(),
      consumerSecret: z.string().min(1).optional(),
    })
    .optional(),
  generic: z.object({ source: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'must be lowercase letters, digits, dots, dashes or underscores') }).optional(),
});
export type ShopConfig = z.infer<typeof ShopConfig>;

export const ShopsConfig = z
  .object({ shops: z.array(ShopConfig).max(500) })
  .superRefine(({ shops }, ctx) => {
    const seen = new Map<string, number>();
    shops.forEach((shop, index) => {
      for (const key of shopKeys(shop)) {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['shops', index], message: `${key} is already used by shops[${seen.get(key)}]` });
        seen.set(key, index);
      }
    });
  });
export type ShopsConfig = z.infer<typeof ShopsConfig>;

export type StorefrontKind = 'shopify' | 'woocommerce' | 'generic';

/** WooCommerce sends the site URL with or without a trailing slash, in any case. */
export function normalizeWooSource(source: string): string {
  return source.trim().replace(/\/+$/, '').toLowerCase();
}

function shopKeys(shop: ShopConfig): string[] {
  return [
    `shop:${shop.shopId}`,
    ...(shop.shopify ? [`shopify:${shop.shopify.domain}`] : []),
    ...(shop.woocommerce ? [`woocommerce:${normalizeWooSource(shop.woocommerce.source)}`] : []),
    ...(shop.generic ? [`generic:${shop.generic.source}`] : []),
  ];
}

/** Finds shops by the identity each storefront sends with its webhooks. */
export class ShopIndex {
  private readonly byKey = new Map<string, ShopConfig>();

  constructor(readonly config: ShopsConfig) {
    for (const shop of config.shops) for (const key of shopKeys(shop)) this.byKey.set(key, shop);
  }

  find(kind: StorefrontKind, identity: string | undefined): ShopConfig | undefined {
    if (!identity) return undefined;
    const key = kind === 'woocommerce' ? normalizeWooSource(identity) : identity.trim().toLowerCase();
    return this.byKey.get(`${kind}:${key}`);
  }

  byId(shopId: string): ShopConfig | undefined {
    return this.byKey.get(`shop:${shopId}`);
  }
}

/** The demo shops the local stack starts with (the README documents them). */
export function demoShops(secret: string): ShopsConfig {
  const common = { defaultLocale: 'en', timeZone: 'UTC', webhookSecrets: [secret] };
  return {
    shops: [
      { ...common, shopId: 'demo-shopify', name: 'Demo Shopify shop', shopify: { domain: 'demo-shop.myshopify.com' } },
      {
        ...common,
        shopId: 'demo-woocommerce',
        name: 'Demo WooCommerce shop',
        woocommerce: { source: 'https://demo-shop.example', consumerKey: 'ck_local', consumerSecret: 'cs_local' },
      },
      { ...common, shopId: 'demo-generic', name: 'Demo generic shop', generic: { source: 'demo-shop' } },
    ],
  };
}
