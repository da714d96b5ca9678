import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './journal.ts';

/** A string map saved to a JSON file on every change (when a file is given), for local state that must survive restarts. */
export class PersistentMap extends Map<string, string> {
  constructor(private readonly file?: string) {
    super(file && existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : []);
  }

  override set(key: string, value: string): this {
    super.set(key, value);
    // Called by the base constructor before `file` is assigned.
    // Whole or not at all: a hard kill mid-write must not leave a torn file that fails the next start.
    if (this.file) writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this)));
    return this;
  }
}
