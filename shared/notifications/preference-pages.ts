// What the customer sees behind the unsubscribe and preferences links. Plain HTML, escaped, no
// scripts: the confirmation is a form post, so a mail scanner following the link changes nothing.
import type { PreferenceClaims } from './links.ts';
import type { AddressStatus } from './policy.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** `a***@example.com`, `+33******78`: enough to recognise, not to harvest. */
export function maskAddress(channel: 'email' | 'sms', address: string): string {
  if (channel === 'email') {
    const [local = '', domain = ''] = address.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  return `${address.slice(0, 3)}${'*'.repeat(Math.max(0, address.length - 5))}${address.slice(-2)}`;
}

export function preferencesView(claims: PreferenceClaims, status: AddressStatus | undefined) {
  return {
    channel: claims.channel,
    address: maskAddress(claims.channel, claims.address),
    // Without a choice made here, consent is the storefront's; we only know an explicit opt-in.
    marketing: status?.marketing === 'opted_in',
    ...(claims.channel === 'sms' ? { stopped: Boolean(status?.stopped) } : {}),
    ...(claims.channel === 'email' && status?.suppressed ? { suppressed: status.suppressed } : {}),
  };
}

export function unsubscribePage({ claims, token, done }: { claims: PreferenceClaims; token: string; done: boolean }): string {
  const address = escapeHtml(maskAddress(claims.channel, claims.address));
  const body = done
    ? `<h1>You are unsubscribed</h1><p>We will not send marketing to ${address} any more. Messages about your orders, returns and refunds still reach you.</p>`
    : `<h1>Unsubscribe?</h1><p>Stop marketing messages to ${address}. Messages about your orders, returns and refunds still reach you.</p>` +
      `<form method="post" action="?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Unsubscribe</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1f6feb;color:#fff;cursor:pointer}</style>` +
    `</head><body>${body}</body></html>`;
}
