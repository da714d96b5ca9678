// The VIP tier keeper, and what it learns on the way: consumes order and refund events from its
// queue (partial batch failures), rewrites the order's entry on the customer's tier item from the
// order as stored (refunds as the ledger counts them), recomputes points and tier and, when the
// tier changed, writes CustomerTierChanged and, for an upgrade of a consenting customer without an
// open case, the thank-you, in one transaction with the item (shared/nudges/tier-keeper.ts).
// An OrderPlaced that follows a nudge within the attribution window publishes NudgeConverted,
// once per order. SurveyAnswered, CaseOpened and CaseResolved are recorded per customer for the
// suppression rules (shared/adapters/customer-facts.ts). A lost race throws: redelivered, recomputed.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { CampaignSettingsStore } from '#shared/adapters/campaign-settings-store.ts';
import { CustomerFactsReader, CustomerFactsRecorder } from '#shared/adapters/customer-facts.ts';
import { ConcurrentChangeError, CustomerTierStore, type TierOutboxEvent } from '#shared/adapters/customer-tier-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { NudgeStore } from '#shared/adapters/nudge-store.ts';
import { RefundLedgerStore } from '#shared/adapters/refund-ledger-store.ts';
import { parseAnyCatalogueEvent, type CatalogueEvent } from '#shared/events/consume-any.ts';
import { NotificationRequested } from '#shared/events/notifications.ts';
import { CustomerTierChanged, NudgeConverted } from '#shared/events/nudges.ts';
import type { OrderState } from '#shared/ingest/order-state.ts';
import { nudgeConversion } from '#shared/nudges/conversion.ts';
import type { CustomerState } from '#shared/nudges/customer-state.ts';
import { channelConsent, customerOrderOf } from '#shared/nudges/from-state.ts';
import type { CampaignSettings } from '#shared/nudges/settings.ts';
import { conversionEventId, customerOrdersOf, thankYouChannels, thankYouRequest, tierChangedDetail, tierEventId, tierOrderOf, updateTier, type TierRecord } from '#shared/nudges/tier-keeper.ts';
import type { TierStanding } from '#shared/nudges/tiers.ts';
import { logger, metrics } from '#shared/observability.ts';
import { customerRefOf } from '#shared/storefronts/to-events.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const client = dynamoDocumentClient();
const orders = new IngestStore(client, tableName);
const ledger = new RefundLedgerStore(client, tableName);
const tiers = new CustomerTierStore(client, tableName);
const facts = new CustomerFactsReader(client, tableName);
const recorder = new CustomerFactsRecorder(client, tableName);
const nudges = new NudgeStore(client, tableName);
const campaigns = new CampaignSettingsStore(client, tableName);
const processor = new BatchProcessor(EventType.SQS);
/** Events of one customer arrive together (a batch, a burst of orders): a lost race is recomputed at once this often. */
const attempts = 5;

/** Events that change what an order counts for: the order itself, storefront refunds, our refunds and credits. */
const orderEvents = new Set(['OrderPlaced', 'OrderUpdated', 'OrderCancelled', 'RefundRecorded', 'RefundIssued', 'StoreCreditIssued']);

/** The customer as the suppression rules see them, for the thank-you. */
async function customerState(shopId: string, customerId: string, record: TierRecord, tier: TierRecord['tier']): Promise<CustomerState> {
  const [customer, openCases, surveyScores] = await Promise.all([orders.customer(shopId, customerId), facts.openCases(shopId, customerId), facts.surveyScores(shopId, customerId)]);
  return {
    shopId,
    customer: {
      id: customerId,
      ...(customer.email ? { email: customer.email } : {}),
      ...(customer.phone ? { phone: customer.phone } : {}),
      ...(customer.firstName ? { firstName: customer.firstName } : {}),
      locale: customer.locale ?? 'en',
      ...(customer.timeZone ? { timeZone: customer.timeZone } : {}),
    },
    orders: customerOrdersOf(record.orders),
    openCases,
    surveyScores,
    consent: { email: channelConsent(customer.emailMarketingConsent?.state), sms: channelConsent(customer.smsMarketingConsent?.state) },
    nudgesSent: [],
    tier,
  };
}

/** The thank-you of an upgrade, if the customer may receive it. */
async function thankYou(settings: CampaignSettings, next: TierRecord, standing: TierStanding, now: Date): Promise<TierOutboxEvent | undefined> {
  const reached = standing.tier!;
  const state = await customerState(next.shopId, next.customerId, next, next.tier);
  const decision = thankYouChannels(settings, state, now);
  if ('suppressed' in decision) {
    metrics.addMetric('Tier_thankYouSuppressed', MetricUnit.Count, 1);
    logger.info('Tier thank-you not sent', { shopId: next.shopId, customerId: next.customerId, tierId: reached.id, reason: decision.suppressed });
    return undefined;
  }
  return { eventId: tierEventId(next.shopId, next.customerId, next.version, 'thank-you'), definition: NotificationRequested, detail: thankYouRequest(state, reached, decision.channels, undefined, now) };
}

async function keepTier(shopId: string, state: OrderState, settings: CampaignSettings, now: Date): Promise<void> {
  const order = state.order!;
  const customerId = order.customer.id!;
  const [summary, previous] = await Promise.all([ledger.summary(shopId, state.orderId), tiers.get(shopId, customerId)]);
  const update = updateTier(previous, { shopId, customerId, orderId: state.orderId }, tierOrderOf(state, summary), settings.vip, now);
  if (!update.next) return;
  const events: TierOutboxEvent[] = [];
  const changed = update.change && tierChangedDetail(update.change, update.standing, customerRefOf(order), shopId, settings.vip, order.currency, now);
  if (changed) events.push({ eventId: tierEventId(shopId, customerId, update.next.version, 'changed'), definition: CustomerTierChanged, detail: changed });
  if (update.change?.direction === 'upgrade') {
    const message = await thankYou(settings, update.next, update.standing, now);
    if (message) events.push(message);
  }
  await tiers.save(update.next, events, now);
  if (update.change) {
    metrics.addMetric(`Tier_${update.change.direction}`, MetricUnit.Count, 1);
    logger.info('Customer tier changed', { shopId, customerId, from: update.change.from?.id ?? null, to: update.change.to?.id ?? null, points: update.next.points });
  }
}

/** NudgeConverted when the order follows a nudge within the window; once per order. */
async function attribute(shopId: string, state: OrderState, settings: CampaignSettings, now: Date): Promise<void> {
  const order = customerOrderOf(state);
  if (!order) return;
  const sent = await nudges.sentNudges(shopId, state.order!.customer.id!);
  const detail = nudgeConversion(order, sent, settings.attribution.windowDays, { shopId, customer: customerRefOf(state.order!), now });
  if (!detail) return;
  const published = await tiers.publishOnce({ eventId: conversionEventId(shopId, order.id), definition: NudgeConverted, detail }, now);
  if (published) {
    metrics.addMetric('Nudge_converted', MetricUnit.Count, 1);
    logger.info('Order attributed to a nudge', { shopId, orderId: order.id, nudgeId: detail.nudgeId, campaignId: detail.campaignId });
  }
}

async function recordFact(event: CatalogueEvent): Promise<void> {
  const { shopId } = event.detail;
  switch (event['detail-type']) {
    case 'SurveyAnswered':
      return recorder.surveyAnswered(shopId, event.detail.customer.id, { surveyId: event.detail.surveyId, kind: event.detail.kind, score: event.detail.score, answeredAt: event.detail.occurredAt });
    case 'CaseOpened':
      return recorder.caseOpened(shopId, event.detail.customer.id, { caseId: event.detail.caseId, openedAt: event.detail.occurredAt });
    case 'CaseResolved':
      return recorder.caseResolved(shopId, event.detail.customer.id, { caseId: event.detail.caseId, resolvedAt: event.detail.occurredAt });
    default:
      throw new Error(`Unexpected ${event['detail-type']} event`);
  }
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const event = parseAnyCatalogueEvent(JSON.parse(record.body));
  const detailType = event['detail-type'];
  if (!orderEvents.has(detailType)) return recordFact(event);
  const { shopId } = event.detail;
  const orderId = (event.detail as { orderId?: string }).orderId;
  if (!orderId) return;
  const state = await orders.order(shopId, orderId);
  // Guests (no storefront customer) have no tier; an order not stored yet counts when it is.
  if (!state.order?.customer.id) {
    logger.info('Tier keeper: no customer order to count', { shopId, orderId, detailType });
    return;
  }
  const now = new Date();
  const { settings } = await campaigns.current(shopId);
  for (let attempt = 1; ; attempt++) {
    try {
      await keepTier(shopId, attempt === 1 ? state : await orders.order(shopId, orderId), settings, now);
      break;
    } catch (error) {
      // Beyond the attempts the record fails and is redelivered later.
      if (!(error instanceof ConcurrentChangeError) || attempt >= attempts) throw error;
      metrics.addMetric('Tier_retried', MetricUnit.Count, 1);
    }
  }
  if (detailType === 'OrderPlaced') await attribute(shopId, state, settings, now);
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
