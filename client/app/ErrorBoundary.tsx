import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Catches a page that throws while rendering (or a lazy chunk that fails to load) so the shell stays up. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page crashed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A failed dynamic import usually means a new version was deployed: reloading fetches it.
    const chunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
    return (
      <div className="state state-error" role="alert">
        <div className="state-icon" aria-hidden="true">!</div>
        <h2>{chunk ? 'This page could not be loaded' : 'This page hit a problem'}</h2>
        <p>{chunk ? 'Check your connection, then reload.' : 'The rest of the shop still works.'}</p>
        <div className="row-gap">
          <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
            Reload
          </button>
          <a className="btn" href="/">
            Back to the shop
          </a>
        </div>
      </div>
    );
  }
}
