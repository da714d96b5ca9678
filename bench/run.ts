// `npm run bench`: runs every benchmark suite on this machine, writes bench/results.json (the
// contract of issue 11, see bench/results.ts) and bench/RESULTS.md, and compares each ratio with the
// committed baseline (bench/baseline.json). Figures that depend on the machine are ratios against a
// reference measured in the same run.
// `npm run bench -- burst` runs the named suites only and keeps the other suites' earlier figures;
// `--orders N` sets the store day's size, `--deliveries N` the burst's, `--fault-orders N` the day under faults.
import '../infra/local/quiet-warnings.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assembleResults, baselineSuites, compareWithBaseline, comparisonLine, describeMachine, mergeWithEarlier, parseBenchArgs } from './results.ts';
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
const allSuites = [coldStartSuite, webhooksSuite, storeDaySuite, burstSuite, faultsSuite];
const unknown = only.filter((name) => !allSuites.some((suite) => suite.name === name));
if (unknown.length) {
  console.error(`No suite named ${unknown.join(', ')}; the suites are ${allSuites.map((suite) => suite.name).join(', ')}`);
  process.exit(2);
}
const suites = allSuites.filter((suite) => only.length === 0 || only.includes(suite.name));
const started = performance.now();
const ran: SuiteResult[] = [];
for (const suite of suites) {
  console.log(`Running ${suite.name}...`);
  const suiteStarted = performance.now();
  ran.push(await suite.run());
  console.log(`${suite.name} took ${Math.round((performance.now() - suiteStarted) / 1000)} s.`);
}
const resultsFile = path.join(benchDir, 'results.json');
// Named suites replace theirs in the earlier results and keep the others (each says when it was measured).
const earlier: unknown = only.length && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
const results = mergeWithEarlier(assembleResults(ran, { date: new Date(), machine: describeMachine() }), earlier);
const baselineFile = path.join(benchDir, 'baseline.json');
const baseline = existsSync(baselineFile) ? baselineSuites(JSON.parse(readFileSync(baselineFile, 'utf8'))) : undefined;
const comparison = compareWithBaseline(results.suites, baseline, tolerance);
const markdown = renderMarkdown(results, comparison.map(comparisonLine));
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(benchDir, 'RESULTS.md'), markdown);
console.log(markdown);
console.log(`The bench took ${Math.round((performance.now() - started) / 1000)} s.`);
if (!baseline) console.log('No baseline yet: copy bench/results.json to bench/baseline.json to set one.');
const regressions = comparison.filter((c) => c.regression).length;
if (regressions) console.log(`${regressions} figure(s) regressed beyond ${tolerance * 100}% against the baseline.`);
process.exit(0);
