/** A gate a poller passes before each batch: closed by `pause`, opened again by `resume`. */
export class Gate {
  private closed?: { opened: Promise<void>; open(): void };

  pause(): void {
    if (this.closed) return;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.closed = { opened, open };
  }

  resume(): void {
    this.closed?.open();
    this.closed = undefined;
  }

  /** Resolves at once when open, else when resumed. */
  async pass(): Promise<void> {
    if (this.closed) await this.closed.opened;
  }
}
