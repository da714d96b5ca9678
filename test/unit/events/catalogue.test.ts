import { describe, expect, it } from 'vitest';
import {
  eventCatalogue,
  eventCatalogueJsonSchema,
  eventPatternFor,
  eventSources,
  findEventDefinition,
  NotificationRequested,
  OrderPlaced,
  ReturnApproved,
  ReturnRejected,
  ReturnRequested,
  ReturnResolved,
  RefundDecided,
  SurveyAnswered,
  TimerFired,
  CustomerTierChanged,
} from '../../../shared/events/catalogue.ts';
import type { DetailOf, EventDefinition } from '../../../shared/events/define.ts';
import { putEventsEntrySize } from '../../../shared/events/publisher.ts';

const required: Record<string, string[]> = {
  'aftersales.orders': ['OrderPlaced', 'OrderUpdated', 'OrderCancelled'],
  'aftersales.customers': ['CustomerUpdated'],
  'aftersales.shipments': ['ShipmentCreated', 'ShipmentUpdated', 'ShipmentDelivered'],
  'aftersales.returns': [
    'ReturnRequested',
    'ReturnApproved',
    'ReturnRejected',
    'ReturnShipped',
    'ReturnReceived',
    'ReturnInspected',
    'ReturnResolved',
    'ReturnExpired',
    'ReturnCancelled',
    'ExchangeOrderCreated',
  ],
  'aftersales.refunds': ['RefundDecided', 'RefundIssued', 'RefundFailed', 'StoreCreditIssued'],
  'aftersales.delays': ['DelayDetected', 'DelayResolved'],
  'aftersales.nudges': ['NudgeScheduled', 'NudgeSent', 'NudgeSuppressed', 'CustomerTierChanged'],
  'aftersales.notifications': ['NotificationRequested', 'NotificationSent', 'NotificationFailed', 'NotificationSuppressed'],
  'aftersales.cases': ['CaseOpened', 'CaseUpdated', 'CaseResolved'],
  'aftersales.surveys': ['SurveyRequested', 'SurveyAnswered'],
  'aftersales.timers': ['TimerFired'],
};

/** PascalCase whose last word is a past tense verb. */
const pastTensePascalCase = /^(?:[A-Z][a-z0-9]+)+(?:ed|Sent)$/;
const name = (definition: EventDefinition) => `${definition.source} ${definition.detailType}`;

function issuePaths(definition: EventDefinition, detail: unknown): string[] {
  const result = definition.detail.safeParse(detail);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('event catalogue', () => {
  it('holds every required event', () => {
    for (const [source, detailTypes] of Object.entries(required)) {
      for (const detailType of detailTypes) expect(findEventDefinition(source, detailType), `${source} ${detailType}`).toBeDefined();
    }
  });

  it.each(eventCatalogue.map((definition) => [name(definition), definition] as const))('%s follows the naming and versioning conventions', (_, definition) => {
    expect(definition.source).toMatch(/^aftersales\.[a-z]+$/);
    expect(eventSources).toContain(definition.source);
    expect(definition.detailType).toMatch(pastTensePascalCase);
    expect(Number.isInteger(definition.version) && definition.version >= 1).toBe(true);
    expect(definition.description.length).toBeGreaterThan(10);

    // The example is valid, and the base fields are required and checked.
    expect(issuePaths(definition, definition.example)).toEqual([]);
    const example = definition.example as Record<string, unknown>;
    expect(example.version).toBe(definition.version);
    expect(issuePaths(definition, { ...example, version: definition.version + 1 })).toEqual(['version']);
    for (const field of ['version', 'shopId', 'occurredAt']) {
      const { [field]: _omitted, ...without } = example;
      expect(issuePaths(definition, without)).toContain(field);
    }
    expect(issuePaths(definition, { ...example, occurredAt: '2024-05-01 09:30' })).toEqual(['occurredAt']);
    expect(issuePaths(definition, { ...example, shopId: '' })).toEqual(['shopId']);
    // Small enough to leave plenty of room under the 256 KB PutEvents limit.
    expect(JSON.stringify(example).length).toBeLessThan(4096);
  });

  it('has unique (source, detail-type) pairs, and detail-types unique across sources', () => {
    const pairs = eventCatalogue.map((definition) => `${definition.source}|${definition.detailType}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const detailTypes = eventCatalogue.map((definition) => definition.detailType);
    expect(new Set(detailTypes).size).toBe(detailTypes.length);
  });

  it('lists exactly the sources the catalogue uses, all under the aftersales. prefix', () => {
    expect([...eventSources].sort()).toEqual([...new Set(eventCatalogue.map((definition) => definition.source))].sort());
    expect(eventSources.every((source) => source.startsWith('aftersales.'))).toBe(true);
  });

  it('finds definitions by source and detail-type only', () => {
    expect(findEventDefinition('aftersales.orders', 'OrderPlaced')).toBe(OrderPlaced);
    expect(findEventDefinition('aftersales.returns', 'OrderPlaced')).toBeUndefined();
    expect(findEventDefinition('aftersales.orders', 'OrderShredded')).toBeUndefined();
  });

  it('generates JSON Schema for every event, with base fields required and the example attached', () => {
    const schemas = eventCatalogueJsonSchema();
    expect(schemas).toHaveLength(eventCatalogue.length);
    for (const entry of schemas) {
      const definition = findEventDefinition(entry.source, entry.detailType)!;
      expect(entry).toMatchObject({ version: definition.version, description: definition.description });
      const schema = entry.schema as { type: string; required: string[]; properties: Record<string, any>; examples: unknown[]; $schema: string };
      expect(schema.$schema).toContain('2020-12');
      expect(schema.type).toBe('object');
      expect(schema.required).toEqual(expect.arrayContaining(['version', 'shopId', 'occurredAt']));
      expect(schema.properties.version.const).toBe(definition.version);
      expect(schema.properties.occurredAt.format).toBe('date-time');
      expect(schema.examples).toEqual([definition.example]);
    }
    // Serialisable as the catalogue endpoint's body, and computed once.
    expect(() => JSON.stringify(schemas)).not.toThrow();
    expect(eventCatalogueJsonSchema()).toBe(schemas);
  });

  it('describes money as integer minor units with an ISO 4217 currency', () => {
    const schema = eventCatalogueJsonSchema().find((entry) => entry.detailType === 'OrderPlaced')!.schema as any;
    expect(schema.properties.totals.properties.total.properties.amount.type).toBe('integer');
    expect(schema.properties.totals.properties.total.properties.currency.pattern).toBe('^[A-Z]{3}$');
  });

  it('builds exact rule patterns for a set of events', () => {
    expect(eventPatternFor(ReturnRejected, ReturnApproved, OrderPlaced)).toEqual({
      source: ['aftersales.orders', 'aftersales.returns'],
      detailType: ['OrderPlaced', 'ReturnApproved', 'ReturnRejected'],
    });
    expect(() => eventPatternFor()).toThrow();
  });
});

describe('event detail rules', () => {
  it('rejects money as floats, lowercase currencies and mixed currencies in an order', () => {
    const order = OrderPlaced.example;
    expect(issuePaths(OrderPlaced, { ...order, totals: { ...order.totals, total: { amount: 279.49, currency: 'USD' } } })).toEqual(['totals.total.amount']);
    expect(issuePaths(OrderPlaced, { ...order, currency: 'usd' })).toContain('currency');
    expect(issuePaths(OrderPlaced, { ...order, totals: { ...order.totals, tax: { amount: 1, currency: 'EUR' } } })).toEqual(['totals.tax']);
  });

  it('requires a locale on the customer and a UTC timestamp', () => {
    const { locale: _locale, ...customer } = OrderPlaced.example.customer;
    expect(issuePaths(OrderPlaced, { ...OrderPlaced.example, customer })).toEqual(['customer.locale']);
    expect(issuePaths(OrderPlaced, { ...OrderPlaced.example, occurredAt: '2024-05-01T09:30:00+02:00' })).toEqual(['occurredAt']);
  });

  it('drops unknown fields when parsing (what the publisher sends)', () => {
    const parsed = OrderPlaced.detail.parse({ ...OrderPlaced.example, accessToken: 'shpat_secret' }) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('accessToken');
  });

  it('checks cross-field rules', () => {
    const exchange = ReturnRequested.example;
    expect(issuePaths(ReturnRequested, { ...exchange, lines: [{ ...exchange.lines[0], exchangeFor: undefined }] })).toEqual(['lines.0.exchangeFor']);
    expect(issuePaths(ReturnApproved, { ...ReturnApproved.example, shipBy: undefined })).toEqual(['shipBy']);
    expect(issuePaths(ReturnResolved, { ...ReturnResolved.example, resolution: 'refund' })).toEqual(['refundId']);
    expect(issuePaths(RefundDecided, { ...RefundDecided.example, amount: undefined })).toEqual(['amount']);
    expect(issuePaths(RefundDecided, { ...RefundDecided.example, kind: 'deny', amount: undefined, refundId: undefined })).toEqual([]);
    expect(issuePaths(RefundDecided, { ...RefundDecided.example, reasons: [] })).toEqual(['reasons']);
    expect(issuePaths(SurveyAnswered, { ...SurveyAnswered.example, score: 9 })).toEqual(['score']);
    expect(issuePaths(SurveyAnswered, { ...SurveyAnswered.example, kind: 'nps', score: 9 })).toEqual([]);
    expect(issuePaths(TimerFired, { ...TimerFired.example, orderId: undefined, shipmentId: undefined })).toEqual(['']);
    expect(issuePaths(CustomerTierChanged, { ...CustomerTierChanged.example, direction: 'downgrade' })).toEqual(['direction']);
  });

  it('keeps secrets and unreachable recipients out of notification requests', () => {
    const request = NotificationRequested.example;
    expect(issuePaths(NotificationRequested, { ...request, templateData: { ...request.templateData, portalToken: 'abc' } })).toEqual(['templateData.portalToken']);
    expect(issuePaths(NotificationRequested, { ...request, recipient: {} })).toEqual(['recipient']);
    expect(issuePaths(NotificationRequested, { ...request, channelPreference: ['sms', 'sms'] })).toEqual(['channelPreference']);
    expect(issuePaths(NotificationRequested, { ...request, category: 'promotional' })).toEqual(['category']);
    expect(issuePaths(NotificationRequested, { ...request, templateData: { blob: 'x'.repeat(17_000) } })).toEqual(['templateData']);
  });

  it('fits a large but ordinary order (250 lines) in one PutEvents entry', () => {
    const line = OrderPlaced.example.lines[0]!;
    const detail: DetailOf<typeof OrderPlaced> = OrderPlaced.detail.parse({
      ...OrderPlaced.example,
      lines: Array.from({ length: 250 }, (_, index) => ({ ...line, lineId: `gid://shopify/LineItem/${13012345678901 + index}` })),
    });
    const size = putEventsEntrySize({ Source: OrderPlaced.source, DetailType: OrderPlaced.detailType, Detail: JSON.stringify(detail) });
    expect(size).toBeLessThan(128 * 1024);
  });
});
