// SMS text: how many parts a body costs (GSM 03.38 or UCS-2), and the final text of a message:
// the shop name first (carriers and customers need to know who writes), the opt-out wording last
// for marketing (required by carriers; never shortened away).
import type { TemplateLocale } from './templates/define.ts';

/** Longer messages are shortened: each part is billed and some handsets show parts out of order. */
export const maxSmsSegments = 2;

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

// GSM 03.38: the default alphabet (one septet each, ESC excluded) and its extension table (ESC + septet).
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = new Set('\f^{}\\[~]|€');

const limits = { 'GSM-7': { single: 160, part: 153 }, 'UCS-2': { single: 70, part: 67 } } as const;

/** The parts a body needs, split as handsets do: never inside an escape sequence or a surrogate pair. */
export function smsSegments(text: string): SmsSegments {
  const chars = [...text];
  const encoding = chars.every((char) => gsmBasic.has(char) || gsmExtension.has(char)) ? 'GSM-7' : 'UCS-2';
  const costs = chars.map((char) => (encoding === 'GSM-7' ? (gsmExtension.has(char) ? 2 : 1) : char.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, part } = limits[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}

/** The opt-out wording carriers expect in marketing texts, per locale. */
export const smsOptOut: Record<TemplateLocale, string> = {
  en: 'Reply STOP to opt out.',
  'zh-CN': '回复STOP退订',
  es: 'Responde STOP para darte de baja.',
  fr: 'Répondez STOP pour vous désabonner.',
  de: 'Antworte STOP zum Abbestellen.',
};

export interface SmsOptions {
  marketing: boolean;
  locale: TemplateLocale;
  shopName: string;
}

// Scripts written without spaces between words: any character boundary is a word boundary.
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The full text, before any shortening: `Shop: body`, plus the opt-out wording for marketing. */
export function composeSms(body: string, options: SmsOptions): string {
  const text = `${collapse(options.shopName)}: ${collapse(body)}`;
  if (!options.marketing) return text;
  // Chinese runs sentences together, but a space must still end a URL or a Latin word, or the
  // handset links the opt-out wording as part of the URL.
  const last = text.slice(-1);
  const joined = options.locale === 'zh-CN' && (unspaced.test(last) || last === '…');
  return `${text}${joined ? '' : ' '}${smsOptOut[options.locale]}`;
}

const fits = (text: string) => smsSegments(text).segments <= maxSmsSegments;

/**
 * The text to send: `composeSms`, with the body cut at a word boundary and marked with an
 * ellipsis when the whole would exceed `maxSmsSegments`. The prefix and opt-out stay whole.
 */
export function renderSms(body: string, options: SmsOptions): string {
  const full = composeSms(body, options);
  if (fits(full)) return full;
  const chars = [...collapse(body)];
  // "…" is not in GSM 03.38: in a GSM-7 message it would switch the whole text to UCS-2 (about
  // half the room), so GSM-7 messages are marked with three dots instead.
  const ellipsis = smsSegments(full).encoding === 'UCS-2' ? '…' : '...';
  for (let length = chars.length - 1; length > 0; length--) {
    const before = chars[length - 1]!;
    const after = chars[length]!;
    const boundary = /\s/.test(after) || unspaced.test(before) || unspaced.test(after);
    if (!boundary) continue;
    const kept = chars.slice(0, length).join('').replace(/[\s,;:\-–—、，；：]+$/u, '');
    if (!kept) continue;
    // A mark right after a URL would read as part of it.
    const candidate = composeSms(`${kept}${/https?:\/\/\S+$/.test(kept) ? ' ' : ''}${ellipsis}`, options);
    if (fits(candidate)) return candidate;
  }
  // Not even one word fits beside the prefix and the opt-out: send those whole.
  return composeSms(ellipsis, options);
}
