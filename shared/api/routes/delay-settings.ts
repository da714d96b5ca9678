// The shop's delay settings through the ops API: anyone on the desk reads the settings in effect; a
// supervisor tries a draft on the shop's latest open orders (dry run, nothing written) and
// publishes it as the next version, conditionally on the version they read, with an audit record.
import * as z from 'zod';
import { EntityId, IsoDateTime, ShopId } from '../../events/common.ts';
import { maxDelayDryRunOrders } from '../../delays/settings-publication.ts';
import { DelaySettings, LadderAction } from '../../delays/settings.ts';
import { defineRoute, roles } from '../define.ts';
import { shopQuery } from './common.ts';

const shopOfSettings = z.object({ shopId: shopQuery });

const invalidSettings = { description: 'The request is invalid: `errors` names each offending field, such as `body.settings.transit.defaultDays`' };

export const DelaySettingsVersionView = z
  .object({
    shopId: ShopId,
    version: z.int().nonnegative().describe('The published version in effect; 0: never published here, the shop config’s settings (or the defaults) apply. Pass as `expectedVersion` to publish the next one'),
    settings: DelaySettings.describe('Handling and transit times, calendar, stalled tracking, severity, customer notices, ladder and courtesy discount'),
    publishedAt: IsoDateTime.optional(),
    publishedBy: z.object({ sub: z.string(), email: z.string().optional(), role: z.enum(roles) }).optional().describe('The supervisor who published them'),
    reason: z.string().optional().describe('Why they were published, as their publisher said'),
  })
  .meta({ id: 'DelaySettingsVersion', description: 'A shop’s delay settings in effect, and who published them' });

export const getDelaySettings = defineRoute({
  method: 'get',
  path: '/ops/delays/settings',
  operationId: 'getDelaySettings',
  summary: 'Get the delay settings',
  description:
    'The settings the shop’s delay flow runs with (ship-by and deliver-by deadlines, stalled tracking, severity, which delays the customer is told about, the ladder and the courtesy discount), their version (0 while none was published here: the shop config’s settings, else the defaults) and who published them.',
  tags: ['Delays'],
  access: { kind: 'ops', role: 'viewer' },
  request: { query: shopOfSettings },
  responses: { 200: { description: 'The settings in effect', schema: DelaySettingsVersionView } },
});

export const updateDelaySettings = defineRoute({
  method: 'put',
  path: '/ops/delays/settings',
  operationId: 'updateDelaySettings',
  summary: 'Publish delay settings',
  description:
    'Publishes `settings` as the next version, only if the shop is still at `expectedVersion`; from then on they take over from the shop config. The shop’s latest 1,000 orders awaiting shipment or in transit (those a dry run reads) are then re-planned under them within seconds: their deadlines and timers move as the dry run showed; an older open order follows them from its next order, shipment or timer event. Every version is kept, and the publication is in the audit trail (subject `policy` `delays`) with the settings it changed and the reason.',
  tags: ['Delays'],
  access: { kind: 'ops', role: 'supervisor' },
  request: {
    query: shopOfSettings,
    body: z
      .object({
        settings: DelaySettings.describe('The whole settings document, as GET answers it; defaults apply to omitted settings; its `version` is ignored'),
        expectedVersion: z.int().nonnegative().describe('The `version` you read: publishing fails with 409 if another was published since'),
        reason: z.string().trim().min(3).max(500).describe('Why, for the audit trail'),
      })
      .meta({ id: 'PublishDelaySettingsRequest' }),
  },
  responses: {
    200: { description: 'The settings published, now in effect', schema: DelaySettingsVersionView },
    400: invalidSettings,
    403: { description: 'Publishing delay settings needs the supervisor role' },
    409: { description: 'Another version was published since `expectedVersion`: read the settings again' },
  },
});

const LateReason = z.enum(['not_shipped_in_time', 'delivery_overdue', 'tracking_stalled']);

export const DelayDeadlinesOutcome = z
  .object({
    watched: z.boolean().describe('False when the settings turn the delay flow off'),
    shipBy: IsoDateTime.optional().describe('While awaiting shipment'),
    deliverBy: IsoDateTime.optional(),
    trackingStalledAt: IsoDateTime.optional().describe('When the tracking of the parcel that stalls first counts as stalled'),
    late: z.array(LateReason).describe('The deadlines already passed'),
    nextLadderStep: z
      .object({ step: z.int().positive(), action: LadderAction, dueAt: IsoDateTime })
      .optional()
      .describe('For an order with an open delay: the next ladder step to come'),
  })
  .meta({ id: 'DelayDeadlinesOutcome', description: 'What delay settings make of an open order' });

export const DelaySettingsDryRun = z
  .object({
    shopId: ShopId,
    currentVersion: z.int().nonnegative().describe('The version in effect, compared with the draft'),
    draftVersion: z.int().positive().describe('The version the draft would become if published now'),
    evaluatedAt: IsoDateTime.describe('Lateness is as of this instant'),
    totals: z.object({
      orders: z.int().nonnegative().describe('Orders read: the shop’s latest, up to the number asked'),
      open: z.int().nonnegative().describe('Of those, awaiting shipment or in transit'),
      changed: z.int().nonnegative().describe('Open orders the draft decides differently'),
      shipByMoved: z.int().nonnegative(),
      deliverByMoved: z.int().nonnegative(),
      becomeLate: z.int().nonnegative().describe('Late under the draft, not under the settings in effect'),
      noLongerLate: z.int().nonnegative(),
    }),
    changes: z.array(
      z.object({
        orderId: EntityId,
        orderNumber: z.string(),
        phase: z.enum(['awaiting_shipment', 'in_transit']),
        changed: z.array(z.enum(['watched', 'shipBy', 'deliverBy', 'trackingStalled', 'late', 'ladder'])).describe('What differs'),
        before: DelayDeadlinesOutcome.describe('Under the settings in effect'),
        after: DelayDeadlinesOutcome.describe('Under the draft'),
      }),
    ),
  })
  .meta({ id: 'DelaySettingsDryRun', description: 'The open orders whose deadlines draft delay settings would decide differently' });

export const dryRunDelaySettings = defineRoute({
  method: 'post',
  path: '/ops/delays/settings/dry-run',
  operationId: 'dryRunDelaySettings',
  summary: 'Try draft delay settings',
  description:
    'Computes the deadlines of the shop’s open orders among its latest (`orders` of them, newest first) under the settings in effect and under the draft, from the same order state, and lists the orders whose ship-by, deliver-by, stalled-tracking time, lateness as of now or next ladder step differ. Nothing is written.',
  tags: ['Delays'],
  access: { kind: 'ops', role: 'supervisor' },
  request: {
    query: shopOfSettings,
    body: z
      .object({
        settings: DelaySettings.describe('The draft; its `version` is ignored'),
        orders: z.int().min(1).max(maxDelayDryRunOrders).default(200).describe(`How many of the shop’s latest orders to read (1 to ${maxDelayDryRunOrders}, default 200)`),
      })
      .meta({ id: 'DelaySettingsDryRunRequest' }),
  },
  responses: {
    200: { description: 'The summary and every open order decided differently', schema: DelaySettingsDryRun },
    400: invalidSettings,
    403: { description: 'Trying draft delay settings needs the supervisor role' },
  },
});
