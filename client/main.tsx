import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import './app/styles.css';
import { createQueryClient } from './lib/queryClient.js';
import { registerServiceWorkerAfterLoad } from './pwa/register.js';

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* Last line of defence: the shell itself failing still shows a way back, never a blank page. */}
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
);

// Offline shell and "share a photo to Shopsee" (client/pwa/): installed after the shop has loaded.
registerServiceWorkerAfterLoad();
