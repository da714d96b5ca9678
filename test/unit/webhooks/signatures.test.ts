import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBase64BodyHmac, signGeneric, verifyBase64BodyHmac, verifyGenericSignature } from '../../../shared/webhooks/signatures.ts';

const body = Buffer.from('{"id":820982911946154508,"email":"jon@example.com"}');

describe('Shopify and WooCommerce body HMAC', () => {
  // A known vector computed independently of our code: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
  it('matches a known HMAC-SHA256 vector, base64-encoded', () => {
    const known = Buffer.from('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8', 'hex').toString('base64');
    expect(verifyBase64BodyHmac(Buffer.from('The quick brown fox jumps over the lazy dog'), known, ['key'])).toBe(true);
    expect(signBase64BodyHmac('The quick brown fox jumps over the lazy dog', 'key')).toBe(known);
  });

  it('accepts the previous secret during a rotation, and refuses others', () => {
    const signature = createHmac('sha256', 'old-secret-0123456789').update(body).digest('base64');
    expect(verifyBase64BodyHmac(body, signature, ['new-secret-0123456789', 'old-secret-0123456789'])).toBe(true);
    expect(verifyBase64BodyHmac(body, signature, ['new-secret-0123456789'])).toBe(false);
  });

  it('refuses a missing, malformed or truncated signature and a changed body', () => {
    const signature = signBase64BodyHmac(body, 'secret-0123456789');
    expect(verifyBase64BodyHmac(body, undefined, ['secret-0123456789'])).toBe(false);
    expect(verifyBase64BodyHmac(body, 'not base64!', ['secret-0123456789'])).toBe(false);
    expect(verifyBase64BodyHmac(body, signature.slice(0, 20), ['secret-0123456789'])).toBe(false);
    expect(verifyBase64BodyHmac(Buffer.concat([body, Buffer.from(' ')]), signature, ['secret-0123456789'])).toBe(false);
  });
});

describe('generic signature (t=...,v1=...)', () => {
  const secret = 'generic-secret-0123456789';
  const now = 1_767_225_600;

  it('matches a vector computed by hand', () => {
    const expected = createHmac('sha256', secret).update(`${now}.`).update(body).digest('hex');
    expect(signGeneric(body, secret, now)).toBe(`t=${now},v1=${expected}`);
    expect(verifyGenericSignature(body, `t=${now},v1=${expected}`, [secret], now)).toEqual({ ok: true });
  });

  it('accepts any listed v1 during a rotation, and either secret', () => {
    const oldSig = signGeneric(body, 'previous-secret-0123456', now).split(',')[1];
    const newSig = signGeneric(body, secret, now).split(',')[1];
    expect(verifyGenericSignature(body, `t=${now},${oldSig},${newSig}`, [secret], now).ok).toBe(true);
    expect(verifyGenericSignature(body, `t=${now},${oldSig}`, [secret, 'previous-secret-0123456'], now).ok).toBe(true);
  });

  it('refuses replays outside the tolerance window, on both sides', () => {
    const signature = signGeneric(body, secret, now);
    expect(verifyGenericSignature(body, signature, [secret], now + 300).ok).toBe(true);
    expect(verifyGenericSignature(body, signature, [secret], now + 301)).toMatchObject({ ok: false, reason: 'expired' });
    expect(verifyGenericSignature(body, signature, [secret], now - 301)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('names what is wrong with a bad header', () => {
    expect(verifyGenericSignature(body, undefined, [secret], now)).toMatchObject({ reason: 'missing' });
    expect(verifyGenericSignature(body, 'v1=abc', [secret], now)).toMatchObject({ reason: 'malformed' });
    expect(verifyGenericSignature(body, `t=${now},v1=${'0'.repeat(64)}`, [secret], now)).toMatchObject({ reason: 'mismatch' });
    // The timestamp is part of what is signed: changing it breaks the signature.
    const [, v1] = signGeneric(body, secret, now).split(',');
    expect(verifyGenericSignature(body, `t=${now + 1},${v1}`, [secret], now)).toMatchObject({ reason: 'mismatch' });
  });
});
