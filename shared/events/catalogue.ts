// The canonical event catalogue: every event the platform publishes, one definition each.
// Consumers narrow a parsed catalogue event on `detail-type` (unique across the catalogue).
import * as z from 'zod';
import type { EventDefinition } from './define.ts';
import { eventSource, type EventSource } from './define.ts';
import { CaseOpened, CaseResolved, CaseUpdated } from './cases.ts';
import { CustomerUpdated } from './customers.ts';
import { DelayDetected, DelayResolved } from './delays.ts';
import { NotificationFailed, NotificationRequested, NotificationSent, NotificationSuppressed } from './notifications.ts';
import { CustomerTierChanged, NudgeConverted, NudgeScheduled, NudgeSent, NudgeSuppressed } from './nudges.ts';
import { OrderCancelled, OrderPlaced, OrderUpdated } from './orders.ts';
import { CustomerDataErased, CustomerDataExported, ShopDataErased } from './privacy.ts';
import { ParcelClaimFiled, RefundDecided, RefundFailed, RefundIssued, RefundRecorded, StoreCreditIssued } from './refunds.ts';
import {
  ExchangeOrderCreated,
  ReturnApproved,
  ReturnCancelled,
  ReturnDelivered,
  ReturnExpired,
  ReturnInspected,
  ReturnReceived,
  ReturnRejected,
  ReturnRequested,
  ReturnResolved,
  ReturnShipped,
} from './returns.ts';
import { ShipmentCreated, ShipmentDelivered, ShipmentUpdated } from './shipments.ts';
import { SurveyAnswered, SurveyRequested } from './surveys.ts';
import { TimerFired, TimersRequested } from './timers.ts';
import { OpsActionRecorded } from './ops.ts';

export * from './cases.ts';
export * from './customers.ts';
export * from './delays.ts';
export * from './notifications.ts';
export * from './nudges.ts';
export * from './orders.ts';
export * from './privacy.ts';
export * from './refunds.ts';
export * from './returns.ts';
export * from './shipments.ts';
export * from './surveys.ts';
export * from './timers.ts';
export * from './ops.ts';
export { defineEvent, eventPatternFor, eventSource, eventSourcePrefix } from './define.ts';
export type { DetailInputOf, DetailOf, EventContext, EventDefinition, EventSource } from './define.ts';

const definitions = [
  OrderPlaced,
  OrderUpdated,
  OrderCancelled,
  CustomerUpdated,
  ShipmentCreated,
  ShipmentUpdated,
  ShipmentDelivered,
  ReturnRequested,
  ReturnApproved,
  ReturnRejected,
  ReturnShipped,
  ReturnDelivered,
  ReturnReceived,
  ReturnInspected,
  ReturnResolved,
  ReturnExpired,
  ReturnCancelled,
  ExchangeOrderCreated,
  RefundDecided,
  RefundIssued,
  RefundFailed,
  RefundRecorded,
  StoreCreditIssued,
  ParcelClaimFiled,
  DelayDetected,
  DelayResolved,
  NudgeScheduled,
  NudgeSent,
  NudgeSuppressed,
  NudgeConverted,
  CustomerTierChanged,
  CustomerDataErased,
  ShopDataErased,
  CustomerDataExported,
  NotificationRequested,
  NotificationSent,
  NotificationFailed,
  NotificationSuppressed,
  CaseOpened,
  CaseUpdated,
  CaseResolved,
  SurveyRequested,
  SurveyAnswered,
  TimerFired,
  TimersRequested,
  OpsActionRecorded,
] as const;

/** Any definition of the catalogue, as a union (for typed consumers). */
export type CatalogueEventDefinition = (typeof definitions)[number];
export type CatalogueDetailType = CatalogueEventDefinition['detailType'];

export const eventCatalogue: readonly EventDefinition[] = Object.freeze([...definitions]);

/** Every source on the bus, for rule patterns. */
export const eventSources: readonly EventSource[] = Object.freeze(Object.values(eventSource));

const byKey = new Map<string, CatalogueEventDefinition>(definitions.map((definition) => [`${definition.source}\u0000${definition.detailType}`, definition]));

/** The catalogue definition for an EventBridge `source` and `detail-type`, if any. */
export function findEventDefinition(source: string, detailType: string): CatalogueEventDefinition | undefined {
  return byKey.get(`${source}\u0000${detailType}`);
}

export interface EventJsonSchema {
  source: string;
  detailType: string;
  version: number;
  description: string;
  /** JSON Schema (draft 2020-12) of the detail, with one example. */
  schema: Record<string, unknown>;
}

let jsonSchemas: readonly EventJsonSchema[] | undefined;

/**
 * The catalogue as JSON Schema, for integrators. Schemas describe what producers send
 * (`io: "input"`): additional properties are not forbidden, so consumers stay forward compatible.
 * Cross-field rules (refinements) are not expressible and are only mentioned in descriptions.
 */
export function eventCatalogueJsonSchema(): readonly EventJsonSchema[] {
  jsonSchemas ??= Object.freeze(
    eventCatalogue.map((definition) => ({
      source: definition.source,
      detailType: definition.detailType,
      version: definition.version,
      description: definition.description,
      schema: { ...z.toJSONSchema(definition.detail, { target: 'draft-2020-12', io: 'input' }), examples: [definition.example] },
    })),
  );
  return jsonSchemas;
}
