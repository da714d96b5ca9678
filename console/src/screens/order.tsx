// One order and its timeline: every canonical event naming it (placed, shipped, returned,
// refunded, messages), oldest first, a page at a time.
import { useEffect, useState } from 'preact/hooks';
import { formatMoney, formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { ListStatus, Notice, Pager, useCursorPages } from '../ui.tsx';

type Order = Schemas['Order'];
type TimelineEntry = Schemas['TimelineEntry'];

/** The few facts of an event detail worth a glance; the whole detail is one click away. */
function eventFacts(entry: TimelineEntry): string {
  const detail = entry.detail as Record<string, unknown>;
  const facts = ['status', 'reason', 'kind', 'messageType', 'channel', 'returnId', 'decisionId']
    .filter((key) => typeof detail[key] === 'string' || typeof detail[key] === 'number')
    .map((key) => `${key}: ${String(detail[key])}`);
  const amount = detail.amount as { amount?: number; currency?: string } | undefined;
  if (typeof amount?.amount === 'number' && typeof amount.currency === 'string') facts.push(formatMoney({ amount: amount.amount, currency: amount.currency }));
  return facts.join(' · ');
}

export function OrderScreen({ orderId }: { orderId: string }) {
  const { api, shopId } = useConsole();
  const [order, setOrder] = useState<Order | undefined>();
  const [error, setError] = useState<string | undefined>();
  const timeline = useCursorPages(async (cursor) => {
    const { data, error: problem, response } = await api.GET('/ops/orders/{orderId}/timeline', { params: { path: { orderId }, query: { shopId, limit: 25, cursor } } });
    if (!data) throw new Error(problemText(problem, response.status));
    return data;
  }, orderId);

  useEffect(() => {
    api.GET('/ops/orders/{orderId}', { params: { path: { orderId }, query: { shopId } } }).then((answer) => {
      if (answer.data) setOrder(answer.data);
      else setError(problemText(answer.error, answer.response.status));
    });
  }, [orderId, shopId]);

  const placed = order?.order;
  return (
    <article aria-labelledby="order-title">
      {placed?.customer.id && (
        <p>
          <a href={href('customers', placed.customer.id)}>← Customer</a>
        </p>
      )}
      <h1 id="order-title" tabIndex={-1}>
        Order {placed?.orderNumber ?? orderId}
      </h1>
      {error && <Notice kind="error">{error}</Notice>}
      {placed && (
        <dl class="facts">
          <dt>Placed</dt>
          <dd>{formatTime(placed.createdAt)}</dd>
          <dt>Customer</dt>
          <dd>{placed.customer.email ?? placed.customer.id ?? 'guest'}</dd>
          <dt>Total</dt>
          <dd>{formatMoney(placed.totals.total)}</dd>
          <dt>Status</dt>
          <dd>
            {humanize(placed.financialStatus)}, {humanize(placed.fulfillmentStatus)}
            {placed.cancelledAt && ` — cancelled ${formatTime(placed.cancelledAt)}`}
          </dd>
          <dt>Lines</dt>
          <dd>{placed.lines.map((line) => `${line.quantity} × ${line.title}`).join(', ')}</dd>
        </dl>
      )}
      <h2>Timeline</h2>
      <ListStatus page={timeline} empty="No events yet." />
      {timeline.items.length > 0 && (
        <ol class="timeline" data-testid="order-timeline">
          {timeline.items.map((entry) => (
            <li key={entry.eventId}>
              <time dateTime={entry.time}>{formatTime(entry.time)}</time> <strong>{entry.detailType}</strong> {eventFacts(entry)}
              <details>
                <summary>Details</summary>
                <pre class="payload">{JSON.stringify(entry.detail, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      <Pager page={timeline} label="Timeline" />
    </article>
  );
}
