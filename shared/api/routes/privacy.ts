// Ops routes over customers' data requests: the exports gathered for Shopify's
// `customers/data_request`, for the shop to hand over. Personal data: supervisors only.
import * as z from 'zod';
import { EntityId, IsoDateTime, ShopId } from '../../events/common.ts';
import { defineRoute } from '../define.ts';
import { Cursor, page } from '../schemas.ts';
import { limit, shopQuery } from './common.ts';

export const PrivacyExportSummary = z
  .object({
    exportId: EntityId,
    shopId: ShopId,
    customerId: EntityId,
    requestedAt: IsoDateTime,
    orderIds: z.array(EntityId).describe('The customer’s orders found'),
    returnIds: z.array(EntityId).describe('The customer’s returns found'),
    records: z.int().nonnegative().describe('Records in the export'),
    expiresAt: z.int().describe('Epoch seconds after which the export is deleted'),
  })
  .meta({ id: 'PrivacyExportSummary', description: 'A customer data export, without its records' });

const ExportedRecord = z.object({
  kind: z.string().describe('What the record is: ORDER, RETURN, NOTIFICATION, DELIVERY (a raw webhook, decoded)...'),
  key: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const PrivacyExport = PrivacyExportSummary.extend({
  data: z.object({
    exportId: EntityId,
    shopId: ShopId,
    customerId: EntityId,
    requestedAt: IsoDateTime,
    orderIds: z.array(EntityId),
    returnIds: z.array(EntityId),
    records: z.array(ExportedRecord),
  }),
}).meta({ id: 'PrivacyExport', description: 'Everything we hold about a customer, as gathered for their data request' });

export const listPrivacyExports = defineRoute({
  method: 'get',
  path: '/ops/privacy-exports',
  operationId: 'listPrivacyExports',
  summary: 'List customer data exports',
  description: 'The exports gathered for the shop’s customer data requests, newest first. They expire 30 days after the request.',
  tags: ['Privacy'],
  access: { kind: 'ops', role: 'supervisor' },
  request: { query: z.object({ shopId: shopQuery, limit, cursor: Cursor.optional() }) },
  responses: { 200: { description: 'A page of exports', schema: page(PrivacyExportSummary, 'PrivacyExportPage') } },
});

export const getPrivacyExport = defineRoute({
  method: 'get',
  path: '/ops/privacy-exports/{exportId}',
  operationId: 'getPrivacyExport',
  summary: 'Get a customer data export',
  description: 'Everything we held about the customer when their data request arrived: orders, returns, refunds, messages, surveys, raw webhooks (decoded), timeline entries.',
  tags: ['Privacy'],
  access: { kind: 'ops', role: 'supervisor' },
  request: { params: z.object({ exportId: EntityId }), query: z.object({ shopId: shopQuery }) },
  responses: { 200: { description: 'The export', schema: PrivacyExport } },
});
