// The KPI screen: the service team's figures over a period (getKpis), each against its target or
// SLA where it has one, with daily charts, the records behind each figure, and a CSV of the days.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatMoney, humanize, problemText, type Schemas } from '../api.ts';
import { useConsole } from '../app.tsx';
import { BarChart, LineChart } from '../charts.tsx';
import { toCsv } from '../csv.ts';
import { downloadCsv } from '../download.ts';
import { Notice } from '../ui.tsx';
import { DrillDownRecords } from './kpi-drill-down.tsx';

type Kpis = Schemas['Kpis'];
type KpiDay = Schemas['KpiDay'];
type DrillDown = Schemas['KpiDrillDown'];

type Period = { kind: 'last'; days: 7 | 30 | 90 } | { kind: 'range'; from: string; to: string };

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const atMidnight = (day: string) => `${day}T00:00:00Z`;

/** The getKpis query of a period: the last N UTC days include today; a range includes both its days. */
export function periodQuery(period: Period, now = Date.now()): { from: string; to?: string } {
  if (period.kind === 'last') return { from: atMidnight(isoDay(now - (period.days - 1) * DAY_MS)) };
  return { from: atMidnight(period.from), to: atMidnight(isoDay(Date.parse(atMidnight(period.to)) + DAY_MS)) };
}

export const percent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`);
const hours = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} h`);
const count = (value: number) => value.toLocaleString('en');
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const averageHours = (seconds: number, measured: number) => (measured > 0 ? seconds / measured / 3600 : null);

export function KpisScreen() {
  const { api, shopId } = useConsole();
  const [period, setPeriod] = useState<Period>({ kind: 'last', days: 30 });
  const [draft, setDraft] = useState<Period>(period);
  const [kpis, setKpis] = useState<Kpis | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState<{ key: string; label: string; drillDown: DrillDown } | undefined>();

  useEffect(() => {
    let current = true;
    setError(undefined);
    setKpis(undefined);
    api.GET('/ops/kpis', { params: { query: { shopId, ...periodQuery(period) } } }).then(({ data, error: problem, response }) => {
      if (!current) return;
      if (data) setKpis(data);
      else setError(problemText(problem, response.status));
    }, (failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [shopId, JSON.stringify(period)]);

  const exportCsv = () => {
    if (!kpis) return;
    const columns = Object.keys(kpis.daily[0] ?? { date: '' }) as (keyof KpiDay & string)[];
    downloadCsv(`kpis-${kpis.shopId}-${kpis.daily[0]?.date}-to-${kpis.daily.at(-1)?.date}.csv`, toCsv(['date', ...columns.filter((column) => column !== 'date')], kpis.daily));
  };
  const drill = (key: string, label: string, drillDown: DrillDown) => (
    <button type="button" class="link" aria-expanded={open?.key === key} aria-controls="kpi-records" onClick={() => setOpen(open?.key === key ? undefined : { key, label, drillDown })}>
      {label}
    </button>
  );

  return (
    <section aria-labelledby="kpis-title" class="kpis">
      <h1 id="kpis-title" tabIndex={-1}>
        KPIs · {shopId}
      </h1>
      <PeriodPicker draft={draft} onDraft={setDraft} onApply={() => setPeriod(draft)} />
      {error && <Notice kind="error">{error}</Notice>}
      {!kpis && !error && <p aria-busy="true">Loading…</p>}
      {kpis && (
        <>
          <p class="period-note">
            {kpis.daily[0]?.date} to {kpis.daily.at(-1)?.date} (UTC days, {kpis.daily.length} days){' '}
            <button type="button" onClick={exportCsv}>
              Export daily CSV
            </button>
          </p>
          <div class="kpi-cards">
            <Figure id="satisfaction" title="Satisfaction" value={percent(kpis.satisfaction.share)} status={kpis.satisfaction.met === null ? undefined : kpis.satisfaction.met ? 'met' : 'missed'}>
              Target {percent(kpis.satisfaction.target)} · {count(kpis.satisfaction.satisfied)} of {count(kpis.satisfaction.answered)} answers at 4 or 5
              {drill('satisfaction', 'Survey answers', kpis.satisfaction.drillDown)}
            </Figure>
            <Figure id="return-rate" title="Return rate" value={percent(kpis.returns.returnRate)}>
              {count(kpis.returns.returns)} returns of {count(kpis.returns.orders)} orders · {count(kpis.returns.approved)} approved, {count(kpis.returns.rejected)} rejected, {count(kpis.returns.resolved)} resolved
              {drill('returns', 'Return cases', kpis.returns.drillDown)}
            </Figure>
            <Figure id="refund-cycle" title="Refund cycle time" value={hours(kpis.refunds.averageCycleHours)}>
              Average from request to money back, over {count(kpis.refunds.measured)} · {count(kpis.refunds.issued)} refunds, {count(kpis.refunds.storeCredits)} store credits
              {drill('refunds', 'Refunds waiting for review', kpis.refunds.drillDown)}
            </Figure>
            <Figure id="first-response" title="First response" value={hours(kpis.firstResponse.averageHours)} status={slaStatus(kpis.firstResponse.withinSlaShare)}>
              {percent(kpis.firstResponse.withinSlaShare)} within SLA ({count(kpis.firstResponse.withinSla)} of {count(kpis.firstResponse.count)})
              {drill('first-response', 'Cases waiting past their SLA', kpis.firstResponse.drillDown)}
            </Figure>
            <Figure id="resolution" title="Resolution" value={hours(kpis.resolution.averageHours)} status={slaStatus(kpis.resolution.withinSlaShare)}>
              {percent(kpis.resolution.withinSlaShare)} within SLA ({count(kpis.resolution.withinSla)} of {count(kpis.resolution.count)})
              {drill('resolution', 'Resolved cases', kpis.resolution.drillDown)}
            </Figure>
            <Figure id="delays-told-first" title="Delays told first" value={percent(kpis.delays.toldFirstShare)}>
              {count(kpis.delays.toldFirst)} of {count(kpis.delays.delayedOrders)} delayed orders notified before the customer asked · {count(kpis.delays.detected)} delays detected
              {drill('delays', 'Delayed orders', kpis.delays.drillDown)}
            </Figure>
            <Figure id="nudges" title="Nudge conversion" value={percent(kpis.nudges.conversionRate)}>
              {count(kpis.nudges.conversions)} orders from {count(kpis.nudges.sent)} nudges · revenue{' '}
              {kpis.nudges.revenue.length ? kpis.nudges.revenue.map((money) => formatMoney(money)).join(', ') : 'not measured yet'}
              {drill('nudges', 'Nudges sent', kpis.nudges.drillDown)}
            </Figure>
          </div>
          {open && (
            <section id="kpi-records" class="panel" aria-labelledby="kpi-records-title">
              <h2 id="kpi-records-title">Records behind: {open.label}</h2>
              <DrillDownRecords key={open.key} drillDown={open.drillDown} />
            </section>
          )}
          <KpiCharts kpis={kpis} />
        </>
      )}
    </section>
  );
}

// The SLA is per case (its due time), so the share handled within it is what meets or misses.
const slaStatus = (share: number | null) => (share === null ? undefined : share >= 0.95 ? 'met' : 'missed');

function Figure(props: { id: string; title: string; value: string; status?: 'met' | 'missed' | undefined; children: ComponentChildren }) {
  return (
    <article class="kpi-card" aria-labelledby={`kpi-${props.id}-title`}>
      <h2 id={`kpi-${props.id}-title`}>{props.title}</h2>
      <p class="kpi-value" data-testid={`kpi-${props.id}`}>
        {props.value}
        {props.status && <span class={`kpi-status kpi-${props.status}`}>{props.status === 'met' ? 'target met' : 'below target'}</span>}
      </p>
      <p class="kpi-detail">{props.children}</p>
    </article>
  );
}

function KpiCharts({ kpis }: { kpis: Kpis }) {
  const dates = kpis.daily.map((day) => day.date);
  const per = (pick: (day: KpiDay) => number | null) => kpis.daily.map(pick);
  const days = `${dates[0]} to ${dates.at(-1)}`;
  return (
    <div class="kpi-charts">
      <LineChart
        title="Satisfaction per day"
        description={`Share of CSAT answers at 4 or 5 each day, ${days}, against the ${percent(kpis.satisfaction.target)} target; days without answers are gaps.`}
        dates={dates}
        series={[{ label: 'Satisfied share', values: per((day) => ratio(day.surveysSatisfied, day.surveysAnswered)) }]}
        max={1}
        target={{ value: kpis.satisfaction.target, label: `target ${percent(kpis.satisfaction.target)}` }}
        format={(value) => `${Math.round(value * 100)}%`}
      />
      <LineChart
        title="Orders and returns per day"
        description={`Orders placed and returns requested each day, ${days}.`}
        dates={dates}
        series={[
          { label: 'Orders placed', values: per((day) => day.ordersPlaced) },
          { label: 'Returns requested', values: per((day) => day.returnsRequested) },
        ]}
        format={count}
      />
      <BarChart
        title="Return reasons"
        description={kpis.returns.byReason.length ? `Returns per reason over the period, most frequent first: ${kpis.returns.byReason.map((row) => `${humanize(row.reason)} ${row.returns}`).join(', ')}.` : 'No returns in the period.'}
        bars={kpis.returns.byReason.map((row) => ({ label: humanize(row.reason), value: row.returns, note: percent(row.share) }))}
        format={count}
      />
      <LineChart
        title="Handled within SLA per day"
        description={`Share of first responses and of resolutions each day that came within the case's SLA, ${days}, against 95%.`}
        dates={dates}
        series={[
          { label: 'First responses', values: per((day) => ratio(day.firstResponsesWithinSla, day.firstResponses)) },
          { label: 'Resolutions', values: per((day) => ratio(day.resolutionsWithinSla, day.resolutions)) },
        ]}
        max={1}
        target={{ value: 0.95, label: '95%' }}
        format={(value) => `${Math.round(value * 100)}%`}
      />
      <LineChart
        title="Average hours per day"
        description={`Average hours to the first response, to resolution and from request to refund, by the day the step ended, ${days}.`}
        dates={dates}
        series={[
          { label: 'First response', values: per((day) => averageHours(day.firstResponseSeconds, day.firstResponses)) },
          { label: 'Resolution', values: per((day) => averageHours(day.resolutionSeconds, day.resolutions)) },
          { label: 'Refund cycle', values: per((day) => averageHours(day.refundCycleSeconds, day.refundCycles)) },
        ]}
        format={(value) => `${Number(value.toFixed(2))} h`}
      />
      <LineChart
        title="Delays per day"
        description={`Orders newly delayed and delayed orders whose customer was notified first, each day, ${days}.`}
        dates={dates}
        series={[
          { label: 'Delayed orders', values: per((day) => day.delayedOrders) },
          { label: 'Told first', values: per((day) => day.delayedOrdersToldFirst) },
        ]}
        format={count}
      />
      <LineChart
        title="Nudges per day"
        description={`Nudges sent and orders they brought back, each day, ${days}.`}
        dates={dates}
        series={[
          { label: 'Sent', values: per((day) => day.nudgesSent) },
          { label: 'Conversions', values: per((day) => day.nudgeConversions) },
        ]}
        format={count}
      />
    </div>
  );
}

function PeriodPicker({ draft, onDraft, onApply }: { draft: Period; onDraft(period: Period): void; onApply(): void }) {
  const today = isoDay(Date.now());
  const range = draft.kind === 'range' ? draft : { kind: 'range' as const, from: isoDay(Date.now() - 29 * DAY_MS), to: today };
  return (
    <form
      class="filters"
      aria-label="Choose the period"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      <label>
        Period
        <select
          aria-label="Period"
          value={draft.kind === 'last' ? String(draft.days) : 'range'}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onDraft(value === 'range' ? range : { kind: 'last', days: Number(value) as 7 | 30 | 90 });
          }}
        >
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="90">Last 90 days</option>
          <option value="range">From … to …</option>
        </select>
      </label>
      {draft.kind === 'range' && (
        <>
          <label>
            From (UTC day)
            <input type="date" required value={draft.from} max={draft.to} onInput={(event) => onDraft({ ...draft, from: event.currentTarget.value })} />
          </label>
          <label>
            To (UTC day, included)
            <input type="date" required value={draft.to} min={draft.from} onInput={(event) => onDraft({ ...draft, to: event.currentTarget.value })} />
          </label>
        </>
      )}
      <button type="submit">Show</button>
    </form>
  );
}
