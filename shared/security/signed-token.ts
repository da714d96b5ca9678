// Compact HS256 JWTs for what the platform hands to customers: portal sessions, unsubscribe and
// preference links, survey links. Each use has its own audience, so a token made for one cannot
// be used for another. Pure: no AWS, clock injectable.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface BaseClaims {
  aud: string;
  iat: number;
  exp: number;
}

export type TokenCheck<C> = { ok: true; claims: C } | { ok: false; reason: 'malformed' | 'signature' | 'audience' | 'expired' };

const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const sign = (input: string, secret: string) => createHmac('sha256', secret).update(input).digest();

/** A token carrying `claims` for `audience`, valid `lifetimeSeconds` from `now`. */
export function signToken<C extends Record<string, unknown>>(claims: C, options: { audience: string; lifetimeSeconds: number; secret: string; now?: Date }): { token: string; claims: C & BaseClaims } {
  if (!options.secret) throw new Error('The signing secret is empty');
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const full = { ...claims, aud: options.audience, iat, exp: iat + options.lifetimeSeconds };
  const signingInput = `${header}.${Buffer.from(JSON.stringify(full)).toString('base64url')}`;
  return { token: `${signingInput}.${sign(signingInput, options.secret).toString('base64url')}`, claims: full };
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The claims if we signed the token for `audience` and it has not expired; `isClaims` checks their shape. */
export function verifyToken<C>(token: string, options: { audience: string; secret: string; now?: Date; isClaims: (value: unknown) => value is C }): TokenCheck<C & BaseClaims> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return { ok: false, reason: 'malformed' };
  const [encodedHeader, encodedClaims, signature] = parts as [string, string, string];
  // Only HS256: never let the token choose its algorithm (alg=none and key confusion).
  const head = decodeJson(encodedHeader) as { alg?: unknown } | undefined;
  if (head?.alg !== 'HS256') return { ok: false, reason: 'malformed' };
  // Compared as text, so a non-canonical encoding of the right bytes is refused too.
  const expected = Buffer.from(sign(`${encodedHeader}.${encodedClaims}`, options.secret).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  const claims = decodeJson(encodedClaims) as (BaseClaims & Record<string, unknown>) | undefined;
  if (!claims || typeof claims !== 'object' || !Number.isInteger(claims.iat) || !Number.isInteger(claims.exp) || typeof claims.aud !== 'string' || !options.isClaims(claims)) {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.aud !== options.audience) return { ok: false, reason: 'audience' };
  if (Math.floor((options.now ?? new Date()).getTime() / 1000) >= claims.exp) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims as C & BaseClaims };
}

/**
 * A short token for links that must fit an SMS: `<base64url JSON of the claims and expiry>.<128-bit
 * HMAC over the audience and that>`. Same guarantees as the JWT form (audience, expiry, constant-time
 * check), about a quarter of the length. Claim names should be short.
 */
export function signCompactToken<C extends Record<string, string>>(claims: C, options: { audience: string; lifetimeSeconds: number; secret: string; now?: Date }): string {
  if (!options.secret) throw new Error('The signing secret is empty');
  const exp = Math.floor((options.now ?? new Date()).getTime() / 1000) + options.lifetimeSeconds;
  const payload = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
  return `${payload}.${sign(`${options.audience}.${payload}`, options.secret).subarray(0, 16).toString('base64url')}`;
}

export function verifyCompactToken<C>(token: string, options: { audience: string; secret: string; now?: Date; isClaims: (value: unknown) => value is C }): TokenCheck<C> {
  const parts = token.split('.');
  if (parts.length !== 2 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return { ok: false, reason: 'malformed' };
  const [payload, signature] = parts as [string, string];
  const expected = Buffer.from(sign(`${options.audience}.${payload}`, options.secret).subarray(0, 16).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  const claims = decodeJson(payload) as ({ exp?: unknown } & Record<string, unknown>) | undefined;
  if (!claims || typeof claims !== 'object' || !Number.isInteger(claims.exp) || !options.isClaims(claims)) return { ok: false, reason: 'malformed' };
  if (Math.floor((options.now ?? new Date()).getTime() / 1000) >= (claims.exp as number)) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
