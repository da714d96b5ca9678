// Parsing events as consumers receive them: the full EventBridge envelope (as a Lambda target
// gets it, or as the body of an SQS message a rule delivered). The envelope is checked with
// EventBridgeSchema, then source and detail-type against the definition, then the detail against
// its schema. Every failure names the field path. A consumer of several kinds: consume-any.ts.
import * as z from 'zod';
import type { DetailOf, EventDefinition } from './define.ts';
import { EventParseError } from './errors.ts';

export { EventParseError, UnknownEventError } from './errors.ts';

/**
 * The EventBridge envelope, as Powertools' parser defines it. Not imported from there: its module
 * binds zod as `import { z }`, which makes the bundler keep the whole zod namespace (every locale,
 * about 70 KB gzipped) in every consumer's bundle.
 */
export const EventBridgeSchema = z.object({
  version: z.string(),
  id: z.string(),
  source: z.string(),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  resources: z.array(z.string()),
  'detail-type': z.string(),
  detail: z.unknown(),
  'replay-name': z.string().optional(),
});

export type EventBridgeEnvelope = z.output<typeof EventBridgeSchema>;

/** An EventBridge event whose source, detail-type and detail are those of `E`. */
export type ParsedEvent<E extends EventDefinition> = Omit<EventBridgeEnvelope, 'source' | 'detail-type' | 'detail'> & {
  source: E['source'];
  'detail-type': E['detailType'];
  detail: DetailOf<E>;
};

/** The envelope alone, checked; `parseWith` then checks the detail against a definition. */
export function parseEnvelope(rawEvent: unknown): EventBridgeEnvelope {
  const envelope = EventBridgeSchema.safeParse(rawEvent);
  if (!envelope.success) throw new EventParseError('Not an EventBridge event', envelope.error.issues);
  return envelope.data;
}

export function parseWith<E extends EventDefinition>(definition: E, envelope: EventBridgeEnvelope): ParsedEvent<E> {
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
