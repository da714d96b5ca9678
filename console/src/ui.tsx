// Small building blocks shared by the screens: notices, cursor paging, reason forms.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { formatTime } from './api.ts';

export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ComponentChildren }) {
  return (
    <p class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

export interface PageState<T> {
  items: T[];
  loading: boolean;
  error?: string;
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next(): void;
  previous(): void;
  reload(): void;
}

/**
 * Cursor paging: `load(cursor)` reads one page; the cursors of the pages already seen are kept so
 * "Previous" goes back without the API needing a backwards cursor. `key` resets to the first page.
 */
export function useCursorPages<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>, key: string): PageState<T> {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // A new filter (key) starts again from the first page; the first render already is there.
  const keyRef = useRef(key);
  useEffect(() => {
    if (keyRef.current === key) return;
    keyRef.current = key;
    setCursors([undefined]);
  }, [key]);
  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    loadRef.current(cursor).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: Error) => {
        if (!current) return;
        setError(failure.message);
        setItems([]);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [cursors, generation]);

  return {
    items,
    loading,
    error,
    pageNumber: cursors.length,
    hasNext: Boolean(nextCursor),
    hasPrevious: cursors.length > 1,
    next: () => nextCursor && setCursors([...cursors, nextCursor]),
    previous: () => cursors.length > 1 && setCursors(cursors.slice(0, -1)),
    reload: useCallback(() => setGeneration((value) => value + 1), []),
  };
}

export function Pager({ page, label }: { page: PageState<unknown>; label: string }) {
  return (
    <nav class="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={page.previous} disabled={!page.hasPrevious || page.loading}>
        ← Previous
      </button>
      <span aria-live="polite">Page {page.pageNumber}</span>
      <button type="button" onClick={page.next} disabled={!page.hasNext || page.loading}>
        Next →
      </button>
    </nav>
  );
}

export function ListStatus({ page, empty }: { page: PageState<unknown>; empty: string }) {
  if (page.error) return <Notice kind="error">{page.error}</Notice>;
  if (page.loading) return <p aria-busy="true">Loading…</p>;
  if (page.items.length === 0) return <p>{empty}</p>;
  return null;
}

let fieldIds = 0;
export const useFieldId = (prefix: string) => useRef(`${prefix}-${++fieldIds}`).current;

/**
 * An action that needs (or may take) a reason: a button that opens a small form; submitting calls
 * `onSubmit` with the reason and shows what the API answered.
 */
export function ReasonAction(props: {
  label: string;
  reasonLabel: string;
  required: boolean;
  minLength?: number;
  onSubmit(reason: string): Promise<string | undefined>;
  children?: ComponentChildren;
  danger?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const id = useFieldId('reason');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" class={props.danger ? 'danger' : 'primary'} onClick={() => setOpen(true)}>
        {props.label}
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const failure = await props.onSubmit(reason.trim());
    setBusy(false);
    if (failure) setError(failure);
    else setOpen(false);
  };
  return (
    <form class="reason-form" onSubmit={submit} aria-label={props.label}>
      {props.children}
      <label for={id}>{props.reasonLabel}</label>
      <textarea id={id} ref={inputRef} value={reason} onInput={(event) => setReason(event.currentTarget.value)} required={props.required} minLength={props.minLength} maxLength={500} rows={2} />
      {error && <Notice kind="error">{error}</Notice>}
      <div class="actions">
        <button type="submit" class={props.danger ? 'danger' : 'primary'} disabled={busy}>
          {busy ? 'Working…' : `Confirm: ${props.label}`}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A case's history, newest first: each entry's time, then what `describe` says of it. */
export function Timeline<T extends { at: string }>({ entries, describe }: { entries: readonly T[]; describe: (entry: T) => ComponentChildren }) {
  return (
    <>
      <h2>Timeline</h2>
      <ol class="timeline" data-testid="timeline">
        {[...entries].reverse().map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatTime(entry.at)}</time> — {describe(entry)}
          </li>
        ))}
      </ol>
    </>
  );
}
