// Refund reviews: the decisions the engine left to a person, each with its explanation, and the
// decisions the role allows (approve, deny, override with another resolution, retry), always with a reason.
import { useEffect, useState } from 'preact/hooks';
import { formatMoney, formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { SortHeader, TierLabel } from '../sorting.tsx';
import { ListStatus, Notice, Pager, ReasonAction, useCursorPages, useFieldId } from '../ui.tsx';

type Record = Schemas['RefundDecisionRecord'];
type Kind = NonNullable<Schemas['DecideRefundRequest']['kind']>;
const KINDS: Kind[] = ['full_refund', 'partial_refund', 'store_credit', 'keep_it', 'reship'];

export function RefundReviewsScreen() {
  const { api, shopId } = useConsole();
  const [sort, setSort] = useState<'sla' | 'tier'>('sla');
  const page = useCursorPages(async (cursor) => {
    const { data, error, response } = await api.GET('/ops/refunds/reviews', { params: { query: { shopId, limit: 25, cursor, sort } } });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  }, `${shopId}/${sort}`);
  return (
    <section aria-labelledby="refunds-title">
      <h1 id="refunds-title" tabIndex={-1}>
        Refund reviews · {shopId}
      </h1>
      <p>The decisions the engine left to a person: the longest waiting first, or the highest customer tier first on each page.</p>
      <ListStatus page={page} empty="Nothing waits for review." />
      {page.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Decision</th>
              <th scope="col">Order</th>
              <th scope="col">Customer</th>
              <SortHeader direction={sort === 'tier' ? 'descending' : 'none'} onSort={() => setSort('tier')}>
                Tier
              </SortHeader>
              <th scope="col">Waiting for</th>
              <th scope="col">Engine proposes</th>
              <th scope="col">Amount</th>
              <SortHeader direction={sort === 'sla' ? 'ascending' : 'none'} onSort={() => setSort('sla')}>
                Since
              </SortHeader>
              <th scope="col">Rules that fired</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.decisionId}>
                <td>
                  <a href={href('refunds', item.decisionId)}>{item.decisionId}</a>
                </td>
                <td>{item.orderNumber ?? item.orderId}</td>
                <td>{item.customer.email ?? item.customer.id}</td>
                <td>
                  <TierLabel tier={item.tier} />
                </td>
                <td>{item.status === 'awaiting_supervisor' ? 'a supervisor' : item.status === 'awaiting_customer' ? 'the customer (or an agent)' : 'an agent'}</td>
                <td>{humanize(item.proposedKind ?? item.kind)}</td>
                <td>{formatMoney(item.amount)}</td>
                <td>{formatTime(item.createdAt)}</td>
                <td>{item.firedRules.map((rule) => humanize(rule.code)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} label="Refund reviews" />
    </section>
  );
}

export function RefundDecisionScreen({ decisionId }: { decisionId: string }) {
  const { api, shopId, can } = useConsole();
  const [record, setRecord] = useState<Record | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [kind, setKind] = useState<Kind>('store_credit');
  const [amount, setAmount] = useState('');
  const kindId = useFieldId('kind');
  const amountId = useFieldId('amount');

  useEffect(() => {
    api.GET('/ops/refunds/{decisionId}', { params: { path: { decisionId }, query: { shopId } } }).then(({ data, error: problem, response }) => {
      if (data) setRecord(data);
      else setError(problemText(problem, response.status));
    });
  }, [decisionId, shopId]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!record) return <p aria-busy="true">Loading…</p>;

  const { decision } = record;
  const currency = decision.claimed.currency;
  const decide = (action: 'approve' | 'deny' | 'override' | 'retry') => async (reason: string) => {
    const minor = amount.trim() ? Math.round(Number(amount) * 100) : undefined;
    if (minor !== undefined && (!Number.isFinite(minor) || minor < 0)) return 'Amount: enter a positive number such as 12.50';
    const body = { action, reason, expectedVersion: record.version, ...(action === 'override' ? { kind, ...(minor !== undefined ? { amount: { amount: minor, currency } } : {}) } : {}) };
    const { data, error: problem, response } = await api.POST('/ops/refunds/{decisionId}/decision', { params: { path: { decisionId }, query: { shopId } }, body });
    if (!data) return problemText(problem, response.status);
    setRecord(data);
    setDone(`Done: the decision is now ${humanize(data.status)}${data.outcome ? ` (${humanize(data.outcome.kind)} ${formatMoney(data.outcome.amount)})` : ''}.`);
    return undefined;
  };
  // A claim waiting for the customer's choice can be settled by a person too (the API allows it).
  const awaiting = record.status === 'awaiting_review' || record.status === 'awaiting_supervisor' || record.status === 'awaiting_customer';
  const deciderRole = record.status === 'awaiting_supervisor' || (record.status === 'awaiting_customer' && record.decision.needsSupervisor) ? 'supervisor' : 'agent';

  return (
    <article aria-labelledby="decision-title">
      <p>
        <a href={href('refunds')}>← Refund reviews</a>
      </p>
      <h1 id="decision-title" tabIndex={-1}>
        Refund decision {record.decisionId}
      </h1>
      {done && <Notice kind="success">{done}</Notice>}
      <dl class="facts">
        <dt>Status</dt>
        <dd data-testid="decision-status">{humanize(record.status)}</dd>
        <dt>Order</dt>
        <dd>{record.orderNumber ?? record.orderId}</dd>
        <dt>Customer</dt>
        <dd>{record.customer.email ?? record.customer.id}</dd>
        <dt>Engine decided</dt>
        <dd>
          {humanize(decision.kind)}
          {decision.proposedKind && ` (would have done ${humanize(decision.proposedKind)})`} · {formatMoney(decision.amount)}
          {decision.needsSupervisor && ' · needs a supervisor'}
        </dd>
        <dt>Claimed / refundable</dt>
        <dd>
          {formatMoney(decision.claimed)} / {formatMoney(decision.remainingBefore)}
        </dd>
        <dt>Outcome</dt>
        <dd>{record.outcome ? `${humanize(record.outcome.kind)} ${formatMoney(record.outcome.amount)}` : '—'}</dd>
        <dt>Rules version</dt>
        <dd>{decision.rulesVersion}</dd>
      </dl>
      {record.failure && (
        <Notice kind="error">
          Failed at {record.failure.step}: {record.failure.message} ({record.failure.code})
        </Notice>
      )}

      {awaiting && can(deciderRole) && (
        <section class="panel" aria-labelledby="decide-title">
          <h2 id="decide-title">Decide</h2>
          <div class="actions">
            <ReasonAction label="Approve proposal" reasonLabel="Reason (required, kept with the decision)" required onSubmit={decide('approve')} />
            <ReasonAction label="Deny refund" reasonLabel="Reason (required, kept with the decision)" required onSubmit={decide('deny')} danger />
            {can('supervisor') && (
              <ReasonAction label="Override decision" reasonLabel="Reason for the override (required)" required onSubmit={decide('override')}>
                <label for={kindId}>Resolution</label>
                <select id={kindId} value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind)}>
                  {KINDS.map((candidate) => (
                    <option key={candidate} value={candidate}>
                      {humanize(candidate)}
                    </option>
                  ))}
                </select>
                <label for={amountId}>Amount in {currency} (optional; at most {formatMoney(decision.remainingBefore)})</label>
                <input id={amountId} type="number" min={0} step="0.01" value={amount} onInput={(event) => setAmount(event.currentTarget.value)} />
              </ReasonAction>
            )}
          </div>
        </section>
      )}
      {record.status === 'failed' && record.failure?.retryable && can('supervisor') && (
        <section class="panel" aria-labelledby="retry-title">
          <h2 id="retry-title">Retry</h2>
          <ReasonAction label="Retry decision" reasonLabel="Reason (required)" required onSubmit={decide('retry')} />
        </section>
      )}

      <h2>Why the engine decided this</h2>
      <table data-testid="explanation">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Fired</th>
            <th scope="col">Detail</th>
            <th scope="col">Inputs</th>
          </tr>
        </thead>
        <tbody>
          {decision.reasons.map((reason) => (
            <tr key={reason.rule} class={reason.fired ? 'fired' : undefined}>
              <td>{humanize(reason.rule)}</td>
              <td>{reason.fired ? 'yes' : 'no'}</td>
              <td>{reason.detail}</td>
              <td>
                <code>{JSON.stringify(reason.inputs)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Options offered</h2>
      <ul>
        {decision.options.map((option) => (
          <li key={option.kind}>
            {option.recommended ? <strong>{humanize(option.kind)} (recommended)</strong> : humanize(option.kind)} · {formatMoney(option.amount)} — {option.why}
          </li>
        ))}
      </ul>

      <h2>History</h2>
      <ol class="timeline">
        {record.history.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatTime(entry.at)}</time> — <strong>{humanize(entry.action)}</strong>: {entry.from ? `${humanize(entry.from)} → ` : ''}
            {humanize(entry.to)} by {'kind' in entry.by ? 'the system' : `${entry.by.email ?? entry.by.sub} (${entry.by.role})`}
            {entry.reason && <q>{entry.reason}</q>}
          </li>
        ))}
      </ol>
    </article>
  );
}
