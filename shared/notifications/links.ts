// The links in a message that act for the customer without a sign-in: one-click unsubscribe and
// the preferences page. Each carries a signed token naming one shop, one channel and one address,
// valid a year (an old newsletter must still unsubscribe).
import { signToken, verifyToken, type TokenCheck } from '../security/signed-token.ts';

export const preferencesAudience = 'aftersales-preferences';
const lifetimeSeconds = 365 * 86_400;

export interface PreferenceClaims {
  shopId: string;
  channel: 'email' | 'sms';
  address: string;
}

const isPreferenceClaims = (value: unknown): value is PreferenceClaims => {
  const claims = value as Partial<PreferenceClaims>;
  return typeof claims.shopId === 'string' && (claims.channel === 'email' || claims.channel === 'sms') && typeof claims.address === 'string' && claims.address !== '';
};

export function preferenceToken(claims: PreferenceClaims, secret: string, now = new Date()): string {
  return signToken({ shopId: claims.shopId, channel: claims.channel, address: claims.address }, { audience: preferencesAudience, lifetimeSeconds, secret, now }).token;
}

export function verifyPreferenceToken(token: string, secret: string, now = new Date()): TokenCheck<PreferenceClaims> {
  return verifyToken(token, { audience: preferencesAudience, secret, now, isClaims: isPreferenceClaims });
}

/** The unsubscribe and preferences links of a message to `address`. */
export function preferenceLinks(publicApiUrl: string, claims: PreferenceClaims, secret: string, now = new Date()): { unsubscribeUrl: string; preferencesUrl: string } {
  const token = encodeURIComponent(preferenceToken(claims, secret, now));
  const base = publicApiUrl.replace(/\/+$/, '');
  return { unsubscribeUrl: `${base}/notifications/unsubscribe?token=${token}`, preferencesUrl: `${base}/notifications/preferences?token=${token}` };
}
