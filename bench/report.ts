// bench/RESULTS.md from results.json: the machine and date, the contract's headline figures, the
// cost per 1,000 orders against the design's minimum, every suite's figures, and the baseline comparison.
import type { BenchResults } from './results.ts';

const usd = (value: number) => `$${value.toFixed(4)}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function costSection(cost: NonNullable<BenchResults['costPer1000Orders']>): string[] {
  const services = Object.keys(cost.byService) as (keyof typeof cost.byService)[];
  return [
    '## Cost per 1,000 orders',
    '',
    `Measured ${usd(cost.totalUsd)} (${usd(cost.withoutMessagesUsd)} without message fees); the design's minimum ${usd(cost.minimum.totalUsd)} (${usd(cost.minimum.withoutMessagesUsd)}): ${cost.overMinimum}× the minimum without message fees.`,
    '',
    '| service | measured | minimum |',
    '|---|---|---|',
    ...services.map((service) => `| ${service} | ${usd(cost.byService[service])} | ${usd(cost.minimum.byService[service])} |`),
    '',
    '| measured item | quantity in the run | per 1,000 orders |',
    '|---|---|---|',
    ...cost.lines.map((line) => `| ${line.service}: ${line.item} | ${line.quantity} | ${usd(line.usd)} |`),
    '',
    ...cost.assumptions.map((note) => `- ${note}`),
    ...cost.minimum.assumptions.map((note) => `- Minimum: ${note}`),
    '',
  ];
}

export function renderMarkdown(results: BenchResults, comparison: string[]): string {
  const { machine } = results;
  const out = ['# Benchmark results', '', `Measured ${results.date} on ${machine.cpuModel} (${machine.cores} cores, ${machine.memoryGb} GB), ${machine.platform}, Node ${machine.node}.`, ''];
  if (results.storeDay) {
    const day = results.storeDay;
    out.push('## A day of a store', '', `${day.orders} orders in ${day.wallSeconds} s: ${day.deliveriesPerSecond} deliveries/s, webhook to customer message p50 ${day.p50WebhookToMessageMs} ms, p99 ${day.p99WebhookToMessageMs} ms; reconciled: ${day.reconciled ? 'yes' : 'NO'}.`, '');
  }
  if (results.ingest) {
    const ingest = results.ingest;
    out.push('## Ingest', '', `${ingest.deliveriesPerSecond} deliveries/s acknowledged (p99 ${ingest.p99AckMs} ms) against ${ingest.bareDeliveriesPerSecond}/s for a bare HMAC-checking server: ratio ${ingest.ratio}.`, '');
  }
  if (results.costPer1000Orders) out.push(...costSection(results.costPer1000Orders));
  if (results.coldStart) {
    out.push('## Cold start', '', '| function | bundle | gzipped | import / bare node | top dependency | targets |', '|---|---|---|---|---|---|');
    const verdict = (meets: boolean | undefined) => (meets === undefined ? '' : meets ? 'met' : 'NOT met');
    for (const entry of results.coldStart) {
      out.push(`| ${entry.function} | ${kb(entry.bytes)} | ${kb(entry.gzipBytes)} | ${entry.importRatio}× | ${entry.topDependency ?? ''} | ${verdict(entry.meetsTargets)} |`);
    }
    out.push('');
  }
  for (const suite of results.suites) {
    out.push(`## Suite: ${suite.suite}`, '', ...(suite.measuredAt ? [`Measured ${suite.measuredAt}, in an earlier run than the date above.`, ''] : []), '| figure | value | target |', '|---|---|---|');
    for (const figure of suite.figures) out.push(`| ${figure.name} | ${figure.value} ${figure.unit} | ${figure.target ?? ''} |`);
    out.push('', ...suite.notes.map((note) => `- ${note}`), '');
  }
  if (comparison.length) out.push('## Against the baseline', '', ...comparison.map((line) => `- ${line}`), '');
  return out.join('\n');
}
