// Shopify customers (the Customer resource of `customers/update`) to NormalizedCustomer.
//
// Consent: `email_marketing_consent` and `sms_marketing_consent` ({state, opt_in_level,
// consent_updated_at}). Shopify's states `subscribed`, `not_subscribed`, `unsubscribed` and
// `pending` (double opt-in not confirmed yet) are kept; `redacted` (erased on request) becomes
// `unsubscribed` and `invalid` (unreachable address) `not_subscribed`, neither may be marketed to.
// Payloads older than these objects carry `accepts_marketing`; from API 2025-01 Shopify moved
// consent to dedicated topics and customer payloads may have none: consent is then absent
// (unknown), never assumed.
import { cleanEmail, cleanLocale, cleanPhone, clip } from './fields.ts';
import type { ChannelConsent, NormalizedCustomer } from './normalized.ts';
import type { Field } from './read.ts';
import type { ShopifyContext } from './shopify-order.ts';

const consentStates: Readonly<Record<string, ChannelConsent['state']>> = {
  subscribed: 'subscribed',
  not_subscribed: 'not_subscribed',
  unsubscribed: 'unsubscribed',
  pending: 'pending',
  redacted: 'unsubscribed',
  invalid: 'not_subscribed',
};

function consent(field: Field): ChannelConsent | undefined {
  if (field.absent) return undefined;
  const stateField = field.get('state');
  const state = stateField.optString();
  if (state === undefined) return undefined;
  const mapped = consentStates[state.toLowerCase()] ?? stateField.invalid(`a marketing consent state (${Object.keys(consentStates).join(', ')})`);
  return { state: mapped, updatedAt: field.get('consent_updated_at').optDatetime() };
}

function legacyEmailConsent(customer: Field): ChannelConsent | undefined {
  const accepts = customer.get('accepts_marketing').optBool();
  if (accepts === undefined) return undefined;
  return { state: accepts ? 'subscribed' : 'not_subscribed', updatedAt: customer.get('accepts_marketing_updated_at').optDatetime() };
}

export function shopifyCustomer(customer: Field, context: ShopifyContext): NormalizedCustomer {
  customer.required();
  return {
    shopId: context.shopId,
    platform: 'shopify',
    customerId: customer.get('id').id(),
    email: cleanEmail(customer.get('email').optString()),
    phone: cleanPhone(customer.get('phone').optString()),
    firstName: clip(customer.get('first_name').optString(), 100),
    lastName: clip(customer.get('last_name').optString(), 100),
    locale: cleanLocale(customer.get('locale').optString()) ?? cleanLocale(context.defaultLocale),
    emailMarketingConsent: consent(customer.get('email_marketing_consent')) ?? legacyEmailConsent(customer),
    smsMarketingConsent: consent(customer.get('sms_marketing_consent')),
    sourceUpdatedAt: customer.get('updated_at').optDatetime() ?? customer.get('created_at').datetime(),
  };
}
