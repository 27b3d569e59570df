/**
 * The Angular embedding example: one standalone component, zoneless, compiled ahead of time
 * (build.mjs): no template compiler in the bundle, and nothing that needs `eval`, so the page
 * runs under `script-src 'self'`.
 */
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
// The drop-in build (dist/pex-plugin-host.js, by the package's name as a client app imports it):
// defines every pex-* element and installs window.PEX. Imported before the app starts, so Angular
// creates upgraded elements and the directives write to their setters.
import 'pex-plugin-host/pex-plugin-host.js';
import { AppComponent } from './app.component.js';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => {
  console.error(error);
  document.body.append(`The app failed to start: ${String(error)}`);
});
