import { Suspense, useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { Spinner } from '../components/Spinner.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { Layout } from './Layout.js';
import { NotFound } from './NotFound.js';
import { routes } from './routes.js';

function ScrollToTop() {
  const [location] = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);
  return null;
}

/** The whole client: shell, and the page the address names inside an error boundary. */
export function App() {
  const [location] = useLocation();
  return (
    <Layout>
      <ScrollToTop />
      {/* Keyed by path so a crashed page recovers when the shopper navigates away. */}
      <ErrorBoundary key={location}>
        <Suspense fallback={<Spinner label="Loading page" />}>
          <Switch>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} component={r.page} />
            ))}
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
