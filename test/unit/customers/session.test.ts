// Customer session tokens: what verify accepts and why it refuses the rest.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { customerAudience, sessionLifetimeSeconds, signCustomerSession, verifyCustomerSession } from '#shared/customers/session.ts';

const secret = 'k'.repeat(64);
const at = (iso: string) => () => new Date(iso);
const issuedAt = at('2031-05-01T10:00:00Z');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with the given header and claims, correctly signed with `key`. */
function forge(header: unknown, claims: unknown, key = secret): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

describe('signCustomerSession', () => {
  it('issues an HS256 JWT for a lower-cased email, valid one hour', () => {
    const { token, claims } = signCustomerSession({ shopId: 'demo-shopify', email: ' Ada@Example.COM ' }, secret, issuedAt);
    const [header, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = Date.parse('2031-05-01T10:00:00Z') / 1000;
    expect(claims).toEqual({ sub: 'customer', shopId: 'demo-shopify', email: 'ada@example.com', iat, exp: iat + sessionLifetimeSeconds, aud: customerAudience });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual(claims);
  });

  it('refuses an empty key', () => {
    expect(() => signCustomerSession({ shopId: 'demo-shopify', email: 'a@b.co' }, '', issuedAt)).toThrow(/empty/);
  });
});

describe('verifyCustomerSession', () => {
  const { token, claims } = signCustomerSession({ shopId: 'demo-shopify', email: 'ada@example.com' }, secret, issuedAt);

  it('returns the claims of a token it signed, until it expires', () => {
    expect(verifyCustomerSession(token, secret, issuedAt)).toEqual({ ok: true, claims });
    expect(verifyCustomerSession(token, secret, at('2031-05-01T10:59:59Z'))).toEqual({ ok: true, claims });
    expect(verifyCustomerSession(token, secret, at('2031-05-01T11:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another key and a tampered signature or payload', () => {
    expect(verifyCustomerSession(token, 'x'.repeat(64), issuedAt)).toEqual({ ok: false, reason: 'signature' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(verifyCustomerSession(`${header}.${payload}.${signature.slice(0, -4)}AAAA`, secret, issuedAt).ok).toBe(false);
    expect(verifyCustomerSession(`${header}.${payload}.${signature.slice(0, -2)}`, secret, issuedAt)).toEqual({ ok: false, reason: 'signature' });
    const otherEmail = b64({ ...claims, email: 'eve@example.com' });
    expect(verifyCustomerSession(`${header}.${otherEmail}.${signature}`, secret, issuedAt)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses a token for another audience, even correctly signed', () => {
    const forged = forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'aftersales-ops' });
    expect(verifyCustomerSession(forged, secret, issuedAt)).toEqual({ ok: false, reason: 'audience' });
  });

  it('refuses another algorithm, alg none and malformed tokens', () => {
    expect(verifyCustomerSession(forge({ alg: 'HS512', typ: 'JWT' }, claims), secret, issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyCustomerSession(`${b64({ alg: 'none' })}.${b64(claims)}.`, secret, issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    for (const bad of ['', 'abc', 'a.b', 'a.b.c.d', `${token} `, 'a.b.c']) {
      expect(verifyCustomerSession(bad, secret, issuedAt), JSON.stringify(bad)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses correctly signed claims that are not a customer session', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    for (const bad of [{ ...claims, sub: 'ops' }, { ...claims, email: '' }, { ...claims, exp: 'later' }, { ...claims, shopId: undefined }, ['not', 'claims'], 'text']) {
      expect(verifyCustomerSession(forge(header, bad), secret, issuedAt), JSON.stringify(bad)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});
