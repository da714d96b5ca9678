// Shopify money bags. Since multi-currency selling, every amount of an order comes twice:
// `price` (a decimal string in the shop currency) and `price_set` with `shop_money` and
// `presentment_money` ({amount, currency_code}). The customer paid in the presentment currency,
// so that is the one we keep; the plain field is only a fallback when both currencies are the same
// (old API versions without `*_set`).
import type { Field } from './read.ts';

export interface ShopifyCurrencies {
  /** What the customer saw and paid in (`presentment_currency`). */
  presentment: string;
  /** The shop's reporting currency (`currency`), what plain decimal fields use. */
  shop: string;
}

const currencyCode = /^[A-Z]{3}$/;

function code(field: Field): string {
  const value = field.string();
  if (!currencyCode.test(value)) field.invalid('an ISO 4217 currency code');
  return value;
}

/** The currencies of an order payload. */
export function orderCurrencies(order: Field): ShopifyCurrencies {
  const shop = code(order.get('currency'));
  const presentment = order.get('presentment_currency').absent ? shop : code(order.get('presentment_currency'));
  return { presentment, shop };
}

/**
 * The currencies of a payload without its order (a refund): read from the first money bag found
 * among `bags` (`shop_money`/`presentment_money`), else from `fallback` (a transaction currency).
 */
export function currenciesFromBags(bags: readonly Field[], fallback: Field | undefined): ShopifyCurrencies | undefined {
  for (const bag of bags) {
    if (bag.absent) continue;
    const presentment = code(bag.get('presentment_money').required().get('currency_code'));
    const shop = bag.get('shop_money').absent ? presentment : code(bag.get('shop_money').get('currency_code'));
    return { presentment, shop };
  }
  if (fallback && !fallback.absent) {
    const currency = code(fallback);
    return { presentment: currency, shop: currency };
  }
  return undefined;
}

/**
 * `parent[key + '_set'].presentment_money.amount` in minor units, checked to be in the presentment
 * currency; `parent[key]` when the bag is missing and both currencies are the same.
 */
export function bagAmount(parent: Field, key: string, currencies: ShopifyCurrencies, options: { signed?: boolean } = {}): number {
  return optBagAmount(parent, key, currencies, options) ?? parent.get(`${key}_set`).fail('missing_field', 'is required');
}

export function optBagAmount(parent: Field, key: string, currencies: ShopifyCurrencies, options: { signed?: boolean } = {}): number | undefined {
  const bag = parent.get(`${key}_set`);
  if (!bag.absent) {
    const presentment = bag.get('presentment_money').required();
    const currencyField = presentment.get('currency_code');
    const currency = currencyField.absent ? currencies.presentment : code(currencyField);
    if (currency !== currencies.presentment) currencyField.fail('invalid_value', `${currency} is not the presentment currency ${currencies.presentment}`);
    return presentment.get('amount').money(currencies.presentment, options);
  }
  const plain = parent.get(key);
  if (plain.absent) return undefined;
  if (currencies.shop !== currencies.presentment) {
    bag.fail('missing_field', `is required: ${plain.path} is in the shop currency ${currencies.shop}, not ${currencies.presentment}`);
  }
  return plain.money(currencies.presentment, options);
}

export function sum(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}

/** A Money in the presentment currency. */
export function money(amount: number, currencies: ShopifyCurrencies): { amount: number; currency: string } {
  return { amount, currency: currencies.presentment };
}
