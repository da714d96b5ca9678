// The delay settings editor: the deadlines, stalled tracking, customer notices, ladder and courtesy
// discount in effect, and which open orders' deadlines a draft would move (and which would then be
// late) before a supervisor publishes it.
import { formatMoney, formatTime, humanize, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { DryRunChanges, SettingsEditor } from './settings-editor.tsx';

type SettingsVersion = Schemas['DelaySettingsVersion'];
type SettingsDryRun = Schemas['DelaySettingsDryRun'];
type Outcome = SettingsDryRun['changes'][number]['before'];

export function DelaySettingsScreen() {
  const { api, shopId } = useConsole();
  const query = { shopId };
  return (
    <SettingsEditor<SettingsVersion, SettingsDryRun>
      title={`Delay settings · ${shopId}`}
      field="settings"
      documentOf={(view) => view.settings}
      load={() => api.GET('/ops/delays/settings', { params: { query } })}
      dryRun={(draft) => api.POST('/ops/delays/settings/dry-run', { params: { query }, body: { settings: draft as SettingsVersion['settings'], orders: 200 } })}
      publish={(draft, expectedVersion, reason) => api.PUT('/ops/delays/settings', { params: { query }, body: { settings: draft as SettingsVersion['settings'], expectedVersion, reason } })}
      Summary={DelaySettingsSummary}
      DryRunResult={DelayDryRunResult}
    />
  );
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function DelaySettingsSummary({ view: { settings } }: { view: SettingsVersion }) {
  const { handling, transit, stalled, ladder, compensation } = settings;
  return (
    <dl class="facts" data-testid="delay-settings-summary">
      <dt>Delay alerts</dt>
      <dd>{settings.enabled ? 'on' : 'off: no order is watched'}</dd>
      <dt>Ship by</dt>
      <dd>
        {handling.defaultDays} business days after the order{handling.byShippingMethod.length > 0 && `; ${handling.byShippingMethod.length} shipping method rules`}
      </dd>
      <dt>Business days</dt>
      <dd>
        {settings.businessDays.map((day) => weekdays[day - 1]).join(', ')}; {settings.holidays.length} holidays
      </dd>
      <dt>Deliver by</dt>
      <dd>
        {transit.defaultDays} {humanize(transit.unit)} in transit; {transit.byCountry.length} country and {transit.byCarrier.length} carrier rules
      </dd>
      <dt>Tracking stalled</dt>
      <dd>
        after {stalled.defaultDays} days without a carrier event{stalled.byCarrier.length > 0 && `; ${stalled.byCarrier.length} carrier rules`}
      </dd>
      <dt>Customer told about</dt>
      <dd>{settings.notifyCustomerOf.map(humanize).join(', ') || 'nothing'}</dd>
      <dt>New date when overdue</dt>
      <dd>{settings.reestimateDays} business days from now, without a carrier estimate</dd>
      <dt>Ladder</dt>
      <dd>{ladder.map((step) => `${humanize(step.action)} after ${step.afterDays} days`).join('; ') || 'none'}</dd>
      <dt>Courtesy discount</dt>
      <dd>
        {compensation
          ? `${compensation.discount.type === 'percent' ? `${compensation.discount.percent} %` : formatMoney(compensation.discount.amount)} off after ${compensation.afterDays} days late, valid ${compensation.validDays} days`
          : 'none'}
      </dd>
    </dl>
  );
}

const outcomeText = (outcome: Outcome) => {
  if (!outcome.watched) return 'not watched';
  const parts = [
    outcome.shipBy && `ship by ${formatTime(outcome.shipBy)}`,
    outcome.deliverBy && `deliver by ${formatTime(outcome.deliverBy)}`,
    outcome.trackingStalledAt && `stalled from ${formatTime(outcome.trackingStalledAt)}`,
    outcome.nextLadderStep && `${humanize(outcome.nextLadderStep.action)} on ${formatTime(outcome.nextLadderStep.dueAt)}`,
  ].filter(Boolean);
  return `${parts.join('; ') || 'no deadline'}${outcome.late.length > 0 ? ` — late: ${outcome.late.map(humanize).join(', ')}` : ''}`;
};

function DelayDryRunResult({ result }: { result: SettingsDryRun }) {
  const { totals } = result;
  return (
    <DryRunChanges
      summary={
        <>
          Version {result.currentVersion} → draft version {result.draftVersion}, as of {formatTime(result.evaluatedAt)}: {totals.orders} orders read, {totals.open} open;{' '}
          <strong>{totals.changed} orders with different deadlines</strong> ({totals.shipByMoved} ship-by and {totals.deliverByMoved} deliver-by moved; {totals.becomeLate} would now be late,{' '}
          {totals.noLongerLate} no longer late). Publishing re-plans these orders at once.
        </>
      }
      changes={result.changes}
      label="Open orders whose deadlines the draft moves"
      rowKey={(change) => change.orderId}
      columns={[
        { header: 'Order', cell: (change) => <a href={href('orders', change.orderId)}>{change.orderNumber}</a> },
        { header: 'Phase', cell: (change) => humanize(change.phase) },
      ]}
      outcomeText={outcomeText}
    />
  );
}
