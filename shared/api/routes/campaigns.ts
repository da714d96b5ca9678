// Repeat-purchase nudges, win-back and VIP tiers through the ops API: the shop's campaign settings
// (read by anyone on the desk, published as the next version by a supervisor, with an audit
// record), a preview of who would be nudged in the coming days and why not (under the settings in
// effect, or a supervisor's draft before publishing it), and the results:
// conversion and revenue brought back, by campaign, product and tier.
import * as z from 'zod';
import { IsoDateTime, ShopId } from '../../events/common.ts';
import { CampaignResults } from '../../nudges/attribution.ts';
import { NudgePreview } from '../../nudges/preview.ts';
import { CampaignSettings } from '../../nudges/settings.ts';
import { defineRoute, queryInt, roles } from '../define.ts';
import { shopQuery } from './common.ts';

const shopOfCampaigns = z.object({ shopId: shopQuery });

export const CampaignSettingsVersionView = z
  .object({
    shopId: ShopId,
    version: z.int().nonnegative().describe('The published version in effect; 0: the defaults, never published. Pass as `expectedVersion` to publish the next one'),
    settings: CampaignSettings.describe('Replenishment cycles, win-back, VIP tiers, suppression and attribution'),
    publishedAt: IsoDateTime.optional(),
    publishedBy: z.object({ sub: z.string(), email: z.string().optional(), role: z.enum(roles) }).optional().describe('The supervisor who published them'),
    reason: z.string().optional().describe('Why they were published, as their publisher said'),
  })
  .meta({ id: 'CampaignSettingsVersion', description: 'A shop’s campaign settings in effect, and who published them' });

/** What the preview and results were computed from, and what they could not see. */
export const CampaignBasis = z
  .object({
    orders: z.int().nonnegative().describe('The shop’s latest orders read'),
    customers: z.int().nonnegative().describe('Customers of those orders'),
    truncated: z.boolean().describe('True when the shop has more orders than were read: older history is not seen'),
    notConsidered: z.array(z.string()).describe('Facts the computation could not read yet, so it assumed none'),
  })
  .meta({ id: 'CampaignBasis' });

export const getCampaignSettings = defineRoute({
  method: 'get',
  path: '/ops/campaigns/settings',
  operationId: 'getCampaignSettings',
  summary: 'Get the campaign settings',
  description: 'The shop’s replenishment cycles, win-back sequence, VIP tiers, suppression rules and attribution window, their version (0 while the shop has published none and the defaults apply) and who published them.',
  tags: ['Campaigns'],
  access: { kind: 'ops', role: 'viewer' },
  request: { query: shopOfCampaigns },
  responses: { 200: { description: 'The settings in effect', schema: CampaignSettingsVersionView } },
});

export const updateCampaignSettings = defineRoute({
  method: 'put',
  path: '/ops/campaigns/settings',
  operationId: 'updateCampaignSettings',
  summary: 'Publish campaign settings',
  description:
    'Publishes `settings` as the next version, only if the shop is still at `expectedVersion`: nudges planned or sent from then on use them. Every version is kept, and the publication is in the audit trail (subject `policy` `campaigns`) with the settings it changed and the reason.',
  tags: ['Campaigns'],
  access: { kind: 'ops', role: 'supervisor' },
  request: {
    query: shopOfCampaigns,
    body: z
      .object({
        settings: CampaignSettings.describe('The whole settings document, as GET answers it; defaults apply to omitted settings'),
        expectedVersion: z.int().nonnegative().describe('The `version` you read: publishing fails with 409 if another was published since'),
        reason: z.string().trim().min(3).max(500).describe('Why, for the audit trail'),
      })
      .meta({ id: 'PublishCampaignSettingsRequest' }),
  },
  responses: {
    200: { description: 'The settings published, now in effect', schema: CampaignSettingsVersionView },
    400: { description: 'The request is invalid: `errors` names each offending field, such as `body.settings.vip.tiers.1.minPoints`' },
    403: { description: 'Publishing campaign settings needs the supervisor role' },
    409: { description: 'Another version was published since `expectedVersion`: read the settings again' },
  },
});

export const previewNudges = defineRoute({
  method: 'get',
  path: '/ops/campaigns/preview',
  operationId: 'previewNudges',
  summary: 'Preview the coming nudges',
  description:
    'Who would be nudged from now (or `from`) over the next `days`, under the settings in effect: replenishments whose cycle ends, win-back steps falling due, each with the channel it would go out on, or the suppression reason (and every rule that applies). Decided with today’s facts: a case that closes before then changes the outcome. Nothing is sent or written.',
  tags: ['Campaigns'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      from: IsoDateTime.optional().describe('Start of the period (default: now)'),
      days: queryInt(1, 31, 7).describe('Length of the period in days (1 to 31, default 7)'),
    }),
  },
  responses: { 200: { description: 'The nudges due in the period, sent or suppressed', schema: NudgePreview.extend({ shopId: ShopId, basis: CampaignBasis }).meta({ id: 'NudgePreview' }) } },
});

export const CampaignSettingsDryRun = NudgePreview.extend({
  shopId: ShopId,
  currentVersion: z.int().nonnegative().describe('The version in effect, compared with the draft'),
  draftVersion: z.int().positive().describe('The version the draft would become if published now'),
  inEffect: NudgePreview.shape.summary.describe('The same period under the settings in effect'),
  difference: z
    .object({
      added: z.int().nonnegative().describe('Nudges the draft would send that the settings in effect would not'),
      removed: z.int().nonnegative().describe('Nudges the settings in effect would send that the draft would not'),
    })
    .describe('Nudges to send, compared by customer, campaign, step, product and due time'),
  basis: CampaignBasis,
}).meta({ id: 'CampaignSettingsDryRun', description: 'The coming nudges under draft campaign settings, compared with the settings in effect' });

export const dryRunCampaignSettings = defineRoute({
  method: 'post',
  path: '/ops/campaigns/settings/dry-run',
  operationId: 'dryRunCampaignSettings',
  summary: 'Try draft campaign settings',
  description:
    'Previews the nudges from now (or `from`) over the next `days` under the draft, as `previewNudges` does under the settings in effect (each nudge with its channel or suppression reasons), and compares the count to send with the settings in effect. Decided with today’s facts; nothing is sent or written.',
  tags: ['Campaigns'],
  access: { kind: 'ops', role: 'supervisor' },
  request: {
    query: shopOfCampaigns,
    body: z
      .object({
        settings: CampaignSettings.describe('The draft; its `version` is ignored'),
        from: IsoDateTime.optional().describe('Start of the period (default: now)'),
        days: z.int().min(1).max(31).default(7).describe('Length of the period in days (1 to 31, default 7)'),
      })
      .meta({ id: 'CampaignSettingsDryRunRequest' }),
  },
  responses: {
    200: { description: 'The nudges due in the period under the draft, sent or suppressed', schema: CampaignSettingsDryRun },
    400: { description: 'The request is invalid: `errors` names each offending field, such as `body.settings.vip.tiers.1.minPoints`' },
    403: { description: 'Trying draft campaign settings needs the supervisor role' },
  },
});

export const getCampaignResults = defineRoute({
  method: 'get',
  path: '/ops/campaigns/results',
  operationId: 'getCampaignResults',
  summary: 'Get campaign results',
  description:
    'The nudges sent in the period and the orders they brought back: an order is attributed to the latest nudge sent to the customer before it, when placed within the attribution window; cancelled and wholly refunded orders are not. Conversion and revenue (net of refunds, per currency) in total and by campaign, product and tier.',
  tags: ['Campaigns'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      from: IsoDateTime.optional().describe('Nudges sent at or after (default: 30 days before `to`)'),
      to: IsoDateTime.optional().describe('Nudges sent before (default: now)'),
    }),
  },
  responses: { 200: { description: 'Conversion and revenue of the nudges sent in the period', schema: CampaignResults.extend({ shopId: ShopId, basis: CampaignBasis }).meta({ id: 'CampaignResults' }) } },
});
