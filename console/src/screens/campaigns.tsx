// The campaign settings editor: replenishment, win-back, VIP tiers, suppression and attribution in
// effect, the nudges coming in the next days under them with why each would be sent or suppressed,
// and the same preview under a draft (its dry run, compared with the settings in effect) before a
// supervisor publishes it.
import { useEffect, useState } from 'preact/hooks';
import { formatTime, humanize, problemText, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { Notice, useFieldId } from '../ui.tsx';
import { LocalPages, SettingsEditor, yesNo } from './settings-editor.tsx';

type SettingsVersion = Schemas['CampaignSettingsVersion'];
type Preview = Schemas['NudgePreview'];
type DraftPreview = Schemas['CampaignSettingsDryRun'];

export function CampaignsScreen() {
  const { api, shopId } = useConsole();
  const query = { shopId };
  return (
    <SettingsEditor<SettingsVersion, DraftPreview>
      title={`Campaigns · ${shopId}`}
      field="settings"
      documentOf={(view) => view.settings}
      load={() => api.GET('/ops/campaigns/settings', { params: { query } })}
      dryRun={(draft) => api.POST('/ops/campaigns/settings/dry-run', { params: { query }, body: { settings: draft as SettingsVersion['settings'], days: 7 } })}
      publish={(draft, expectedVersion, reason) => api.PUT('/ops/campaigns/settings', { params: { query }, body: { settings: draft as SettingsVersion['settings'], expectedVersion, reason } })}
      Summary={CampaignSummary}
      DryRunResult={DraftPreviewResult}
    >
      <NudgePreviewPanel />
    </SettingsEditor>
  );
}

const discountText = (discount: { percent: number; expiresAfterDays: number } | undefined) => (discount ? `${discount.percent} % off for ${discount.expiresAfterDays} days` : 'no discount');

function CampaignSummary({ view: { settings } }: { view: SettingsVersion }) {
  const { replenishment, winback, vip, suppression, attribution } = settings;
  return (
    <dl class="facts" data-testid="campaigns-summary">
      <dt>Replenishment</dt>
      <dd>
        {yesNo(replenishment.enabled)}: {replenishment.cycles.length} configured cycles, learned cycles {yesNo(replenishment.learned.enabled)}, {discountText(replenishment.discount)}
      </dd>
      <dt>Win-back</dt>
      <dd>
        {yesNo(winback.enabled)}: after {winback.afterDaysWithoutOrder} days without an order,{' '}
        {winback.steps.map((step, index) => `step ${index + 1} after ${step.waitDays} days (${discountText(step.discount)})`).join('; ') || 'no steps'}
      </dd>
      <dt>VIP tiers</dt>
      <dd>
        {yesNo(vip.enabled)}: {vip.tiers.map((tier) => `${tier.name} from ${tier.minPoints} points (${tier.benefits.discountPercent} % off)`).join('; ') || 'none'}
      </dd>
      <dt>Suppression</dt>
      <dd>
        at most {suppression.frequencyCap.count} nudges in {suppression.frequencyCap.days} days; none for {suppression.lowScoreDays} days after a poor survey score
        {suppression.quietHours && `; quiet from ${suppression.quietHours.start}:00 to ${suppression.quietHours.end}:00`}
      </dd>
      <dt>Attribution</dt>
      <dd>orders within {attribution.windowDays} days of a nudge</dd>
    </dl>
  );
}

function NudgePreviewPanel() {
  const { api, shopId } = useConsole();
  const [days, setDays] = useState(7);
  const [draftDays, setDraftDays] = useState('7');
  const [preview, setPreview] = useState<Preview | undefined>();
  const [error, setError] = useState<string | undefined>();
  const daysId = useFieldId('preview-days');

  useEffect(() => {
    setPreview(undefined);
    setError(undefined);
    api.GET('/ops/campaigns/preview', { params: { query: { shopId, days } } }).then(({ data, error: problem, response }) => {
      if (data) setPreview(data);
      else setError(problemText(problem, response.status));
    });
  }, [shopId, days]);

  return (
    <div class="panel" data-testid="nudge-preview">
      <h2>Coming nudges under the settings in effect</h2>
      <form
        class="filters"
        aria-label="Preview period"
        onSubmit={(event) => {
          event.preventDefault();
          setDays(Number(draftDays));
        }}
      >
        <label for={daysId}>
          Days ahead
          <input id={daysId} type="number" min={1} max={31} value={draftDays} onInput={(event) => setDraftDays(event.currentTarget.value)} size={4} />
        </label>
        <button type="submit">Preview</button>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {!preview && !error && <p aria-busy="true">Loading…</p>}
      {preview && (
        <>
          <p>
            {formatTime(preview.from)} to {formatTime(preview.to)}: <strong>{preview.summary.toSend} to send</strong>, {preview.summary.suppressed} suppressed
            {Object.keys(preview.summary.byReason).length > 0 &&
              ` (${Object.entries(preview.summary.byReason)
                .map(([reason, count]) => `${humanize(reason)}: ${count}`)
                .join(', ')})`}
            . Read from {preview.basis.orders} orders of {preview.basis.customers} customers{preview.basis.truncated ? ', older history not seen' : ''}.
          </p>
          <NudgeTable nudges={preview.nudges} label="Coming nudges" />
        </>
      )}
    </div>
  );
}

function DraftPreviewResult({ result }: { result: DraftPreview }) {
  return (
    <>
      <p data-testid="dry-run-summary">
        Version {result.currentVersion} → draft version {result.draftVersion}, {formatTime(result.from)} to {formatTime(result.to)}: <strong>{result.summary.toSend} to send</strong>{' '}
        ({result.inEffect.toSend} under the settings in effect; {result.difference.added} added, {result.difference.removed} removed), {result.summary.suppressed} suppressed. Read from{' '}
        {result.basis.orders} orders of {result.basis.customers} customers{result.basis.truncated ? ', older history not seen' : ''}.
      </p>
      <NudgeTable nudges={result.nudges} label="Coming nudges under the draft" />
    </>
  );
}

/** The nudges of a preview, paged: who, which campaign, when, and why (not). */
function NudgeTable({ nudges, label }: { nudges: Preview['nudges']; label: string }) {
  if (nudges.length === 0) return null;
  return (
    <LocalPages items={nudges} label={label}>
      {(rows) => (
        <table>
          <caption class="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Campaign</th>
              <th scope="col">Due</th>
              <th scope="col">Decision</th>
              <th scope="col">Why / channel</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((nudge) => (
              <tr key={`${nudge.customerId}/${nudge.campaignId}/${nudge.dueAt}/${nudge.productId ?? ''}`}>
                <td>
                  <a href={href('customers', nudge.customerId)}>{nudge.customerId}</a>
                </td>
                <td>
                  {humanize(nudge.campaignId)}
                  {nudge.step !== undefined && ` step ${nudge.step + 1}`}
                </td>
                <td>{formatTime(nudge.sendAt ?? nudge.dueAt)}</td>
                <td>{nudge.decision}</td>
                <td>{nudge.decision === 'send' ? (nudge.channel ?? '—') : (nudge.reasons ?? (nudge.reason ? [nudge.reason] : [])).map(humanize).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </LocalPages>
  );
}
