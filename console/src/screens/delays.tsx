// The delays work queue: the shop's orders with an open delay (listDelayedOrders), filtered in the
// API and sortable on each page by customer tier, severity, promised date or how long the delay has been open;
// each order's timeline opens in place (getOrderTimeline) or on the order screen.
import { useEffect, useState } from 'preact/hooks';
import { formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { SortHeader, TierLabel, useSortedPage } from '../sorting.tsx';
import { ListStatus, Notice, Pager, useCursorPages } from '../ui.tsx';

type DelayedOrder = Schemas['DelayedOrder'];
type OpenDelay = DelayedOrder['openDelays'][number];
type Severity = OpenDelay['severity'];
type Reason = OpenDelay['reason'];

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];
const REASONS: Reason[] = ['not_shipped_in_time', 'delivery_overdue', 'tracking_stalled', 'carrier_exception', 'customs_hold', 'delivery_failed', 'lost_in_transit', 'returned_to_sender'];

type SortKey = 'severity' | 'promised' | 'open' | 'tier';
const SORT_LABELS: Record<SortKey, string> = { severity: 'Severity', promised: 'Promised by', open: 'Open since (SLA)', tier: 'Tier' };

/** The order's most severe open delay, its earliest missed promise and its earliest detection: what the queue sorts by. */
export function queueFacts(order: DelayedOrder): { severityRank: number; severity?: Severity; promisedBy?: string; openSince?: string } {
  const severityRank = Math.min(...order.openDelays.map((delay) => SEVERITIES.indexOf(delay.severity)), SEVERITIES.length);
  const earliest = (values: (string | undefined)[]) => values.filter((value): value is string => Boolean(value)).sort()[0];
  return {
    severityRank,
    ...(SEVERITIES[severityRank] ? { severity: SEVERITIES[severityRank] } : {}),
    ...optional('promisedBy', earliest(order.openDelays.map((delay) => delay.promisedBy))),
    ...optional('openSince', earliest(order.openDelays.map((delay) => delay.detectedAt))),
  };
}
const optional = <K extends string>(key: K, value: string | undefined) => (value ? ({ [key]: value } as Record<K, string>) : {});

function compare(key: SortKey, a: DelayedOrder, b: DelayedOrder): number {
  const [fa, fb] = [queueFacts(a), queueFacts(b)];
  // Missing dates sort last: a delay without a promise is less pressing than one that broke it.
  const byDate = (x?: string, y?: string) => (x ?? '\uffff').localeCompare(y ?? '\uffff');
  if (key === 'severity') return fa.severityRank - fb.severityRank || byDate(fa.openSince, fb.openSince);
  if (key === 'promised') return byDate(fa.promisedBy, fb.promisedBy);
  // The highest tier first, as the API's `sort=tier` orders a page.
  if (key === 'tier') return (b.tier?.points ?? 0) - (a.tier?.points ?? 0) || byDate(fa.openSince, fb.openSince);
  return byDate(fa.openSince, fb.openSince);
}

interface Filters {
  severity: Severity | '';
  reason: Reason | '';
  carrier: string;
  destination: string;
}

export function DelaysScreen() {
  const { api, shopId } = useConsole();
  const [filters, setFilters] = useState<Filters>({ severity: '', reason: '', carrier: '', destination: '' });
  const [draft, setDraft] = useState(filters);
  const [expanded, setExpanded] = useState<string | undefined>();

  const page = useCursorPages(async (cursor) => {
    const { data, error, response } = await api.GET('/ops/delays', {
      params: {
        query: {
          shopId,
          limit: 25,
          cursor,
          ...(filters.severity ? { severity: filters.severity } : {}),
          ...(filters.reason ? { reason: filters.reason } : {}),
          ...(filters.carrier.trim() ? { carrier: filters.carrier.trim() } : {}),
          ...(filters.destination.trim() ? { destination: filters.destination.trim().toUpperCase() } : {}),
        },
      },
    });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  }, JSON.stringify(filters));

  const { rows, directionOf, sortBy } = useSortedPage(page.items, compare, { key: 'severity' as SortKey, descending: false });
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft({ ...draft, [key]: value });
  const sortHeader = (key: SortKey) => (
    <SortHeader direction={directionOf(key)} onSort={() => sortBy(key)}>
      {SORT_LABELS[key]}
    </SortHeader>
  );

  return (
    <section aria-labelledby="delays-title">
      <h1 id="delays-title" tabIndex={-1}>
        Delayed orders · {shopId}
      </h1>
      <form
        class="filters"
        aria-label="Filter delayed orders"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        <label>
          Severity
          <select value={draft.severity} onChange={(event) => set('severity', event.currentTarget.value as Severity | '')}>
            <option value="">any</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <select value={draft.reason} onChange={(event) => set('reason', event.currentTarget.value as Reason | '')}>
            <option value="">any</option>
            {REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {humanize(reason)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Carrier
          <input value={draft.carrier} onInput={(event) => set('carrier', event.currentTarget.value)} size={8} maxLength={40} />
        </label>
        <label>
          Destination
          <input value={draft.destination} onInput={(event) => set('destination', event.currentTarget.value)} size={3} maxLength={2} pattern="[A-Za-z]{2}" title="Two-letter country code" />
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <p class="kpi-detail">Pages come oldest detection first; sorting orders the page shown.</p>
      <ListStatus page={page} empty="No orders with an open delay match." />
      {page.items.length > 0 && (
        <table class="delays">
          <caption class="visually-hidden">Delayed orders, page {page.pageNumber}</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              {sortHeader('tier')}
              {sortHeader('severity')}
              <th scope="col">Reasons</th>
              {sortHeader('promised')}
              <th scope="col">Expected</th>
              {sortHeader('open')}
              <th scope="col">Shipping</th>
              <th scope="col">Customer told</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((order) => {
              const facts = queueFacts(order);
              const open = expanded === order.orderId;
              const estimated = order.openDelays.map((delay) => delay.estimatedAt).filter(Boolean).sort().at(-1);
              return [
                <tr key={order.orderId} class={facts.severity === 'critical' || facts.severity === 'high' ? 'breached' : undefined}>
                  <td>
                    <button type="button" class="link" aria-expanded={open} aria-controls={`timeline-${order.orderId}`} onClick={() => setExpanded(open ? undefined : order.orderId)}>
                      {order.orderNumber ?? order.orderId}
                    </button>
                    <div class="kpi-detail">
                      placed {formatTime(order.placedAt)} · <a href={href('orders', order.orderId)}>order page</a>
                    </div>
                  </td>
                  <td>
                    <TierLabel tier={order.tier} />
                  </td>
                  <td>
                    <span class={`severity severity-${facts.severity}`}>{facts.severity ?? '—'}</span>
                  </td>
                  <td>{[...new Set(order.openDelays.map((delay) => humanize(delay.reason)))].join(', ')}</td>
                  <td>{formatTime(facts.promisedBy)}</td>
                  <td>{formatTime(estimated)}</td>
                  <td>{formatTime(facts.openSince)}</td>
                  <td>
                    {humanize(order.phase)}
                    {order.carrier || order.destinationCountry ? ` · ${[order.carrier, order.destinationCountry].filter(Boolean).join(' → ')}` : ''}
                  </td>
                  <td>{order.customerNotified ? `yes, ${formatTime(order.customerNotifiedAt)}${order.lastNotice ? ` (last: ${humanize(order.lastNotice.messageType)})` : ''}` : <strong>not yet</strong>}</td>
                </tr>,
                open && (
                  <tr key={`${order.orderId}-timeline`} id={`timeline-${order.orderId}`} class="timeline-row">
                    <td colSpan={9}>
                      <OrderTimeline orderId={order.orderId} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      )}
      <Pager page={page} label="Delayed orders" />
    </section>
  );
}

type TimelineEntry = Schemas['TimelineEntry'];

/** The order's canonical events, oldest first, 50 at a time. */
function OrderTimeline({ orderId }: { orderId: string }) {
  const { api, shopId } = useConsole();
  const [entries, setEntries] = useState<TimelineEntry[] | undefined>();
  const [cursor, setCursor] = useState<string | undefined>();
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    api.GET('/ops/orders/{orderId}/timeline', { params: { path: { orderId }, query: { shopId, limit: 50, ...(cursor ? { cursor } : {}) } } }).then(({ data, error: problem, response }) => {
      if (!current) return;
      if (!data) return setError(problemText(problem, response.status));
      setEntries((before) => [...(cursor ? (before ?? []) : []), ...data.items]);
      setNextCursor(data.nextCursor);
    }, (failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [orderId, shopId, cursor]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!entries) return <p aria-busy="true">Loading the timeline…</p>;
  return (
    <div data-testid="order-timeline">
      <h2 class="visually-hidden">Timeline of order {orderId}</h2>
      {entries.length === 0 ? (
        <p>No events recorded for this order yet.</p>
      ) : (
        <ol class="timeline">
          {entries.map((entry) => (
            <li key={entry.eventId}>
              {formatTime(entry.time)} · <strong>{entry.detailType}</strong>
              {summary(entry) && <span class="kpi-detail"> · {summary(entry)}</span>}
            </li>
          ))}
        </ol>
      )}
      {nextCursor && (
        <button type="button" onClick={() => setCursor(nextCursor)}>
          Show more events
        </button>
      )}
    </div>
  );
}

/** A few telling fields of an event's detail, when it has them. */
function summary(entry: TimelineEntry): string {
  const detail = entry.detail as Record<string, unknown>;
  return ['status', 'reason', 'severity', 'messageType', 'channel', 'carrier']
    .filter((key) => typeof detail[key] === 'string')
    .map((key) => `${key} ${humanize(detail[key] as string)}`)
    .join(', ');
}
