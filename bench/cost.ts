// What a store's orders cost to run: the local stack's usage counters (infra/local/usage) priced
// with the dated us-east-1 table in bench/prices.json, per 1,000 orders and split by service, next
// to the least work the design needs for the same orders.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { UsageSnapshot } from '../infra/local/usage/counters.ts';

export type PriceName =
  | 'lambdaRequest'
  | 'lambdaGbSecondArm'
  | 'apiRequest'
  | 'eventBridgeEvent'
  | 'schedulerInvocation'
  | 'schedulerApiCall'
  | 'sqsRequest'
  | 'dynamoWriteUnit'
  | 'dynamoReadUnit'
  | 'sesEmail'
  | 'smsSegment'
  | 'smsCarrierFee';

export interface PriceTable {
  region: string;
  /** When the prices were last checked against the published pages. */
  checked: string;
  prices: Record<PriceName, { usd: number; unit: string; source: string }>;
}

export type Service = 'apiGateway' | 'lambda' | 'eventBridge' | 'scheduler' | 'sqs' | 'dynamodb' | 'ses' | 'sms';

/** Fees for the messages themselves: what a merchant pays whatever platform sends them. */
const messageServices: ReadonlySet<Service> = new Set(['ses', 'sms']);

export interface CostLine {
  service: Service;
  item: string;
  /** Quantity for the whole run (not per 1,000 orders). */
  quantity: number;
  price: PriceName;
  /** Per 1,000 orders. */
  usd: number;
}

export interface Cost {
  totalUsd: number;
  withoutMessagesUsd: number;
  byService: Record<Service, number>;
  lines: CostLine[];
}

export interface CostPer1000Orders extends Cost {
  assumptions: string[];
  /** The least work the design needs for the same orders, priced the same way. */
  minimum: Cost & { assumptions: string[] };
  /** Measured ÷ minimum, message fees excluded (they are the same in both). */
  overMinimum: number;
}

export function loadPrices(file = path.join(import.meta.dirname, 'prices.json')): PriceTable {
  return JSON.parse(readFileSync(file, 'utf8')) as PriceTable;
}

/**
 * Lambda's SQS event source mapping polls an idle queue with five long polls of 20 s at a time:
 * 15 ReceiveMessage requests a minute per mapped queue (about $0.26 a month), billed whether or not
 * messages arrive. The local poller's own empty receives (1 s polls) are not priced.
 */
export const idleReceivesPerQueuePerMinute = 15;

const round = (value: number) => Math.round(value * 1e8) / 1e8;

function priced(items: Array<[Service, string, number, PriceName]>, orders: number, prices: PriceTable): Cost {
  if (!(orders > 0)) throw new Error(`orders: must be a positive number (got ${orders})`);
  const perThousand = 1000 / orders;
  const lines = items.map(([service, item, quantity, price]) => ({ service, item, quantity: round(quantity), price, usd: round(quantity * prices.prices[price].usd * perThousand) }));
  const byService = { apiGateway: 0, lambda: 0, eventBridge: 0, scheduler: 0, sqs: 0, dynamodb: 0, ses: 0, sms: 0 } as Record<Service, number>;
  for (const line of lines) byService[line.service] += line.usd;
  for (const service of Object.keys(byService) as Service[]) byService[service] = round(byService[service]);
  const totalUsd = round(lines.reduce((sum, line) => sum + line.usd, 0));
  const withoutMessagesUsd = round(lines.filter((line) => !messageServices.has(line.service)).reduce((sum, line) => sum + line.usd, 0));
  return { totalUsd, withoutMessagesUsd, byService, lines };
}

/** The work the business asks for, whatever the design: deliveries to acknowledge, messages to send, timers to fire. */
export interface RequiredWork {
  orders: number;
  /** Webhook deliveries received. */
  deliveries: number;
  emails: number;
  smsMessages: number;
  smsSegments: number;
  /** Timers that fired (delay watches, auto-approvals, nudges). */
  timers: number;
}

/** Reads the required work off the counters: every API request of a store day is a webhook delivery. */
export function requiredWork(usage: UsageSnapshot, orders: number): RequiredWork {
  return { orders, deliveries: usage.api.requests, emails: usage.ses.emails, smsMessages: usage.sms.messages, smsSegments: usage.sms.segments, timers: usage.scheduler.invocations };
}

/**
 * The least the design can do. A delivery must be acknowledged quickly and durably and then applied
 * off the request path (bursts are absorbed by a queue), exactly once (an idempotency record), and
 * announced once to the capabilities that react to it. A message needs one sender invocation and one
 * exactly-once record. A timer needs one invocation of what it wakes.
 */
export const minimumDesign = {
  perDelivery: { apiRequests: 1, invocations: 2, sqsRequests: 3, events: 1, writeUnits: 2, readUnits: 0.5 },
  perMessage: { invocations: 1, writeUnits: 1 },
  perTimer: { invocations: 1, writeUnits: 1 },
  invocationMs: 20,
  memoryMb: 256,
};

export function minimumCostPer1000Orders(work: RequiredWork, prices: PriceTable): Cost & { assumptions: string[] } {
  const { perDelivery, perMessage, perTimer, invocationMs, memoryMb } = minimumDesign;
  const messages = work.emails + work.smsMessages;
  const invocations = work.deliveries * perDelivery.invocations + messages * perMessage.invocations + work.timers * perTimer.invocations;
  const cost = priced(
    [
      ['apiGateway', 'webhook requests', work.deliveries * perDelivery.apiRequests, 'apiRequest'],
      ['lambda', 'invocations', invocations, 'lambdaRequest'],
      ['lambda', 'GB-seconds', invocations * (invocationMs / 1000) * (memoryMb / 1024), 'lambdaGbSecondArm'],
      ['sqs', 'send, receive, delete per delivery', work.deliveries * perDelivery.sqsRequests, 'sqsRequest'],
      ['eventBridge', 'one event per delivery', work.deliveries * perDelivery.events, 'eventBridgeEvent'],
      ['scheduler', 'timers fired', work.timers, 'schedulerInvocation'],
      ['dynamodb', 'write units', work.deliveries * perDelivery.writeUnits + messages * perMessage.writeUnits + work.timers * perTimer.writeUnits, 'dynamoWriteUnit'],
      ['dynamodb', 'read units', work.deliveries * perDelivery.readUnits, 'dynamoReadUnit'],
      ['ses', 'emails', work.emails, 'sesEmail'],
      ['sms', 'segments', work.smsSegments, 'smsSegment'],
      ['sms', 'carrier fees', work.smsSegments, 'smsCarrierFee'],
    ],
    work.orders,
    prices,
  );
  return {
    ...cost,
    assumptions: [
      `Per delivery: ${perDelivery.apiRequests} API request, ${perDelivery.invocations} invocations (acknowledge, then apply), ${perDelivery.sqsRequests} SQS requests, ${perDelivery.events} event, ${perDelivery.writeUnits} WRU (idempotency record and state, each under 1 KB), ${perDelivery.readUnits} RRU (one eventually consistent read).`,
      `Per message: ${perMessage.invocations} invocation and ${perMessage.writeUnits} WRU (its exactly-once record), plus the email or SMS fee. Per timer fired: ${perTimer.invocations} invocation and ${perTimer.writeUnits} WRU.`,
      `Every invocation ${invocationMs} ms at ${memoryMb} MB on arm64; no idle SQS polling (a push-based design would avoid it).`,
    ],
  };
}

/** The default store day of issue 11: its orders arrive over 24 hours. */
export const defaultOrdersPerDay = 10_000;

/**
 * Prices `usage` (the counters over a run of `orders` orders) per 1,000 orders. Lambda's idle SQS
 * polling is billed by the hour, not by the order: it is charged for the hours `orders` orders take
 * to arrive in a store selling `ordersPerDay` a day (a sample of a day bears its share of the day).
 */
export function costPer1000Orders(usage: UsageSnapshot, orders: number, prices: PriceTable, options: { ordersPerDay?: number; work?: RequiredWork } = {}): CostPer1000Orders {
  const ordersPerDay = options.ordersPerDay ?? defaultOrdersPerDay;
  const dayHours = Math.round(((24 * orders) / ordersPerDay) * 1000) / 1000;
  const idleReceives = usage.sqs.mappedQueues * idleReceivesPerQueuePerMinute * 60 * dayHours;
  const { sqs, dynamodb, scheduler } = usage;
  const cost = priced(
    [
      ['apiGateway', 'API requests', usage.api.requests, 'apiRequest'],
      ['lambda', 'invocations', usage.lambda.invocations, 'lambdaRequest'],
      ['lambda', 'GB-seconds (billed duration × configured memory)', usage.lambda.gbSeconds, 'lambdaGbSecondArm'],
      ['eventBridge', 'custom events (64 KB chunks)', usage.eventbridge.events, 'eventBridgeEvent'],
      ['scheduler', 'schedules fired', scheduler.invocations, 'schedulerInvocation'],
      ['scheduler', 'schedule create, update and delete calls', scheduler.createCalls + scheduler.updateCalls + scheduler.deleteCalls, 'schedulerApiCall'],
      ['sqs', 'send, receive (with messages), delete and visibility requests', sqs.sendRequests + sqs.receiveRequests + sqs.deleteRequests + sqs.changeVisibilityRequests, 'sqsRequest'],
      ['sqs', `idle polling by Lambda (${sqs.mappedQueues} mapped queues, ${dayHours} h)`, idleReceives, 'sqsRequest'],
      ['dynamodb', 'write units', dynamodb.writeUnits, 'dynamoWriteUnit'],
      ['dynamodb', 'read units', dynamodb.readUnits, 'dynamoReadUnit'],
      ['ses', 'emails (per recipient)', usage.ses.emails, 'sesEmail'],
      ['sms', 'segments', usage.sms.segments, 'smsSegment'],
      ['sms', 'carrier fees', usage.sms.segments, 'smsCarrierFee'],
    ],
    orders,
    prices,
  );
  const minimum = minimumCostPer1000Orders(options.work ?? requiredWork(usage, orders), prices);
  return {
    ...cost,
    assumptions: [
      `Prices: ${prices.region} on-demand, checked ${prices.checked} (bench/prices.json); free tiers ignored.`,
      `Idle SQS polling: ${idleReceivesPerQueuePerMinute} empty receives a minute per mapped queue (five 20 s long polls), over the ${dayHours} h these ${orders} orders take to arrive at ${ordersPerDay} orders a day; the local poller's own empty receives are not priced.`,
      'DynamoDB units from ConsumedCapacity (ReturnConsumedCapacity TOTAL on every function request); a write refused by its condition counts 1 WRU.',
      'Lambda duration measured on this machine (rounded up to 1 ms) at each function\'s configured memory: slower than Lambda\'s own CPUs, so an upper bound.',
    ],
    minimum,
    overMinimum: minimum.withoutMessagesUsd > 0 ? Math.round((cost.withoutMessagesUsd / minimum.withoutMessagesUsd) * 100) / 100 : 0,
  };
}
