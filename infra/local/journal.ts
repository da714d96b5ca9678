// An append-only journal of JSON records under the persist directory: what the local stand-ins
// accept (queued messages, bus events, schedule firings) is written here before they answer, so
// a hard kill of the stack loses nothing that AWS would have kept. Without a file it does nothing
// (in-memory mode).
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Replaces `file` whole or not at all: a kill mid-write leaves the previous version. */
export function writeFileAtomic(file: string, contents: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

export class Journal<Entry> {
  constructor(private readonly file?: string) {}

  get enabled(): boolean {
    return this.file !== undefined;
  }

  /** Written synchronously: once this returns, a SIGKILL does not lose the entry. */
  append(entry: Entry): void {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  /** Every entry written so far; a line torn by a kill mid-write is the last one, and is skipped. */
  read(): Entry[] {
    if (!this.file || !existsSync(this.file)) return [];
    const entries: Entry[] = [];
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as Entry);
      } catch {
        // The torn tail of a write cut short by a kill.
      }
    }
    return entries;
  }

  /** Replaces the journal with `entries` (what is still live), atomically. */
  rewrite(entries: readonly Entry[]): void {
    if (!this.file) return;
    writeFileAtomic(this.file, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  }
}
