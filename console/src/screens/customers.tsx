// Customer search: one box takes an email address, a phone number or an order number; a single
// match opens the customer at once.
import { useState } from 'preact/hooks';
import { formatTime, problemText, type ApiClient, type Schemas } from '../api.ts';
import { href, useConsole } from '../app.tsx';
import { Notice, useFieldId } from '../ui.tsx';

type Customer = Schemas['Customer'];
const LAST_SEARCH = 'aftersales.console.customer-search';

/**
 * Reads pages of a list the API filters page by page (a page may come back empty with more to
 * follow) until some items are found, `maxReads` pages were read, or the list ends.
 */
export async function readFiltered<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>, cursor: string | undefined, maxReads = 10): Promise<{ items: T[]; nextCursor?: string }> {
  let items: T[] = [];
  let next = cursor;
  for (let reads = 0; reads < maxReads; reads++) {
    const page = await read(next);
    items = items.concat(page.items);
    next = page.nextCursor;
    if (items.length > 0 || !next) break;
  }
  return { items, nextCursor: next };
}

/** `+44 7700 900123`, `(07700) 900-123`: a phone number as typed, if it looks like one; E.164 needs the country code. */
const phoneOf = (text: string) => (/^\+?[\d\s().-]{7,}$/.test(text) && text.replace(/\D/g, '').length >= 7 ? `+${text.replace(/\D/g, '')}` : undefined);

async function searchCustomers(api: ApiClient, shopId: string, text: string): Promise<Customer[]> {
  const list = async (query: { email?: string; phone?: string; orderNumber?: string }, cursor?: string) => {
    const { data, error, response } = await api.GET('/ops/customers', { params: { query: { shopId, limit: 100, cursor, ...query } } });
    if (!data) throw new Error(problemText(error, response.status));
    return data;
  };
  if (text.includes('@')) return (await list({ email: text.toLowerCase() })).items;
  const phone = phoneOf(text);
  const [byNumber, byPhone] = await Promise.all([list({ orderNumber: text }), phone ? readFiltered((cursor) => list({ phone }, cursor), undefined, 20) : { items: [] }]);
  const seen = new Set<string>();
  return [...byNumber.items, ...byPhone.items].filter((customer) => !seen.has(customer.customerId) && Boolean(seen.add(customer.customerId)));
}

export function CustomersScreen() {
  const { api, shopId } = useConsole();
  const [text, setText] = useState(() => sessionStorage.getItem(LAST_SEARCH) ?? '');
  const [results, setResults] = useState<Customer[] | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const searchId = useFieldId('customer-search');

  const search = async (event: Event) => {
    event.preventDefault();
    const query = text.trim();
    if (!query) return;
    sessionStorage.setItem(LAST_SEARCH, query);
    setBusy(true);
    setError(undefined);
    try {
      const found = await searchCustomers(api, shopId, query);
      if (found.length === 1) window.location.hash = href('customers', found[0]!.customerId);
      else setResults(found);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title" tabIndex={-1}>
        Customers · {shopId}
      </h1>
      <form class="filters" role="search" aria-label="Find a customer" onSubmit={search}>
        <label for={searchId}>
          Email, phone or order number
          <input id={searchId} type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} size={36} required autoFocus />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
      <p class="hint">Phone numbers need the country code (+44…). Guest orders have no customer to open.</p>
      {error && <Notice kind="error">{error}</Notice>}
      {results && results.length === 0 && <p role="status">No customer matches “{sessionStorage.getItem(LAST_SEARCH)}”.</p>}
      {results && results.length > 1 && (
        <table>
          <caption>{results.length} customers match</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
              <th scope="col">Orders</th>
              <th scope="col">Last order</th>
            </tr>
          </thead>
          <tbody>
            {results.map((customer) => (
              <tr key={customer.customerId}>
                <td>
                  <a href={href('customers', customer.customerId)}>{[customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.customerId}</a>
                </td>
                <td>{customer.email ?? '—'}</td>
                <td>{customer.phone ?? '—'}</td>
                <td>{customer.orderCount}</td>
                <td>{formatTime(customer.lastOrderAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
