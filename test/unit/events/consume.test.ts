import { describe, expect, it } from 'vitest';
import { eventCatalogue, OrderPlaced, ReturnApproved, TimerFired } from '../../../shared/events/catalogue.ts';
import { parseAnyCatalogueEvent } from '../../../shared/events/consume-any.ts';
import { EventParseError, parseEvent, UnknownEventError } from '../../../shared/events/consume.ts';
import type { EventDefinition } from '../../../shared/events/define.ts';
import { EventPublisher } from '../../../shared/events/publisher.ts';
import { FakeEventBridge } from './fake-event-bridge.ts';

function envelope(definition: EventDefinition, detail: unknown = definition.example) {
  return {
    version: '0',
    id: 'f0e1d2c3-0000-4000-8000-000000000001',
    'detail-type': definition.detailType,
    source: definition.source,
    account: '123456789012',
    time: '2024-05-01T09:30:01Z',
    region: 'eu-west-1',
    resources: [],
    detail,
  };
}

function parseError(run: () => unknown): EventParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EventParseError);
    return error as EventParseError;
  }
  throw new Error('expected a parse error');
}

describe('parseEvent', () => {
  it('returns the envelope with a typed, validated detail', () => {
    const event = parseEvent(OrderPlaced, envelope(OrderPlaced));
    expect(event.id).toBe('f0e1d2c3-0000-4000-8000-000000000001');
    expect(event['detail-type']).toBe('OrderPlaced');
    const total: number = event.detail.totals.total.amount;
    expect(total).toBe(27949);
  });

  it('tolerates detail fields it does not know (newer producers) and drops them', () => {
    const event = parseEvent(OrderPlaced, envelope(OrderPlaced, { ...OrderPlaced.example, loyaltyPoints: 12 }));
    expect(event.detail).not.toHaveProperty('loyaltyPoints');
  });

  it('rejects another source', () => {
    const error = parseError(() => parseEvent(OrderPlaced, { ...envelope(OrderPlaced), source: 'aftersales.returns' }));
    expect(error.message).toMatch(/Expected a aftersales\.orders OrderPlaced event but got aftersales\.returns OrderPlaced \(source differs\)/);
  });

  it('rejects another detail-type, even with a matching detail', () => {
    const error = parseError(() => parseEvent(OrderPlaced, { ...envelope(OrderPlaced), 'detail-type': 'OrderUpdated' }));
    expect(error.message).toContain('detail-type differs');
  });

  it('names the bad detail field', () => {
    const detail = { ...ReturnApproved.example, lines: [{ lineId: '1', quantity: -1 }], approvedBy: { kind: 'robot' } };
    const error = parseError(() => parseEvent(ReturnApproved, envelope(ReturnApproved, detail)));
    expect(error.message).toMatch(/^Invalid aftersales\.returns ReturnApproved event: /);
    expect(error.message).toContain('detail.lines[0].quantity');
    expect(error.paths).toEqual(['detail.lines[0].quantity', 'detail.approvedBy.kind']);
  });

  it('names a missing envelope field', () => {
    const { time: _time, ...withoutTime } = envelope(TimerFired);
    const error = parseError(() => parseEvent(TimerFired, withoutTime));
    expect(error.paths).toEqual(['time']);
    expect(error.message).toMatch(/^Not an EventBridge event: time:/);
    expect(parseError(() => parseEvent(TimerFired, 'TimerFired')).paths).toEqual(['(root)']);
  });
});

describe('parseAnyCatalogueEvent', () => {
  it('finds the definition and narrows on detail-type', () => {
    const event = parseAnyCatalogueEvent(envelope(TimerFired));
    if (event['detail-type'] !== 'TimerFired') throw new Error('expected a TimerFired event');
    expect(event.detail.kind).toBe('deliver_by');
  });

  it('refuses events outside the catalogue', () => {
    expect(() => parseAnyCatalogueEvent({ ...envelope(OrderPlaced), source: 'partner.crm', 'detail-type': 'ContactUpdated' })).toThrow(UnknownEventError);
    expect(() => parseAnyCatalogueEvent({ ...envelope(OrderPlaced), 'detail-type': 'OrderShredded' })).toThrow(/aftersales\.orders OrderShredded is not in the event catalogue/);
  });

  it('refuses a catalogue event whose detail breaks its schema, naming the field', () => {
    expect(() => parseAnyCatalogueEvent(envelope(OrderPlaced, { ...OrderPlaced.example, currency: 'dollars' }))).toThrow(/detail\.currency/);
  });

  it('reads back every catalogue example as published (round trip through the publisher)', async () => {
    const client = new FakeEventBridge();
    const publisher = new EventPublisher({ client, eventBusName: 'aftersales-bus' });
    await publisher.publishMany(eventCatalogue.map((definition) => ({ definition, detail: definition.example })));
    expect(client.requests).toHaveLength(Math.ceil(eventCatalogue.length / 10));
    const parsed = client.accepted.map((raw) => parseAnyCatalogueEvent(raw));
    expect(parsed.map((event) => event['detail-type'])).toEqual(eventCatalogue.map((definition) => definition.detailType));
    parsed.forEach((event, index) => expect(event.detail).toEqual(eventCatalogue[index]!.example));
  });
});
