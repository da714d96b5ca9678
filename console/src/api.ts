// The console talks to the platform only through the generated typed client.
import { createApiClient, type ApiClient, type components } from '../../shared/api/client.ts';

export type { ApiClient };
export type Schemas = components['schemas'];

export function apiFor(baseUrl: string, token: string): ApiClient {
  return createApiClient({ baseUrl, token });
}

/** A problem-details body (or whatever came back) as one readable line. */
export function problemText(error: unknown, status?: number): string {
  if (error && typeof error === 'object') {
    const problem = error as { title?: string; detail?: string; errors?: { path?: string; message?: string }[] };
    const fields = problem.errors?.map((issue) => `${issue.path ?? ''}: ${issue.message ?? ''}`).join('; ');
    return [problem.title ?? `Error ${status ?? ''}`.trim(), problem.detail, fields].filter(Boolean).join(' — ');
  }
  return `The API answered ${status ?? 'with an error'}`;
}

export function formatMoney(money: { amount: number; currency: string } | undefined): string {
  if (!money) return '—';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).format(money.amount / 100);
  } catch {
    return `${(money.amount / 100).toFixed(2)} ${money.currency}`;
  }
}

export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export const humanize = (code: string) => code.replace(/_/g, ' ');
