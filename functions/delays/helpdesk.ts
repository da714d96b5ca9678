// POST /webhooks/helpdesk/{shopId}: a ticket a customer opened in the shop's helpdesk, signed like
// the generic webhook with the shop's webhook secret. The order number (and the email, when two
// orders share a number) finds the order; its delay watch records the customer's first contact
// (shared/delays/customer-contact.ts), the "told first" measure. Anything else is answered 202.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { CustomerOrders } from '#shared/adapters/customer-orders.ts';
import { ConcurrentChangeError, DelayStore } from '#shared/adapters/delay-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { receiveHelpdeskTicket } from '#shared/api/routes/delays.ts';
import { Answer, createRouter } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { recordCustomerContact } from '#shared/delays/customer-contact.ts';
import { logger } from '#shared/observability.ts';
import { authenticateShopWebhook } from '#shared/webhooks/shop-signed.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecretArn = requiredEnv('SHOPS_SECRET_ARN');
const orders = new CustomerOrders(dynamoDocumentClient(), tableName);
const delays = new DelayStore(dynamoDocumentClient(), tableName);
const attempts = 3;

const ignored = (detail: string, orderId?: string) => new Answer(202, { status: 'ignored', ...(orderId ? { orderId } : {}), detail });

async function record(shopId: string, ticket: { ticketId: string; createdAt: string; orderNumber?: string | undefined; email?: string | undefined }, attempt = 1): Promise<unknown> {
  if (!ticket.orderNumber) return ignored('The ticket names no order');
  const found = await orders.findByNumber(shopId, ticket.orderNumber);
  const email = ticket.email?.toLowerCase();
  const matching = found.length > 1 && email ? found.filter((state) => state.order?.customer.email?.toLowerCase() === email) : found;
  if (matching.length !== 1) return ignored(matching.length === 0 ? 'No order has this number' : 'Several orders have this number: send the customer’s email');
  const { orderId } = matching[0]!;
  const stored = await delays.get(shopId, orderId);
  const next = stored && recordCustomerContact(stored.watch, { at: ticket.createdAt, by: 'helpdesk' }, new Date());
  if (!stored || !next) return ignored('The order is not late or on its way, or an earlier contact is known', orderId);
  try {
    await delays.save(next, stored.version, []);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    if (attempt >= attempts) throw new ApiProblem(409, `The delay watch of order ${orderId} changed at the same moment: retry`);
    return record(shopId, ticket, attempt + 1);
  }
  logger.info('Helpdesk ticket recorded as first customer contact', { shopId, orderId, ticketId: ticket.ticketId });
  return { status: 'recorded', orderId };
}

export const handler = middy(
  createRouter([
    [receiveHelpdeskTicket, async (event) => {
      const shopId = await authenticateShopWebhook(event, shopsSecretArn);
      const { body } = parseRequest(receiveHelpdeskTicket, event);
      return record(shopId, body);
    }],
  ]),
).use(injectLambdaContext(logger));
