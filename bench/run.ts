// `npm run bench`: runs every benchmark suite on this machine, writes bench/results.json (the
// contract of issue 11, see bench/results.ts) and bench/RESULTS.md, and compares each ratio with the
// committed baseline (bench/baseline.json). Figures that depend on the machine are ratios against a
// reference measured in the same run.
// `npm run bench -- cold-start` runs the named suites only; `--orders N` sets the store day's size.
import '../infra/local/quiet-warnings.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assembleResults, baselineSuites, compareWithBaseline, comparisonLine, describeMachine, parseBenchArgs } from './results.ts';
import { renderMarkdown } from './report.ts';
import type { SuiteResult } from './results.ts';
import { coldStartSuite } from './suites/cold-start.ts';
import { webhooksSuite } from './suites/webhooks.ts';
import { storeDaySuite } from './suites/store-day.ts';
import { burstSuite } from './suites/burst.ts';
import { faultsSuite } from './suites/faults.ts';

export type { Figure, SuiteResult } from './results.ts';

const benchDir = import.meta.dirname;
const tolerance = 0.15;

const { only } = parseBenchArgs(process.argv.slice(2));
const suites = [coldStartSuite, webhooksSuite, storeDaySuite, burstSuite, faultsSuite].filter((suite) => only.length === 0 || only.includes(suite.name));
const ran: SuiteResult[] = [];
for (const suite of suites) {
  console.log(`Running ${suite.name}...`);
  ran.push(await suite.run());
}
const results = assembleResults(ran, { date: new Date(), machine: describeMachine() });
const baselineFile = path.join(benchDir, 'baseline.json');
const baseline = existsSync(baselineFile) ? baselineSuites(JSON.parse(readFileSync(baselineFile, 'utf8'))) : undefined;
const comparison = compareWithBaseline(results.suites, baseline, tolerance);
const markdown = renderMarkdown(results, comparison.map(comparisonLine));
writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(benchDir, 'RESULTS.md'), markdown);
console.log(markdown);
if (!baseline) console.log('No baseline yet: copy bench/results.json to bench/baseline.json to set one.');
const regressions = comparison.filter((c) => c.regression).length;
if (regressions) console.log(`${regressions} figure(s) regressed beyond ${tolerance * 100}% against the baseline.`);
process.exit(0);
