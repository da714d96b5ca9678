// Shared pieces of the returns, exchanges and refunds templates: variable schemas, the greeting,
// closing and signature in every locale, and SMS-safe dates and amounts (GSM-7 only in Latin
// languages, so an SMS stays one cheap segment).
import * as z from 'zod';
import { Money } from '../../events/common.ts';
import { ReturnResolution } from '../../events/returns.ts';
import { formatDate, formatMoney, type Link, type MessageContent, type RenderContext, type TemplateLocale } from './define.ts';

// ---- Variable schemas ---------------------------------------------------------------------------

export const firstName = z.string().min(1).max(100).optional().describe("Customer's first name; the greeting is neutral without it");
export const orderNumber = z.string().min(1).max(50).describe('Order number as the customer knows it, e.g. #1001');
export const isoDate = (description: string) => z.union([z.iso.date(), z.iso.datetime({ offset: true })]).describe(`${description} (ISO 8601 date or date-time)`);
export const link = (description: string) => z.url().max(500).describe(`${description}; a page of the shop, never a URL carrying a token`);
export const money = (description: string) => Money.describe(description);
export const resolution = ReturnResolution.describe('What the customer gets: refund, store credit or exchange');
export type Resolution = z.output<typeof resolution>;
export const Item = z.object({
  title: z.string().min(1).max(200).describe('Product title as shown on the order'),
  quantity: z.int().positive().max(10_000).describe('Units concerned'),
});
export const items = z.array(Item).min(1).max(50).describe('The items of the return');

// ---- Framing: greeting, closing, signature ------------------------------------------------------

const greetings: Record<TemplateLocale, (name?: string) => string> = {
  en: (name) => (name ? `Hi ${name},` : 'Hello,'),
  'zh-CN': (name) => (name ? `${name}，您好！` : '您好！'),
  es: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  fr: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  de: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
};

const closings: Record<TemplateLocale, (email: string) => string> = {
  en: (email) => `Questions? Just reply to this email or write to ${email}.`,
  'zh-CN': (email) => `如有疑问，请直接回复本邮件，或写信至 ${email}。`,
  es: (email) => `¿Tienes alguna pregunta? Responde a este correo o escríbenos a ${email}.`,
  fr: (email) => `Une question\u00a0? Répondez simplement à cet e-mail ou écrivez-nous à ${email}.`,
  de: (email) => `Fragen? Antworte einfach auf diese E-Mail oder schreib uns an ${email}.`,
};

const signatures: Record<TemplateLocale, (shop: string) => string> = {
  en: (shop) => `The ${shop} team`,
  'zh-CN': (shop) => `${shop} 客服团队`,
  es: (shop) => `El equipo de ${shop}`,
  fr: (shop) => `L'équipe ${shop}`,
  de: (shop) => `Dein Team von ${shop}`,
};

type Parts = Omit<MessageContent, 'greeting' | 'closing' | 'signature' | 'evidence' | 'body'> & {
  evidence?: Array<string | false | undefined>;
  body?: Array<string | false | undefined>;
};

const present = (lines: Array<string | false | undefined> | undefined): string[] | undefined => {
  const kept = (lines ?? []).filter((line): line is string => typeof line === 'string' && line.length > 0);
  return kept.length > 0 ? kept : undefined;
};

/** A message with the locale's greeting, closing (naming the support address) and signature; empty lines dropped. */
export function message(context: RenderContext, name: string | undefined, parts: Parts): MessageContent {
  const { evidence, body, action, options, ...rest } = parts;
  return {
    ...rest,
    greeting: greetings[context.locale](name),
    ...(present(evidence) ? { evidence: present(evidence) } : {}),
    ...(present(body) ? { body: present(body) } : {}),
    ...(options ? { options } : {}),
    ...(action ? { action } : {}),
    closing: closings[context.locale](context.shop.supportEmail),
    signature: signatures[context.locale](context.shop.shopName),
  };
}

/** Where a customer reaches a person: the shop's support page, else its support address. */
export const contactUrl = (context: RenderContext): string => context.shop.supportUrl ?? `mailto:${context.shop.supportEmail}`;

// ---- Values -------------------------------------------------------------------------------------

export const date = (iso: string, context: RenderContext): string => formatDate(iso, context);
export const amount = (value: Money, context: RenderContext): string => formatMoney(value, context.locale);
export const itemLine = (item: z.output<typeof Item>): string => `${item.title} × ${item.quantity}`;

/** A date for an SMS, without the year (deadlines are weeks away): `May 24`, `24. Mai`, `5月24日`; French `24/05` (août is not GSM-7). */
export function smsDate(iso: string, context: RenderContext): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const when = dateOnly ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  const parts: Intl.DateTimeFormatOptions = context.locale === 'fr' ? { day: '2-digit', month: '2-digit' } : { day: 'numeric', month: 'long' };
  return new Intl.DateTimeFormat(context.locale, { ...parts, timeZone: dateOnly ? 'UTC' : context.timeZone }).format(when);
}

/** An amount for an SMS: ISO code instead of the symbol (no €), plain spaces (GSM-7) in Latin languages. */
export function smsAmount(value: Money, context: RenderContext): string {
  if (context.locale === 'zh-CN') return formatMoney(value, context.locale);
  const format = new Intl.NumberFormat(context.locale, { style: 'currency', currency: value.currency, currencyDisplay: 'code' });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(value.amount / 10 ** digits).replace(/\s/g, ' ');
}

/** The message's one action, when its URL is known. */
export const actionLink = (label: string, url: string | undefined): Link | undefined => (url ? { label, url } : undefined);
