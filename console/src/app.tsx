// The console's frame: sign-in, the shop picker, navigation and the hash routes of the screens.
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { apiFor, type ApiClient } from './api.ts';
import { cognitoSignOutUrl, saveSession, type Session } from './auth.ts';
import { allows, type ConsoleConfig, type Role } from './config.ts';
import { CustomerScreen } from './screens/customer.tsx';
import { CustomersScreen } from './screens/customers.tsx';
import { DeadLetterDetailScreen, DeadLettersScreen } from './screens/dead-letters.tsx';
import { OrderScreen } from './screens/order.tsx';
import { PoliciesScreen } from './screens/policies.tsx';
import { DelaysScreen } from './screens/delays.tsx';
import { FollowUpCaseScreen, FollowUpsScreen } from './screens/follow-ups.tsx';
import { KpisScreen } from './screens/kpis.tsx';
import { RefundDecisionScreen, RefundReviewsScreen } from './screens/refunds.tsx';
import { ReturnCaseScreen } from './screens/return-case.tsx';
import { ReturnsScreen } from './screens/returns.tsx';
import { SignInScreen } from './screens/sign-in.tsx';

export interface Console {
  config: ConsoleConfig;
  session: Session;
  api: ApiClient;
  shopId: string;
  /** Whether the signed-in role may take an action that needs `role`. */
  can(role: Role): boolean;
}

const ConsoleContext = createContext<Console | undefined>(undefined);

export function useConsole(): Console {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the signed-in console');
  return value;
}

/** The route is the part of the hash after `#`: `/returns/<caseId>` and so on. */
function useHashRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const href = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;

const SHOP_KEY = 'aftersales.console.shop';

export function App({ config, initialSession }: { config: ConsoleConfig; initialSession?: Session }) {
  const [session, setSession] = useState(initialSession);
  const [shopId, setShopId] = useState(() => localStorage.getItem(SHOP_KEY) ?? config.shops[0] ?? '');
  const route = useHashRoute();
  const api = useMemo(() => (session ? apiFor(config.apiUrl, session.token) : undefined), [config.apiUrl, session]);

  useEffect(() => {
    document.title = `${route[0] ? route[0].replace(/-/g, ' ') : 'returns'} · Aftersales ops console`;
    // Move focus to the new screen's heading so keyboard and screen-reader users land on it.
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route.join('/')]);

  if (!session || !api) {
    return (
      <SignInScreen
        config={config}
        onSignedIn={(signedIn) => {
          saveSession(signedIn);
          setSession(signedIn);
        }}
      />
    );
  }

  const signOut = () => {
    saveSession(undefined);
    setSession(undefined);
    if (config.auth.kind === 'cognito') window.location.assign(cognitoSignOutUrl(config.auth));
  };
  const chooseShop = (value: string) => {
    localStorage.setItem(SHOP_KEY, value);
    setShopId(value);
  };
  const value: Console = { config, session, api, shopId, can: (role) => allows(session.role, role) };
  const [screen = 'returns', id] = route;

  return (
    <ConsoleContext.Provider value={value}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <strong class="brand">Aftersales ops</strong>
        <nav aria-label="Screens">
          <a href={href('returns')} aria-current={screen === 'returns' ? 'page' : undefined}>
            Returns
          </a>
          <a href={href('refunds')} aria-current={screen === 'refunds' ? 'page' : undefined}>
            Refund reviews
          </a>
          <a href={href('customers')} aria-current={screen === 'customers' || screen === 'orders' ? 'page' : undefined}>
            Customers
          </a>
          <a href={href('policies')} aria-current={screen === 'policies' ? 'page' : undefined}>
            Policies
          </a>
          <a href={href('dead-letters')} aria-current={screen === 'dead-letters' ? 'page' : undefined}>
            Dead letters
          </a>
          <a href={href('delays')} aria-current={screen === 'delays' ? 'page' : undefined}>
            Delays
          </a>
          <a href={href('follow-ups')} aria-current={screen === 'follow-ups' ? 'page' : undefined}>
            Follow-ups
          </a>
          <a href={href('kpis')} aria-current={screen === 'kpis' ? 'page' : undefined}>
            KPIs
          </a>
        </nav>
        <ShopPicker shops={config.shops} value={shopId} onChange={chooseShop} />
        <span class="who" data-testid="signed-in-as">
          {session.email ?? 'signed in'} · <span class="role">{session.role}</span>
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        {!shopId && screen !== 'dead-letters' ? (
          <p>Choose a shop above to see its queues.</p>
        ) : screen === 'returns' && id ? (
          <ReturnCaseScreen key={`${shopId}/${id}`} caseId={id} />
        ) : screen === 'refunds' && id ? (
          <RefundDecisionScreen key={`${shopId}/${id}`} decisionId={id} />
        ) : screen === 'refunds' ? (
          <RefundReviewsScreen key={shopId} />
        ) : screen === 'customers' && id ? (
          <CustomerScreen key={`${shopId}/${id}`} customerId={id} />
        ) : screen === 'customers' ? (
          <CustomersScreen key={shopId} />
        ) : screen === 'orders' && id ? (
          <OrderScreen key={`${shopId}/${id}`} orderId={id} />
        ) : screen === 'policies' ? (
          <PoliciesScreen key={shopId} shopId={shopId} document={id} />
        ) : screen === 'dead-letters' && id ? (
          <DeadLetterDetailScreen key={id} deadLetterId={id} />
        ) : screen === 'follow-ups' && id ? (
          <FollowUpCaseScreen key={`${shopId}/${id}`} caseId={id} />
        ) : screen === 'follow-ups' ? (
          <FollowUpsScreen key={shopId} />
        ) : screen === 'delays' ? (
          <DelaysScreen key={shopId} />
        ) : screen === 'kpis' ? (
          <KpisScreen key={shopId} />
        ) : screen === 'dead-letters' ? (
          <DeadLettersScreen key={shopId} />
        ) : (
          <ReturnsScreen key={shopId} />
        )}
      </main>
    </ConsoleContext.Provider>
  );
}

function ShopPicker({ shops, value, onChange }: { shops: string[]; value: string; onChange(shop: string): void }) {
  const [draft, setDraft] = useState(value);
  return (
    <form
      class="shop-picker"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft.trim());
      }}
    >
      <label for="shop">Shop</label>
      <input id="shop" list="known-shops" value={draft} onInput={(event) => setDraft(event.currentTarget.value)} pattern="[a-z0-9][a-z0-9-]{0,62}" size={16} />
      <datalist id="known-shops">
        {shops.map((shop) => (
          <option key={shop} value={shop} />
        ))}
      </datalist>
      <button type="submit">Open</button>
    </form>
  );
}
