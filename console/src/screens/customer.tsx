// One customer, everything the desk needs in one place: contact and consent, orders (each linking
// to its timeline), return cases and refund decisions, messages with their delivery, satisfaction.
import { useEffect, useState } from 'preact/hooks';
import { formatMoney, formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { ListStatus, Notice, Pager, useCursorPages } from '../ui.tsx';
import { readFiltered } from './customers.tsx';

type Customer = Schemas['Customer'];
type OrderSummary = Schemas['OrderSummary'];
type Decision = Schemas['OrderLedger']['decisions'][number] & { orderNumber: string };

/** openapi-fetch's answer, or the problem as an Error (what useCursorPages expects). */
const dataOf = <T,>({ data, error, response }: { data?: T; error?: unknown; response: Response }): T => {
  if (!data) throw new Error(problemText(error, response.status));
  return data;
};

const consentText = (consent: Customer['emailMarketingConsent']) => (consent ? `${humanize(consent.state)}${consent.updatedAt ? ` (since ${formatTime(consent.updatedAt)})` : ''}` : 'unknown');

export function CustomerScreen({ customerId }: { customerId: string }) {
  const { api, shopId } = useConsole();
  const [customer, setCustomer] = useState<Customer | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    api.GET('/ops/customers/{customerId}', { params: { path: { customerId }, query: { shopId } } }).then((answer) => {
      if (answer.data) setCustomer(answer.data);
      else setError(problemText(answer.error, answer.response.status));
    });
  }, [customerId, shopId]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!customer) return <p aria-busy="true">Loading…</p>;
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || customer.customerId;

  return (
    <article aria-labelledby="customer-title">
      <p>
        <a href={href('customers')}>← Customer search</a>
      </p>
      <h1 id="customer-title" tabIndex={-1}>
        {name}
      </h1>
      <dl class="facts" data-testid="customer-facts">
        <dt>Email</dt>
        <dd>{customer.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{customer.phone ?? '—'}</dd>
        <dt>Customer id</dt>
        <dd>
          <code>{customer.customerId}</code> {customer.platform && `(${customer.platform})`}
        </dd>
        <dt>Language</dt>
        <dd>{[customer.locale, customer.timeZone].filter(Boolean).join(', ') || '—'}</dd>
        <dt>Tier</dt>
        <dd data-testid="tier">{customer.tier ? `${customer.tier.name} (${customer.tier.points} points)` : 'none'}</dd>
        <dt>Marketing consent</dt>
        <dd data-testid="consent">
          email: {consentText(customer.emailMarketingConsent)}; SMS: {consentText(customer.smsMarketingConsent)}
        </dd>
        <dt>Orders</dt>
        <dd>
          {customer.orderCount}
          {customer.firstOrderAt && `, ${formatTime(customer.firstOrderAt)} to ${formatTime(customer.lastOrderAt)}`}
        </dd>
        <dt>Net spend</dt>
        <dd>{Object.entries(customer.netSpend).map(([currency, amount]) => formatMoney({ amount, currency })).join(', ') || '—'}</dd>
      </dl>
      <CustomerOrders customerId={customerId} />
      <CustomerCases customerId={customerId} />
      <CustomerMessages customerId={customerId} />
      <CustomerSatisfaction customerId={customerId} />
    </article>
  );
}

function CustomerOrders({ customerId }: { customerId: string }) {
  const { api, shopId } = useConsole();
  const [decisions, setDecisions] = useState<Decision[] | undefined>();
  const page = useCursorPages(
    (cursor) => readFiltered(async (next) => dataOf(await api.GET('/ops/orders', { params: { query: { shopId, customerId, limit: 100, cursor: next, sort: '-createdAt' } } })), cursor),
    customerId,
  );

  // Refund decisions are kept per order: read the ledger of each order shown.
  useEffect(() => {
    if (page.loading) return;
    Promise.all(
      page.items.map(async (order: OrderSummary) => {
        const { data } = await api.GET('/ops/orders/{orderId}/ledger', { params: { path: { orderId: order.orderId }, query: { shopId } } });
        return (data?.decisions ?? []).map((decision) => ({ ...decision, orderNumber: order.orderNumber }));
      }),
    ).then((lists) => setDecisions(lists.flat()));
  }, [page.items, page.loading]);

  return (
    <section aria-labelledby="customer-orders">
      <h2 id="customer-orders">Orders</h2>
      <ListStatus page={page} empty={page.hasNext ? 'None found among the latest orders; older ones may follow.' : 'No orders.'} />
      {page.items.length > 0 && (
        <table data-testid="customer-orders">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Total</th>
              <th scope="col">Payment</th>
              <th scope="col">Fulfilment</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((order) => (
              <tr key={order.orderId}>
                <td>
                  <a href={href('orders', order.orderId)}>{order.orderNumber}</a>
                  {order.cancelledAt && <strong class="badge">cancelled</strong>}
                </td>
                <td>{formatTime(order.createdAt)}</td>
                <td>{formatMoney(order.total)}</td>
                <td>{humanize(order.financialStatus)}</td>
                <td>{humanize(order.fulfillmentStatus)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} label="Orders" />
      <h3>Refund decisions on these orders</h3>
      {decisions === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : decisions.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {decisions.map((decision) => (
            <li key={decision.decisionId}>
              <a href={href('refunds', decision.decisionId)}>{decision.orderNumber}</a>: {humanize(decision.kind)} {decision.amount && formatMoney(decision.amount)} — {humanize(decision.status)},{' '}
              {formatTime(decision.createdAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CustomerCases({ customerId }: { customerId: string }) {
  const { api, shopId } = useConsole();
  const page = useCursorPages(
    (cursor) => readFiltered(async (next) => dataOf(await api.GET('/ops/returns', { params: { query: { shopId, customerId, limit: 100, cursor: next } } })), cursor),
    customerId,
  );
  return (
    <section aria-labelledby="customer-cases">
      <h2 id="customer-cases">Return cases</h2>
      <ListStatus page={page} empty={page.hasNext ? 'None found among the latest cases; older ones may follow.' : 'No return cases.'} />
      {page.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Status</th>
              <th scope="col">Lines</th>
              <th scope="col">Opened</th>
              <th scope="col">SLA due</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} class={item.slaBreached ? 'breached' : undefined}>
                <td>
                  <a href={href('returns', item.id)}>{item.orderNumber}</a>
                </td>
                <td>{humanize(item.status)}</td>
                <td>{item.lines.map((line) => `${line.quantity} × ${humanize(line.reason)}`).join(', ')}</td>
                <td>{formatTime(item.createdAt)}</td>
                <td>
                  {formatTime(item.deadlines.slaDueAt)} {item.slaBreached && <strong class="badge">breached</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} label="Return cases" />
    </section>
  );
}

function CustomerMessages({ customerId }: { customerId: string }) {
  const { api, shopId } = useConsole();
  const page = useCursorPages(async (cursor) => dataOf(await api.GET('/ops/notifications', { params: { query: { shopId, customerId, limit: 10, cursor } } })), customerId);
  return (
    <section aria-labelledby="customer-messages">
      <h2 id="customer-messages">Messages</h2>
      <ListStatus page={page} empty="No messages." />
      {page.items.length > 0 && (
        <table data-testid="customer-messages">
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">Channel</th>
              <th scope="col">Delivery</th>
              <th scope="col">Requested</th>
              <th scope="col">About</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((message) => {
              const last = message.history.at(-1);
              return (
                <tr key={message.notificationId}>
                  <td>
                    {humanize(message.messageType)} <span class="muted">({message.category})</span>
                  </td>
                  <td>{message.channel ?? '—'}</td>
                  <td>
                    {message.status}
                    {last?.detail && <span class="muted"> — {last.detail}</span>} ({formatTime(message.updatedAt)})
                  </td>
                  <td>{formatTime(message.requestedAt)}</td>
                  <td>
                    {Object.entries(message.related)
                      .map(([kind, id]) => `${kind} ${id}`)
                      .join(', ') || '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager page={page} label="Messages" />
    </section>
  );
}

function CustomerSatisfaction({ customerId }: { customerId: string }) {
  const { api, shopId } = useConsole();
  const page = useCursorPages(
    (cursor) => readFiltered(async (next) => dataOf(await api.GET('/ops/surveys', { params: { query: { shopId, customerId, limit: 100, cursor: next } } })), cursor),
    customerId,
  );
  return (
    <section aria-labelledby="customer-satisfaction">
      <h2 id="customer-satisfaction">Satisfaction</h2>
      <ListStatus page={page} empty={page.hasNext ? 'None found among the latest answers; older ones may follow.' : 'No survey answered.'} />
      {page.items.length > 0 && (
        <ul>
          {page.items.map((response) => (
            <li key={response.surveyId}>
              <strong>{response.score}/5</strong> · {humanize(response.flow)} · {formatTime(response.answeredAt)}
              {response.orderNumber && ` · order ${response.orderNumber}`}
              {response.comment && <q>{response.comment}</q>}
              {response.followUpCaseId && <span class="badge">follow-up opened</span>}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} label="Survey answers" />
    </section>
  );
}
