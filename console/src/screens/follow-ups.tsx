// The follow-up queue: cases low survey scores opened, sorted by the API (newest, SLA, customer
// tier); a case shows the customer's answer, its timeline, and resolving it with an outcome and a
// reason (which publishes CaseResolved).
import { useEffect, useState } from 'preact/hooks';
import { formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { queueSortDirection, SortHeader, TierLabel, type QueueSort } from '../sorting.tsx';
import { ListStatus, Notice, Pager, ReasonAction, Timeline, useCursorPages, useFieldId } from '../ui.tsx';

type FollowUpCase = Schemas['FollowUpCase'];
type Status = FollowUpCase['status'];
type Resolution = NonNullable<FollowUpCase['resolution']>;
const RESOLUTIONS: Resolution[] = ['explained', 'refunded', 'replaced', 'store_credit', 'no_action', 'duplicate', 'other'];

export function FollowUpsScreen() {
  const { api, shopId } = useConsole();
  const [status, setStatus] = useState<Status>('open');
  const [sort, setSort] = useState<QueueSort>('sla');

  const page = useCursorPages(async (cursor) => {
    const { data, error, response } = await api.GET('/ops/follow-ups', { params: { query: { shopId, limit: 25, cursor, sort, status } } });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  }, `${status}/${sort}`);
  const sortBy = (column: 'sla' | 'tier') => setSort(sort === column ? 'newest' : column);

  return (
    <section aria-labelledby="follow-ups-title">
      <h1 id="follow-ups-title" tabIndex={-1}>
        Follow-up cases · {shopId}
      </h1>
      <form class="filters" aria-label="Filter follow-up cases" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value as Status)}>
            <option value="open">open</option>
            <option value="resolved">resolved</option>
          </select>
        </label>
      </form>
      <p class="kpi-detail">Low survey scores (1 or 2) open a case. Sorting by tier orders each page read, oldest first.</p>
      <ListStatus page={page} empty="No follow-up cases match." />
      {page.items.length > 0 && (
        <table data-testid="follow-ups">
          <caption class="visually-hidden">Follow-up cases, page {page.pageNumber}</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Customer</th>
              <SortHeader direction={queueSortDirection(sort, 'tier')} onSort={() => sortBy('tier')}>
                Tier
              </SortHeader>
              <th scope="col">Score</th>
              <th scope="col">About</th>
              <th scope="col">Status</th>
              <SortHeader direction={queueSortDirection(sort, 'sla')} onSort={() => sortBy('sla')}>
                SLA due
              </SortHeader>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.caseId} class={item.slaBreached ? 'breached' : undefined}>
                <td>
                  <a href={href('follow-ups', item.caseId)}>{item.subject}</a>
                </td>
                <td>{item.customer.email ?? item.customer.id}</td>
                <td>
                  <TierLabel tier={item.tier} />
                </td>
                <td>{item.score} / 5</td>
                <td>{[humanize(item.flow), item.orderNumber].filter(Boolean).join(' · ')}</td>
                <td>{item.status}</td>
                <td>
                  {formatTime(item.slaDueAt)}
                  {item.slaBreached && <strong class="badge">breached</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} label="Follow-up cases" />
    </section>
  );
}

export function FollowUpCaseScreen({ caseId }: { caseId: string }) {
  const { api, shopId, can } = useConsole();
  const [item, setItem] = useState<FollowUpCase | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [resolution, setResolution] = useState<Resolution>('explained');
  const resolutionId = useFieldId('resolution');

  useEffect(() => {
    api.GET('/ops/follow-ups/{caseId}', { params: { path: { caseId }, query: { shopId } } }).then(({ data, error: problem, response }) => {
      if (data) setItem(data);
      else setError(problemText(problem, response.status));
    });
  }, [caseId, shopId]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!item) return <p aria-busy="true">Loading…</p>;

  const resolve = async (reason: string) => {
    const result = await api.POST('/ops/follow-ups/{caseId}/resolve', { params: { path: { caseId }, query: { shopId } }, body: { resolution, reason, expectedVersion: item.version } });
    if (!result.data) return problemText(result.error, result.response.status);
    setItem(result.data);
    setDone(`Resolved (${humanize(resolution)}).`);
    return undefined;
  };

  return (
    <article aria-labelledby="follow-up-title">
      <p>
        <a href={href('follow-ups')}>← Follow-up cases</a>
      </p>
      <h1 id="follow-up-title" tabIndex={-1}>
        {item.subject}
      </h1>
      {done && <Notice kind="success">{done}</Notice>}
      <dl class="facts">
        <dt>Status</dt>
        <dd data-testid="follow-up-status">{item.status}</dd>
        <dt>Customer</dt>
        <dd>
          <a href={href('customers', item.customer.id)}>{[item.customer.firstName, item.customer.email ?? item.customer.id].filter(Boolean).join(' · ')}</a>
        </dd>
        <dt>Tier</dt>
        <dd>
          <TierLabel tier={item.tier} />
        </dd>
        <dt>Score</dt>
        <dd>
          {item.score} / 5 {item.comment && <q>{item.comment}</q>}
        </dd>
        <dt>About</dt>
        <dd>
          {humanize(item.flow)}
          {item.orderId && (
            <>
              {' · '}
              <a href={href('orders', item.orderId)}>order {item.orderNumber ?? item.orderId}</a>
            </>
          )}
          {item.returnId && (
            <>
              {' · '}
              <a href={href('returns', item.returnId)}>return</a>
            </>
          )}
        </dd>
        <dt>SLA due</dt>
        <dd>
          {formatTime(item.slaDueAt)} {item.slaBreached && <strong class="badge">breached</strong>}
        </dd>
      </dl>

      {item.status === 'open' && can('agent') && (
        <section class="panel" aria-labelledby="follow-up-actions">
          <h2 id="follow-up-actions">Actions</h2>
          <div class="actions">
            <ReasonAction label="Resolve case" reasonLabel="What was done (required)" required minLength={3} onSubmit={resolve}>
              <label for={resolutionId}>Outcome</label>
              <select id={resolutionId} value={resolution} onChange={(event) => setResolution(event.currentTarget.value as Resolution)}>
                {RESOLUTIONS.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {humanize(candidate)}
                  </option>
                ))}
              </select>
            </ReasonAction>
          </div>
        </section>
      )}

      <Timeline
        entries={item.history}
        describe={(entry) => (
          <>
            <strong>{entry.action}</strong>
            {entry.resolution && ` as ${humanize(entry.resolution)}`} {entry.by ? `by ${entry.by}` : 'by the survey'}
            {entry.note && <q>{entry.note}</q>}
          </>
        )}
      />
    </article>
  );
}
