// Which shops a deployment serves and how each storefront identifies itself. Kept, with the webhook
// secrets and storefront API credentials, in one Secrets Manager secret (a git-ignored file or the
// seeded demo shops in the local stack).
import * as z from 'zod';
import { DelaySettings } from '../delays/settings.ts';
import { EmailAddress, Locale, ShopId } from '../events/common.ts';

const WebhookSecrets = z
  .array(z.string().min(16, 'must be at least 16 characters'))
  .min(1)
  .max(2)
  .describe('The current secret first; during a rotation, the previous one second');

/** How the shop's customer messages look and go out (email through SES, SMS through End User Messaging). */
export const ShopNotifications = z.object({
  fromEmail: EmailAddress.describe('Sender address, a verified SES identity'),
  supportEmail: EmailAddress.describe('Where customers reach a person; every message names it'),
  supportUrl: z.url().optional(),
  shopUrl: z.url().optional().describe("The shop's home page, where customers spend store credit"),
  orderPageUrl: z
    .url()
    .refine((url) => url.includes('{orderNumber}'), 'must contain {orderNumber}')
    .optional()
    .describe("The customer's order page on the shop's site, with {orderNumber}: https://shop.example/account/orders/{orderNumber}"),
  customerPortalUrl: z
    .url()
    .refine((url) => url.includes('{decisionId}'), 'must contain {decisionId}')
    .optional()
    .describe("The customer portal's page of a parcel claim's options, with {decisionId}: https://shop.example/claims/{decisionId}. Without it a choice link is an email to support"),
  logoUrl: z.url().optional(),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be #RRGGBB').optional(),
  smsOriginationIdentity: z.string().min(1).max(256).optional().describe('Phone number, sender id or pool ARN to send SMS from'),
  opsEmail: EmailAddress.optional().describe('The duty team, for ops alerts'),
  quietHours: z.object({ start: z.int().min(0).max(23), end: z.int().min(0).max(23) }).optional().describe('Local hours marketing waits out; 21 to 8 by default'),
  weeklyMarketingCap: z.int().min(0).max(50).optional().describe('Marketing messages per customer in 7 days; 3 by default'),
});
export type ShopNotifications = z.infer<typeof ShopNotifications>;

/** The service that prices, reserves, orders and charges exchange replacements (the JSON contract of shared/storefronts/exchange-port.ts). */
export const ShopExchanges = z.object({
  apiUrl: z.url().describe('Base URL of the exchange service: GET <apiUrl>/variants/<id>, POST <apiUrl>/reservations...'),
  apiKey: z.string().min(1).optional().describe('Sent as `authorization: Bearer <apiKey>`'),
});
export type ShopExchanges = z.infer<typeof ShopExchanges>;

/** The service that creates discount codes (the JSON contract of shared/storefronts/discount-port.ts): courtesy discounts, nudges. */
export const ShopDiscounts = z.object({
  apiUrl: z.url().describe('Base URL of the discount service: POST <apiUrl>/discounts'),
  apiKey: z.string().min(1).optional().describe('Sent as `authorization: Bearer <apiKey>`'),
});
export type ShopDiscounts = z.infer<typeof ShopDiscounts>;

/** The provider refunds go through (the JSON contract of shared/adapters/payment-provider.ts, idempotent on a key). */
export const HttpPayments = z.object({
  provider: z.literal('http').optional().describe('The generic JSON provider (the default when absent)'),
  apiUrl: z.url().describe('Base URL of the payment provider: POST <apiUrl>/refunds, GET <apiUrl>/refunds/by-key/<key>'),
  apiKey: z.string().min(1).optional().describe('Sent as `authorization: Bearer <apiKey>`'),
});
export type HttpPayments = z.infer<typeof HttpPayments>;

/** The shop's own Shopify Admin API (shared/adapters/shopify-refunds.ts, shopify-gift-cards.ts): needs `shopify.domain`. */
export const ShopifyAdminAccess = z.object({
  provider: z.literal('shopify'),
  adminAccessToken: z.string().min(1).describe('Admin API access token of a custom app, sent as `X-Shopify-Access-Token`'),
  apiUrl: z.url().optional().describe('Admin API origin; https://<shopify.domain> by default (a fake in tests)'),
});
export type ShopifyAdminAccess = z.infer<typeof ShopifyAdminAccess>;

export const ShopPayments = z
  .union([HttpPayments, ShopifyAdminAccess])
  .describe("Refunds to the original payment: `provider: 'http'` (default) the generic JSON provider at apiUrl; `provider: 'shopify'` refunds on the Shopify order (scope write_orders)");
export type ShopPayments = z.infer<typeof ShopPayments>;

/** Where store credit is created: the JSON contract of shared/adapters/store-credit-provider.ts, or Shopify gift cards. */
export const ShopStoreCredit = z
  .union([
    z.object({
      provider: z.literal('http'),
      apiUrl: z.url().describe('Base URL of the credit service: POST <apiUrl>/credits, GET <apiUrl>/credits/by-key/<key>'),
      apiKey: z.string().min(1).optional().describe('Sent as `authorization: Bearer <apiKey>`'),
    }),
    ShopifyAdminAccess.extend({ expiresInDays: z.int().min(1).max(3650).optional().describe('Gift cards expire this many days after issue; never by default') }),
  ])
  .describe("Store credit: `provider: 'http'` a credit service at apiUrl, `provider: 'shopify'` a Shopify gift card per decision (scope write_gift_cards, Shopify Plus). There is no default: without it store credit decisions fail visibly");
export type ShopStoreCredit = z.infer<typeof ShopStoreCredit>;

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
  notifications: ShopNotifications.optional().describe('Without it the shop sends no customer messages'),
  exchanges: ShopExchanges.optional().describe('Without it the shop offers no exchanges: exchange requests are refused'),
  payments: ShopPayments.optional().describe('Without it refunds to the original payment cannot be issued'),
  storeCredit: ShopStoreCredit.optional().describe('Without it store credit cannot be issued (the decision fails with store_credit_not_configured)'),
  discounts: ShopDiscounts.optional().describe('Without it no discount codes are given: courtesy discounts are skipped'),
  delays: DelaySettings.optional().describe('Order-delay alerts: handling and transit times, calendar, ladder; the defaults without it'),
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
  private readonly bySmsIdentity = new Map<string, ShopConfig[]>();

  constructor(readonly config: ShopsConfig) {
    for (const shop of config.shops) for (const key of shopKeys(shop)) this.byKey.set(key, shop);
    for (const shop of config.shops) {
      const identity = shop.notifications?.smsOriginationIdentity?.trim().toLowerCase();
      if (identity) this.bySmsIdentity.set(identity, [...(this.bySmsIdentity.get(identity) ?? []), shop]);
    }
  }

  find(kind: StorefrontKind, identity: string | undefined): ShopConfig | undefined {
    if (!identity) return undefined;
    const key = kind === 'woocommerce' ? normalizeWooSource(identity) : identity.trim().toLowerCase();
    return this.byKey.get(`${kind}:${key}`);
  }

  byId(shopId: string): ShopConfig | undefined {
    return this.byKey.get(`shop:${shopId}`);
  }

  /**
   * The shops that send SMS from `identity` (an inbound SMS's destination number). Shops may share
   * one number, and a STOP to it stops them all: the carrier sees one sender.
   */
  bySmsOrigination(identity: string): ShopConfig[] {
    return this.bySmsIdentity.get(identity.trim().toLowerCase()) ?? [];
  }
}

/** The demo shops the local stack starts with (the README documents them). */
export function demoShops(secret: string): ShopsConfig {
  const notifications = (shopId: string) => ({ fromEmail: `hello@${shopId}.example`, supportEmail: `help@${shopId}.example`, opsEmail: `duty@${shopId}.example`, smsOriginationIdentity: '+15555550100' });
  const common = { defaultLocale: 'en', timeZone: 'UTC', webhookSecrets: [secret] };
  return {
    shops: [
      { ...common, shopId: 'demo-shopify', name: 'Demo Shopify shop', shopify: { domain: 'demo-shop.myshopify.com' }, notifications: notifications('demo-shopify') },
      {
        ...common,
        shopId: 'demo-woocommerce',
        name: 'Demo WooCommerce shop',
        woocommerce: { source: 'https://demo-shop.example', consumerKey: 'ck_local', consumerSecret: 'cs_local' },
        notifications: notifications('demo-woocommerce'),
      },
      { ...common, shopId: 'demo-generic', name: 'Demo generic shop', generic: { source: 'demo-shop' }, notifications: notifications('demo-generic') },
    ],
  };
}
