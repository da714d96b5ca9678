// The erasure planner: for one stored item, what a customer or shop erasure does to it. Items that
// exist only to reach the person (raw deliveries, contact and consent records, exports, anything
// keyed by their email or phone) are deleted; items that money and KPIs still need (orders,
// returns, refunds, ledgers, notifications, surveys...) keep their ids, amounts, statuses and
// times, and lose names, emails, phones, addresses and free-text comments. Plain domain code.
import { belongsToShop, identifierPattern, isSubjectPerson, mentionsSubject, type ErasureSubject, type StoredItem } from './subject.ts';

export const erasedMark = '[erased]';

export type ItemPlan =
  | { action: 'keep' }
  | { action: 'delete'; why: string }
  | { action: 'rewrite'; item: StoredItem; changedFields: number };

/** Fields of a person (inside a customer, address or recipient object): gone or replaced. */
const contactFields = new Set(['email', 'phone']);
const personFields = new Set(['firstName', 'lastName', 'first_name', 'last_name', 'name', 'company', 'line1', 'line2', 'address1', 'address2', 'street', 'city', 'zip', 'postalCode', 'postcode', 'latitude', 'longitude']);
/** Free text a customer wrote or that was written about them: replaced wherever it is in an item about them. */
const freeTextFields = new Set(['note', 'notes', 'comment', 'comments', 'reasonNote', 'customerNote', 'customerComment', 'note_attributes']);
/** Key prefixes of items that hold nothing but the person's contact, consent or data. */
const contactItemPrefixes = ['CONTACT#', 'MARKETING#', 'PRIVACYEXPORT#'];
const lifecycleKeys = new Set(['pk', 'sk', 'subject', 'at']);

function keyAttributesMention(item: StoredItem, pattern: RegExp | undefined): boolean {
  if (!pattern) return false;
  return ['pk', 'sk', 'subject', 'at'].some((name) => {
    const value = item[name];
    if (typeof value !== 'string') return false;
    pattern.lastIndex = 0;
    return pattern.test(value);
  });
}

/** Replaces the subject's identifiers in free text; undefined when nothing changed. */
function scrubText(value: string, pattern: RegExp | undefined): string | undefined {
  if (!pattern) return undefined;
  pattern.lastIndex = 0;
  const next = value.replace(pattern, erasedMark);
  return next === value ? undefined : next;
}

/**
 * The item without the subject's personal data, and how many fields changed. Ids, amounts,
 * statuses and times stay; an email or phone field goes (schemas validate their format), other
 * personal text becomes `[erased]` (schemas may require it).
 */
export function anonymise(item: StoredItem, subject: ErasureSubject): { item: StoredItem; changedFields: number } {
  const pattern = identifierPattern(subject);
  let changed = 0;
  const visit = (value: unknown, key: string): unknown => {
    if (value instanceof Uint8Array) return value;
    if (Array.isArray(value)) return value.map((element) => visit(element, key));
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const person = isSubjectPerson(record, key, subject);
      const out: Record<string, unknown> = {};
      for (const [childKey, child] of Object.entries(record)) {
        if (typeof child === 'string' && person && contactFields.has(childKey)) {
          changed += 1;
          continue;
        }
        if (typeof child === 'string' && person && personFields.has(childKey) && child !== erasedMark) {
          changed += 1;
          out[childKey] = erasedMark;
          continue;
        }
        if (typeof child === 'string' && freeTextFields.has(childKey) && child !== erasedMark && child.length > 0) {
          changed += 1;
          out[childKey] = erasedMark;
          continue;
        }
        const next = visit(child, childKey);
        if (typeof child === 'string' && next !== child && contactFields.has(childKey)) continue; // held the identifier: drop it
        out[childKey] = next;
      }
      return out;
    }
    if (typeof value === 'string') {
      const scrubbed = scrubText(value, pattern);
      if (scrubbed === undefined) return value;
      changed += 1;
      return scrubbed;
    }
    return value;
  };
  const out: StoredItem = {};
  for (const [key, value] of Object.entries(item)) {
    // Keys identify the item: one that holds an identifier is deleted by the plan, never rewritten.
    out[key] = lifecycleKeys.has(key) ? value : visit(value, key);
  }
  return { item: out, changedFields: changed };
}

/**
 * Whether an item is about the subject: it names their ids, email or phone, or their full name.
 * A first name alone is not enough (another customer may share it); it is erased only inside
 * items found by the rest.
 */
export function isAbout(item: StoredItem, subject: ErasureSubject): boolean {
  if (mentionsSubject(item, subject)) return true;
  const fullNames = [...subject.names].filter((name) => /\s/.test(name));
  if (fullNames.length === 0) return false;
  const pattern = identifierPattern({ ...subject, emails: new Set(), phones: new Set(), names: new Set(fullNames) })!;
  return pattern.test(JSON.stringify(item, (_key, value) => (value instanceof Uint8Array ? undefined : value)));
}

/** A raw delivery is about the subject when its stored attributes or its payload are (an order topic's payload is the order itself). */
export function deliveryIsAbout(item: StoredItem, subject: ErasureSubject, payload: unknown): boolean {
  if (mentionsSubject(item, subject)) return true;
  if (payload === undefined) return false;
  if (typeof item.topic === 'string' && /^orders?[/.]/.test(item.topic) && payload && typeof payload === 'object') {
    const id = (payload as Record<string, unknown>).id;
    if ((typeof id === 'string' || typeof id === 'number') && subject.orderIds.has(String(id))) return true;
  }
  return isAbout({ payload } as StoredItem, subject);
}

export interface PlanContext {
  /** The decoded body of a raw delivery item, to see whether it is about the subject. */
  deliveryPayload?: unknown;
}

/** What a customer erasure (`customers/redact`) does to one item of the state table or journal. */
export function planCustomerErasure(item: StoredItem, subject: ErasureSubject, context: PlanContext = {}): ItemPlan {
  if (!belongsToShop(item, subject.shopId)) return { action: 'keep' };
  const pk = typeof item.pk === 'string' ? item.pk : '';
  if (pk.startsWith('DELIVERY#')) {
    return deliveryIsAbout(item, subject, context.deliveryPayload) ? { action: 'delete', why: 'raw delivery about the customer' } : { action: 'keep' };
  }
  if (!isAbout(item, subject)) return { action: 'keep' };
  if (keyAttributesMention(item, identifierPattern({ ...subject, names: new Set() }))) return { action: 'delete', why: 'keyed by the customer’s contact details' };
  if (contactItemPrefixes.some((prefix) => pk.startsWith(prefix))) return { action: 'delete', why: 'contact, consent or export record of the customer' };
  const { item: rewritten, changedFields } = anonymise(item, subject);
  return changedFields > 0 ? { action: 'rewrite', item: rewritten, changedFields } : { action: 'keep' };
}

/** What a shop erasure (`shop/redact`) does to one item: everything of the shop goes. */
export function planShopErasure(item: StoredItem, shopId: string): ItemPlan {
  return belongsToShop(item, shopId) ? { action: 'delete', why: 'item of the erased shop' } : { action: 'keep' };
}
