// Synthesizes the CDK app with the project's own CLI, reusing cdk.out when nothing it is built
// from has changed since the last synth.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CfnTemplate } from './model.ts';

/** What a synth depends on: the CDK app, the handlers it bundles, their shared code, the lockfile. */
const inputs = ['infra', 'functions', 'shared', 'package-lock.json', 'cdk.json', 'tsconfig.json'];
const excluded = new Set(['node_modules', 'local', 'cdk.out', '.local']);

function listFiles(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full)
    .filter((name) => !excluded.has(name))
    .flatMap((name) => listFiles(root, path.join(entry, name)));
}

export function sourceHash(projectRoot: string): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((entry) => listFiles(projectRoot, entry)).sort()) {
    hash.update(file).update('\0').update(readFileSync(path.join(projectRoot, file))).update('\0');
  }
  return hash.digest('hex');
}

export interface SynthResult {
  assemblyDir: string;
  stackName: string;
  template: CfnTemplate;
  reused: boolean;
  seconds: number;
}

export class SynthError extends Error {}

function readAssembly(assemblyDir: string): { stackName: string; template: CfnTemplate } {
  const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'));
  const stacks = Object.entries(manifest.artifacts as Record<string, any>).filter(
    ([, artifact]) => artifact.type === 'aws:cloudformation:stack',
  );
  if (stacks.length !== 1) throw new SynthError(`Expected one stack in ${assemblyDir}, found ${stacks.length}`);
  const [stackName, artifact] = stacks[0]!;
  const template = JSON.parse(readFileSync(path.join(assemblyDir, artifact.properties.templateFile), 'utf8'));
  return { stackName, template };
}

function runCdkSynth(projectRoot: string, assemblyDir: string): Promise<void> {
  const cli = path.join(projectRoot, 'node_modules', '.bin', 'cdk');
  return new Promise((resolve, reject) => {
    const child = spawn(cli, ['synth', '--no-notices', '--quiet', '--output', assemblyDir], {
      cwd: projectRoot,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new SynthError(`Could not run the CDK CLI (${cli}): ${error.message}. Did you run npm install?`)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new SynthError(`cdk synth failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}

/** Synthesizes unless `cdk.out` was built from the current sources. */
export async function synthesize(projectRoot: string, options: { force?: boolean } = {}): Promise<SynthResult> {
  const started = performance.now();
  const assemblyDir = path.join(projectRoot, 'cdk.out');
  const hashFile = path.join(assemblyDir, '.local-source-hash');
  const hash = sourceHash(projectRoot);
  const reused = !options.force && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash;
  if (!reused) {
    await runCdkSynth(projectRoot, assemblyDir);
    writeFileSync(hashFile, hash);
  }
  return { assemblyDir, ...readAssembly(assemblyDir), reused, seconds: (performance.now() - started) / 1000 };
}
