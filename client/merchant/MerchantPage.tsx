import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Spinner } from '../components/Spinner.js';
import { ApiError, errorMessage, merchantApi } from '../lib/api.js';
import { useMe } from '../lib/me.js';
import { CatalogTab } from './CatalogTab.js';
import { OrdersTab } from './OrdersTab.js';
import { SignIn } from './SignIn.js';
import { hashWithoutToken, loadToken, saveToken, tokenFromHash } from './token.js';
import './merchant.css';

/** The token from a "#token=..." link, else the saved one. Pure: React may call it more than once. */
function initialToken(): string | null {
  return tokenFromHash(location.hash) ?? loadToken(localStorage);
}

type Tab = 'catalog' | 'orders';

/** The merchant console: sign-in with the token, then the catalog and the orders. */
export default function MerchantPage() {
  const [token, setToken] = useState<string | null>(initialToken);
  const [tab, setTab] = useState<Tab>('orders');
  // Once the token is in state, take it out of the address bar (and so out of history and screenshots).
  useEffect(() => {
    if (tokenFromHash(location.hash)) {
      history.replaceState(history.state, '', location.pathname + location.search + hashWithoutToken(location.hash));
    }
  }, []);
  const currency = useMe().data?.currency ?? 'EUR';
  const check = useQuery({
    queryKey: ['merchant-me', token],
    queryFn: () => merchantApi.me(token!),
    enabled: Boolean(token),
    staleTime: Infinity,
    retry: false,
  });

  const signedIn = token && check.isSuccess;
  const refused = check.error instanceof ApiError && (check.error.code === 'FORBIDDEN' || check.error.code === 'UNAUTHORIZED');
  // Keep a token only once the server accepted it; forget one it refuses.
  useEffect(() => {
    if (signedIn) saveToken(localStorage, token);
    else if (refused && loadToken(localStorage) === token) saveToken(localStorage, null);
  }, [signedIn, refused, token]);

  if (!token || check.isError) {
    return (
      <SignIn
        busy={false}
        error={check.isError ? (refused ? 'That token is not valid.' : errorMessage(check.error)) : undefined}
        onSubmit={(t) => setToken(t)}
      />
    );
  }
  if (!signedIn) return <Spinner label="Checking the merchant token" />;

  return (
    <div className="page merchant-page">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>Merchant console</h1>
        <button
          type="button"
          className="btn"
          onClick={() => {
            saveToken(localStorage, null);
            setToken(null);
          }}
        >
          Sign out
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label="Merchant sections">
        {(['orders', 'catalog'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} aria-controls={`panel-${t}`} id={`tab-${t}`} onClick={() => setTab(t)}>
            {t === 'orders' ? 'Orders' : 'Catalog'}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'orders' ? <OrdersTab token={token} /> : <CatalogTab token={token} currency={currency} />}
      </div>
    </div>
  );
}
