// The customer portal: customers sign in with an order number and the email on the order (as
// return portals do) and see only orders placed with that email. Answers never tell a customer
// whether someone else's order exists: a wrong email is refused like an unknown order.
import * as z from 'zod';
import { defineRoute } from '../define.ts';
import { CustomerOrder, CustomerOrderNumber, CustomerSession, CustomerSignIn } from '../schemas-customer.ts';

export const createCustomerSession = defineRoute({
  method: 'post',
  path: '/customer/sessions',
  operationId: 'createCustomerSession',
  summary: 'Sign in with an order number and its email',
  description: 'Opens a one-hour customer session for the email on the order. An unknown order and a wrong email are refused alike, so the route cannot be used to discover orders.',
  tags: ['Customer portal'],
  access: { kind: 'public', reason: 'Customers sign in here with their order number and the email on the order; no token exists yet.' },
  request: { body: CustomerSignIn },
  responses: {
    200: { description: 'The session token and the order', schema: CustomerSession },
    401: { description: 'No order of the shop has this number and email' },
  },
});

export const getCustomerOrder = defineRoute({
  method: 'get',
  path: '/customer/orders/{orderNumber}',
  operationId: 'getCustomerOrder',
  summary: 'Get one of my orders',
  description: 'An order placed with the session’s email at the session’s shop: lines, totals, parcels with tracking, refunds.',
  tags: ['Customer portal'],
  access: { kind: 'customer' },
  request: { params: z.object({ orderNumber: CustomerOrderNumber }) },
  responses: {
    200: { description: 'The order', schema: CustomerOrder },
    404: { description: 'No order with this number was placed with the session’s email' },
  },
});
