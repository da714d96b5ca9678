// How a privacy request is recorded: the audit record (ids and counts, never the personal data)
// and the events announcing it, with the duty team's alert that a data export is ready.
import type { AuditRecord, AuditSubject } from '../audit/audit.ts';
import type { DetailInputOf, EventDefinition } from '../events/define.ts';
import { NotificationRequested } from '../events/notifications.ts';
import { CustomerDataErased, CustomerDataExported, ShopDataErased } from '../events/privacy.ts';
import type { CustomerDataExport } from './export.ts';
import type { ErasureCounts } from './process.ts';
import type { PrivacyRequest } from './requests.ts';

export type PrivacyOutcome =
  | { request: Extract<PrivacyRequest, { kind: 'shop_redact' }>; requestId: string; counts: ErasureCounts }
  | { request: Extract<PrivacyRequest, { kind: 'customer_redact' }>; requestId: string; counts: ErasureCounts; orderIds: string[] }
  | { request: Extract<PrivacyRequest, { kind: 'data_request' }>; requestId: string; export: CustomerDataExport; opsEmail: string | undefined };

export interface ClosingEvent {
  definition: EventDefinition;
  detail: unknown;
}

/** The storefront, not a person, asked: the actor of the audit record. */
export const privacyWebhookActor = { sub: 'storefront:privacy-webhook', role: 'admin' as const };

/** The audit subjects hold at most ten entities (the OpsActionRecorded event's limit). */
const maxSubjects = 10;

export function privacyClosingEvents(outcome: PrivacyOutcome, now: Date): { audit: Omit<AuditRecord, 'auditId' | 'at' | 'scope'> & { shopId?: string }; events: ClosingEvent[] } {
  const base = { version: 1 as const, shopId: outcome.request.shopId, occurredAt: now.toISOString() };
  const auditBase = { actor: privacyWebhookActor, requestId: outcome.requestId };
  switch (outcome.request.kind) {
    case 'shop_redact': {
      const { counts } = outcome as Extract<PrivacyOutcome, { request: { kind: 'shop_redact' } }>;
      return {
        // In the deployment's trail: the shop's own trail is erased with the rest.
        audit: { ...auditBase, action: 'privacy.shopRedact', subjects: [{ type: 'shop', id: outcome.request.shopId }], after: { ...counts } },
        events: [{ definition: ShopDataErased, detail: { ...base, erasureId: outcome.requestId, ...counts } satisfies DetailInputOf<typeof ShopDataErased> }],
      };
    }
    case 'customer_redact': {
      const { counts, orderIds } = outcome as Extract<PrivacyOutcome, { request: { kind: 'customer_redact' } }>;
      const customerId = outcome.request.customer.customerId;
      const subjects: AuditSubject[] = [{ type: 'customer', id: customerId }, ...orderIds.slice(0, maxSubjects - 1).map((id) => ({ type: 'order' as const, id }))];
      return {
        audit: { ...auditBase, shopId: outcome.request.shopId, action: 'privacy.customerRedact', subjects, after: { ...counts, orderIds } },
        events: [{ definition: CustomerDataErased, detail: { ...base, customerId, orderIds, erasureId: outcome.requestId, ...counts } satisfies DetailInputOf<typeof CustomerDataErased> }],
      };
    }
    case 'data_request': {
      const { export: data, opsEmail } = outcome as Extract<PrivacyOutcome, { request: { kind: 'data_request' } }>;
      const events: ClosingEvent[] = [
        { definition: CustomerDataExported, detail: { ...base, customerId: data.customerId, exportId: data.exportId, orderIds: data.orderIds, records: data.records.length } satisfies DetailInputOf<typeof CustomerDataExported> },
      ];
      if (opsEmail) events.push({ definition: NotificationRequested, detail: exportReadyAlert(outcome.request.shopId, opsEmail, data, now) });
      return {
        audit: { ...auditBase, shopId: outcome.request.shopId, action: 'privacy.dataRequest', subjects: [{ type: 'customer', id: data.customerId }], after: { exportId: data.exportId, records: data.records.length } },
        events,
      };
    }
  }
}

/** The duty team's alert: an export waits for them (ids only; the data is behind the supervisor-only route). */
export function exportReadyAlert(shopId: string, opsEmail: string, data: CustomerDataExport, now: Date): DetailInputOf<typeof NotificationRequested> {
  return {
    version: 1,
    shopId,
    occurredAt: now.toISOString(),
    notificationId: `ntf_${data.exportId}`.slice(0, 100),
    // The alert is about no one customer: the duty team is its reader.
    customer: { id: `ops:${shopId}`.slice(0, 100), email: opsEmail, locale: 'en' },
    messageType: 'ops_alert',
    category: 'transactional',
    deduplicationKey: `ops_alert:privacy_export:${data.exportId}`,
    recipient: { email: opsEmail },
    channelPreference: ['email'],
    locale: 'en',
    templateData: {
      title: `Customer data request: export ${data.exportId} is ready`,
      summary: `A customer asked for their data (customer ${data.customerId}). Fetch the export with getPrivacyExport (supervisors) and send it to them within 30 days.`.slice(0, 500),
      severity: 'info',
      facts: [
        { label: 'Export', value: data.exportId },
        { label: 'Customer id', value: data.customerId },
        { label: 'Orders', value: String(data.orderIds.length) },
        { label: 'Records', value: String(data.records.length) },
      ],
    },
  };
}
