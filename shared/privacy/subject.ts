// Whose data a privacy request is about, and how to recognise it in any stored item: by the ids
// the item names (its keys, `customerId`, `orderId`, `customer.id`) or by the person's email,
// phone or name anywhere in it. Plain domain code over untyped items, so it finds the data of
// every capability, including ones added after it.
import type { CustomerIdentity } from './requests.ts';

export type StoredItem = Record<string, unknown>;

export interface ErasureSubject {
  shopId: string;
  customerId: string;
  orderIds: Set<string>;
  /** Lower case. */
  emails: Set<string>;
  /** As written and as `+digits`. */
  phones: Set<string>;
  /** Lower case: full names and each name of at least two letters. */
  names: Set<string>;
}

export function subjectOf(shopId: string, identity: CustomerIdentity): ErasureSubject {
  const subject: ErasureSubject = { shopId, customerId: identity.customerId, orderIds: new Set(identity.orderIds), emails: new Set(), phones: new Set(), names: new Set() };
  for (const email of identity.emails) addEmail(subject, email);
  for (const phone of identity.phones) addPhone(subject, phone);
  return subject;
}

function addEmail(subject: ErasureSubject, email: string): void {
  const value = email.trim().toLowerCase();
  if (value.includes('@')) subject.emails.add(value);
}

function addPhone(subject: ErasureSubject, phone: string): void {
  const value = phone.trim();
  const digits = value.replace(/\D/g, '');
  // Too short to be a phone number: matching it would erase unrelated digits.
  if (digits.length < 6) return;
  subject.phones.add(value.toLowerCase());
  subject.phones.add(`+${digits}`);
}

function addName(subject: ErasureSubject, name: string): void {
  const value = name.trim().toLowerCase();
  if (value.length < 2 || value === '[erased]') return;
  subject.names.add(value);
  for (const part of value.split(/\s+/)) if (part.length >= 2) subject.names.add(part);
}

/** The attributes of DynamoDB keys and index keys: `KIND#<shopId>#<id>...`. */
const keyAttributes = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'subject'];

const segments = (value: unknown): string[] => (typeof value === 'string' ? value.split('#') : []);

/** Whether the item is the shop's: its keys (or key-like attributes) or its `shopId` name it. */
export function belongsToShop(item: StoredItem, shopId: string): boolean {
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'string') {
      if (name === 'shopId' && value === shopId) return true;
      // `ORDER#<shop>#...`, `AUDIT#<shop>#...`, a journal subject `order#<shop>#...`, a pointer `notificationPk`.
      if (/^[A-Za-z][A-Za-z_]*#/.test(value) && segments(value)[1] === shopId) return true;
    } else if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !Array.isArray(value)) {
      const nested = value as Record<string, unknown>;
      if (nested.shopId === shopId || (name === 'record' && nested.scope === shopId)) return true;
    }
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The identifiers as one pattern: emails and phones anywhere, names as whole words. */
export function identifierPattern(subject: ErasureSubject): RegExp | undefined {
  const plain = [...subject.emails, ...subject.phones].map(escapeRegExp);
  const words = [...subject.names].sort((a, b) => b.length - a.length).map((name) => `(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`);
  const all = [...plain, ...words];
  return all.length ? new RegExp(all.join('|'), 'giu') : undefined;
}

/** Whether a key attribute names the subject's customer or one of their orders. */
function keyNamesSubject(item: StoredItem, subject: ErasureSubject): boolean {
  return keyAttributes.some((name) => {
    const parts = segments(item[name]);
    return parts.length > 1 && parts.slice(1).some((part) => part === subject.customerId || subject.orderIds.has(part));
  });
}

/** Walks every value of an item, with the key it is under and the object holding it. */
function walk(value: unknown, visit: (key: string, value: unknown, parent: Record<string, unknown>, parentKey: string) => void, parentKey = ''): void {
  if (Array.isArray(value)) {
    for (const element of value) walk(element, visit, parentKey);
  } else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      visit(key, child, record, parentKey);
      walk(child, visit, key);
    }
  }
}

const idOf = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** The item (or a storefront payload) is about the subject: it names their customer id, one of their orders, or their email or phone. */
export function mentionsSubject(item: StoredItem, subject: ErasureSubject, pattern = identifierPattern({ ...subject, names: new Set() })): boolean {
  if (keyNamesSubject(item, subject)) return true;
  let found = false;
  walk(item, (key, value, _parent, parentKey) => {
    if (found) return;
    const id = idOf(value);
    if (id !== undefined) {
      if ((key === 'customerId' || key === 'customer_id') && id === subject.customerId) found = true;
      else if ((key === 'orderId' || key === 'order_id') && subject.orderIds.has(id)) found = true;
      else if (key === 'id' && parentKey === 'customer' && id === subject.customerId) found = true;
    }
    if (!found && typeof value === 'string' && pattern) {
      pattern.lastIndex = 0;
      found = pattern.test(value);
    }
  });
  return found;
}

/** Objects that describe a person: the customer, an address, a message's recipient. */
export const personContainers = new Set(['customer', 'recipient', 'shippingAddress', 'billingAddress', 'shipping_address', 'billing_address', 'default_address', 'addresses', 'address']);
const nameFields = ['firstName', 'lastName', 'first_name', 'last_name', 'name'];

/** Whether `parent` (under `parentKey`) describes the subject rather than someone else (an ops alert's duty team). */
export function isSubjectPerson(parent: Record<string, unknown>, parentKey: string, subject: ErasureSubject): boolean {
  if (idOf(parent.customerId) === subject.customerId) return true;
  if (!personContainers.has(parentKey)) return false;
  const id = idOf(parent.id);
  if (parentKey === 'customer') return id === undefined || id === subject.customerId;
  // An address or recipient of an item about the subject: theirs unless it names someone else's email.
  const email = typeof parent.email === 'string' ? parent.email.toLowerCase() : undefined;
  return email === undefined || subject.emails.has(email);
}

/**
 * Adds the emails, phones and names an item about the subject holds for them (the storefront's
 * request names only the customer's id, email and phone; names come from our own records), and
 * the orders it shows are theirs.
 */
export function harvestIdentifiers(item: StoredItem, subject: ErasureSubject): void {
  walk(item, (key, value, parent, parentKey) => {
    if (key === 'customer' && value && typeof value === 'object' && idOf((value as Record<string, unknown>).id) === subject.customerId) {
      const orderId = idOf(parent.orderId) ?? (parentKey === '' && idOf(parent.order_number) !== undefined ? idOf(parent.id) : undefined);
      if (orderId) subject.orderIds.add(orderId);
    }
    if (typeof value !== 'string' || !isSubjectPerson(parent, parentKey, subject)) return;
    if (key === 'email') addEmail(subject, value);
    else if (key === 'phone') addPhone(subject, value);
    else if (nameFields.includes(key)) addName(subject, value);
  });
}
