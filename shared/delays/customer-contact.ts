// The "told first" measure's other half: when the customer first contacted the shop about an
// order the delay flow watches (a parcel claim or a return they filed, a helpdesk ticket). Only the
// earliest contact is kept, and only while the order is late or still on its way: a return asked
// for after delivery is not a question about a delay.
import { openDelays, type DelayWatch } from './watch.ts';

export type ContactSource = NonNullable<DelayWatch['firstCustomerContactBy']>;

/** The watch with the contact recorded, or undefined when it changes nothing (a later contact, or an order no longer watched). */
export function recordCustomerContact(watch: DelayWatch, contact: { at: string; by: ContactSource }, now: Date): DelayWatch | undefined {
  const watched = watch.phase === 'awaiting_shipment' || watch.phase === 'in_transit' || openDelays(watch).length > 0;
  if (!watched) return undefined;
  const at = new Date(Math.min(Date.parse(contact.at), now.getTime())).toISOString();
  if (watch.firstCustomerContactAt && Date.parse(watch.firstCustomerContactAt) <= Date.parse(at)) return undefined;
  return { ...watch, firstCustomerContactAt: at, firstCustomerContactBy: contact.by, updatedAt: now.toISOString() };
}
