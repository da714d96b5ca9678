// Customer session tokens: HS256 JWTs signed with the deployment's session secret. Customers have
// no identity provider; they prove who they are with an order number and its email, and this token
// carries that proof (shop and email) for an hour. Pure: no AWS, clock injectable.
import { signToken, verifyToken, type TokenCheck } from '../security/signed-token.ts';

export const customerAudience = 'aftersales-customer';
export const sessionLifetimeSeconds = 3600;

export interface CustomerClaims {
  sub: 'customer';
  shopId: string;
  /** Lower-cased: orders are matched case-insensitively. */
  email: string;
  iat: number;
  exp: number;
  aud: string;
}

export type VerifyResult = TokenCheck<CustomerClaims>;

type Clock = () => Date;
const systemClock: Clock = () => new Date();

/** A token for `email` at `shopId`, valid for an hour from now. */
export function signCustomerSession(input: { shopId: string; email: string }, secret: string, now: Clock = systemClock): { token: string; claims: CustomerClaims } {
  return signToken({ sub: 'customer' as const, shopId: input.shopId, email: input.email.trim().toLowerCase() }, { audience: customerAudience, lifetimeSeconds: sessionLifetimeSeconds, secret, now: now() });
}

function isClaims(value: unknown): value is CustomerClaims {
  const claims = value as Partial<CustomerClaims>;
  return claims.sub === 'customer' && typeof claims.shopId === 'string' && claims.shopId !== '' && typeof claims.email === 'string' && claims.email !== '';
}

/** The token's claims if we signed it, for customers, and it has not expired; else why not. */
export function verifyCustomerSession(token: string, secret: string, now: Clock = systemClock): VerifyResult {
  return verifyToken(token, { audience: customerAudience, secret, now: now(), isClaims });
}
