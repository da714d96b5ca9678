// How every function is bundled. The CDK's NodejsFunction bundling (app-function.ts) and the esbuild
// builds that measure bundles (bench/suites/cold-start.ts, test/unit/bench/bundle-contents.test.ts)
// share these, so what is measured is what is deployed. No CDK import: the bench loads it too.
export const functionBundleTarget = 'node24';
export const functionBundleMainFields = ['module', 'main'];
/** ESM output still meets CommonJS dependencies that call require() on Node built-ins. */
export const functionBundleBanner = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** The same bundling as esbuild build options. */
export const esbuildFunctionOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: functionBundleTarget,
  mainFields: functionBundleMainFields,
  minify: true,
  banner: { js: functionBundleBanner },
} as const;
