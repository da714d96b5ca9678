// A shop's delay settings as data: how long it takes to ship (handling days per shipping method,
// its calendar), how long parcels travel (per destination, per carrier), when tracking counts as
// stalled, what a detection's severity is, which delays the customer hears about, the ladder for
// long delays and an optional courtesy discount. Every field has a default, so `{}` is a
// complete, sensible policy for a new shop.
import * as z from 'zod';
import { CountryCode } from '../events/common.ts';
import { DelayReason, DelaySeverity } from '../events/delays.ts';
import { DiscountValue } from '../storefronts/discount-port.ts';

const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD, in the shop time zone');
const CarrierCode = z.string().regex(/^[a-z0-9_-]{1,40}$/).describe('Lowercase carrier code, as on shipments: ups, dhl_express, colissimo...');
const Days = (max: number) => z.int().min(0).max(max);

/** Matches a shipping method by its code (exact, case-insensitive) or its title (contains, case-insensitive). */
export const ShippingMethodRule = z
  .object({
    code: z.string().trim().min(1).max(100).optional(),
    titleContains: z.string().trim().min(1).max(200).optional(),
    days: Days(60).describe('Handling business days for this method'),
  })
  .refine((rule) => rule.code !== undefined || rule.titleContains !== undefined, { message: 'give a code or a titleContains', path: ['code'] });
export type ShippingMethodRule = z.infer<typeof ShippingMethodRule>;

export const HandlingSettings = z.object({
  defaultDays: Days(60).default(2).describe('Business days from the order to shipping, when no method rule matches'),
  byShippingMethod: z.array(ShippingMethodRule).max(50).default([]).describe('First matching rule wins'),
});

export const TransitSettings = z.object({
  defaultDays: Days(120).default(5).describe('Days in transit when no country or carrier rule matches'),
  unit: z.enum(['business_days', 'calendar_days']).default('business_days').describe("Business days use the shop's calendar"),
  byCountry: z.array(z.object({ countryCode: CountryCode, days: Days(120) })).max(250).default([]),
  /** A carrier's own transit time; with a country, only for that destination. Wins over byCountry. */
  byCarrier: z.array(z.object({ carrier: CarrierCode, countryCode: CountryCode.optional(), days: Days(120) })).max(200).default([]),
});

export const StalledSettings = z.object({
  defaultDays: z.int().min(1).max(60).default(5).describe('Days without a carrier event before tracking counts as stalled'),
  byCarrier: z.array(z.object({ carrier: CarrierCode, days: z.int().min(1).max(60) })).max(200).default([]),
});

const severityRank: Record<DelaySeverity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** Severity at detection when the shop does not set one for the reason. */
export const defaultSeverityByReason: Readonly<Record<DelayReason, DelaySeverity>> = {
  not_shipped_in_time: 'low',
  delivery_overdue: 'medium',
  tracking_stalled: 'medium',
  carrier_exception: 'medium',
  customs_hold: 'low',
  delivery_failed: 'medium',
  lost_in_transit: 'critical',
  returned_to_sender: 'high',
};

export const SeveritySettings = z.object({
  byReason: z.partialRecord(DelayReason, DelaySeverity).default({}).describe('Severity at detection, per reason; the rest keep their default'),
  /** Days past the original deliver-by that raise a detection to at least this severity. */
  escalateAfterDays: z
    .object({ medium: Days(365).default(2), high: Days(365).default(7), critical: Days(365).default(21) })
    .prefault({})
    .refine((d) => d.medium <= d.high && d.high <= d.critical, 'must be medium <= high <= critical'),
});

export const LadderChoice = z.enum(['refund', 'reship']);
export type LadderChoice = z.infer<typeof LadderChoice>;

/**
 * What a ladder step does: `reassure` tells the customer again (an update when the expected date
 * moved, else nothing new); `offer_choice` files a parcel claim (ParcelClaimFiled, source
 * delay_ladder) that the refund engine decides, offering the customer a refund or a new parcel,
 * at most once per order.
 */
export const LadderAction = z.enum(['reassure', 'offer_choice']);
export type LadderAction = z.infer<typeof LadderAction>;

export const LadderStep = z.discriminatedUnion('action', [
  z.object({ afterDays: z.int().min(1).max(365), action: z.literal('reassure') }),
  z.object({
    afterDays: z.int().min(1).max(365),
    action: z.literal('offer_choice'),
    choices: z
      .array(LadderChoice)
      .length(2)
      .refine((choices) => choices[0] !== choices[1], 'the two choices must differ')
      .default(['refund', 'reship'])
      .describe('Both options, the recommended one first'),
  }),
]);
export type LadderStep = z.infer<typeof LadderStep>;

/** A personal discount code (one use) created on the storefront when an order is this late, at most once per order. */
export const CompensationSettings = z.object({
  afterDays: z.int().min(1).max(365).describe('Calendar days past the original deliver-by'),
  discount: DiscountValue.describe("What the code takes off the customer's next order: {type: 'percent', percent} or {type: 'fixed_amount', amount}"),
  validDays: z.int().min(1).max(365).default(60).describe('The code expires this many days after it is given'),
  codePrefix: z.string().regex(/^[A-Za-z0-9]{1,12}$/, 'letters and digits (1 to 12)').default('Sorry').describe('The code starts with it'),
});
export type CompensationSettings = z.infer<typeof CompensationSettings>;

export const DelaySettings = z
  .object({
    /** Published versions count from 1 (shared/delays/settings-publication.ts); 0: the shop config or the defaults. */
    version: z.int().min(0).default(0).describe('The published version; 0 for settings never published through the ops API'),
    enabled: z.boolean().default(true),
    handling: HandlingSettings.prefault({}),
    businessDays: z.array(z.int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]).describe('ISO weekdays the shop ships: 1 = Monday ... 7 = Sunday'),
    holidays: z.array(IsoDate).max(366).default([]).describe('Days the shop does not ship, in its time zone'),
    transit: TransitSettings.prefault({}),
    stalled: StalledSettings.prefault({}),
    severity: SeveritySettings.prefault({}),
    /** Delays the customer is told about (the ladder and ops alerts are not affected). */
    notifyCustomerOf: z.array(DelayReason).max(DelayReason.options.length).default([...DelayReason.options]),
    /** Reminders and offers for long delays, in calendar days past the original deliver-by. */
    ladder: z
      .array(LadderStep)
      .max(5)
      .default([
        { afterDays: 11, action: 'reassure' },
        { afterDays: 25, action: 'offer_choice', choices: ['refund', 'reship'] },
      ]),
    /** When no carrier estimate is known, an overdue order is expected this many business days from now. */
    reestimateDays: z.int().min(1).max(30).default(3),
    compensation: CompensationSettings.optional().describe('A discount code on a long delay, at most once per order'),
  })
  .superRefine((settings, ctx) => {
    settings.ladder.forEach((step, index) => {
      const previous = settings.ladder[index - 1];
      if (previous && step.afterDays <= previous.afterDays) ctx.addIssue({ code: 'custom', path: ['ladder', index, 'afterDays'], message: 'ladder days must be increasing' });
    });
    if (settings.ladder.filter((step) => step.action === 'offer_choice').length > 1) {
      ctx.addIssue({ code: 'custom', path: ['ladder'], message: 'offer_choice may appear once: the choice is offered once per order' });
    }
    if (new Set(settings.businessDays).size !== settings.businessDays.length) ctx.addIssue({ code: 'custom', path: ['businessDays'], message: 'a weekday is listed twice' });
  });
export type DelaySettings = z.output<typeof DelaySettings>;
/** What a merchant writes: defaults not yet applied. */
export type DelaySettingsInput = z.input<typeof DelaySettings>;

export const defaultDelaySettings: DelaySettings = DelaySettings.parse({});

const lower = (value: string) => value.trim().toLowerCase();

/** Handling business days for an order's shipping method: the first matching rule, else the default. */
export function handlingDays(settings: DelaySettings, method: { code?: string | undefined; title: string } | undefined): number {
  const rule = method
    ? settings.handling.byShippingMethod.find(
        (r) => (r.code !== undefined && method.code !== undefined && lower(r.code) === lower(method.code)) || (r.titleContains !== undefined && lower(method.title).includes(lower(r.titleContains))),
      )
    : undefined;
  return rule?.days ?? settings.handling.defaultDays;
}

/** Transit days to `countryCode` with `carrier`: carrier and country, then carrier, then country, then the default. */
export function transitDays(settings: DelaySettings, countryCode: string | undefined, carrier: string | undefined): number {
  const { byCarrier, byCountry, defaultDays } = settings.transit;
  const forCarrier = carrier === undefined ? [] : byCarrier.filter((rule) => rule.carrier === carrier);
  return (
    forCarrier.find((rule) => rule.countryCode !== undefined && rule.countryCode === countryCode)?.days ??
    forCarrier.find((rule) => rule.countryCode === undefined)?.days ??
    byCountry.find((rule) => rule.countryCode === countryCode)?.days ??
    defaultDays
  );
}

export function stalledDays(settings: DelaySettings, carrier: string | undefined): number {
  return settings.stalled.byCarrier.find((rule) => rule.carrier === carrier)?.days ?? settings.stalled.defaultDays;
}

/** The reason's severity, raised by how many days the order is past its original deliver-by. */
export function severityOf(settings: DelaySettings, reason: DelayReason, daysLate: number): DelaySeverity {
  const base = settings.severity.byReason[reason] ?? defaultSeverityByReason[reason];
  const { medium, high, critical } = settings.severity.escalateAfterDays;
  const byAge: DelaySeverity = daysLate >= critical ? 'critical' : daysLate >= high ? 'high' : daysLate >= medium ? 'medium' : 'low';
  return severityRank[byAge] > severityRank[base] ? byAge : base;
}
