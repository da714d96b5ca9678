// The return policy editor: what the policy in effect says, and which order lines a draft would
// decide differently (dry run on the shop's latest orders) before a supervisor publishes it.
import { formatMoney, formatTime, humanize, type Schemas } from '../api.ts';
import { useConsole } from '../app.tsx';
import { DryRunChanges, SettingsEditor, yesNo } from './settings-editor.tsx';

type PolicyVersion = Schemas['ReturnPolicyVersion'];
type PolicyDryRun = Schemas['ReturnPolicyDryRun'];
type LineOutcome = PolicyDryRun['changes'][number]['before'];

export function ReturnPolicyScreen() {
  const { api, shopId } = useConsole();
  const query = { shopId };
  return (
    <SettingsEditor<PolicyVersion, PolicyDryRun>
      title={`Return policy · ${shopId}`}
      field="policy"
      documentOf={(view) => view.policy}
      load={() => api.GET('/ops/returns/policy', { params: { query } })}
      dryRun={(draft) => api.POST('/ops/returns/policy/dry-run', { params: { query }, body: { policy: draft as PolicyVersion['policy'], orders: 100 } })}
      publish={(draft, expectedVersion, reason) => api.PUT('/ops/returns/policy', { params: { query }, body: { policy: draft as PolicyVersion['policy'], expectedVersion, reason } })}
      Summary={PolicySummary}
      DryRunResult={PolicyDryRunResult}
    />
  );
}

function PolicySummary({ view: { policy } }: { view: PolicyVersion }) {
  return (
    <>
      <dl class="facts" data-testid="policy-summary">
        <dt>Return window</dt>
        <dd>
          {policy.windowDays} days from delivery (no delivery scan: fulfilment + {policy.fulfillmentFallbackDays} days)
        </dd>
        <dt>Approval</dt>
        <dd>{policy.autoApprove ? 'accepted requests are approved at once' : 'every request waits for an agent'}</dd>
        <dt>Holiday extensions</dt>
        <dd>{policy.holidayExtensions.map((extension) => `${extension.from}–${extension.to} → ${extension.extendUntil}`).join('; ') || 'none'}</dd>
        <dt>Exclusions</dt>
        <dd>
          final sale {yesNo(policy.exclusions.finalSale)}; {policy.exclusions.productIds.length} products, {policy.exclusions.variantIds.length} variants, tags{' '}
          {policy.exclusions.tags.join(', ') || 'none'}
        </dd>
        <dt>Store credit bonus</dt>
        <dd>{policy.storeCreditBonusPercent === undefined ? 'none' : `${policy.storeCreditBonusPercent} %`}</dd>
        <dt>Keep it below</dt>
        <dd>{policy.keepItBelow?.map(formatMoney).join(', ') || 'never offered'}</dd>
        <dt>Exchanges</dt>
        <dd>
          {policy.exchanges.instant ? 'instant' : 'after receipt'}, price difference: {humanize(policy.exchanges.priceDifference)}
        </dd>
        <dt>Reminders</dt>
        <dd>{policy.reminders ? `after ${policy.reminders.reminderDays.join(', ')} days; expires after ${policy.reminders.expiryDays} days` : 'none'}</dd>
      </dl>
      <table>
        <caption class="visually-hidden">Return reasons</caption>
        <thead>
          <tr>
            <th scope="col">Reason</th>
            <th scope="col">Resolutions offered</th>
            <th scope="col">Photos</th>
            <th scope="col">Shipping paid by</th>
            <th scope="col">Restocking fee</th>
          </tr>
        </thead>
        <tbody>
          {policy.reasons.map((reason) => (
            <tr key={reason.code}>
              <td>{humanize(reason.code)}</td>
              <td>{reason.resolutions.map(humanize).join(', ')}</td>
              <td>{yesNo(reason.photosRequired)}</td>
              <td>{reason.shippingPaidBy}</td>
              <td>{reason.restockingFeePercent === undefined ? '—' : `${reason.restockingFeePercent} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const outcomeText = (outcome: LineOutcome) =>
  outcome.returnable
    ? `returnable (${outcome.maxQuantity} units${outcome.deadline ? `, until ${formatTime(outcome.deadline)}` : ''})`
    : `refused: ${outcome.rules.map(humanize).join(', ') || 'no units left'}`;

function PolicyDryRunResult({ result }: { result: PolicyDryRun }) {
  const { totals } = result;
  return (
    <DryRunChanges
      summary={
        <>
          Version {result.currentVersion} → draft version {result.draftVersion}, as of {formatTime(result.evaluatedAt)}: {totals.orders} orders, {totals.lines} lines looked at;{' '}
          <strong>{totals.changed} lines decided differently</strong> ({totals.becomeReturnable} become returnable, {totals.becomeNotReturnable} no longer returnable).
        </>
      }
      changes={result.changes}
      label="Lines the draft decides differently"
      rowKey={(change) => `${change.orderId}/${change.lineItemId}`}
      columns={[
        { header: 'Order', cell: (change) => change.orderNumber },
        { header: 'Line', cell: (change) => change.lineItemId },
      ]}
      outcomeText={outcomeText}
    />
  );
}
