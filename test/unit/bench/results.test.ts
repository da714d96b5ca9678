import { describe, expect, it } from 'vitest';
import { assembleResults, baselineSuites, compareWithBaseline, mergeWithEarlier, parseBenchArgs, type SuiteResult } from '../../../bench/results.ts';
import { renderMarkdown } from '../../../bench/report.ts';
import { costPer1000Orders, loadPrices } from '../../../bench/cost.ts';
import { usage } from './usage-fixture.ts';

const machine = { cpuModel: 'Test CPU', cores: 2, memoryGb: 4, node: 'v20.0.0', platform: 'linux/x64' };
const date = new Date('2026-12-03T08:00:00Z');

const coldStart: SuiteResult = {
  suite: 'cold-start',
  figures: [{ name: 'slowest import / bare node', value: 1.2, unit: '×', better: 'lower', comparable: true }],
  notes: ['n'],
  coldStart: [{ function: 'IngestReceive', bytes: 400_000, gzipBytes: 100_000, importRatio: 1.2 }],
};
const webhooks: SuiteResult = {
  suite: 'webhooks',
  figures: [{ name: 'accepted per second / bare server', value: 0.5, unit: 'ratio', better: 'higher', comparable: true }],
  notes: [],
  ingest: { deliveriesPerSecond: 500, p99AckMs: 40, bareDeliveriesPerSecond: 1000, ratio: 0.5 },
};
const storeDay: SuiteResult = {
  suite: 'store-day',
  figures: [{ name: 'reconciled', value: 1, unit: 'bool', better: 'higher', comparable: true }],
  notes: [],
  storeDay: { orders: 100, wallSeconds: 20, deliveriesPerSecond: 30, p50WebhookToMessageMs: 200, p99WebhookToMessageMs: 900, reconciled: true },
  costPer1000Orders: costPer1000Orders(usage(), 100, loadPrices()),
};

describe('results.json, assembled from the suites that ran', () => {
  it('holds the date, the machine and every section of the contract, each from the suite that measured it', () => {
    const results = assembleResults([coldStart, webhooks, storeDay], { date, machine });
    expect(results.date).toBe('2026-12-03T08:00:00.000Z');
    expect(results.machine).toEqual(machine);
    expect(results.coldStart).toEqual([{ function: 'IngestReceive', bytes: 400_000, gzipBytes: 100_000, importRatio: 1.2 }]);
    expect(results.ingest).toEqual({ deliveriesPerSecond: 500, p99AckMs: 40, bareDeliveriesPerSecond: 1000, ratio: 0.5 });
    expect(results.storeDay?.reconciled).toBe(true);
    expect(results.costPer1000Orders).toMatchObject({ totalUsd: expect.any(Number), withoutMessagesUsd: expect.any(Number), byService: expect.any(Object) });
  });

  it('keeps each suite’s figures and notes in `suites`, without repeating the sections', () => {
    const results = assembleResults([coldStart, webhooks], { date, machine });
    expect(results.suites).toEqual([
      { suite: 'cold-start', figures: coldStart.figures, notes: ['n'] },
      { suite: 'webhooks', figures: webhooks.figures, notes: [] },
    ]);
  });

  it('adds the cost as figures, comparing across runs only what does not depend on the machine', () => {
    const cost = assembleResults([storeDay], { date, machine }).suites.find((suite) => suite.suite === 'cost');
    const comparable = cost?.figures.filter((figure) => figure.comparable).map((figure) => figure.name);
    expect(comparable).toEqual(['apiGateway per 1,000 orders', 'eventBridge per 1,000 orders', 'scheduler per 1,000 orders', 'sqs per 1,000 orders', 'dynamodb per 1,000 orders']);
    expect(cost?.figures.find((figure) => figure.name === 'per 1,000 orders')?.value).toBeCloseTo(storeDay.costPer1000Orders!.totalUsd, 5);
  });

  it('leaves a section null when its suite did not run', () => {
    const results = assembleResults([coldStart], { date, machine });
    expect(results.storeDay).toBeNull();
    expect(results.costPer1000Orders).toBeNull();
    expect(results.ingest).toBeNull();
  });

  it('renders RESULTS.md with the machine, the date and the headline figures', () => {
    const markdown = renderMarkdown(assembleResults([coldStart, webhooks, storeDay], { date, machine }), ['ok webhooks/x: 1 -> 1 (0.0%)']);
    expect(markdown).toContain('2026-12-03T08:00:00.000Z on Test CPU (2 cores, 4 GB)');
    expect(markdown).toContain('| IngestReceive | 390.6 KB | 97.7 KB | 1.2× |');
    expect(markdown).toContain('## Cost per 1,000 orders');
    expect(markdown).toContain('reconciled: yes');
    expect(markdown).toContain('- ok webhooks/x');
  });
});

describe('the baseline comparison', () => {
  const current = assembleResults([coldStart, webhooks], { date, machine }).suites;

  it('reads a baseline in the current format and in the older bare array of suites', () => {
    expect(baselineSuites({ date: 'x', suites: current })).toEqual(current);
    expect(baselineSuites(current)).toEqual(current);
    expect(baselineSuites({ something: 'else' })).toBeUndefined();
  });

  it('compares ratios only and flags a change for the worse beyond the tolerance', () => {
    const before = [
      { suite: 'cold-start', figures: [{ name: 'slowest import / bare node', value: 1.0, unit: '×', better: 'lower' as const, comparable: true }], notes: [] },
      { suite: 'webhooks', figures: [{ name: 'accepted per second / bare server', value: 0.52, unit: 'ratio', better: 'higher' as const, comparable: true }], notes: [] },
    ];
    const comparison = compareWithBaseline(current, before, 0.15);
    expect(comparison.map((c) => [c.figure, c.regression])).toEqual([
      ['slowest import / bare node', true],
      ['accepted per second / bare server', false],
    ]);
  });

  it('skips figures that are not comparable across machines', () => {
    const absolute = [{ suite: 'webhooks', figures: [{ name: 'accepted per second', value: 10, unit: '/s', better: 'higher' as const, comparable: false }], notes: [] }];
    expect(compareWithBaseline(absolute, absolute)).toEqual([]);
  });
});

describe('npm run bench arguments', () => {
  it('takes suite names and ignores --orders and its value when filtering', () => {
    expect(parseBenchArgs(['store-day', '--orders', '200'])).toEqual({ only: ['store-day'], orders: 200 });
    expect(parseBenchArgs(['--orders=50'])).toEqual({ only: [], orders: 50 });
    expect(parseBenchArgs([])).toEqual({ only: [], orders: undefined });
  });

  it('reads every suite size and refuses an option it does not know', () => {
    expect(parseBenchArgs(['burst', '--deliveries', '10000', 'faults', '--fault-orders=30'])).toEqual({ only: ['burst', 'faults'], orders: undefined });
    expect(() => parseBenchArgs(['burst', '--deliveries', 'lots'])).toThrow(/--deliveries/);
    expect(() => parseBenchArgs(['--order', '5'])).toThrow(/--order: unknown option/);
  });

  it('refuses an --orders that is not a positive whole number, naming it', () => {
    expect(() => parseBenchArgs(['--orders', 'many'])).toThrow(/--orders/);
    expect(() => parseBenchArgs(['--orders', '0'])).toThrow(/--orders/);
  });
});

describe('a run of named suites', () => {
  const earlier = assembleResults([coldStart, webhooks, storeDay], { date, machine });
  const later = new Date('2026-12-04T08:00:00Z');

  it('replaces those suites and keeps the others from the earlier run, saying when they were measured', () => {
    const rerun: SuiteResult = { ...webhooks, figures: [{ ...webhooks.figures[0]!, value: 0.7 }], ingest: { ...webhooks.ingest!, ratio: 0.7 } };
    const merged = mergeWithEarlier(assembleResults([rerun], { date: later, machine }), earlier);
    expect(merged.date).toBe('2026-12-04T08:00:00.000Z');
    expect(merged.ingest?.ratio).toBe(0.7);
    expect(merged.coldStart).toEqual(earlier.coldStart);
    expect(merged.storeDay).toEqual(earlier.storeDay);
    expect(merged.costPer1000Orders).toEqual(earlier.costPer1000Orders);
    expect(merged.suites.map((suite) => [suite.suite, suite.measuredAt])).toEqual([
      ['webhooks', undefined],
      ['cold-start', '2026-12-03T08:00:00.000Z'],
      ['store-day', '2026-12-03T08:00:00.000Z'],
      ['cost', '2026-12-03T08:00:00.000Z'],
    ]);
    expect(renderMarkdown(merged, [])).toContain('Measured 2026-12-03T08:00:00.000Z, in an earlier run than the date above.');
  });

  it('carries nothing over from results written in the older bare-array format', () => {
    const merged = mergeWithEarlier(assembleResults([webhooks], { date: later, machine }), earlier.suites);
    expect(merged.suites.map((suite) => suite.suite)).toEqual(['webhooks']);
    expect(merged.coldStart).toBeNull();
  });

  it('keeps the date a carried suite was first measured through later runs', () => {
    const once = mergeWithEarlier(assembleResults([webhooks], { date: later, machine }), earlier);
    const twice = mergeWithEarlier(assembleResults([webhooks], { date: new Date('2026-12-05T08:00:00Z'), machine }), once);
    expect(twice.suites.find((suite) => suite.suite === 'cold-start')?.measuredAt).toBe('2026-12-03T08:00:00.000Z');
  });
});
