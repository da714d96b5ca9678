// `npm run bench`: runs every benchmark suite on this machine, writes bench/results.json and
// bench/RESULTS.md, and compares each figure with the committed baseline (bench/baseline.json).
// Figures that depend on the machine are ratios against a reference measured in the same run.
import '../infra/local/quiet-warnings.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { coldStartSuite } from './suites/cold-start.ts';
import { webhooksSuite } from './suites/webhooks.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Which direction is better, for flagging regressions. */
  better: 'higher' | 'lower';
  /** Only ratios compare across machines; absolute figures are shown for context. */
  comparable: boolean;
  target?: string;
}

export interface SuiteResult {
  suite: string;
  figures: Figure[];
  notes: string[];
}

const benchDir = import.meta.dirname;
const tolerance = 0.15;

function compare(results: SuiteResult[], baseline: SuiteResult[] | undefined): string[] {
  const lines: string[] = [];
  const previous = new Map((baseline ?? []).flatMap((suite) => suite.figures.map((figure) => [`${suite.suite}/${figure.name}`, figure] as const)));
  for (const suite of results) {
    for (const figure of suite.figures) {
      const before = previous.get(`${suite.suite}/${figure.name}`);
      if (!before || !figure.comparable || before.value === 0) continue;
      const change = (figure.value - before.value) / Math.abs(before.value);
      const worse = figure.better === 'higher' ? change < -tolerance : change > tolerance;
      lines.push(`${worse ? 'REGRESSION' : 'ok'} ${suite.suite}/${figure.name}: ${before.value} -> ${figure.value} (${(change * 100).toFixed(1)}%)`);
    }
  }
  return lines;
}

function markdown(results: SuiteResult[], comparison: string[]): string {
  const out = ['# Benchmark results', '', `Measured ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}.`, ''];
  for (const suite of results) {
    out.push(`## ${suite.suite}`, '', '| figure | value | target |', '|---|---|---|');
    for (const figure of suite.figures) out.push(`| ${figure.name} | ${figure.value} ${figure.unit} | ${figure.target ?? ''} |`);
    out.push('', ...suite.notes.map((note) => `- ${note}`), '');
  }
  if (comparison.length) out.push('## Against the baseline', '', ...comparison.map((line) => `- ${line}`), '');
  return out.join('\n');
}

// `npm run bench -- cold-start` runs the named suites only (while working on one).
const only = process.argv.slice(2);
const suites = [coldStartSuite, webhooksSuite].filter((suite) => only.length === 0 || only.includes(suite.name));
const results: SuiteResult[] = [];
for (const suite of suites) {
  console.log(`Running ${suite.name}...`);
  results.push(await suite.run());
}
const baselineFile = path.join(benchDir, 'baseline.json');
const baseline = existsSync(baselineFile) ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as SuiteResult[]) : undefined;
const comparison = compare(results, baseline);
writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(benchDir, 'RESULTS.md'), markdown(results, comparison));
console.log(markdown(results, comparison));
if (!baseline) console.log('No baseline yet: copy bench/results.json to bench/baseline.json to set one.');
process.exit(0);
