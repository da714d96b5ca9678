// The ops console at `/console/` on the local stack: the static build in console/dist, rebuilt with
// Vite when its sources changed (a hash of them is kept beside the build), and a `config.json` that
// points the console at this stack and its local issuer.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { demoShops } from '../../shared/shops/config.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const consoleDir = path.join(projectRoot, 'console');
const distDir = path.join(consoleDir, 'dist');
const HASH_FILE = '.source-hash';
/** What the build depends on besides console/src: the typed client it calls through. */
const extraSources = ['console/index.html', 'console/vite.config.ts', 'shared/api/client.ts', 'shared/api/client-types.ts'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** A hash of every source of the build, so a checkout that changes nothing reuses the build. */
export function consoleSourceHash(): string {
  const hash = createHash('sha256');
  const files = [...filesUnder(path.join(consoleDir, 'src')), ...extraSources.map((file) => path.join(projectRoot, file))].sort();
  for (const file of files) hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function builtHash(): string | undefined {
  const file = path.join(distDir, HASH_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

async function build(sourceHash: string): Promise<void> {
  // Built beside dist and swapped in, so two stacks starting together never serve a half-written build.
  const outDir = path.join(consoleDir, `.build-${process.pid}-${Date.now()}`);
  try {
    const { build: viteBuild } = await import('vite');
    await viteBuild({ configFile: path.join(consoleDir, 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
    writeFileSync(path.join(outDir, HASH_FILE), sourceHash);
    if (builtHash() === sourceHash) return;
    rmSync(distDir, { recursive: true, force: true });
    try {
      renameSync(outDir, distDir);
    } catch (error) {
      // Another stack swapped its identical build in first.
      if (builtHash() !== sourceHash) throw error;
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

let prepared: Promise<void> | undefined;

/** Builds the console unless console/dist is the build of the current sources; once per process. */
export function prepareConsole(): Promise<void> {
  prepared ??= (async () => {
    const sourceHash = consoleSourceHash();
    if (builtHash() !== sourceHash) await build(sourceHash);
  })().catch((error: unknown) => {
    prepared = undefined; // The next request tries again (after the sources are fixed).
    throw error;
  });
  return prepared;
}

function localConfig() {
  return {
    // Empty: the origin that served the console (this front door).
    apiUrl: '',
    shops: demoShops('unused').shops.map((shop) => shop.shopId),
    auth: { kind: 'local', tokenUrl: '/_local/token' },
  };
}

/** Answers `/console` and everything under it; false for any other path. */
export async function handleConsole(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname !== '/console' && !url.pathname.startsWith('/console/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  if (url.pathname === '/console') {
    res.writeHead(301, { location: `/console/${url.search}` }).end();
    return true;
  }
  if (url.pathname === '/console/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(localConfig()));
    return true;
  }
  await prepareConsole();
  const relative = decodeURIComponent(url.pathname.slice('/console/'.length)) || 'index.html';
  const file = path.resolve(distDir, relative);
  if (!file.startsWith(distDir + path.sep) || path.basename(file) === HASH_FILE || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    return true;
  }
  const hashed = relative.startsWith('assets/');
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    // File names under assets/ carry a content hash; index.html must be revalidated.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  return true;
}
