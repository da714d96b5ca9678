// The returns work queue: the shop's return cases, filtered, sorted by the API (newest, SLA, customer tier).
import { useState } from 'preact/hooks';
import { formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { queueSortDirection, SortHeader, TierLabel, type QueueSort } from '../sorting.tsx';
import { ListStatus, Pager, useCursorPages } from '../ui.tsx';

type ReturnCase = Schemas['ReturnCase'];
type Status = ReturnCase['status'];
type Reason = ReturnCase['lines'][number]['reason'];

const STATUSES: Status[] = ['requested', 'approved', 'rejected', 'awaiting_shipment', 'in_transit', 'received', 'inspected', 'resolved', 'cancelled', 'expired'];
const REASONS: Reason[] = ['damaged', 'defective', 'wrong_item', 'not_as_described', 'missing_parts', 'too_small', 'too_large', 'arrived_late', 'changed_mind', 'other'];

interface Filters {
  status: Status | '';
  reason: Reason | '';
  slaBreached: '' | 'true' | 'false';
  olderThanHours: string;
}

export function ReturnsScreen() {
  const { api, shopId } = useConsole();
  const [filters, setFilters] = useState<Filters>({ status: 'requested', reason: '', slaBreached: '', olderThanHours: '' });
  const [draft, setDraft] = useState(filters);
  // Newest first by default: the status filter applies to each page read, and the newest cases are the ones still open.
  const [sort, setSort] = useState<QueueSort>('newest');

  const page = useCursorPages(async (cursor) => {
    const { data, error, response } = await api.GET('/ops/returns', {
      params: {
        query: {
          shopId,
          limit: 25,
          cursor,
          sort,
          ...(filters.status ? { status: filters.status } : {}),
          ...(filters.reason ? { reason: filters.reason } : {}),
          ...(filters.slaBreached ? { slaBreached: filters.slaBreached } : {}),
          ...(filters.olderThanHours ? { olderThanHours: Number(filters.olderThanHours) } : {}),
        },
      },
    });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  }, JSON.stringify({ filters, sort }));
  const sortBy = (column: 'sla' | 'tier') => setSort(sort === column ? 'newest' : column);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft({ ...draft, [key]: value });

  return (
    <section aria-labelledby="returns-title">
      <h1 id="returns-title" tabIndex={-1}>
        Returns · {shopId}
      </h1>
      <form
        class="filters"
        aria-label="Filter returns"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        <label>
          Status
          <select value={draft.status} onChange={(event) => set('status', event.currentTarget.value as Status | '')}>
            <option value="">any</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {humanize(status)}
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
          SLA
          <select value={draft.slaBreached} onChange={(event) => set('slaBreached', event.currentTarget.value as Filters['slaBreached'])}>
            <option value="">any</option>
            <option value="true">breached</option>
            <option value="false">within SLA</option>
          </select>
        </label>
        <label>
          Older than (hours)
          <input type="number" min={1} max={8760} value={draft.olderThanHours} onInput={(event) => set('olderThanHours', event.currentTarget.value)} size={5} />
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <ListStatus page={page} empty="No return cases match." />
      {page.items.length > 0 && (
        <table>
          <caption class="visually-hidden">Return cases, page {page.pageNumber}</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Customer</th>
              <SortHeader direction={queueSortDirection(sort, 'tier')} onSort={() => sortBy('tier')}>
                Tier
              </SortHeader>
              <th scope="col">Status</th>
              <th scope="col">Reasons</th>
              <th scope="col">Created</th>
              <SortHeader direction={queueSortDirection(sort, 'sla')} onSort={() => sortBy('sla')}>
                SLA due
              </SortHeader>
              <th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} class={item.slaBreached ? 'breached' : undefined}>
                <td>
                  <a href={href('returns', item.id)}>{item.orderNumber}</a>
                </td>
                <td>{item.customer.email ?? item.customer.id}</td>
                <td>
                  <TierLabel tier={item.tier} />
                </td>
                <td>{humanize(item.status)}</td>
                <td>{[...new Set(item.lines.map((line) => humanize(line.reason)))].join(', ')}</td>
                <td>{formatTime(item.createdAt)}</td>
                <td>
                  {formatTime(item.deadlines.slaDueAt)}
                  {item.slaBreached && <strong class="badge">breached</strong>}
                </td>
                <td>{item.owner?.email ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} label="Returns" />
    </section>
  );
}
