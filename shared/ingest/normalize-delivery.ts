// Turns a stored delivery into the normalized model, whichever storefront sent it.
import type { StorefrontKind } from '../shops/config.ts';
import { GenericEnvelope, normalizeGeneric } from '../storefronts/generic.ts';
import type { NormalizedDelivery } from '../storefronts/normalized.ts';
import { normalizeShopify } from '../storefronts/shopify.ts';
import { normalizeWooCommerce } from '../storefronts/woocommerce.ts';

export function normalizeDelivery(
  delivery: { provider: StorefrontKind; topic: string; receivedAt: string },
  payload: unknown,
  shop: { shopId: string; defaultLocale: string },
): NormalizedDelivery {
  const ctx = { shopId: shop.shopId, defaultLocale: shop.defaultLocale, receivedAt: delivery.receivedAt };
  switch (delivery.provider) {
    case 'shopify':
      return normalizeShopify(delivery.topic, payload, ctx);
    case 'woocommerce':
      return normalizeWooCommerce(delivery.topic, payload, ctx);
    case 'generic':
      return normalizeGeneric(GenericEnvelope.parse(payload), ctx);
  }
}
