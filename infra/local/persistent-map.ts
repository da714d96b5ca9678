import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** A string map saved to a JSON file on every change (when a file is given), for local state that must survive restarts. */
export class PersistentMap extends Map<string, string> {
  constructor(private readonly file?: string) {
    super(file && existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : []);
  }

  override set(key: string, value: string): this {
    super.set(key, value);
    // Called by the base constructor before `file` is assigned.
    if (this.file) writeFileSync(this.file, JSON.stringify(Object.fromEntries(this)));
    return this;
  }
}
