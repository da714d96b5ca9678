// RS256 JSON Web Tokens with node:crypto alone: signing for the local issuer, verification for the
// local JWT authorizer. Only what API Gateway's JWT authorizer checks is checked here.
import { createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

/** The app client id that local tokens carry and that a Cognito user pool client audience maps to. */
export const LOCAL_CLIENT_ID = 'local-ops-console';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(claims: JwtClaims, privateKey: KeyObject, kid: string): string {
  const signingInput = `${encode({ alg: 'RS256', kid, typ: 'JWT' })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** A JWKS public key as `createPublicKey(...).export({ format: 'jwk' })` gives it, with its `kid`. */
export function publicJwk(publicKey: KeyObject, kid: string): Record<string, string> {
  return { ...(publicKey.export({ format: 'jwk' }) as Record<string, string>), kid, alg: 'RS256', use: 'sig' };
}

export interface VerifyOptions {
  /** Public keys by `kid`. */
  keys: ReadonlyMap<string, KeyObject>;
  issuer: string;
  /** Accepted `aud` values (or `client_id` when the token has no `aud`, as Cognito access tokens do not). */
  audience: readonly string[];
  now: Date;
}

export type VerifyResult = { ok: true; claims: JwtClaims } | { ok: false; reason: string };

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies in API Gateway's order: decode, algorithm and signature, then kid, iss, aud/client_id, exp, nbf, iat. */
export function verifyJwt(token: string, options: VerifyOptions): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return { ok: false, reason: 'the token is not a JWT' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodePart(headerPart);
  const claims = decodePart(payloadPart);
  if (!header || !claims) return { ok: false, reason: 'the token is not a JWT' };
  if (header.alg !== 'RS256') return { ok: false, reason: `signing method ${String(header.alg)} is invalid` };
  const key = typeof header.kid === 'string' ? options.keys.get(header.kid) : undefined;
  if (!key) return { ok: false, reason: 'the token was not signed by a key of the issuer' };
  const valid = createVerify('RSA-SHA256').update(`${headerPart}.${payloadPart}`).verify(key, Buffer.from(signaturePart, 'base64url'));
  if (!valid) return { ok: false, reason: 'signature is invalid' };
  if (claims.iss !== options.issuer) return { ok: false, reason: 'the token issuer is invalid' };
  const audiences = claims.aud === undefined ? [claims.client_id] : Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((aud) => typeof aud === 'string' && options.audience.includes(aud))) return { ok: false, reason: 'the token audience is invalid' };
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return { ok: false, reason: 'the token has expired' };
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds) return { ok: false, reason: 'the token is not valid yet' };
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds) return { ok: false, reason: 'the token was issued in the future' };
  return { ok: true, claims };
}

/** Rebuilds a public key from its JWK, e.g. one read back from the JWKS endpoint. */
export const keyFromJwk = (jwk: Record<string, string>): KeyObject => createPublicKey({ key: jwk, format: 'jwk' });
