// Parsing an event that may be any of the catalogue's, for consumers whose queue receives several
// kinds. Apart from consume.ts because it needs the whole catalogue: a consumer of one kind of event
// would otherwise evaluate every event's schema at cold start.
import { findEventDefinition, type CatalogueEventDefinition } from './catalogue.ts';
import { parseEnvelope, parseWith, type ParsedEvent } from './consume.ts';
import type { EventDefinition } from './define.ts';
import { UnknownEventError } from './errors.ts';

/** Any catalogue event; narrow it with `switch (event['detail-type'])`. */
export type CatalogueEvent = CatalogueEventDefinition extends infer E ? (E extends EventDefinition ? ParsedEvent<E> : never) : never;

/** Parses any catalogue event, found by source and detail-type; throws `UnknownEventError` for others. */
export function parseAnyCatalogueEvent(rawEvent: unknown): CatalogueEvent {
  const envelope = parseEnvelope(rawEvent);
  const definition = findEventDefinition(envelope.source, envelope['detail-type']);
  if (!definition) throw new UnknownEventError(envelope.source, envelope['detail-type']);
  return parseWith<EventDefinition>(definition, envelope) as CatalogueEvent;
}
