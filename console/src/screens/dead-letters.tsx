// Dead letters: quarantined webhook deliveries and messages a consumer gave up on; inspect one,
// re-drive it or discard it, always with a reason for the audit trail.
import { useEffect, useState } from 'preact/hooks';
import { formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { ListStatus, Notice, Pager, ReasonAction, useCursorPages } from '../ui.tsx';

type Detail = Schemas['DeadLetterDetail'];
type Status = Schemas['DeadLetter']['status'];
type Kind = Schemas['DeadLetter']['kind'];

export function DeadLettersScreen() {
  const { api, shopId } = useConsole();
  const [status, setStatus] = useState<Status>('open');
  const [kind, setKind] = useState<Kind | ''>('');
  const [thisShopOnly, setThisShopOnly] = useState(false);
  const page = useCursorPages(async (cursor) => {
    const query = { status, limit: 25, cursor, ...(kind ? { kind } : {}), ...(thisShopOnly && shopId ? { shopId } : {}) };
    const { data, error, response } = await api.GET('/ops/dead-letters', { params: { query } });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  }, `${status}/${kind}/${thisShopOnly}`);

  return (
    <section aria-labelledby="dead-letters-title">
      <h1 id="dead-letters-title" tabIndex={-1}>
        Dead letters
      </h1>
      <div class="filters" role="group" aria-label="Filter dead letters">
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value as Status)}>
            <option value="open">open</option>
            <option value="redriven">re-driven</option>
            <option value="discarded">discarded</option>
          </select>
        </label>
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind | '')}>
            <option value="">any</option>
            <option value="quarantined_delivery">quarantined delivery</option>
            <option value="failed_message">failed message</option>
          </select>
        </label>
        <label class="choice">
          <input type="checkbox" checked={thisShopOnly} onChange={(event) => setThisShopOnly(event.currentTarget.checked)} disabled={!shopId} />
          Only shop {shopId || '(none chosen)'}
        </label>
      </div>
      <ListStatus page={page} empty="No dead letters." />
      {page.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Kind</th>
              <th scope="col">Source</th>
              <th scope="col">Topic</th>
              <th scope="col">Reason</th>
              <th scope="col">Shop</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.deadLetterId}>
                <td>
                  <a href={href('dead-letters', item.deadLetterId)}>{formatTime(item.receivedAt)}</a>
                </td>
                <td>{humanize(item.kind)}</td>
                <td>{item.source}</td>
                <td>{item.topic ?? '—'}</td>
                <td title={item.detail}>{humanize(item.reason)}</td>
                <td>{item.shopId ?? '—'}</td>
                <td>{item.attempts ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} label="Dead letters" />
    </section>
  );
}

export function DeadLetterDetailScreen({ deadLetterId }: { deadLetterId: string }) {
  const { api, can } = useConsole();
  const [item, setItem] = useState<Detail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const params = { path: { deadLetterId } };
  const load = async () => {
    const { data, error: problem, response } = await api.GET('/ops/dead-letters/{deadLetterId}', { params });
    if (data) setItem(data);
    else setError(problemText(problem, response.status));
  };
  useEffect(() => void load(), [deadLetterId]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!item) return <p aria-busy="true">Loading…</p>;

  const redrive = async (reason: string) => {
    const { data, error: problem, response } = await api.POST('/ops/dead-letters/{deadLetterId}/redrive', { params, body: { reason } });
    if (!data) return problemText(problem, response.status);
    setDone(data.status === 'requeued' ? `Re-driven at ${formatTime(data.redrivenAt)}.` : 'It had already been re-driven.');
    await load();
    return undefined;
  };
  const discard = async (reason: string) => {
    const { data, error: problem, response } = await api.POST('/ops/dead-letters/{deadLetterId}/discard', { params, body: { reason } });
    if (!data) return problemText(problem, response.status);
    setDone('Discarded.');
    await load();
    return undefined;
  };
  let payload = item.payload;
  try {
    payload = JSON.stringify(JSON.parse(item.payload), null, 2);
  } catch {
    // Not JSON: shown as received.
  }

  return (
    <article aria-labelledby="dead-letter-title">
      <p>
        <a href={href('dead-letters')}>← Dead letters</a>
      </p>
      <h1 id="dead-letter-title" tabIndex={-1}>
        Dead letter: {item.topic ?? item.source}
      </h1>
      {done && <Notice kind="success">{done}</Notice>}
      <dl class="facts">
        <dt>Status</dt>
        <dd data-testid="dead-letter-status">{item.status}</dd>
        <dt>Kind</dt>
        <dd>{humanize(item.kind)}</dd>
        <dt>Source</dt>
        <dd>{item.source}</dd>
        <dt>Shop</dt>
        <dd>{item.shopId ?? '—'}</dd>
        <dt>Received</dt>
        <dd>{formatTime(item.receivedAt)}</dd>
        <dt>Reason</dt>
        <dd>
          {humanize(item.reason)}
          {item.detail && ` — ${item.detail}`}
        </dd>
        <dt>Re-drivable</dt>
        <dd>{item.redrivable ? 'yes' : 'no'}</dd>
        {item.resolution && (
          <>
            <dt>Resolution</dt>
            <dd>
              {item.resolution.status} by {item.resolution.by} at {formatTime(item.resolution.at)}: <q>{item.resolution.reason}</q>
            </dd>
          </>
        )}
      </dl>
      {item.status === 'open' && can('agent') && (
        <section class="panel" aria-labelledby="resolve-title">
          <h2 id="resolve-title">Resolve</h2>
          <div class="actions">
            {item.redrivable && <ReasonAction label="Re-drive" reasonLabel="Why it is safe to re-drive now (required)" required minLength={3} onSubmit={redrive} />}
            <ReasonAction label="Discard" reasonLabel="Why it can be dropped (required)" required minLength={3} onSubmit={discard} danger />
          </div>
        </section>
      )}
      <h2>Metadata</h2>
      <dl class="facts">
        {Object.entries(item.metadata ?? {}).map(([name, value]) => (
          <>
            <dt key={`${name}-name`}>{name}</dt>
            <dd key={`${name}-value`}>{String(value)}</dd>
          </>
        ))}
      </dl>
      <h2>Payload{item.payloadTruncated ? ' (first 256 KiB)' : ''}</h2>
      <pre class="payload" tabIndex={0}>
        {payload}
      </pre>
    </article>
  );
}
