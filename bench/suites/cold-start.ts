// Cold start of every function in the synthesized template: its bundle's size (bytes and gzipped),
// the dependency that dominates it (from esbuild's metafile next to the bundle), and the time to
// import it in a fresh Node process, as a ratio to a bare `node -e ''` started the same way in the
// same run. NODE_EXTRA_CA_CERTS is dropped for both: it adds the same ~50 ms to every start here and
// Lambda has no such file to read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildFunctionOptions } from '../../infra/constructs/bundling.ts';
import { buildLocalModel, type LocalFunction } from '../../infra/local/template/model.ts';
import { synthesize } from '../../infra/local/template/synth.ts';
import type { Figure, SuiteResult } from '../run.ts';

const runs = 9;
const gzipTargetBytes = 250 * 1024;
const importTargetRatio = 1.5;

function startMs(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${child.stderr.toString().slice(0, 500)}`);
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Median start times of `args` and of the reference, started alternately `runs` times after one
 * warm-up each: a machine that gets busier slows both alike, so their ratio holds.
 */
function pairedStartMs(args: string[], reference: string[], env: NodeJS.ProcessEnv): { ms: number; referenceMs: number } {
  const times: number[] = [];
  const referenceTimes: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const ref = startMs(reference, env);
    const own = startMs(args, env);
    if (i > 0) (referenceTimes.push(ref), times.push(own));
  }
  return { ms: median(times), referenceMs: median(referenceTimes) };
}

/** The package an esbuild input path belongs to (`node_modules/@scope/name/...` → `@scope/name`), or `project`. */
export function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return 'project';
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Bytes each package contributes to the bundle, largest first, from esbuild's metafile. */
export function contributions(metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> }): Array<[string, number]> {
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * What every function imports whatever its own code: the DynamoDB document client (bundled, as the
 * functions bundle it), Powertools' logger and metrics, middy and one zod schema. Its import ratio is
 * the floor the functions' ratios cannot go below without leaving the SDK out of the bundle.
 */
const floorSource = `
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
export const schema = z.object({ id: z.string() });
export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = middy(async () => {}).before(() => void [new Logger(), new Metrics()]);
`;

export async function bundleFloor(projectRoot: string, outfile: string): Promise<void> {
  await build({
    stdin: { contents: floorSource, resolveDir: projectRoot, loader: 'ts' },
    absWorkingDir: projectRoot,
    outfile,
    ...esbuildFunctionOptions,
    logLevel: 'error',
  });
}

const importArgs = (modulePath: string) => ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(modulePath).href)})`];

interface Measured {
  fn: LocalFunction;
  bytes: number;
  gzipBytes: number;
  importMs: number;
  bareMs: number;
  dominant: Array<[string, number]>;
}

function measure(fn: LocalFunction, baseEnv: NodeJS.ProcessEnv, bare: string[]): Measured {
  const bundle = readFileSync(fn.modulePath);
  const metafilePath = path.join(path.dirname(fn.modulePath), 'index.meta.json');
  const dominant = existsSync(metafilePath) ? contributions(JSON.parse(readFileSync(metafilePath, 'utf8'))).slice(0, 3) : [];
  // The function's own environment, as the local stack resolves it: handlers read it at import.
  const env = { ...baseEnv, ...fn.environment };
  const { ms: importMs, referenceMs: bareMs } = pairedStartMs(importArgs(fn.modulePath), bare, env);
  return { fn, bytes: bundle.length, gzipBytes: gzipSync(bundle, { level: 9 }).length, importMs, bareMs, dominant };
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

export const coldStartSuite = {
  name: 'cold-start',
  async run(): Promise<SuiteResult> {
    const projectRoot = path.resolve(import.meta.dirname, '../..');
    const synth = await synthesize(projectRoot);
    const model = buildLocalModel(synth.template, {
      stackName: synth.stackName,
      region: 'us-east-1',
      accountId: '000000000000',
      assemblyDir: synth.assemblyDir,
      queueUrl: (name) => `http://127.0.0.1:1/000000000000/${name}`,
      apiUrl: 'http://127.0.0.1:1',
    });
    const { NODE_EXTRA_CA_CERTS: _ignored, ...inherited } = process.env;
    const baseEnv: NodeJS.ProcessEnv = { ...inherited, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench' };
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'bench-empty-'));
    const emptyModule = path.join(emptyDir, 'empty.mjs');
    writeFileSync(emptyModule, '');
    const floorModule = path.join(emptyDir, 'floor.mjs');
    let measured: Measured[];
    let floor: { ms: number; referenceMs: number };
    try {
      measured = model.functions.map((fn) => measure(fn, baseEnv, importArgs(emptyModule))).sort((a, b) => b.gzipBytes - a.gzipBytes);
      await bundleFloor(projectRoot, floorModule);
      floor = pairedStartMs(importArgs(floorModule), importArgs(emptyModule), baseEnv);
    } finally {
      rmSync(emptyDir, { recursive: true });
    }
    const bareMs = median(measured.map((m) => m.bareMs));

    const figures: Figure[] = [];
    const worstGzip = measured[0]!;
    const ratio = (m: Measured) => Math.round((m.importMs / m.bareMs) * 100) / 100;
    const worstImport = measured.reduce((worst, m) => (ratio(m) > ratio(worst) ? m : worst));
    figures.push(
      { name: 'largest bundle gzipped', value: kb(worstGzip.gzipBytes), unit: 'KB', better: 'lower', comparable: true, target: `< ${gzipTargetBytes / 1024} KB` },
      { name: 'slowest import / bare node', value: ratio(worstImport), unit: '×', better: 'lower', comparable: true, target: `< ${importTargetRatio}×` },
      { name: 'median import / bare node', value: median(measured.map(ratio)), unit: '×', better: 'lower', comparable: true },
      { name: 'SDK floor import / bare node', value: Math.round((floor.ms / floor.referenceMs) * 100) / 100, unit: '×', better: 'lower', comparable: true },
      { name: 'bare node start', value: Math.round(bareMs * 10) / 10, unit: 'ms', better: 'lower', comparable: false },
      { name: 'functions', value: measured.length, unit: '', better: 'lower', comparable: false },
    );
    for (const m of measured) {
      figures.push({ name: `${m.fn.logicalId} gzipped`, value: kb(m.gzipBytes), unit: 'KB', better: 'lower', comparable: true });
      figures.push({ name: `${m.fn.logicalId} import / bare node`, value: ratio(m), unit: '×', better: 'lower', comparable: true });
    }
    const overGzip = (m: Measured) => m.gzipBytes >= gzipTargetBytes;
    const overImport = (m: Measured) => ratio(m) >= importTargetRatio;
    const verdict = (m: Measured) =>
      !overGzip(m) && !overImport(m) ? 'meets both targets' : `over target: ${[overGzip(m) && 'gzipped size', overImport(m) && 'import'].filter(Boolean).join(' and ')}`;
    const over = measured.filter((m) => overGzip(m) || overImport(m));
    const notes = [
      `${measured.length} functions; import = median of ${runs} fresh \`node -e "await import(bundle)"\` starts with the function's environment, each alternated with a start importing an empty module (${Math.round(bareMs)} ms here).`,
      `SDK floor: a bundle of only the DynamoDB document client, Powertools logger and metrics, middy and one zod schema imports in ${Math.round((floor.ms / floor.referenceMs) * 100) / 100}× bare Node; no function that bundles the SDK (we pin its version) can import faster.`,
      over.length ? `Over target: ${over.map((m) => m.fn.logicalId).join(', ')}.` : `Every bundle is under ${gzipTargetBytes / 1024} KB gzipped and imports in under ${importTargetRatio}× bare Node.`,
      ...measured.map(
        (m) =>
          `${m.fn.logicalId}: ${kb(m.bytes)} KB (${kb(m.gzipBytes)} KB gzipped), import ${ratio(m)}×, ${verdict(m)}; top dependency ${m.dominant[0]?.[0] ?? 'unknown'}; largest parts ${m.dominant.map(([name, bytes]) => `${name} ${kb(bytes)} KB`).join(', ')}`,
      ),
    ];
    const coldStart = measured.map((m) => ({
      function: m.fn.logicalId,
      bytes: m.bytes,
      gzipBytes: m.gzipBytes,
      importRatio: ratio(m),
      topDependency: m.dominant[0]?.[0],
      meetsTargets: !overGzip(m) && !overImport(m),
    }));
    return { suite: 'cold-start', figures, notes, coldStart };
  },
};
