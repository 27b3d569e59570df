/**
 * A React client embedding the pex-* elements in app-driven mode through
 * `pex-plugin-host/react`. See README.md next to this file.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
