// Small dependency-free SVG charts for the KPI screen: a daily line chart and a horizontal bar
// chart, each an image with a <title> and <desc> for screen readers and a data table beside it
// (in a <details>) for anyone who would rather read the numbers.
import { labelledIndexes, niceTicks } from './chart-scale.ts';
import { useFieldId } from './ui.tsx';

export interface Series {
  label: string;
  /** One value per date; null where nothing was measured (the line breaks there). */
  values: (number | null)[];
}

const COLORS = ['#1f5fbf', '#c2571a', '#2e7d32', '#7b3fa0'];
// A second series is also dashed, so the chart does not depend on telling colours apart.
const DASHES = [undefined, '6 4', '2 3', '8 3 2 3'];

const shortDate = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const WIDTH = 560;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 16, bottom: 26, left: 52 };

export function LineChart(props: {
  title: string;
  description: string;
  dates: string[];
  series: Series[];
  format(value: number): string;
  /** A fixed top of the y axis (1 for shares); else round from the data. */
  max?: number;
  target?: { value: number; label: string };
}) {
  const id = useFieldId('chart');
  const { dates, series, format } = props;
  const dataMax = Math.max(0, ...series.flatMap((one) => one.values.filter((value): value is number => value !== null)), props.target?.value ?? 0);
  const ticks = props.max !== undefined ? niceTicks(props.max) : niceTicks(dataMax);
  const top = ticks[ticks.length - 1]!;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (index: number) => MARGIN.left + (dates.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (dates.length - 1));
  const y = (value: number) => MARGIN.top + plotHeight - (Math.min(value, top) / top) * plotHeight;
  const labelled = labelledIndexes(dates.length);
  const path = (values: (number | null)[]) =>
    values
      .map((value, index) => (value === null ? '' : `${index > 0 && values[index - 1] !== null ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`))
      .join('');

  return (
    <figure class="chart">
      <figcaption id={`${id}-caption`}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {ticks.map((tick) => (
          <g key={tick} class="tick">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        <line class="axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
        {dates.map((date, index) =>
          labelled.has(index) ? (
            <text key={date} class="x-label" x={x(index)} y={HEIGHT - 8} text-anchor={index === 0 && dates.length > 1 ? 'start' : index === dates.length - 1 && dates.length > 1 ? 'end' : 'middle'}>
              {shortDate(date)}
            </text>
          ) : null,
        )}
        {props.target && (
          <g class="target">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(props.target.value)} y2={y(props.target.value)} />
            <text x={WIDTH - MARGIN.right - 4} y={y(props.target.value) - 5} text-anchor="end">
              {props.target.label}
            </text>
          </g>
        )}
        {series.map((one, index) => (
          <g key={one.label} class="series" stroke={COLORS[index % COLORS.length]} fill={COLORS[index % COLORS.length]}>
            <path d={path(one.values)} fill="none" stroke-width={2} stroke-dasharray={DASHES[index % DASHES.length]} />
            {/* Dots show lone days, which a line cannot. */}
            {dates.length <= 31 &&
              one.values.map((value, day) => (value === null ? null : <circle key={day} cx={x(day)} cy={y(value)} r={2.5} />))}
          </g>
        ))}
      </svg>
      {series.length > 1 && (
        <ul class="legend">
          {series.map((one, index) => (
            <li key={one.label}>
              <svg width="24" height="10" aria-hidden="true">
                <line x1="0" x2="24" y1="5" y2="5" stroke={COLORS[index % COLORS.length]} stroke-width={2} stroke-dasharray={DASHES[index % DASHES.length]} />
              </svg>
              {one.label}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Table: {props.title}</summary>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {series.map((one) => (
                  <th key={one.label} scope="col">
                    {one.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dates.map((date, day) => (
                <tr key={date}>
                  <th scope="row">{date}</th>
                  {series.map((one) => (
                    <td key={one.label}>{one.values[day] === null ? '—' : format(one.values[day]!)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export function BarChart(props: { title: string; description: string; bars: { label: string; value: number; note?: string }[]; format(value: number): string }) {
  const id = useFieldId('chart');
  const rowHeight = 24;
  const labelWidth = 150;
  const height = Math.max(1, props.bars.length) * rowHeight + 8;
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  const barSpace = WIDTH - labelWidth - 90;
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {props.bars.map((bar, index) => {
          const width = (bar.value / max) * barSpace;
          const top = 4 + index * rowHeight;
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={top + 15} text-anchor="end">
                {bar.label}
              </text>
              <rect x={labelWidth} y={top + 3} width={Math.max(width, 1)} height={rowHeight - 8} fill={COLORS[0]} />
              <text x={labelWidth + width + 6} y={top + 15}>
                {props.format(bar.value)}
                {bar.note ? ` (${bar.note})` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Table: {props.title}</summary>
        <table>
          <tbody>
            {props.bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{props.format(bar.value)}</td>
                <td>{bar.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
