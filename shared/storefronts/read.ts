// Reading untyped webhook payloads field by field, with the path of every value at hand so a
// payload we cannot map fails with a message naming the field:
// `orders/create: line_items[2].price: "abc" is not a decimal amount`.
import { toMinorUnits } from './money.ts';

export type MappingErrorReason = 'missing_field' | 'invalid_value' | 'unsupported_topic';

/** A storefront payload (or generic envelope) that cannot be mapped to the normalized model. */
export class MappingError extends Error {
  override readonly name = 'MappingError';

  constructor(
    readonly reason: MappingErrorReason,
    /** The webhook topic or envelope type being mapped. */
    readonly topic: string,
    /** Path of the offending field in the payload (`line_items[2].price`); empty for the whole payload. */
    readonly path: string,
    detail: string,
  ) {
    super(`${topic}: ${path || '(payload)'}: ${detail}`);
  }
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const isoWithoutZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

/** An ISO 8601 UTC timestamp without a `.000` millisecond part when there is none. */
export function utcIso(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A value of the payload and where it is. Absent means `undefined` or `null` (JSON null). */
export class Field {
  constructor(
    readonly topic: string,
    readonly path: string,
    readonly value: unknown,
  ) {}

  static root(topic: string, payload: unknown): Field {
    return new Field(topic, '', payload);
  }

  get absent(): boolean {
    return this.value === undefined || this.value === null;
  }

  fail(reason: MappingErrorReason, detail: string): never {
    throw new MappingError(reason, this.topic, this.path, detail);
  }

  invalid(expected: string): never {
    return this.fail('invalid_value', `${preview(this.value)} is not ${expected}`);
  }

  /** A property of this object (absent when this value is absent). */
  get(key: string): Field {
    const path = this.path ? `${this.path}.${key}` : key;
    if (this.absent) return new Field(this.topic, path, undefined);
    if (typeof this.value !== 'object' || Array.isArray(this.value)) this.invalid('an object');
    return new Field(this.topic, path, (this.value as Record<string, unknown>)[key]);
  }

  required(): this {
    if (this.absent) this.fail('missing_field', 'is required');
    return this;
  }

  /** The elements of an array; an absent array is empty. */
  items(): Field[] {
    if (this.absent) return [];
    if (!Array.isArray(this.value)) this.invalid('an array');
    return this.value.map((item, index) => new Field(this.topic, `${this.path}[${index}]`, item));
  }

  string(): string {
    const text = this.optString();
    if (text === undefined) this.fail('missing_field', 'is required');
    return text;
  }

  /** A string, trimmed; absent and blank strings are undefined. */
  optString(): string | undefined {
    if (this.absent) return undefined;
    if (typeof this.value !== 'string') this.invalid('a string');
    const text = this.value.trim();
    return text === '' ? undefined : text;
  }

  /** An id: a non-empty string or a non-negative integer, as a string. */
  id(): string {
    const id = this.optId();
    if (id === undefined) this.fail('missing_field', 'is required');
    return id;
  }

  optId(): string | undefined {
    if (this.absent) return undefined;
    if (typeof this.value === 'number') {
      if (!Number.isSafeInteger(this.value) || this.value < 0) this.invalid('an id');
      return String(this.value);
    }
    const text = this.optString();
    if (text !== undefined && text.length > 100) this.invalid('an id (100 characters at most)');
    return text;
  }

  /** An integer id where 0 means none (WooCommerce's `customer_id`, `variation_id`). */
  optNonZeroId(): string | undefined {
    const id = this.optId();
    return id === '0' ? undefined : id;
  }

  int(): number {
    this.required();
    const number = typeof this.value === 'string' && /^-?\d+$/.test(this.value.trim()) ? Number(this.value) : this.value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) this.invalid('an integer');
    return number;
  }

  optBool(): boolean | undefined {
    if (this.absent) return undefined;
    if (typeof this.value !== 'boolean') this.invalid('a boolean');
    return this.value;
  }

  /** An ISO 8601 time with a zone (`2024-05-01T05:30:00-04:00`), as UTC (`2024-05-01T09:30:00Z`). */
  datetime(options: { assumeUtc?: boolean } = {}): string {
    const time = this.optDatetime(options);
    if (time === undefined) this.fail('missing_field', 'is required');
    return time;
  }

  /** `assumeUtc` reads zone-less times as UTC (WooCommerce's `*_gmt` fields). */
  optDatetime(options: { assumeUtc?: boolean } = {}): string | undefined {
    const text = this.optString();
    if (text === undefined) return undefined;
    const zoned = isoWithZone.test(text) ? text : options.assumeUtc && isoWithoutZone.test(text) ? `${text}Z` : undefined;
    const date = zoned === undefined ? undefined : new Date(zoned);
    if (!date || Number.isNaN(date.getTime())) this.invalid(options.assumeUtc ? 'an ISO 8601 date-time' : 'an ISO 8601 date-time with a time zone');
    return utcIso(date);
  }

  /** A decimal amount (string or JSON number) in minor units of `currency`. */
  money(currency: string, options: { signed?: boolean } = {}): number {
    this.required();
    if (typeof this.value !== 'string' && typeof this.value !== 'number') this.invalid('a decimal amount');
    const result = toMinorUnits(this.value, currency, options);
    if (result.ok) return result.amount;
    if (result.problem === 'negative') this.invalid('a non-negative amount');
    if (result.problem === 'too_large') this.invalid('an amount in range');
    return this.invalid('a decimal amount');
  }
}
