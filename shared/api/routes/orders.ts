// Ops routes over orders and customers.
import * as z from 'zod';
import { EntityId, IsoDateTime, PhoneNumber } from '../../events/common.ts';
import { defineRoute } from '../define.ts';
import { CustomerOrderNumber } from '../schemas-customer.ts';
import { Cursor, Customer, Order, OrderSort, OrderStatusFilter, OrderSummary, TimelineEntry, page } from '../schemas.ts';
import { limit, shopQuery } from './common.ts';

export const listOrders = defineRoute({
  method: 'get',
  path: '/ops/orders',
  operationId: 'listOrders',
  summary: 'List orders',
  description: 'Orders of a shop, newest first unless sorted otherwise, filtered by status, customer and creation time.',
  tags: ['Orders'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      status: OrderStatusFilter.optional(),
      customerId: EntityId.optional().describe('Only this customer’s orders'),
      from: IsoDateTime.optional().describe('Created at or after (UTC)'),
      to: IsoDateTime.optional().describe('Created before (UTC)'),
      limit,
      cursor: Cursor.optional(),
      sort: OrderSort.default('-createdAt'),
    }),
  },
  responses: { 200: { description: 'A page of orders', schema: page(OrderSummary, 'OrderPage') } },
});

const orderParams = z.object({ orderId: EntityId.describe('Storefront order id') });

export const getOrder = defineRoute({
  method: 'get',
  path: '/ops/orders/{orderId}',
  operationId: 'getOrder',
  summary: 'Get an order',
  description: 'The order with its lines, totals, fulfillments and refunds, as normalized from the storefront.',
  tags: ['Orders'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: orderParams, query: z.object({ shopId: shopQuery }) },
  responses: { 200: { description: 'The order', schema: Order } },
});

export const getOrderTimeline = defineRoute({
  method: 'get',
  path: '/ops/orders/{orderId}/timeline',
  operationId: 'getOrderTimeline',
  summary: 'Get the timeline of an order',
  description: 'Every canonical event naming the order (placed, shipped, returned, refunded, messages), oldest first.',
  tags: ['Orders'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: orderParams, query: z.object({ shopId: shopQuery, limit, cursor: Cursor.optional() }) },
  responses: { 200: { description: 'A page of timeline entries', schema: page(TimelineEntry, 'TimelinePage') } },
});

// ---- Ops: customers --------------------------------------------------------------------------

export const listCustomers = defineRoute({
  method: 'get',
  path: '/ops/customers',
  operationId: 'listCustomers',
  summary: 'List customers',
  description:
    'Customers of a shop, optionally only those with an email address, a phone number, or who placed an order with a number (give at most one). By phone, the filter applies to each page read, so a page may hold fewer than `limit`: follow `nextCursor`.',
  tags: ['Customers'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z
      .object({
        shopId: shopQuery,
        email: z.email().optional().describe('Exact email address (case-insensitive)'),
        phone: PhoneNumber.optional().describe('Exact phone number, E.164'),
        orderNumber: CustomerOrderNumber.optional().describe('The customer who placed this order; `#1001` and `1001` are the same'),
        limit,
        cursor: Cursor.optional(),
      })
      .refine((query) => [query.email, query.phone, query.orderNumber].filter((value) => value !== undefined).length <= 1, {
        message: 'give at most one of email, phone and orderNumber',
        path: ['email'],
      }),
  },
  responses: { 200: { description: 'A page of customers', schema: page(Customer, 'CustomerPage') } },
});

export const getCustomer = defineRoute({
  method: 'get',
  path: '/ops/customers/{customerId}',
  operationId: 'getCustomer',
  summary: 'Get a customer',
  description: 'Contact details, marketing consent and order totals (each order and refund counted once).',
  tags: ['Customers'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: z.object({ customerId: EntityId.describe('Storefront customer id') }), query: z.object({ shopId: shopQuery }) },
  responses: { 200: { description: 'The customer', schema: Customer } },
});
