// The logger masks personal data in every line, whichever handler logs it and however it is nested.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger, maskPersonalText, redactPersonalData } from '../../../shared/observability.ts';

const email = 'ada.lovelace+returns@example.co.uk';
const phone = '+44 20 7946 0958';

function linesLogged(log: () => void): string[] {
  const written: string[] = [];
  // Info goes to stdout, warnings and errors to stderr.
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }),
  );
  try {
    log();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return written.join('').split('\n').filter(Boolean);
}

afterEach(() => vi.restoreAllMocks());

describe('maskPersonalText', () => {
  it('masks emails and international phone numbers, leaving ids, amounts and times alone', () => {
    expect(maskPersonalText(`Mail to ${email}, call ${phone} or +16135550123.`)).toBe('Mail to [email], call [phone] or [phone].');
    const plain = 'order 820982911946154508 refunded 1250 USD at 2026-12-03T07:09:30+00:00 (line 8209829119461545081)';
    expect(maskPersonalText(plain)).toBe(plain);
  });
});

describe('redactPersonalData', () => {
  it('drops the values of attributes that name or locate a person, whatever their shape', () => {
    expect(redactPersonalData('email', 'x')).toBe('[redacted]');
    expect(redactPersonalData('shipping_address', { address1: '1 Analytical Way' })).toBe('[redacted]');
    expect(redactPersonalData('firstName', 'Ada')).toBe('[redacted]');
    expect(redactPersonalData('zip', '02110')).toBe('[redacted]');
    expect(redactPersonalData('orderId', '820982911946154508')).toBe('820982911946154508');
    expect(redactPersonalData('name', 'ConditionalCheckFailedException')).toBe('ConditionalCheckFailedException');
  });
});

describe('the logger', () => {
  it('writes no email, phone or address, in messages, nested attributes or errors', () => {
    const lines = linesLogged(() => {
      logger.info(`Return requested by ${email}`, { shopId: 'demo', customer: { contact: { email, phone } }, shippingAddress: { address1: '1 Analytical Way', city: 'Boston' } });
      logger.error('Send failed', { error: new Error(`SES refused ${email} (${phone})`) });
      logger.warn('Recipients', { to: [email, phone] });
    });
    expect(lines).toHaveLength(3);
    const text = lines.join('\n');
    for (const personal of [email, phone, '1 Analytical Way', '7946']) expect(text).not.toContain(personal);
    const [first, second, third] = lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({ message: 'Return requested by [email]', shopId: 'demo', customer: { contact: { email: '[redacted]', phone: '[redacted]' } }, shippingAddress: '[redacted]' });
    expect(second.error).toMatchObject({ name: 'Error', message: 'SES refused [email] ([phone])' });
    expect(third.to).toEqual(['[email]', '[phone]']);
  });
});
