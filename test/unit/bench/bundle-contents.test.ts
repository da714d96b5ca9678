// What keeps function bundles small (issue 11): the import patterns that would bring a whole library
// or table into every bundle, checked in the sources, and their effect checked in a real bundle.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { esbuildFunctionOptions } from '../../../infra/constructs/bundling.ts';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function runtimeSources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

const sources = [...runtimeSources('functions'), ...runtimeSources('shared')].map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));

/** Bytes each input file puts in the bundle of `entry`, bundled as the CDK construct bundles it. */
async function bundledBytes(entry: string): Promise<Map<string, number>> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    ...esbuildFunctionOptions,
    write: false,
    metafile: true,
    outfile: 'index.mjs',
    logLevel: 'silent',
  });
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  return new Map(Object.entries(inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput]));
}

describe('function bundles', () => {
  it('bind zod as a namespace: `import { z }` makes the bundler keep all of zod, every locale included', () => {
    const offenders = sources.filter(({ text }) => /^import \{[^}]*\bz\b[^}]*\} from 'zod'/m.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('take a route from its area’s file, not from the table of every route', () => {
    const offenders = sources.filter(({ file, text }) => file.startsWith('functions') && /from '#shared\/api\/routes\.ts'/.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('leave zod’s locales and unused routes and events out', async () => {
    const journal = await bundledBytes('functions/ops/journal.ts');
    expect(journal.get('node_modules/zod/v4/locales/he.js') ?? 0).toBe(0);
    expect(journal.get('node_modules/zod/v4/classic/schemas.js')).toBeGreaterThan(0);

    const customerReturns = await bundledBytes('functions/returns/customer.ts');
    expect(customerReturns.get('shared/api/routes/returns.ts')).toBeGreaterThan(0);
    expect(customerReturns.get('shared/api/routes/campaigns.ts') ?? 0).toBe(0);
    expect(customerReturns.get('shared/events/catalogue.ts') ?? 0).toBe(0);
  }, 60_000);
});
