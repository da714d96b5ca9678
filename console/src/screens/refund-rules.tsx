// The refund rules editor: what the rules in effect decide, and which refund decisions a draft would
// take differently (dry run on the inspected returns of the latest orders) before publishing.
import { formatMoney, humanize, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { DryRunChanges, SettingsEditor, yesNo } from './settings-editor.tsx';

type RulesVersion = Schemas['RefundRulesVersion'];
type RulesDryRun = Schemas['RefundRulesDryRun'];
type Outcome = RulesDryRun['changes'][number]['before'];

export function RefundRulesScreen() {
  const { api, shopId } = useConsole();
  const query = { shopId };
  return (
    <SettingsEditor<RulesVersion, RulesDryRun>
      title={`Refund rules · ${shopId}`}
      field="rules"
      documentOf={(view) => view.rules}
      load={() => api.GET('/ops/refunds/rules', { params: { query } })}
      dryRun={(draft) => api.POST('/ops/refunds/rules/dry-run', { params: { query }, body: { rules: draft as RulesVersion['rules'], orders: 100 } })}
      publish={(draft, expectedVersion, reason) => api.PUT('/ops/refunds/rules', { params: { query }, body: { rules: draft as RulesVersion['rules'], expectedVersion, reason } })}
      Summary={RulesSummary}
      DryRunResult={RulesDryRunResult}
    />
  );
}

const amounts = (list: { amount: number; currency: string }[] | undefined, none: string) => list?.map(formatMoney).join(', ') || none;

function RulesSummary({ view: { rules } }: { view: RulesVersion }) {
  return (
    <dl class="facts" data-testid="rules-summary">
      <dt>Decided without a person up to</dt>
      <dd>{amounts(rules.approval.autoApproveUpTo, 'never: every decision is reviewed')}</dd>
      <dt>Supervisor needed above</dt>
      <dd>{amounts(rules.approval.supervisorAbove, 'no threshold')}</dd>
      <dt>Refund paid at</dt>
      <dd>{humanize(rules.timing.refundAt)}</dd>
      <dt>Risk</dt>
      <dd>
        review above a {rules.risk.maxReturnRatePercent} % return rate (from {rules.risk.minOrdersForReturnRate} orders), or more than {rules.risk.maxRecentClaims} claims in {rules.risk.recentClaimsDays} days;{' '}
        {rules.risk.blocklist.emails.length + rules.risk.blocklist.addresses.length} blocklisted
      </dd>
      <dt>Keep it</dt>
      <dd>
        below {amounts(rules.keepIt.below, 'the return policy’s threshold')}; return label costs {amounts(rules.keepIt.returnShippingCost, 'not set')}
      </dd>
      <dt>Store credit</dt>
      <dd>
        {yesNo(rules.storeCredit.enabled)}
        {rules.storeCredit.bonusPercent !== undefined && `, +${rules.storeCredit.bonusPercent} %`}
      </dd>
      <dt>Deductions</dt>
      <dd>
        damaged {rules.deductions.damagedPercent} %, used {rules.deductions.usedPercent} %, missing parts {rules.deductions.missingPartsPercent} %
      </dd>
      <dt>Options offered</dt>
      <dd>
        {rules.options.offerChoice ? `a choice, for ${rules.options.choiceDays} days` : 'the first option only'}: {rules.options.ranking.map(humanize).join(' › ')}
      </dd>
    </dl>
  );
}

const outcomeText = (outcome: Outcome) => `${humanize(outcome.kind)}${outcome.amount ? ` ${formatMoney(outcome.amount)}` : ''}${outcome.needsSupervisor ? ' (supervisor)' : ''}`;

function RulesDryRunResult({ result }: { result: RulesDryRun }) {
  const { totals } = result;
  return (
    <DryRunChanges
      summary={
        <>
          Version {result.currentVersion} → draft version {result.draftVersion}: {totals.orders} orders, {totals.claims} inspected returns decided again;{' '}
          <strong>{totals.changed} decisions taken differently</strong> ({totals.becomeManualReview} more for manual review, {totals.leaveManualReview} fewer); money back{' '}
          {totals.amountDelta.length ? totals.amountDelta.map((delta) => `${delta.amount >= 0 ? '+' : '−'}${formatMoney({ ...delta, amount: Math.abs(delta.amount) })}`).join(', ') : 'unchanged'}.
        </>
      }
      changes={result.changes}
      label="Decisions the draft takes differently"
      rowKey={(change) => change.decisionId}
      columns={[
        { header: 'Decision', cell: (change) => <a href={href('refunds', change.decisionId)}>{change.decisionId}</a> },
        { header: 'Order', cell: (change) => <a href={href('orders', change.orderId)}>{change.orderId}</a> },
      ]}
      outcomeText={outcomeText}
    />
  );
}
