// The customer as the flows need it: contact, language, consent, and totals that count each order
// and each refund exactly once. Only the personal data the flows use is kept.
import type { NormalizedCustomer, NormalizedOrder, NormalizedRefund } from '../storefronts/normalized.ts';
import { customerUpdatedDetail } from '../storefronts/to-events.ts';
import { CustomerUpdated } from '../events/customers.ts';
import type { PendingEvent } from './order-state.ts';

type Consent = NonNullable<NormalizedCustomer['emailMarketingConsent']>;

export interface CustomerState {
  shopId: string;
  customerId: string;
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  locale?: string;
  timeZone?: string;
  emailMarketingConsent?: Consent;
  smsMarketingConsent?: Consent;
  /** The storefront time of the profile we hold; older profile updates are ignored. */
  profileUpdatedAt?: string;
  orderCount: number;
  /** Spend net of refunds, per currency, in minor units. */
  netSpend: Record<string, number>;
  firstOrderAt?: string;
  lastOrderAt?: string;
  version: number;
}

export function emptyCustomerState(shopId: string, customerId: string): CustomerState {
  return { shopId, customerId, orderCount: 0, netSpend: {}, version: 0 };
}

const earlier = (a: string | undefined, b: string) => (a && Date.parse(a) <= Date.parse(b) ? a : b);
const later = (a: string | undefined, b: string) => (a && Date.parse(a) >= Date.parse(b) ? a : b);

/** Counts a newly placed order once; contact details fill gaps but never overwrite the profile. */
export function countOrder(state: CustomerState, order: NormalizedOrder): CustomerState {
  const { customer, totals, createdAt } = order;
  return {
    ...state,
    email: state.email ?? customer.email,
    phone: state.phone ?? customer.phone,
    firstName: state.firstName ?? customer.firstName,
    lastName: state.lastName ?? customer.lastName,
    locale: state.locale ?? customer.locale,
    timeZone: state.timeZone ?? customer.timeZone,
    orderCount: state.orderCount + 1,
    netSpend: { ...state.netSpend, [totals.total.currency]: (state.netSpend[totals.total.currency] ?? 0) + totals.total.amount },
    firstOrderAt: earlier(state.firstOrderAt, createdAt),
    lastOrderAt: later(state.lastOrderAt, createdAt),
  };
}

export function countRefund(state: CustomerState, refund: NormalizedRefund): CustomerState {
  const { currency, amount } = refund.amount;
  return { ...state, netSpend: { ...state.netSpend, [currency]: (state.netSpend[currency] ?? 0) - amount } };
}

/** A profile from the storefront, if newer than the one held. */
export function applyProfile(state: CustomerState, customer: NormalizedCustomer, correlationId?: string): { next: CustomerState; events: PendingEvent[] } | undefined {
  if (state.profileUpdatedAt && Date.parse(customer.sourceUpdatedAt) <= Date.parse(state.profileUpdatedAt)) return undefined;
  const next: CustomerState = {
    ...state,
    email: customer.email,
    phone: customer.phone,
    firstName: customer.firstName,
    lastName: customer.lastName,
    locale: customer.locale ?? state.locale,
    timeZone: customer.timeZone ?? state.timeZone,
    emailMarketingConsent: customer.emailMarketingConsent ?? state.emailMarketingConsent,
    smsMarketingConsent: customer.smsMarketingConsent ?? state.smsMarketingConsent,
    profileUpdatedAt: customer.sourceUpdatedAt,
  };
  return { next, events: [{ definition: CustomerUpdated, detail: customerUpdatedDetail(customer, correlationId) }] };
}
