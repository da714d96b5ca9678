// One return case: what was asked, its deadlines, its timeline, and the actions the role allows.
import { useEffect, useState } from 'preact/hooks';
import { formatMoney, formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { Notice, ReasonAction, Timeline, useFieldId } from '../ui.tsx';

type ReturnCase = Schemas['ReturnCase'];
type Rule = Schemas['RejectReturnRequest']['rule'] & string;
const RULES: Rule[] = ['outside_window', 'final_sale', 'item_not_eligible', 'used_or_damaged', 'order_not_delivered', 'fraud_risk', 'other'];

function actorText(actor: ReturnCase['history'][number]['actor']): string {
  switch (actor.kind) {
    case 'staff':
      return `${actor.email ?? actor.sub} (${actor.role})`;
    case 'customer':
      return 'the customer';
    case 'integration':
      return `integration ${actor.id}`;
    default:
      return 'the system';
  }
}

export function ReturnCaseScreen({ caseId }: { caseId: string }) {
  const { api, shopId, can } = useConsole();
  const [item, setItem] = useState<ReturnCase | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [rule, setRule] = useState<Rule | ''>('');
  const ruleId = useFieldId('rule');

  useEffect(() => {
    api.GET('/ops/returns/{caseId}', { params: { path: { caseId }, query: { shopId } } }).then(({ data, error: problem, response }) => {
      if (data) setItem(data);
      else setError(problemText(problem, response.status));
    });
  }, [caseId, shopId]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!item) return <p aria-busy="true">Loading…</p>;

  const params = { path: { caseId }, query: { shopId } };
  const after = (verb: string) => (result: { data?: ReturnCase; error?: unknown; response: Response }) => {
    if (!result.data) return problemText(result.error, result.response.status);
    setItem(result.data);
    setDone(`${verb}: the case is now ${humanize(result.data.status)}.`);
    return undefined;
  };
  const approve = async (reason: string) => after('Approved')(await api.POST('/ops/returns/{caseId}/approve', { params, body: { expectedVersion: item.version, ...(reason ? { reason } : {}) } }));
  const reject = async (reason: string) => after('Rejected')(await api.POST('/ops/returns/{caseId}/reject', { params, body: { reason, ...(rule ? { rule } : {}) } }));

  const canApprove = item.status === 'requested' ? can('agent') : item.status === 'rejected' ? can('supervisor') : false;
  const canReject = item.status === 'requested' && can('agent');

  return (
    <article aria-labelledby="case-title">
      <p>
        <a href={href('returns')}>← Returns</a>
      </p>
      <h1 id="case-title" tabIndex={-1}>
        Return for order {item.orderNumber}
      </h1>
      {done && <Notice kind="success">{done}</Notice>}
      <dl class="facts">
        <dt>Status</dt>
        <dd data-testid="case-status">{humanize(item.status)}</dd>
        <dt>Customer</dt>
        <dd>{[item.customer.firstName, item.customer.email ?? item.customer.id].filter(Boolean).join(' · ')}</dd>
        <dt>SLA due</dt>
        <dd>
          {formatTime(item.deadlines.slaDueAt)} {item.slaBreached && <strong class="badge">breached</strong>}
        </dd>
        <dt>Ship by</dt>
        <dd>{formatTime(item.deadlines.shipBy)}</dd>
        <dt>Owner</dt>
        <dd>{item.owner?.email ?? item.owner?.sub ?? '—'}</dd>
        <dt>Tracking</dt>
        <dd>{item.tracking ? `${item.tracking.carrierCode ?? ''} ${item.tracking.trackingNumber ?? ''} ${item.tracking.status ? humanize(item.tracking.status) : ''}` : '—'}</dd>
      </dl>

      <h2>Lines</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Line item</th>
            <th scope="col">Qty</th>
            <th scope="col">Reason</th>
            <th scope="col">Resolution</th>
            <th scope="col">Condition</th>
          </tr>
        </thead>
        <tbody>
          {item.lines.map((line) => (
            <tr key={line.lineItemId}>
              <td>{line.lineItemId}</td>
              <td>{line.quantity}</td>
              <td>{humanize(line.reason)}</td>
              <td>
                {humanize(line.resolution)}
                {line.exchange && ` → ${line.exchange.title} (${formatMoney(line.exchange.priceDifference)})`}
              </td>
              <td>{line.condition ? humanize(line.condition) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {(canApprove || canReject) && (
        <section class="panel" aria-labelledby="actions-title">
          <h2 id="actions-title">Actions</h2>
          <div class="actions">
            {canApprove && (
              <ReasonAction
                label={item.status === 'rejected' ? 'Override rejection and approve' : 'Approve return'}
                reasonLabel={item.status === 'rejected' ? 'Reason for overriding the rejection (required)' : 'Note for the audit trail (optional)'}
                required={item.status === 'rejected'}
                minLength={item.status === 'rejected' ? 3 : undefined}
                onSubmit={approve}
              />
            )}
            {canReject && (
              <ReasonAction label="Reject return" reasonLabel="Reason, sent to the customer (required)" required minLength={3} onSubmit={reject} danger>
                <label for={ruleId}>Policy rule</label>
                <select id={ruleId} value={rule} onChange={(event) => setRule(event.currentTarget.value as Rule | '')}>
                  <option value="">none</option>
                  {RULES.map((candidate) => (
                    <option key={candidate} value={candidate}>
                      {humanize(candidate)}
                    </option>
                  ))}
                </select>
              </ReasonAction>
            )}
          </div>
        </section>
      )}

      <Timeline
        entries={item.history}
        describe={(entry) => (
          <>
            <strong>{humanize(entry.action)}</strong>: {humanize(entry.from)} → {humanize(entry.to)} by {actorText(entry.actor)}
            {entry.reason && <q>{entry.reason}</q>}
          </>
        )}
      />
      {item.timers.length > 0 && (
        <>
          <h2>Timers</h2>
          <ul>
            {item.timers.map((timer) => (
              <li key={timer.timerId}>
                {humanize(timer.kind)} due {formatTime(timer.dueAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
