// How a customer message is declared: its variables (zod, so a template can only use what the
// flow must provide), an example, and one content function per supported locale. The renderer
// (render.ts) turns content into email (HTML and text, the shop's branding) and SMS; the tone
// lint (tone-lint.ts) checks every template in every locale.
import type { z } from 'zod';

/** Every template exists in each of these; a customer's locale falls back to the shop's, then English. */
export const templateLocales = ['en', 'zh-CN', 'es', 'fr', 'de'] as const;
export type TemplateLocale = (typeof templateLocales)[number];

/** What the renderer knows about the merchant, for the sender line, branding and the closing. */
export interface Branding {
  shopName: string;
  /** Where a customer reaches a person; every closing names it. */
  supportEmail: string;
  supportUrl?: string;
  logoUrl?: string;
  /** `#RRGGBB`, for the heading rule and buttons. */
  accentColor?: string;
}

/** A link the customer can follow: a tracking page, a label, a survey, a choice. */
export interface Link {
  label: string;
  url: string;
}

/**
 * The words of one message in one locale. The renderer lays them out in this order: greeting,
 * opening, evidence (what we know: tracking status, inspection result), body, options (the
 * choices, recommended first), action, closing. Plain text only: the renderer escapes it.
 */
export interface MessageContent {
  subject: string;
  /** Shown by mail clients after the subject. */
  preheader: string;
  greeting: string;
  /** First paragraph. Problem messages open with thanks, then apologise. */
  opening: string;
  /** Facts before solutions: status, dates, tracking link. */
  evidence?: string[];
  body?: string[];
  /** Two or more choices where the customer has a choice, the recommended one first. */
  options?: Array<Link & { description?: string }>;
  /** The one thing to do, when there is one. */
  action?: Link;
  /** How to reach a person (the shop's support address). */
  closing: string;
  signature: string;
  /** The SMS text (the renderer adds the opt-out wording for marketing). Short: see sms.ts. */
  sms: string;
}

/**
 * `problem`: something went wrong for the customer (delay, rejection, expiry): thanks, apology,
 * evidence before solution. `update`: good news or a step done. `marketing`: needs consent.
 * `survey`: asks for a rating. `ops`: to the merchant's duty team, not to a customer.
 */
export type MessageKind = 'problem' | 'update' | 'marketing' | 'survey' | 'ops';

/** What every content function receives besides the template's own variables. */
export interface RenderContext {
  locale: TemplateLocale;
  shop: Branding;
  /** The customer's time zone (IANA), for dates. */
  timeZone: string;
}

export type ContentFunction<V> = (vars: V, context: RenderContext) => MessageContent;

export interface TemplateSpec<S extends z.ZodObject> {
  /** snake_case, as in NotificationRequested.messageType. */
  messageType: string;
  kind: MessageKind;
  category: 'transactional' | 'marketing';
  /** Which flow sends it, for the docs and the closing note. */
  sentBy: string;
  description: string;
  /** Whether the customer must be offered two or more options. */
  offersChoice?: boolean;
  variables: S;
  example: z.input<S>;
  content: Record<TemplateLocale, ContentFunction<z.output<S>>>;
}

export type MessageTemplate<S extends z.ZodObject = z.ZodObject> = Readonly<TemplateSpec<S>>;

export function defineTemplate<S extends z.ZodObject>(spec: TemplateSpec<S>): MessageTemplate<S> {
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(spec.messageType)) throw new Error(`messageType "${spec.messageType}" must be snake_case`);
  if (spec.kind === 'marketing' && spec.category !== 'marketing') throw new Error(`${spec.messageType}: marketing messages are in the marketing category`);
  const parsed = spec.variables.safeParse(spec.example);
  if (!parsed.success) throw new Error(`${spec.messageType}: the example does not match its variables: ${parsed.error.message}`);
  return Object.freeze(spec);
}

/** The supported locale for a BCP 47 tag (`en-US` → `en`, `zh-Hans-CN` → `zh-CN`), or undefined. */
export function supportedLocale(tag: string | undefined): TemplateLocale | undefined {
  if (!tag) return undefined;
  // `pt_BR` style tags (POSIX, WordPress) name the same locales; only the whole first subtag is
  // the language (`zha`, Zhuang, is not Chinese).
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  const language = lower.split('-')[0];
  if (language === 'zh') return /-hant|-tw\b|-hk\b|-mo\b/.test(lower) ? undefined : 'zh-CN';
  return templateLocales.find((locale) => locale === language);
}

/** The customer's locale if supported, else the shop's default, else English. */
export function resolveLocale(customerLocale: string | undefined, shopDefault: string | undefined): TemplateLocale {
  return supportedLocale(customerLocale) ?? supportedLocale(shopDefault) ?? 'en';
}

/** `12.50 €`, `$12.50`, `¥12.50` as the locale writes it; amounts are integer minor units. */
export function formatMoney(money: { amount: number; currency: string }, locale: TemplateLocale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/** A date as the locale writes it (`May 24, 2024`, `2024年5月24日`), in the customer's time zone. */
export function formatDate(iso: string, context: Pick<RenderContext, 'locale' | 'timeZone'>): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(context.locale, { dateStyle: 'long', timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : context.timeZone }).format(date);
}
