// The ops API's campaign routes: read the shop's campaign settings, publish a draft as the next
// version (conditionally on the version the supervisor read, with its audit record), preview the
// nudges of the coming days (under the settings in effect, or a draft before it is published) and
// report the results. The preview and results are computed by the
// pure domain (shared/nudges/) from the shop's latest orders, their customers and return cases,
// each customer's open cases, survey scores and tier (CustomerFactsReader) and the nudges sent to
// them (NudgeStore); what is not considered is listed in `basis.notConsidered`.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { CampaignAudienceReader, CampaignSettingsStore } from '#shared/adapters/campaign-settings-store.ts';
import { CustomerFactsReader } from '#shared/adapters/customer-facts.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { NudgeStore } from '#shared/adapters/nudge-store.ts';
import type { Route } from '#shared/api/define.ts';
import { publishSettings } from '#shared/api/publish-settings.ts';
import { checkShop, createRouter, type Operation } from '#shared/api/router.ts';
import { dryRunCampaignSettings, getCampaignResults, getCampaignSettings, previewNudges, updateCampaignSettings } from '#shared/api/routes/campaigns.ts';
import { ApiProblem, parseRequest, type Caller } from '#shared/api/validate.ts';
import { campaignResults } from '#shared/nudges/attribution.ts';
import { addDays, type CustomerState } from '#shared/nudges/customer-state.ts';
import { productIntervalsDays } from '#shared/nudges/cycles.ts';
import { customerStatesOf } from '#shared/nudges/from-state.ts';
import { previewDifference } from '#shared/nudges/preview-comparison.ts';
import { previewNudges as preview } from '#shared/nudges/preview.ts';
import type { CampaignSettings, CampaignSettingsVersion } from '#shared/nudges/settings.ts';
import { tierStanding } from '#shared/nudges/tiers.ts';
import { logger } from '#shared/observability.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const store = new CampaignSettingsStore(client, tableName);
const audience = new CampaignAudienceReader(client, tableName);
const facts = new CustomerFactsReader(client, tableName);
const nudges = new NudgeStore(client, tableName);
/** The shop's latest orders a preview or a report reads: bounded so the answer fits the API's time. */
const maxOrders = 2000;

/** Customers whose facts are read at once: each is a handful of reads by key. */
const factsConcurrency = 16;

/** What the nudge rules use that the preview does not read: it assumes UTC. */
const notConsidered = ['the shop time zone (UTC for customers without one)'];

const view = (shopId: string, current: CampaignSettingsVersion) => ({ shopId, ...current });

/** The shop's customers with their facts; a tier only where one is on record (see `underSettings`). */
async function customerStates(shopId: string, now: Date) {
  const loaded = await audience.load(shopId, maxOrders);
  const states: CustomerState[] = await withFacts(customerStatesOf(loaded.customers, loaded.orders, (orderId) => loaded.returnCases.get(orderId) ?? []), now);
  const basis = { orders: loaded.orders.length, customers: states.length, truncated: loaded.orders.length >= maxOrders, notConsidered };
  return { states, basis };
}

/** Customers without a tier on record get the one `settings` give their orders read. */
function underSettings(states: readonly CustomerState[], settings: CampaignSettings, now: Date): CustomerState[] {
  return states.map((state) => {
    if (state.tier) return state;
    const tier = tierStanding(settings.vip, state.orders, now).tier;
    return { ...state, tier: tier ? { id: tier.id, rank: tier.rank } : null };
  });
}

/** The nudges of [from, from + days) for these customers under `settings`. */
function previewUnder(settings: CampaignSettings, states: readonly CustomerState[], from: Date, days: number) {
  const intervals = new Map<string, number[]>();
  const productIntervals = (productId: string) => {
    if (!intervals.has(productId)) intervals.set(productId, productIntervalsDays(states.map((state) => state.orders), productId));
    return intervals.get(productId)!;
  };
  return preview(settings, [...states], { from, to: addDays(from, days) }, { productIntervals });
}

/**
 * Each customer with their open cases (the return cases read with the orders, and any other open
 * case on record), survey scores, nudges sent and tier on record (null when none).
 */
async function withFacts(states: CustomerState[], now: Date): Promise<CustomerState[]> {
  const out: CustomerState[] = new Array(states.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < states.length; index = next++) {
      const state = states[index]!;
      const [openCases, surveyScores, nudgesSent, tier] = await Promise.all([
        facts.openCases(state.shopId, state.customer.id, now),
        facts.surveyScores(state.shopId, state.customer.id),
        nudges.sentNudges(state.shopId, state.customer.id),
        facts.tier(state.shopId, state.customer.id),
      ]);
      const cases = [...state.openCases, ...openCases.filter((found) => !state.openCases.some((known) => known.kind === found.kind && known.id === found.id))];
      out[index] = { ...state, openCases: cases, surveyScores, nudgesSent, tier };
    }
  };
  await Promise.all(Array.from({ length: Math.min(factsConcurrency, states.length) }, worker));
  return out;
}

const operations: Array<[Route, Operation]> = [
  [getCampaignSettings, async (event, caller) => {
    const { query } = parseRequest(getCampaignSettings, event);
    checkShop(caller, query.shopId);
    return view(query.shopId, await store.current(query.shopId));
  }],
  [updateCampaignSettings, async (event, caller) => {
    const { query, body } = parseRequest(updateCampaignSettings, event);
    checkShop(caller, query.shopId);
    const next = await publishSettings(store, { attribute: 'settings', label: 'campaign settings', action: 'campaignSettings.publish', subjectId: 'campaigns' }, { event, caller: caller as Caller, shopId: query.shopId, expectedVersion: body.expectedVersion, draft: body.settings, reason: body.reason });
    logger.info('Campaign settings published', { shopId: query.shopId, version: next.version });
    return view(query.shopId, next);
  }],
  [previewNudges, async (event, caller) => {
    const { query } = parseRequest(previewNudges, event);
    const { shopId } = query;
    checkShop(caller, shopId);
    const now = new Date();
    const from = query.from ? new Date(query.from) : now;
    const { settings } = await store.current(shopId);
    const { states, basis } = await customerStates(shopId, now);
    return { shopId, ...previewUnder(settings, underSettings(states, settings, now), from, query.days), basis };
  }],
  [dryRunCampaignSettings, async (event, caller) => {
    const { query, body } = parseRequest(dryRunCampaignSettings, event);
    const { shopId } = query;
    checkShop(caller, shopId);
    const now = new Date();
    const from = body.from ? new Date(body.from) : now;
    const [current, { states, basis }] = await Promise.all([store.current(shopId), customerStates(shopId, now)]);
    const draftVersion = current.version + 1;
    const draft = { ...body.settings, version: draftVersion };
    const inEffect = previewUnder(current.settings, underSettings(states, current.settings, now), from, body.days);
    const drafted = previewUnder(draft, underSettings(states, draft, now), from, body.days);
    return { shopId, currentVersion: current.version, draftVersion, ...drafted, inEffect: inEffect.summary, difference: previewDifference(inEffect, drafted), basis };
  }],
  [getCampaignResults, async (event, caller) => {
    const { query } = parseRequest(getCampaignResults, event);
    const { shopId } = query;
    checkShop(caller, shopId);
    const now = new Date();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : addDays(to, -30);
    if (from.getTime() >= to.getTime()) throw new ApiProblem(400, 'query.from must be before query.to', [{ path: 'query.from', message: 'must be before to' }]);
    const { settings } = await store.current(shopId);
    const { states, basis } = await customerStates(shopId, now);
    return { shopId, ...campaignResults(underSettings(states, settings, now), { from, to }, settings.attribution.windowDays), basis };
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
