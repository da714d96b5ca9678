import { describe, expect, it } from 'vitest';
import { composeSms, maxSmsSegments, renderSms, smsOptOut, smsSegments } from '#shared/notifications/sms.ts';

describe('smsSegments', () => {
  it('counts GSM-7 septets: 160 in one part, 153 per part beyond', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', units: 307, segments: 3 });
    // Accented letters of the basic table stay GSM-7.
    expect(smsSegments('Schöne Grüße, señor, très bien @ £5 ¿?').encoding).toBe('GSM-7');
  });

  it('counts extension characters as two septets', () => {
    expect(smsSegments('€')).toEqual({ encoding: 'GSM-7', units: 2, segments: 1 });
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSegments('[]{}~^|\\').units).toBe(16);
    // An escape sequence is never split across parts: 152 + "€" does not fit the first 153.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('switches to UCS-2 for any character outside GSM 03.38: 70 in one part, 67 per part', () => {
    expect(smsSegments(`${'a'.repeat(50)}好`)).toEqual({ encoding: 'UCS-2', units: 51, segments: 1 });
    expect(smsSegments('好'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments('好'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(smsSegments('好'.repeat(135))).toEqual({ encoding: 'UCS-2', units: 135, segments: 3 });
    // Not in the GSM table: ç, á, the typographic apostrophe and the ellipsis.
    for (const char of ['ç', 'á', '’', '…']) expect(smsSegments(char).encoding).toBe('UCS-2');
  });

  it('counts a surrogate pair as two units and never splits it', () => {
    expect(smsSegments('😀')).toEqual({ encoding: 'UCS-2', units: 2, segments: 1 });
    expect(smsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    // 66 units, then a pair that would straddle the 67-unit boundary moves whole to the next part.
    expect(smsSegments(`${'好'.repeat(66)}😀${'好'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
  });
});

describe('renderSms', () => {
  const en = { marketing: false, locale: 'en', shopName: 'Acme' } as const;

  it('prefixes the shop name', () => {
    expect(renderSms('Your return R-1 was approved.', en)).toBe('Acme: Your return R-1 was approved.');
  });

  it('appends the opt-out wording of the locale to marketing texts', () => {
    expect(renderSms('New tents are in.', { ...en, marketing: true })).toBe('Acme: New tents are in. Reply STOP to opt out.');
    expect(renderSms('新品上架。', { marketing: true, locale: 'zh-CN', shopName: 'Acme' })).toBe('Acme: 新品上架。回复STOP退订');
    // A space ends a URL, so the handset does not link the opt-out wording with it.
    expect(renderSms('新品：https://acme.example/n', { marketing: true, locale: 'zh-CN', shopName: 'Acme' })).toBe('Acme: 新品：https://acme.example/n 回复STOP退订');
    for (const locale of ['es', 'fr', 'de'] as const) {
      expect(renderSms('Hola.', { marketing: true, locale, shopName: 'Acme' })).toBe(`Acme: Hola. ${smsOptOut[locale]}`);
    }
  });

  it('shortens a GSM-7 body at a word boundary, keeping the opt-out and the encoding', () => {
    const body = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const options = { ...en, marketing: true };
    expect(smsSegments(composeSms(body, options)).segments).toBeGreaterThan(maxSmsSegments);
    const sms = renderSms(body, options);
    expect(sms.startsWith('Acme: word0 word1 ')).toBe(true);
    expect(sms.endsWith('... Reply STOP to opt out.')).toBe(true);
    expect(sms).toMatch(/ word\d+\.\.\. Reply/);
    expect(smsSegments(sms)).toMatchObject({ encoding: 'GSM-7', segments: maxSmsSegments });
    // As much as fits: one more word would not.
    const kept = sms.slice('Acme: '.length, sms.indexOf('...'));
    const next = body.slice(0, body.indexOf(' ', kept.length + 1));
    expect(smsSegments(composeSms(`${next}...`, options)).segments).toBeGreaterThan(maxSmsSegments);
  });

  it('shortens a UCS-2 body with "…", cutting Chinese between characters', () => {
    const sms = renderSms('您的新品优惠'.repeat(40), { marketing: true, locale: 'zh-CN', shopName: 'Acme' });
    expect(sms.endsWith('…回复STOP退订')).toBe(true);
    expect(sms.startsWith('Acme: 您的新品优惠')).toBe(true);
    expect(smsSegments(sms)).toEqual({ encoding: 'UCS-2', units: 134, segments: 2 });
  });

  it('keeps the mark apart from a URL it follows', () => {
    const url = `https://acme.example/${'p'.repeat(20)}`;
    expect(renderSms(`Deal ${url} ${'x'.repeat(400)}`, { ...en, marketing: true })).toBe(`Acme: Deal ${url} ... Reply STOP to opt out.`);
  });

  it('keeps the prefix and the opt-out even when no word of the body fits', () => {
    const sms = renderSms('x'.repeat(400), { marketing: true, locale: 'en', shopName: 'A'.repeat(300) });
    expect(sms).toBe(`${'A'.repeat(300)}: ... Reply STOP to opt out.`);
  });

  it('leaves a text that fits untouched (whitespace collapsed)', () => {
    const body = 'a'.repeat(300);
    expect(renderSms(`  ${body}\n`, { ...en, shopName: 'Ab' })).toBe(`Ab: ${body}`);
  });
});
