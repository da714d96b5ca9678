// What happens to one NotificationRequested: claim its deduplication key, decide (consent, opt-outs,
// bounces, quiet hours, cap), then render and send, or suppress, defer or fail, and announce the
// outcome. No AWS here: the handler passes adapters for storage, email, SMS and deferral.
import type { DetailOf } from '../events/define.ts';
import { NotificationFailed, NotificationSent, NotificationSuppressed, type NotificationRequested } from '../events/notifications.ts';
import type { ShopConfig } from '../shops/config.ts';
import { decideDelivery, defaultMarketingRules, type DeliveryDecision } from './policy.ts';
import { emailHeaders, renderMessage, TemplateVariablesError } from './render.ts';
import { withShopLinks } from './shop-links.ts';
import { resolveLocale, type MessageTemplate } from './templates/define.ts';
import { findTemplate } from './templates/index.ts';
import type { Claim, NotificationStatus } from '../adapters/notification-store.ts';
import type { AddressStatus } from './policy.ts';

export type NotificationRequest = DetailOf<typeof NotificationRequested>;
type Outcome = 'sent' | 'suppressed' | 'deferred' | 'failed' | 'duplicate';

/** A send the provider refused for good (a malformed number, a rejected address): retrying cannot help. */
export class PermanentSendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SenderPorts {
  now(): Date;
  store: {
    claim(request: { shopId: string; notificationId: string; customerId: string; messageType: string; category: 'transactional' | 'marketing'; deduplicationKey: string; related: Record<string, string> }, now: Date, leaseMs: number): Promise<Claim>;
    finish(shopId: string, key: string, outcome: { status: Exclude<NotificationStatus, 'sending'>; at: Date; channel?: 'email' | 'sms'; providerMessageId?: string; detail?: string; leaseUntil?: string }, alongside?: Array<Record<string, unknown>>): Promise<void>;
    addressStatuses(shopId: string, recipient: { email?: string; phone?: string }): Promise<{ email?: AddressStatus; sms?: AddressStatus }>;
    marketingSentSince(shopId: string, customerId: string, since: Date): Promise<number>;
    marketingSentItem(shopId: string, customerId: string, at: Date): Record<string, unknown>;
    providerPointerItem(shopId: string, key: string, providerMessageId: string, at: Date): Record<string, unknown>;
  };
  /** The customer as ingested from the storefront: consent and time zone. */
  customer(shopId: string, customerId: string): Promise<{ emailMarketingConsent?: { state: string }; smsMarketingConsent?: { state: string }; timeZone?: string } | undefined>;
  /** A transaction item that publishes an event through the outbox. */
  event(definition: typeof NotificationSent | typeof NotificationSuppressed | typeof NotificationFailed, detail: unknown, now: Date): Record<string, unknown>;
  sendEmail(message: { from: string; to: string; subject: string; html: string; text: string; headers: Array<{ name: string; value: string }>; tags: Record<string, string> }): Promise<string>;
  sendSms(message: { to: string; from?: string; body: string; marketing: boolean; context: Record<string, string> }): Promise<string>;
  /** Delivers the request again at `until`. */
  deferUntil(request: NotificationRequest, until: string): Promise<void>;
  /** Links that carry a signed token (unsubscribe, preferences), built by the handler. */
  links(request: NotificationRequest, channel: 'email' | 'sms', address: string): { unsubscribeUrl?: string; preferencesUrl?: string };
  /** Secrets the message shows but the request must not carry on the bus (a gift card's code), read at render time. */
  secretTemplateData?(request: NotificationRequest): Promise<Record<string, unknown>>;
}

/** How long one attempt owns its deduplication key before another worker may take over. */
export const sendLeaseMs = 2 * 60_000;

function relatedOf(request: NotificationRequest): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const field of ['orderId', 'returnId', 'shipmentId', 'refundId', 'caseId', 'nudgeId', 'surveyId'] as const) if (request[field]) ids[field] = request[field]!;
  return ids;
}

function eventRef(request: NotificationRequest, now: Date) {
  const { version: _v, occurredAt: _o, recipient: _r, channelPreference: _c, locale: _l, templateData: _t, notBefore: _n, ...ref } = request;
  return { ...ref, version: 1 as const, occurredAt: now.toISOString() };
}

export async function handleNotificationRequest(request: NotificationRequest, shop: ShopConfig | undefined, ports: SenderPorts): Promise<Outcome> {
  const now = ports.now();
  const { shopId, deduplicationKey: key } = request;
  const claim = await ports.store.claim(
    { shopId, notificationId: request.notificationId, customerId: request.customer.id, messageType: request.messageType, category: request.category, deduplicationKey: key, related: relatedOf(request) },
    now,
    sendLeaseMs,
  );
  if (!claim.claimed) {
    // Another worker holds it right now: let SQS retry after its lease.
    if (claim.existing.status === 'sending' || claim.existing.status === 'retry') throw new Error(`Notification ${key} is being sent by another worker`);
    if (claim.existing.status === 'deferred') return 'deferred';
    // Sent, suppressed or failed already: a repeated request changes nothing.
    return 'duplicate';
  }
  const fail = async (code: string, message: string, channel?: 'email' | 'sms') => {
    await ports.store.finish(shopId, key, { status: 'failed', at: now, channel, detail: `${code}: ${message}` }, [
      ports.event(NotificationFailed, { ...eventRef(request, now), channel, errorCode: code, message: message.slice(0, 500), retryable: false, attempts: 1 }, now),
    ]);
    return 'failed' as const;
  };

  const template = findTemplate(request.messageType);
  if (!template) return fail('unknown_message_type', `No template for ${request.messageType}`);
  if (!shop?.notifications) return fail('shop_not_configured', `Shop ${shopId} has no notification settings`);
  if (template.category !== request.category) return fail('category_mismatch', `${request.messageType} is ${template.category}, not ${request.category}`);

  const customer = await ports.customer(shopId, request.customer.id);
  const timeZone = customer?.timeZone ?? shop.timeZone;
  const decision: DeliveryDecision = decideDelivery({
    now,
    category: request.category,
    channelPreference: request.channelPreference,
    recipient: request.recipient,
    storefrontConsent: { email: customer?.emailMarketingConsent?.state, sms: customer?.smsMarketingConsent?.state },
    addresses: await ports.store.addressStatuses(shopId, request.recipient),
    marketingSentThisWeek: request.category === 'marketing' ? await ports.store.marketingSentSince(shopId, request.customer.id, new Date(now.getTime() - 7 * 86_400_000)) : 0,
    timeZone,
    notBefore: request.notBefore,
    rules: { quietHours: shop.notifications.quietHours ?? defaultMarketingRules.quietHours, weeklyCap: shop.notifications.weeklyMarketingCap ?? defaultMarketingRules.weeklyCap },
  });

  if (decision.action === 'suppress') {
    await ports.store.finish(shopId, key, { status: 'suppressed', at: now, channel: decision.channel, detail: decision.reason }, [
      ports.event(NotificationSuppressed, { ...eventRef(request, now), reason: decision.reason, channel: decision.channel }, now),
    ]);
    return 'suppressed';
  }
  if (decision.action === 'defer') {
    await ports.deferUntil(request, decision.until);
    await ports.store.finish(shopId, key, { status: 'deferred', at: now, detail: `${decision.why} until ${decision.until}`, leaseUntil: decision.until });
    return 'deferred';
  }
  return send(request, template, shop, decision, timeZone, ports, now, fail);
}

async function send(
  request: NotificationRequest,
  template: MessageTemplate,
  shop: ShopConfig,
  decision: Extract<DeliveryDecision, { action: 'send' }>,
  timeZone: string,
  ports: SenderPorts,
  now: Date,
  fail: (code: string, message: string, channel?: 'email' | 'sms') => Promise<'failed'>,
): Promise<Outcome> {
  const settings = shop.notifications!;
  const { shopId, deduplicationKey: key } = request;
  const marketing = request.category === 'marketing';
  const links = ports.links(request, decision.channel, decision.to);
  const context = {
    locale: resolveLocale(request.locale, shop.defaultLocale),
    timeZone,
    shop: { shopName: shop.name, supportEmail: settings.supportEmail, supportUrl: settings.supportUrl, logoUrl: settings.logoUrl, accentColor: settings.accentColor },
  };
  let rendered;
  try {
    const secrets = (await ports.secretTemplateData?.(request)) ?? {};
    rendered = renderMessage(template, withShopLinks({ ...request.templateData, ...secrets }, settings), context, { ...links, channel: decision.channel });
  } catch (error) {
    if (error instanceof TemplateVariablesError) return fail('invalid_template_data', error.message, decision.channel);
    throw error;
  }
  let providerMessageId: string;
  try {
    providerMessageId =
      decision.channel === 'email'
        ? await ports.sendEmail({
            from: `"${shop.name.replace(/["\\]/g, '')}" <${settings.fromEmail}>`,
            to: decision.to,
            subject: rendered.subject,
            html: rendered.html,
            text: rendered.text,
            headers: emailHeaders(template, links),
            tags: { shop: shopId, notification: request.notificationId, type: request.messageType },
          })
        : await ports.sendSms({ to: decision.to, from: settings.smsOriginationIdentity, body: rendered.sms, marketing, context: { shop: shopId, notification: request.notificationId } });
  } catch (error) {
    if (error instanceof PermanentSendError) return fail(error.code, error.message, decision.channel);
    // Transient (throttling, 5xx, timeout): release the key so the SQS retry may claim it at once.
    await ports.store.finish(shopId, key, { status: 'retry', at: now, channel: decision.channel, detail: (error as Error).message });
    throw error;
  }
  await ports.store.finish(shopId, key, { status: 'sent', at: now, channel: decision.channel, providerMessageId, detail: decision.fallback ? 'fallback channel' : undefined }, [
    ports.event(NotificationSent, { ...eventRef(request, now), channel: decision.channel, provider: decision.channel === 'email' ? 'ses' : 'sms', providerMessageId }, now),
    ...(marketing ? [ports.store.marketingSentItem(shopId, request.customer.id, now)] : []),
    ports.store.providerPointerItem(shopId, key, providerMessageId, now),
  ]);
  return 'sent';
}
