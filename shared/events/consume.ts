// Parsing events as consumers receive them: the full EventBridge envelope (as a Lambda target
// gets it, or as the body of an SQS message a rule delivered). The envelope is checked with
// Powertools' EventBridgeSchema (zod 4), then source and detail-type against the definition,
// then the detail against its schema. Every failure names the field path.
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import type { z } from 'zod';
import { findEventDefinition, type CatalogueEventDefinition } from './catalogue.ts';
import type { DetailOf, EventDefinition } from './define.ts';
import { EventParseError, UnknownEventError } from './errors.ts';

export { EventParseError, UnknownEventError } from './errors.ts';

export type EventBridgeEnvelope = z.output<typeof EventBridgeSchema>;

/** An EventBridge event whose source, detail-type and detail are those of `E`. */
export type ParsedEvent<E extends EventDefinition> = Omit<EventBridgeEnvelope, 'source' | 'detail-type' | 'detail'> & {
  source: E['source'];
  'detail-type': E['detailType'];
  detail: DetailOf<E>;
};

/** Any catalogue event; narrow it with `switch (event['detail-type'])`. */
export type CatalogueEvent = CatalogueEventDefinition extends infer E ? (E extends EventDefinition ? ParsedEvent<E> : never) : never;

function parseEnvelope(rawEvent: unknown): EventBridgeEnvelope {
  const envelope = EventBridgeSchema.safeParse(rawEvent);
  if (!envelope.success) throw new EventParseError('Not an EventBridge event', envelope.error.issues);
  return envelope.data;
}

function parseWith<E extends EventDefinition>(definition: E, envelope: EventBridgeEnvelope): ParsedEvent<E> {
  const expected = `${definition.source} ${definition.detailType}`;
  if (envelope.source !== definition.source || envelope['detail-type'] !== definition.detailType) {
    const field = envelope.source !== definition.source ? 'source' : 'detail-type';
    throw new EventParseError(`Expected a ${expected} event but got ${envelope.source} ${envelope['detail-type']} (${field} differs)`);
  }
  const detail = definition.detail.safeParse(envelope.detail);
  if (!detail.success) throw new EventParseError(`Invalid ${expected} event`, detail.error.issues, ['detail']);
  return { ...envelope, source: definition.source, 'detail-type': definition.detailType, detail: detail.data as DetailOf<E> };
}

/** Parses an EventBridge event as an event of `definition`; throws `EventParseError` naming the bad field. */
export function parseEvent<E extends EventDefinition>(definition: E, rawEvent: unknown): ParsedEvent<E> {
  return parseWith(definition, parseEnvelope(rawEvent));
}

/** Parses any catalogue event, found by source and detail-type; throws `UnknownEventError` for others. */
export function parseAnyCatalogueEvent(rawEvent: unknown): CatalogueEvent {
  const envelope = parseEnvelope(rawEvent);
  const definition = findEventDefinition(envelope.source, envelope['detail-type']);
  if (!definition) throw new UnknownEventError(envelope.source, envelope['detail-type']);
  return parseWith<EventDefinition>(definition, envelope) as CatalogueEvent;
}
