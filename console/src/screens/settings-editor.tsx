// The editor shared by the return policy, refund rules, campaign and delay settings (each screen is
// a configuration of it: its calls, its summary, its dry run result): the version in effect
// with a readable summary, the document as JSON with the API's field errors, a dry run of the
// draft, and Publish (supervisors only) with a reason and the version read, so that a change made
// meanwhile is refused (409) instead of silently overwritten.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTime, humanize, problemText } from '../api.ts';
import { useConsole } from '../app.tsx';
import { Notice, ReasonAction, useFieldId } from '../ui.tsx';

/** What openapi-fetch answers for one call. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** A published settings document as every GET/PUT of the three answers it. */
export interface SettingsVersion {
  version: number;
  publishedAt?: string;
  publishedBy?: { sub: string; email?: string; role: string };
  reason?: string;
}

export interface SettingsEditorProps<V extends SettingsVersion, D> {
  title: string;
  /** The request body field holding the document (`policy`, `rules`, `settings`): errors name `body.<field>...`. */
  field: string;
  documentOf(view: V): unknown;
  load(): Promise<Answer<V>>;
  publish(draft: unknown, expectedVersion: number, reason: string): Promise<Answer<V>>;
  /** Tries the draft without writing; absent when the API has no dry run of a draft. */
  dryRun?(draft: unknown): Promise<Answer<D>>;
  Summary(props: { view: V }): JSX.Element;
  DryRunResult?(props: { result: D }): JSX.Element;
  /** Shown under the editor (the campaigns' nudge preview). */
  children?: ComponentChildren;
}

interface FieldError {
  path: string;
  message: string;
}

const fieldErrorsOf = (error: unknown): FieldError[] => ((error as { errors?: FieldError[] } | undefined)?.errors ?? []).filter((issue) => typeof issue?.path === 'string');

function parseDraft(text: string): { draft?: unknown; error?: string } {
  try {
    return { draft: JSON.parse(text) };
  } catch (failure) {
    return { error: `Not valid JSON: ${(failure as Error).message}` };
  }
}

export function SettingsEditor<V extends SettingsVersion, D>(props: SettingsEditorProps<V, D>) {
  const { can } = useConsole();
  const supervisor = can('supervisor');
  const [view, setView] = useState<V | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [dryRun, setDryRun] = useState<{ text: string; result: D } | undefined>();
  const [dryRunError, setDryRunError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [published, setPublished] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const editorId = useFieldId('settings-json');
  const errorsId = useFieldId('settings-errors');
  const dryRunPanel = useRef<HTMLDivElement>(null);
  // The result is below the editor: bring it into view (and it is announced, aria-live).
  useEffect(() => {
    if (dryRun) dryRunPanel.current?.scrollIntoView({ block: 'nearest' });
  }, [dryRun]);

  useEffect(() => {
    setView(undefined);
    props.load().then(({ data, error, response }) => {
      if (!data) return setLoadError(problemText(error, response.status));
      setView(data);
      setText(JSON.stringify(props.documentOf(data), null, 2));
      setFieldErrors([]);
      setDryRun(undefined);
      setConflict(false);
    });
  }, [generation]);

  if (loadError) return <Notice kind="error">{loadError}</Notice>;
  if (!view) return <p aria-busy="true">Loading…</p>;

  const parsed = parseDraft(text);
  const unchanged = text === JSON.stringify(props.documentOf(view), null, 2);
  const triedThisDraft = !props.dryRun || dryRun?.text === text;
  const reload = () => {
    setPublished(undefined);
    setGeneration((value) => value + 1);
  };

  const runDryRun = async () => {
    if (!props.dryRun || parsed.error) return;
    setBusy(true);
    setDryRunError(undefined);
    const { data, error, response } = await props.dryRun(parsed.draft);
    setBusy(false);
    const invalid = fieldErrorsOf(error);
    setFieldErrors(invalid);
    if (data) setDryRun({ text, result: data });
    else {
      setDryRun(undefined);
      // Field errors are listed by the editor already.
      if (invalid.length === 0) setDryRunError(problemText(error, response.status));
    }
  };

  const publish = async (reason: string): Promise<string | undefined> => {
    if (parsed.error) return parsed.error;
    const { data, error, response } = await props.publish(parsed.draft, view.version, reason);
    if (response.status === 409) {
      setConflict(true);
      return 'Not published: another version came out since you loaded this one.';
    }
    const invalid = fieldErrorsOf(error);
    setFieldErrors(invalid);
    if (invalid.length > 0) return 'Not published: the draft is invalid (see the fields listed above).';
    if (!data) return problemText(error, response.status);
    setView(data);
    setText(JSON.stringify(props.documentOf(data), null, 2));
    setDryRun(undefined);
    setPublished(`Published version ${data.version}.`);
    return undefined;
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>
        {props.title}
      </h1>
      {published && <Notice kind="success">{published}</Notice>}
      {conflict && (
        <Notice kind="error">
          Changed meanwhile: reload to see the version in effect, then make your change again.{' '}
          <button type="button" onClick={reload}>
            Reload
          </button>
        </Notice>
      )}
      <dl class="facts">
        <dt>Version in effect</dt>
        <dd data-testid="settings-version">{view.version === 0 ? '0 (the defaults, never published)' : view.version}</dd>
        <dt>Published</dt>
        <dd>{view.publishedAt ? `${formatTime(view.publishedAt)} by ${view.publishedBy?.email ?? view.publishedBy?.sub ?? '—'}` : '—'}</dd>
        <dt>Reason</dt>
        <dd data-testid="settings-reason">{view.reason ?? '—'}</dd>
      </dl>
      <div class="panel">
        <h2>In effect</h2>
        <props.Summary view={view} />
      </div>
      <div class="panel">
        <h2>{supervisor ? 'Draft' : 'Document'}</h2>
        {!supervisor && <p>Only supervisors can try and publish changes.</p>}
        <label for={editorId}>{supervisor ? 'Edit the JSON document' : 'The JSON document'}</label>
        <textarea
          id={editorId}
          class="json-editor"
          value={text}
          readOnly={!supervisor}
          spellcheck={false}
          rows={18}
          aria-invalid={Boolean(parsed.error) || fieldErrors.length > 0}
          aria-describedby={errorsId}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setPublished(undefined);
          }}
        />
        <div id={errorsId}>
          {parsed.error && <Notice kind="error">{parsed.error}</Notice>}
          {fieldErrors.length > 0 && (
            <ul class="field-errors" role="alert" aria-label="Invalid fields in the draft">
              {fieldErrors.map((issue) => (
                <li key={issue.path}>
                  <code>{issue.path.replace(new RegExp(`^body\\.${props.field}\\.?`), '') || props.field}</code>: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
        {supervisor && (
          <div class="actions">
            {props.dryRun && (
              <button type="button" onClick={runDryRun} disabled={busy || Boolean(parsed.error)}>
                {busy ? 'Trying…' : 'Dry run'}
              </button>
            )}
            <button type="button" onClick={reload} disabled={busy}>
              Discard changes
            </button>
            {!unchanged && triedThisDraft && !parsed.error && (
              <ReasonAction label="Publish" reasonLabel="Reason for publishing (required)" required minLength={3} onSubmit={publish} />
            )}
          </div>
        )}
        {supervisor && !unchanged && !triedThisDraft && <p class="hint">Run a dry run of this draft to publish it.</p>}
        {dryRunError && <Notice kind="error">{dryRunError}</Notice>}
      </div>
      {dryRun && props.DryRunResult && (
        <div class="panel" data-testid="dry-run" ref={dryRunPanel} aria-live="polite">
          <h2>Dry run of the draft</h2>
          {dryRun.text !== text && <Notice kind="info">The draft changed since this dry run.</Notice>}
          <props.DryRunResult result={dryRun.result} />
        </div>
      )}
      {props.children}
    </section>
  );
}

/** Client-side paging of a list already loaded (a dry run's changes), so long lists stay readable. */
export function LocalPages<T>({ items, label, pageSize = 25, children }: { items: T[]; label: string; pageSize?: number; children(page: T[]): JSX.Element }) {
  const [index, setIndex] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(index, pages - 1);
  return (
    <>
      {children(items.slice(current * pageSize, (current + 1) * pageSize))}
      {pages > 1 && (
        <nav class="pager" aria-label={`${label} pages`}>
          <button type="button" onClick={() => setIndex(current - 1)} disabled={current === 0}>
            ← Previous
          </button>
          <span aria-live="polite">
            Page {current + 1} of {pages}
          </span>
          <button type="button" onClick={() => setIndex(current + 1)} disabled={current >= pages - 1}>
            Next →
          </button>
        </nav>
      )}
    </>
  );
}

export const yesNo = (value: boolean | undefined) => (value ? 'yes' : 'no');

/** A dry run's change: what differs, and the outcome under the document in effect and under the draft. */
export interface DryRunChange<O> {
  changed: string[];
  before: O;
  after: O;
}

export interface DryRunChangesProps<C extends DryRunChange<O>, O> {
  /** The one-line summary (totals, versions). */
  summary: ComponentChildren;
  changes: C[];
  /** What a row is (`Changed lines`): the table's caption and its pager's name. */
  label: string;
  rowKey(change: C): string;
  /** The columns naming the row (order, line...), before the change itself. */
  columns: Array<{ header: string; cell(change: C): ComponentChildren }>;
  outcomeText(outcome: O): ComponentChildren;
}

/** Every editor's dry run result: the summary, then the changed rows, paged, with what changes, now and with the draft. */
export function DryRunChanges<C extends DryRunChange<O>, O>({ summary, changes, label, rowKey, columns, outcomeText }: DryRunChangesProps<C, O>) {
  return (
    <>
      <p data-testid="dry-run-summary">{summary}</p>
      {changes.length > 0 && (
        <LocalPages items={changes} label={label}>
          {(rows) => (
            <table>
              <caption class="visually-hidden">{label}</caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th scope="col" key={column.header}>
                      {column.header}
                    </th>
                  ))}
                  <th scope="col">What changes</th>
                  <th scope="col">Now</th>
                  <th scope="col">With the draft</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((change) => (
                  <tr key={rowKey(change)}>
                    {columns.map((column) => (
                      <td key={column.header}>{column.cell(change)}</td>
                    ))}
                    <td>{change.changed.map(humanize).join(', ')}</td>
                    <td>{outcomeText(change.before)}</td>
                    <td>{outcomeText(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LocalPages>
      )}
    </>
  );
}
