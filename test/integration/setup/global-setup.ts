// Starts the local stack once, in memory, for every integration test; tests reach it only through
// its HTTP and AWS endpoints.
import '../../../infra/local/quiet-warnings.ts';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack, type LocalEndpoints } from '../../../infra/local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: LocalEndpoints;
    clientEnvironment: Record<string, string>;
    /** Physical names of template resources by logical id, for assertions. */
    resourceNames: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const projectRoot = path.resolve(import.meta.dirname, '../../..');
  const logFile = path.join(projectRoot, '.local', `${project.name}-stack.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, '');
  const stack = await startLocalStack({
    projectRoot,
    port: 0,
    persist: false,
    log: (line) => appendFileSync(logFile, `${line}\n`),
  });
  const { model } = stack;
  const resourceNames = Object.fromEntries(
    [...model.tables, ...model.queues, ...model.functions, ...model.buses, ...model.rules].map((resource) => [resource.logicalId, resource.name]),
  );
  project.provide('endpoints', stack.endpoints);
  project.provide('clientEnvironment', stack.clientEnvironment);
  project.provide('resourceNames', resourceNames);
  return () => stack.stop();
}
