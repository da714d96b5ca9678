// The one message a customer gets when a parcel claim waits for their choice: the options,
// recommended first, with what each gives back, each with its own link. A link opens the shop's
// customer portal on the decision (`customerPortalUrl` with {decisionId}); a shop without a portal
// page gets an email to its support naming the decision and the choice, so a choice always
// reaches someone. Pure.
import { NotificationRequested } from '../events/notifications.ts';
import type { OutboxEvent } from '../returns/messages.ts';
import type { ShopNotifications } from '../shops/config.ts';
import type { ResolutionKind } from './decision.ts';
import type { DecisionRecord } from './decision-record.ts';

export type ChoiceUrl = (decisionId: string, kind: ResolutionKind) => string;

/** How the shop's messages link to a choice on a decision. */
export function claimChoiceUrl(settings: Pick<ShopNotifications, 'customerPortalUrl' | 'supportEmail'>): ChoiceUrl {
  return (decisionId, kind) => {
    if (settings.customerPortalUrl) {
      const page = new URL(settings.customerPortalUrl.replaceAll('{decisionId}', encodeURIComponent(decisionId)));
      page.searchParams.set('choice', kind);
      return page.toString();
    }
    return `mailto:${settings.supportEmail}?subject=${encodeURIComponent(`Claim ${decisionId}: I choose ${kind.replaceAll('_', ' ')}`)}`;
  };
}

/** The NotificationRequested listing the options; undefined when the customer cannot be reached. */
export function claimOfferMessage(record: DecisionRecord, choiceUrl: ChoiceUrl, at: string, newId: () => string): OutboxEvent | undefined {
  const { customer, decision } = record;
  if (!customer.email && !customer.phone) return undefined;
  const options = [...decision.options]
    .sort((a, b) => a.rank - b.rank)
    .map((option) => ({
      kind: option.kind,
      ...(option.amount ? { amount: option.amount } : {}),
      ...(option.bonus ? { bonus: option.bonus } : {}),
      url: choiceUrl(record.decisionId, option.kind),
    }));
  return {
    definition: NotificationRequested,
    eventId: newId(),
    detail: {
      version: 1,
      shopId: record.shopId,
      occurredAt: at,
      notificationId: newId(),
      customer,
      messageType: 'claim_options',
      category: 'transactional',
      // One message per claim, however often its event is delivered.
      deduplicationKey: `claim_options:${record.decisionId}`,
      orderId: record.orderId,
      ...(decision.claim.caseId ? { caseId: decision.claim.caseId } : {}),
      recipient: { ...(customer.email ? { email: customer.email } : {}), ...(customer.phone ? { phone: customer.phone } : {}) },
      channelPreference: ['email', 'sms'],
      locale: customer.locale,
      templateData: {
        ...(customer.firstName ? { firstName: customer.firstName } : {}),
        orderNumber: record.orderNumber ?? record.orderId,
        claimKind: decision.claim.kind,
        options,
        ...(record.offer ? { chooseBy: record.offer.expiresAt.slice(0, 10) } : {}),
      },
    },
  };
}
