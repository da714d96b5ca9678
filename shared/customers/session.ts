// Customer session tokens: HS256 JWTs signed with the deployment's session secret. Customers have
// no identity provider; they prove who they are with an order number and its email, and this token
// carries that proof (shop and email) for an hour. Pure: no AWS, clock injectable.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const customerAudience = 'aftersales-customer';
export const sessionLifetimeSeconds = 3600;

export interface CustomerClaims {
  sub: 'customer';
  shopId: string;
  /** Lower-cased: orders are matched case-insensitively. */
  email: string;
  iat: number;
  exp: number;
  aud: typeof customerAudience;
}

export type VerifyResult = { ok: true; claims: CustomerClaims } | { ok: false; reason: 'malformed' | 'signature' | 'audience' | 'expired' };

type Clock = () => Date;
const systemClock: Clock = () => new Date();

const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** A token for `email` at `shopId`, valid for an hour from now. */
export function signCustomerSession(input: { shopId: string; email: string }, secret: string, now: Clock = systemClock): { token: string; claims: CustomerClaims } {
  if (!secret) throw new Error('The session secret is empty');
  const iat = Math.floor(now().getTime() / 1000);
  const claims: CustomerClaims = { sub: 'customer', shopId: input.shopId, email: input.email.trim().toLowerCase(), iat, exp: iat + sessionLifetimeSeconds, aud: customerAudience };
  const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return { token: `${signingInput}.${sign(signingInput, secret).toString('base64url')}`, claims };
}

function isClaims(value: unknown): value is CustomerClaims {
  const claims = value as Partial<CustomerClaims> | null;
  return (
    typeof claims === 'object' && claims !== null &&
    claims.sub === 'customer' &&
    typeof claims.shopId === 'string' && claims.shopId !== '' &&
    typeof claims.email === 'string' && claims.email !== '' &&
    Number.isInteger(claims.iat) && Number.isInteger(claims.exp) &&
    typeof claims.aud === 'string'
  );
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The token's claims if we signed it, for customers, and it has not expired; else why not. */
export function verifyCustomerSession(token: string, secret: string, now: Clock = systemClock): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return { ok: false, reason: 'malformed' };
  const [encodedHeader, encodedClaims, signature] = parts as [string, string, string];
  // Only HS256: never let the token choose its algorithm (alg=none and key confusion).
  const head = decodeJson(encodedHeader) as { alg?: unknown } | undefined;
  if (head?.alg !== 'HS256') return { ok: false, reason: 'malformed' };
  // Compared as text, so a non-canonical encoding of the right bytes is refused too.
  const expected = Buffer.from(sign(`${encodedHeader}.${encodedClaims}`, secret).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  const claims = decodeJson(encodedClaims);
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
  if (claims.aud !== customerAudience) return { ok: false, reason: 'audience' };
  if (Math.floor(now().getTime() / 1000) >= claims.exp) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
