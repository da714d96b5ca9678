// Cleaning of contact, locale, carrier and free-text values shared by the normalizers. Contact
// details that do not fit the catalogue's formats are dropped rather than failing the delivery:
// an order with an unreachable phone number is still an order.
import { Carrier, EmailAddress, Locale, PhoneNumber, Tracking } from '../events/common.ts';

/** A trimmed email address, or undefined when it is not one. */
export function cleanEmail(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const email = value.trim();
  return EmailAddress.safeParse(email).success ? email : undefined;
}

/**
 * An E.164 phone number (`+447700900123`) from what a storefront stores (`+44 7700 900123`,
 * `+1(502)-459-2181`, `0044…`). National numbers without a country code are dropped: guessing the
 * country would send messages to the wrong person.
 */
export function cleanPhone(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let phone = value.trim().replace(/[\s().\-/]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  return PhoneNumber.safeParse(phone).success ? phone : undefined;
}

/** A BCP 47 tag from `en`, `en-GB`, `pt_BR`, `EN-us`; undefined when it is not one. */
export function cleanLocale(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const [language = '', ...rest] = value.trim().replace(/_/g, '-').split('-');
  const locale = [language.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
  return Locale.safeParse(locale).success ? locale : undefined;
}

/** An IANA time zone name the runtime knows (`Europe/Paris`). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Text cut to `max` characters (at a code point boundary); blank text is undefined. */
export function clip(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('').trimEnd();
}

/** Tags from a list or a comma-separated string: trimmed, unique, at most 50 of at most 50 characters. */
export function cleanTags(value: string | readonly string[] | undefined): string[] {
  const raw = value === undefined ? [] : typeof value === 'string' ? value.split(',') : value;
  const tags = new Set<string>();
  for (const tag of raw) {
    const text = tag.trim();
    if (text !== '' && text.length <= 50) tags.add(text);
  }
  return [...tags].slice(0, 50);
}

/**
 * A carrier from a storefront's carrier name or slug (`DHL Express` → `dhl_express`, `postnord-se`,
 * `La Poste` → `la_poste`). A name that leaves no code (all non-Latin script) becomes `other`.
 */
export function carrierFrom(name: string | undefined): Carrier | undefined {
  const label = clip(name, 100);
  if (label === undefined) return undefined;
  const code =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_')
      .replace(/^[_-]+|[_-]+$/g, '')
      .slice(0, 40)
      .replace(/[_-]+$/, '') || 'other';
  return Carrier.parse({ code, name: label });
}

/** A public http(s) tracking page URL the catalogue accepts, or undefined. */
export function cleanTrackingUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = value.trim();
  if (!/^https?:\/\//i.test(url)) return undefined;
  return Tracking.shape.trackingUrl.safeParse(url).success ? url : undefined;
}

/** A tracking number as carriers print it: trimmed, inner whitespace removed, 100 characters at most. */
export function cleanTrackingNumber(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const number = value.replace(/\s+/g, '');
  return number !== '' && number.length <= 100 ? number : undefined;
}

/** Distinct defined values, in order. */
export function distinct<T>(values: readonly (T | undefined)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== undefined))];
}
