// The shape of bench/results.json (issue 11's contract) and its assembly from the suites' results;
// the comparison with the committed baseline, which compares ratios only and reads both this format
// and the older bare array of suites.
import os from 'node:os';
import type { CostPer1000Orders } from './cost.ts';

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

export interface ColdStartEntry {
  function: string;
  bytes: number;
  gzipBytes: number;
  /** Import time over a bare Node start, same machine, same run. */
  importRatio: number;
  /** The package contributing most bytes to the bundle (`project` for our own code), from esbuild's metafile. */
  topDependency?: string;
  /** Under both targets: gzipped size and import ratio. */
  meetsTargets?: boolean;
}

export interface StoreDayFigures {
  orders: number;
  wallSeconds: number;
  deliveriesPerSecond: number;
  p50WebhookToMessageMs: number;
  p99WebhookToMessageMs: number;
  /** True only when every expected effect exists exactly once. */
  reconciled: boolean;
}

export interface IngestFigures {
  deliveriesPerSecond: number;
  p99AckMs: number;
  bareDeliveriesPerSecond: number;
  ratio: number;
}

/** The parts of results.json a suite contributes, beside its figures and notes. */
export interface ContractSections {
  coldStart?: ColdStartEntry[];
  storeDay?: StoreDayFigures;
  costPer1000Orders?: CostPer1000Orders;
  ingest?: IngestFigures;
}

export interface SuiteResult extends ContractSections {
  suite: string;
  figures: Figure[];
  notes: string[];
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  coldStart: ColdStartEntry[] | null;
  storeDay: StoreDayFigures | null;
  costPer1000Orders: CostPer1000Orders | null;
  ingest: IngestFigures | null;
  /** Every suite's figures and notes: RESULTS.md and the baseline comparison read them. */
  suites: SuiteSummary[];
}

export interface SuiteSummary {
  suite: string;
  figures: Figure[];
  notes: string[];
  /** Set on a suite carried over from an earlier run (a run of named suites keeps the others): when it was measured. */
  measuredAt?: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
  };
}

/**
 * The cost as figures, so the baseline comparison sees it. What the requests cost depends only on the
 * day replayed, not on the machine, so those services compare; Lambda's share follows the measured
 * durations and the total with it, so they are shown only.
 */
export function costFigures(cost: CostPer1000Orders): Figure[] {
  const usd = (value: number) => Math.round(value * 1e6) / 1e6;
  const machineFree = ['apiGateway', 'eventBridge', 'scheduler', 'sqs', 'dynamodb'] as const;
  return [
    { name: 'per 1,000 orders', value: usd(cost.totalUsd), unit: 'USD', better: 'lower', comparable: false },
    { name: 'per 1,000 orders without message fees', value: usd(cost.withoutMessagesUsd), unit: 'USD', better: 'lower', comparable: false },
    { name: 'without message fees / the design minimum', value: cost.overMinimum, unit: '×', better: 'lower', comparable: false },
    ...machineFree.map((service) => ({ name: `${service} per 1,000 orders`, value: usd(cost.byService[service]), unit: 'USD', better: 'lower' as const, comparable: true })),
    { name: 'lambda per 1,000 orders', value: usd(cost.byService.lambda), unit: 'USD', better: 'lower', comparable: false },
  ];
}

/** results.json from the suites that ran; a section whose suite did not run is null. */
export function assembleResults(suites: SuiteResult[], context: { date: Date; machine: Machine }): BenchResults {
  const section = <K extends keyof ContractSections>(key: K): NonNullable<ContractSections[K]> | null => {
    const found = suites.find((suite) => suite[key] !== undefined);
    return (found?.[key] ?? null) as NonNullable<ContractSections[K]> | null;
  };
  const cost = section('costPer1000Orders');
  const summaries = suites.map(({ suite, figures, notes }) => ({ suite, figures, notes }));
  if (cost) summaries.push({ suite: 'cost', figures: costFigures(cost), notes: [...cost.assumptions, ...cost.minimum.assumptions.map((note) => `Minimum: ${note}`)] });
  return {
    date: context.date.toISOString(),
    machine: context.machine,
    coldStart: section('coldStart'),
    storeDay: section('storeDay'),
    costPer1000Orders: section('costPer1000Orders'),
    ingest: section('ingest'),
    suites: summaries,
  };
}

/**
 * A run of named suites (`npm run bench -- burst`) replaces theirs in the earlier results and keeps
 * the rest, each marked with when it was measured, so one long variant can be measured on its own.
 */
export function mergeWithEarlier(results: BenchResults, earlier: unknown): BenchResults {
  // Results written before this format (a bare array of suites) are not carried over.
  if (!isBenchResults(earlier)) return results;
  const ran = new Set(results.suites.map((suite) => suite.suite));
  const carried = earlier.suites.filter((suite) => !ran.has(suite.suite)).map((suite) => ({ ...suite, measuredAt: suite.measuredAt ?? earlier.date }));
  return {
    ...results,
    coldStart: results.coldStart ?? earlier.coldStart,
    storeDay: results.storeDay ?? earlier.storeDay,
    costPer1000Orders: results.costPer1000Orders ?? earlier.costPer1000Orders,
    ingest: results.ingest ?? earlier.ingest,
    suites: [...results.suites, ...carried],
  };
}

function isBenchResults(value: unknown): value is BenchResults {
  return !!value && typeof value === 'object' && typeof (value as BenchResults).date === 'string' && Array.isArray((value as BenchResults).suites);
}

/** The value of a size flag (`--orders 500` or `--orders=500`), a positive whole number, or undefined when absent. */
export function sizeFromArgv(argv: readonly string[], flag: string): number | undefined {
  const at = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (at < 0) return undefined;
  const raw = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) throw new Error(`${flag}: expected a positive whole number, got ${raw}`);
  return size;
}

/** Flags that set a suite's size: `--orders` the store day, `--deliveries` the burst, `--fault-orders` the day under faults. */
export const sizeFlags = ['--orders', '--deliveries', '--fault-orders'] as const;

/** The baseline's suites: results.json as committed now, or the older bare array of suites. */
export function baselineSuites(parsed: unknown): BenchResults['suites'] | undefined {
  if (Array.isArray(parsed)) return parsed as BenchResults['suites'];
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as BenchResults).suites)) return (parsed as BenchResults).suites;
  return undefined;
}

export interface Comparison {
  suite: string;
  figure: string;
  before: number;
  after: number;
  change: number;
  regression: boolean;
}

/** Each comparable figure (a ratio) against the baseline; a change for the worse beyond `tolerance` is a regression. */
export function compareWithBaseline(results: BenchResults['suites'], baseline: BenchResults['suites'] | undefined, tolerance = 0.15): Comparison[] {
  const previous = new Map((baseline ?? []).flatMap((suite) => suite.figures.map((figure) => [`${suite.suite}/${figure.name}`, figure] as const)));
  const comparisons: Comparison[] = [];
  for (const suite of results) {
    for (const figure of suite.figures) {
      const before = previous.get(`${suite.suite}/${figure.name}`);
      if (!before || !figure.comparable || before.value === 0) continue;
      const change = (figure.value - before.value) / Math.abs(before.value);
      const regression = figure.better === 'higher' ? change < -tolerance : change > tolerance;
      comparisons.push({ suite: suite.suite, figure: figure.name, before: before.value, after: figure.value, change, regression });
    }
  }
  return comparisons;
}

export const comparisonLine = (c: Comparison) => `${c.regression ? 'REGRESSION' : 'ok'} ${c.suite}/${c.figure}: ${c.before} -> ${c.after} (${(c.change * 100).toFixed(1)}%)`;

/** `npm run bench -- [suite ...] [--orders N] [--deliveries N] [--fault-orders N]`: the suites to run (none named: all) and their sizes. */
export function parseBenchArgs(argv: readonly string[]): { only: string[]; orders?: number } {
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const flag = sizeFlags.find((candidate) => arg === candidate || arg.startsWith(`${candidate}=`));
    if (flag) {
      sizeFromArgv(argv.slice(i), flag);
      if (!arg.includes('=')) i++;
    } else if (arg === '--drain') continue; // the burst suite's, read by bench/suites/burst.ts
    else if (arg.startsWith('--')) throw new Error(`${arg}: unknown option; the options are ${sizeFlags.join(', ')}`);
    else only.push(arg);
  }
  return { only, orders: sizeFromArgv(argv, '--orders') };
}
