// Webhook signature checks, each in constant time and each accepting any of the shop's current
// secrets, so a secret can be rotated without refusing deliveries signed with the previous one.
import { createHmac, timingSafeEqual } from 'node:crypto';

function equalInConstantTime(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function hmac(secret: string, data: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/**
 * Shopify (`X-Shopify-Hmac-Sha256`) and WooCommerce (`X-WC-Webhook-Signature`) both sign the raw
 * body with HMAC-SHA256 and send it base64-encoded.
 */
export function verifyBase64BodyHmac(rawBody: Buffer, header: string | undefined, secrets: readonly string[]): boolean {
  if (!header || !/^[A-Za-z0-9+/]+={0,2}$/.test(header.trim())) return false;
  const given = Buffer.from(header.trim(), 'base64');
  return secrets.some((secret) => equalInConstantTime(hmac(secret, rawBody), given));
}

export function signBase64BodyHmac(rawBody: Buffer | string, secret: string): string {
  return hmac(secret, typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody).toString('base64');
}

export const genericSignatureHeader = 'x-aftersales-signature';
export const genericToleranceSeconds = 300;

export type GenericSignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch'; message: string };

/**
 * The generic format's signature, as Stripe and others do it: `t=<unix seconds>,v1=<hex HMAC of
 * "<t>.<body>">`, several `v1` allowed while a secret rotates; a timestamp outside the tolerance
 * window is refused so a captured delivery cannot be replayed later.
 */
export function verifyGenericSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[],
  nowSeconds: number,
  toleranceSeconds = genericToleranceSeconds,
): GenericSignatureCheck {
  if (!header) return { ok: false, reason: 'missing', message: `The ${genericSignatureHeader} header is missing` };
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = parts.find(([key]) => key === 't')?.[1];
  const signatures = parts.filter(([key, value]) => key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)).map(([, value]) => Buffer.from(value!, 'hex'));
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) {
    return { ok: false, reason: 'malformed', message: `The ${genericSignatureHeader} header must look like t=<unix seconds>,v1=<hex HMAC-SHA256>` };
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
    return { ok: false, reason: 'expired', message: `The signature timestamp is more than ${toleranceSeconds} seconds from the current time` };
  }
  const signed = Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]);
  const valid = secrets.some((secret) => {
    const expected = hmac(secret, signed);
    return signatures.some((given) => equalInConstantTime(expected, given));
  });
  return valid ? { ok: true } : { ok: false, reason: 'mismatch', message: 'The signature does not match the body' };
}

export function signGeneric(rawBody: Buffer | string, secret: string, timestampSeconds: number): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody;
  return `t=${timestampSeconds},v1=${hmac(secret, Buffer.concat([Buffer.from(`${timestampSeconds}.`), body])).toString('hex')}`;
}
