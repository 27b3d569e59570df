/**
 * The Angular embedding example: bootstraps one standalone component, zoneless, in JIT mode.
 *
 * JIT: `@angular/compiler` must be loaded before any decorated class is defined, so it is the
 * first import (imports evaluate in order). See demo/angular/README.md for why JIT.
 */
import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
// Defines the pex-* elements before Angular renders any of them.
import './pex-elements.js';
import { AppComponent } from './app.component.js';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => {
  console.error(error);
  document.body.append(`The app failed to start: ${String(error)}`);
});
