// Sends nudges when their timers fire (TimerFired kind nudge: a replenishment; winback: the
// customer's win-back timer), from its queue with partial batch failures. Reads the customer as
// the rules see them (orders, contact and consent, open cases, survey scores, tier, nudges sent)
// and the shop's campaign settings, and decides (shared/nudges/suppression.ts): send (the
// discount code first, idempotent on the nudge, then NotificationRequested and NudgeSent), wait
// for the end of quiet hours (the timer set again), or suppress (NudgeSuppressed with the reason).
// The nudge's record changes at its version in the same transaction: a redelivered timer finds
// it settled and does nothing.
import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { CampaignSettingsStore } from '#shared/adapters/campaign-settings-store.ts';
import { CustomerFactsReader } from '#shared/adapters/customer-facts.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { ConcurrentChangeError, NudgeStore, type CustomerBook, type NudgeOutboxEvent } from '#shared/adapters/nudge-store.ts';
import { HttpStorefrontDiscounts } from '#shared/adapters/storefront-discounts.ts';
import { parseEvent } from '#shared/events/consume.ts';
import type { EventDefinition } from '#shared/events/define.ts';
import { NotificationRequested } from '#shared/events/notifications.ts';
import { NudgeSent, NudgeSuppressed } from '#shared/events/nudges.ts';
import { TimerFired, TimersRequested, type TimerSpec } from '#shared/events/timers.ts';
import { addDays, type CustomerState } from '#shared/nudges/customer-state.ts';
import { customerStateOf } from '#shared/nudges/from-state.ts';
import { nudgeDiscountRequest, nudgeNotification } from '#shared/nudges/message.ts';
import { nextWinbackDueAt, passingReasons, sentNudgesOf, winbackRetryDays, winbackStepDue, type NudgeRecord, type WinbackTimer } from '#shared/nudges/planner.ts';
import { deferredRecord, nudgeRequestOf, sentRecord, staleNudgeTimer, suppressedRecord } from '#shared/nudges/sending.ts';
import type { CampaignSettings, NudgeDiscount } from '#shared/nudges/settings.ts';
import { decideNudge, type NudgeDecision } from '#shared/nudges/suppression.ts';
import { logger, metrics } from '#shared/observability.ts';
import type { ShopConfig } from '#shared/shops/config.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const ingest = new IngestStore(client, tableName);
const nudges = new NudgeStore(client, tableName);
const facts = new CustomerFactsReader(client, tableName);
const campaigns = new CampaignSettingsStore(client, tableName);
const discounts = new HttpStorefrontDiscounts(async (shopId) => (await loadShopIndex(shopsSecret)).byId(shopId)?.discounts);
const processor = new BatchProcessor(EventType.SQS);
const attempts = 4;

type Fired = ReturnType<typeof parseEvent<typeof TimerFired>>['detail'];

interface Loaded {
  shop: ShopConfig;
  settings: CampaignSettings;
  state: CustomerState;
  records: NudgeRecord[];
  book: CustomerBook;
  now: Date;
}

async function load(shop: ShopConfig, customerId: string): Promise<Loaded> {
  const now = new Date();
  const { shopId } = shop;
  const [{ settings }, customer, book, records, openCases, surveyScores, tier] = await Promise.all([
    campaigns.current(shopId),
    ingest.customer(shopId, customerId),
    nudges.book(shopId, customerId),
    nudges.nudges(shopId, customerId),
    facts.openCases(shopId, customerId),
    facts.surveyScores(shopId, customerId),
    facts.tier(shopId, customerId),
  ]);
  const orders = await nudges.orders(shopId, book.orderIds);
  const state = customerStateOf(customer, orders, { openCases, surveyScores, tier, nudgesSent: sentNudgesOf(records) });
  return { shop, settings, state, records, book, now };
}

const event = (definition: EventDefinition, detail: unknown): NudgeOutboxEvent => ({ eventId: randomUUID(), definition, detail });
const timers = (shopId: string, now: Date, set: TimerSpec[], cancel: string[]) => event(TimersRequested, { version: 1, shopId, occurredAt: now.toISOString(), set, cancel });

function nudgeRef(record: NudgeRecord, state: CustomerState) {
  const { customer } = state;
  return {
    nudgeId: record.nudgeId,
    customer: { id: customer.id, ...(customer.email ? { email: customer.email } : {}), ...(customer.phone ? { phone: customer.phone } : {}), ...(customer.firstName ? { firstName: customer.firstName } : {}), locale: customer.locale },
    kind: record.kind,
    ...(record.orderId ? { orderId: record.orderId } : {}),
    campaignId: record.campaignId,
  };
}

/**
 * The record's next version and events for a decision to send or suppress (a deferral is the
 * caller's: replenishment and win-back wait differently). `announce` false: suppressed again, said once.
 */
async function settle(loaded: Loaded, record: NudgeRecord, decision: Exclude<NudgeDecision, { action: 'defer' }>, discount: NudgeDiscount | undefined): Promise<{ record: NudgeRecord; events: NudgeOutboxEvent[] }> {
  const { shop, state, now } = loaded;
  const base = { version: 1, shopId: shop.shopId, occurredAt: now.toISOString(), ...nudgeRef(record, state) };
  if (decision.action === 'suppress') {
    const announce = record.status !== 'suppressed';
    metrics.addMetric(`Nudge_suppressed_${decision.reason}`, MetricUnit.Count, 1);
    return { record: suppressedRecord(record, decision.reason), events: announce ? [event(NudgeSuppressed, { ...base, reason: decision.reason })] : [] };
  }
  const code = discount && shop.discounts ? await discounts.createDiscount(shop.shopId, nudgeDiscountRequest(record, state, discount, now)) : undefined;
  const notificationId = `ntf_${record.nudgeId}`.slice(0, 100);
  const notification = nudgeNotification({ record, state, channel: decision.channel, shop, ...(code && discount ? { discount: { code, settings: discount } } : {}), notificationId, now });
  if (!notification) {
    logger.warn('Nudge due, but the shop sends no customer messages', { shopId: shop.shopId, nudgeId: record.nudgeId });
    return { record: { ...record, status: 'cancelled', version: record.version + 1 }, events: [] };
  }
  metrics.addMetric(`Nudge_sent_${record.kind}`, MetricUnit.Count, 1);
  return {
    record: sentRecord(record, { channel: decision.channel, now, state, discountCode: code?.code }),
    events: [event(NotificationRequested, notification), event(NudgeSent, { ...base, channel: decision.channel, notificationId })],
  };
}

async function onReplenishmentTimer(shop: ShopConfig, fired: Fired): Promise<void> {
  const { customerId, nudgeId } = fired;
  if (!customerId || !nudgeId) return void logger.warn('Nudge timer without its customer or nudge', { timerId: fired.timerId });
  const loaded = await load(shop, customerId);
  const record = loaded.records.find((candidate) => candidate.nudgeId === nudgeId);
  const stale = staleNudgeTimer(record, fired, loaded.now);
  if (stale || !record) return void logger.info('Nudge timer ignored', { shopId: shop.shopId, nudgeId, timerId: fired.timerId, why: stale });
  const decision = decideNudge(nudgeRequestOf(record), loaded.state, loaded.settings, loaded.now, shop.timeZone);
  if (decision.action === 'defer') {
    const deferred = deferredRecord(record, decision.until);
    await nudges.save({ shopId: shop.shopId, customerId, nudges: [deferred.record] }, [timers(shop.shopId, loaded.now, [deferred.timer], [deferred.timer.timerId])], loaded.now);
    return void logger.info('Nudge waits out quiet hours', { shopId: shop.shopId, nudgeId, until: decision.until });
  }
  const settled = await settle(loaded, record, decision, loaded.settings.replenishment.discount);
  await nudges.save({ shopId: shop.shopId, customerId, nudges: [settled.record] }, settled.events, loaded.now);
  logger.info('Nudge settled', { shopId: shop.shopId, nudgeId, status: settled.record.status, reason: settled.record.reason });
}

/** The win-back timer moved to `dueAt` (none: the sequence is over), unless it is there already. */
function movedWinback(book: CustomerBook, timerId: string, dueAt: string | undefined): WinbackTimer | undefined {
  if (book.winback?.dueAt === dueAt) return undefined;
  return { timerId: book.winback?.timerId ?? timerId, ...(dueAt ? { dueAt } : {}), version: (book.winback?.version ?? 0) + 1 };
}

async function onWinbackTimer(shop: ShopConfig, fired: Fired): Promise<void> {
  const { customerId } = fired;
  if (!customerId) return void logger.warn('Win-back timer without its customer', { timerId: fired.timerId });
  const loaded = await load(shop, customerId);
  const { settings, state, book, now } = loaded;
  const { shopId } = shop;
  const due = winbackStepDue(settings.winback, state, now);
  const save = async (winback: WinbackTimer | undefined, records: NudgeRecord[], events: NudgeOutboxEvent[]) => {
    const timerEvents = winback ? [timers(shopId, now, winback.dueAt ? [{ timerId: winback.timerId, kind: 'winback', dueAt: winback.dueAt, customerId }] : [], [winback.timerId])] : [];
    await nudges.save({ shopId, customerId, nudges: records, ...(winback ? { winback } : {}) }, [...events, ...timerEvents], now);
  };
  if (!due.due) {
    // Ordered since, or the sequence is over: the timer belongs where the state says.
    await save(movedWinback(book, fired.timerId, due.nextDueAt), [], []);
    return void logger.info('Win-back timer: no step due', { shopId, customerId, nextDueAt: due.nextDueAt });
  }
  const decision = decideNudge({ kind: 'winback' }, state, settings, now, shop.timeZone);
  if (decision.action === 'defer') {
    await save(movedWinback(book, fired.timerId, decision.until), [], []);
    return void logger.info('Win-back step waits out quiet hours', { shopId, customerId, step: due.step, until: decision.until });
  }
  const existing = loaded.records.find((candidate) => candidate.nudgeId === due.nudgeId);
  const record: NudgeRecord = existing ?? { shopId, customerId, nudgeId: due.nudgeId, kind: 'winback', campaignId: 'winback', status: 'planned', dueAt: due.dueAt, step: due.step, version: 0 };
  const settled = await settle(loaded, record, decision, due.definition.discount);
  let nextDueAt: string | undefined;
  if (settled.record.status === 'sent') {
    nextDueAt = nextWinbackDueAt(settings.winback, state, { nudgeId: record.nudgeId, kind: 'winback', campaignId: 'winback', sentAt: settled.record.sentAt!, channel: settled.record.channel!, step: due.step });
  } else if (decision.action === 'suppress' && passingReasons.includes(decision.reason)) {
    // A case may close, a cap window pass: the step is tried again, not skipped.
    nextDueAt = addDays(now, winbackRetryDays).toISOString();
  }
  await save(movedWinback(book, fired.timerId, nextDueAt), [settled.record], settled.events);
  logger.info('Win-back step settled', { shopId, customerId, step: due.step, status: settled.record.status, reason: settled.record.reason, nextDueAt });
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const { detail } = parseEvent(TimerFired, JSON.parse(record.body));
  if (detail.kind !== 'nudge' && detail.kind !== 'winback') throw new Error(`Unexpected ${detail.kind} timer`);
  const shop = (await loadShopIndex(shopsSecret)).byId(detail.shopId);
  if (!shop) throw new Error(`Unknown shop ${detail.shopId}`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await (detail.kind === 'nudge' ? onReplenishmentTimer(shop, detail) : onWinbackTimer(shop, detail));
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= attempts) throw error;
      logger.info('Nudge timer raced, retrying', { shopId: detail.shopId, timerId: detail.timerId, attempt });
    }
  }
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
