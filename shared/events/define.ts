// How a canonical event is declared: its source (`aftersales.<context>`), its PastTense
// detail-type, the version of its detail and the zod shape of that detail. `defineEvent` adds
// the fields every detail carries (version, shopId, occurredAt, correlationId) so no event can
// forget them.
//
// Versioning: adding an optional field is not a breaking change and keeps the version. A breaking
// change bumps `version`; consumers read `detail.version`. Details are parsed with zod's default
// "strip" objects: unknown fields are tolerated by consumers and dropped by the publisher.
import * as z from 'zod';
import { EntityId, IsoDateTime, ShopId } from './common.ts';

/** Every source on the bus, one per bounded context. Rules can also match the `aftersales.` prefix. */
export const eventSource = {
  orders: 'aftersales.orders',
  customers: 'aftersales.customers',
  shipments: 'aftersales.shipments',
  returns: 'aftersales.returns',
  refunds: 'aftersales.refunds',
  delays: 'aftersales.delays',
  nudges: 'aftersales.nudges',
  notifications: 'aftersales.notifications',
  cases: 'aftersales.cases',
  surveys: 'aftersales.surveys',
  timers: 'aftersales.timers',
  ops: 'aftersales.ops',
} as const;
export type EventContext = keyof typeof eventSource;
export type EventSource = (typeof eventSource)[EventContext];

/** The prefix every source shares; an EventBridge rule `{"source":[{"prefix":"aftersales."}]}` sees them all. */
export const eventSourcePrefix = 'aftersales.';

export type BaseDetailShape<V extends number> = {
  version: z.ZodLiteral<V>;
  shopId: typeof ShopId;
  occurredAt: typeof IsoDateTime;
  correlationId: z.ZodOptional<typeof EntityId>;
};
type ReservedField = keyof BaseDetailShape<number>;

function baseDetailShape<V extends number>(version: V): BaseDetailShape<V> {
  return {
    version: z.literal(version).describe('Version of this detail schema'),
    shopId: ShopId,
    occurredAt: IsoDateTime.describe('When the fact happened (UTC), not when it was published'),
    correlationId: EntityId.optional().describe('Groups the events of one flow (e.g. the storefront webhook id)'),
  };
}

export type DetailSchema<V extends number, Shape extends z.ZodRawShape> = z.ZodObject<BaseDetailShape<V> & Shape>;

export interface EventDefinition<
  Source extends string = string,
  DetailType extends string = string,
  Version extends number = number,
  Detail extends z.ZodType = z.ZodType,
> {
  readonly source: Source;
  readonly detailType: DetailType;
  readonly version: Version;
  readonly description: string;
  /** The zod schema of the whole detail, base fields included. */
  readonly detail: Detail;
  /** A valid detail, published in the JSON Schema catalogue and used by tests. */
  readonly example: z.input<Detail>;
}

/** The parsed detail type of a definition. */
export type DetailOf<E> = E extends { readonly detail: infer D extends z.ZodType } ? z.output<D> : never;
/** What a producer passes to the publisher (same as `DetailOf` as long as schemas hold no transforms). */
export type DetailInputOf<E> = E extends { readonly detail: infer D extends z.ZodType } ? z.input<D> : never;

export interface EventSpec<Source extends EventSource, DetailType extends string, V extends number, Shape extends z.ZodRawShape> {
  source: Source;
  detailType: DetailType;
  version: V;
  description: string;
  /** The event's own fields; the base fields are added. */
  detail: Shape & { [K in ReservedField]?: never };
  /** Cross-field rules (e.g. an exchange needs replacement items). Not represented in JSON Schema. */
  refine?: (detail: z.output<DetailSchema<V, Shape>>, ctx: z.RefinementCtx<z.output<DetailSchema<V, Shape>>>) => void;
  example: NoInfer<z.input<DetailSchema<V, Shape>>>;
}

export function defineEvent<Source extends EventSource, const DetailType extends string, const V extends number, Shape extends z.ZodRawShape>(
  spec: EventSpec<Source, DetailType, V, Shape>,
): EventDefinition<Source, DetailType, V, DetailSchema<V, Shape>> {
  let detail = z.object({ ...baseDetailShape(spec.version), ...spec.detail }) as unknown as DetailSchema<V, Shape>;
  if (spec.refine) detail = detail.superRefine(spec.refine);
  detail = detail.meta({ title: spec.detailType, description: spec.description });
  return Object.freeze({
    source: spec.source,
    detailType: spec.detailType,
    version: spec.version,
    description: spec.description,
    detail,
    example: spec.example,
  });
}

/**
 * An EventBridge rule pattern (CDK `EventPattern` shape) matching exactly these events (exact
 * because detail-types are unique across the catalogue, which the tests check):
 * `backbone.subscribeQueue(this, 'Rule', eventPatternFor(ReturnApproved, ReturnRejected), ...)`.
 */
export function eventPatternFor(...definitions: readonly EventDefinition[]): { source: string[]; detailType: string[] } {
  if (definitions.length === 0) throw new Error('eventPatternFor needs at least one event definition');
  return {
    source: [...new Set(definitions.map((definition) => definition.source))].sort(),
    detailType: [...new Set(definitions.map((definition) => definition.detailType))].sort(),
  };
}
