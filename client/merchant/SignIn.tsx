import { useState } from 'react';

/** Sign-in with the merchant token (printed by the server at start, or in DATA_DIR/merchant-token). */
export function SignIn({ error, busy, onSubmit }: { error?: string; busy: boolean; onSubmit(token: string): void }) {
  const [token, setToken] = useState('');
  return (
    <div className="page-narrow panel" style={{ maxWidth: 420, marginTop: 24 }}>
      <h1>Merchant console</h1>
      <p className="muted">Enter the merchant token to manage the catalog and orders.</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onSubmit(token.trim());
        }}
      >
        <div className="field" data-invalid={Boolean(error)}>
          <label htmlFor="merchant-token">
            <span>Merchant token</span>
          </label>
          <input
            id="merchant-token"
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'merchant-token-err' : undefined}
          />
          {error && (
            <span id="merchant-token-err" className="field-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || !token.trim()}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
