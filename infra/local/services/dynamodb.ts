// DynamoDB Local (AWS's own emulator jar, shipped in amplify-dynamodb-simulator) on the machine's
// Java, with the template's tables created in it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { LocalTable } from '../template/model.ts';

export class JavaMissingError extends Error {}

export interface DynamoDbLocal {
  url: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

function checkJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new JavaMissingError(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found on PATH. ' +
        'Install it (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17) and run npm start again.',
    );
  }
}

async function waitUntilReady(client: DynamoDBClient, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`DynamoDB Local did not answer within 60 s:\n${output()}`);
}

/**
 * A stack killed hard leaves its DynamoDB Local running on the data directory; two on one database
 * would corrupt it. Stops the one the pid file names, if it is still that DynamoDB Local.
 */
async function stopOrphan(pidFile: string, dataDir: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  const command = Number.isInteger(pid) && pid > 0 ? spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).stdout ?? '' : '';
  if (!command.includes('DynamoDBLocal.jar') || !command.includes(dataDir)) return;
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startDynamoDbLocal(options: {
  port: number;
  projectRoot: string;
  /** Directory for persistent data; in memory when undefined. */
  dataDir?: string;
  workDir: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
}): Promise<DynamoDbLocal> {
  checkJava();
  const jarDir = path.join(options.projectRoot, 'node_modules', 'amplify-dynamodb-simulator', 'emulator');
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  const pidFile = options.dataDir ? path.join(options.dataDir, 'dynamodb-local.pid') : undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    await stopOrphan(pidFile!, options.dataDir);
  }
  const child = spawn(
    'java',
    [`-Djava.library.path=${path.join(jarDir, 'DynamoDBLocal_lib')}`, '-jar', path.join(jarDir, 'DynamoDBLocal.jar'), '-port', String(options.port), '-sharedDb', '-disableTelemetry', ...storage],
    // DynamoDB Local writes a metadata file into its working directory: keep it out of the repo.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.workDir },
  );
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({ endpoint: url, region: options.region, credentials: options.credentials });
  try {
    await waitUntilReady(client, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    client,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function createTableInput(table: LocalTable): CreateTableCommandInput {
  return {
    TableName: table.name,
    KeySchema: table.keySchema as CreateTableCommandInput['KeySchema'],
    AttributeDefinitions: table.attributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: table.globalSecondaryIndexes.length
      ? (table.globalSecondaryIndexes.map((index) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection ?? { ProjectionType: 'ALL' } })) as CreateTableCommandInput['GlobalSecondaryIndexes'])
      : undefined,
    LocalSecondaryIndexes: table.localSecondaryIndexes.length
      ? (table.localSecondaryIndexes.map((index) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection ?? { ProjectionType: 'ALL' } })) as CreateTableCommandInput['LocalSecondaryIndexes'])
      : undefined,
    StreamSpecification: table.streamViewType ? { StreamEnabled: true, StreamViewType: table.streamViewType as 'NEW_AND_OLD_IMAGES' } : undefined,
  };
}

/** Creates the template's tables, or brings persisted ones up to date (new indexes, TTL). */
export async function ensureTables(client: DynamoDBClient, tables: LocalTable[]): Promise<void> {
  for (const table of tables) {
    const existing = await client.send(new DescribeTableCommand({ TableName: table.name })).catch((error) => {
      if (error.name === 'ResourceNotFoundException') return undefined;
      throw error;
    });
    if (!existing) {
      await client.send(new CreateTableCommand(createTableInput(table)));
    } else {
      const present = new Set((existing.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
      for (const index of table.globalSecondaryIndexes.filter((candidate) => !present.has(candidate.IndexName))) {
        await client.send(
          new UpdateTableCommand({
            TableName: table.name,
            AttributeDefinitions: table.attributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
            GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema as CreateTableCommandInput['KeySchema'], Projection: (index.Projection ?? { ProjectionType: 'ALL' }) as { ProjectionType: 'ALL' } } }],
          }),
        );
      }
    }
    if (table.ttlAttribute) {
      await client
        .send(new UpdateTimeToLiveCommand({ TableName: table.name, TimeToLiveSpecification: { Enabled: true, AttributeName: table.ttlAttribute } }))
        .catch((error) => {
          // Persisted tables already have it; DynamoDB refuses to set the same TTL twice.
          if (error.name !== 'ValidationException') throw error;
        });
    }
  }
}
