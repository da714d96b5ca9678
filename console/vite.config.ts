// Builds the ops console into console/dist: static files with relative URLs, so the same build is
// served at /console/ by the local stack and at the root of the CloudFront distribution.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  logLevel: 'warn',
});
