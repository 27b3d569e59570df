import type { Observable } from 'rxjs';
import { GuardedObservable } from '../runtime/guarded-observable.js';
import { countedStream } from '../runtime/live-subscriptions.js';
import { SettledOnce } from '../runtime/settled-once.js';
import type { PluginRuntime } from '../runtime/plugin-runtime.js';
import { problemTexts } from '../config/diagnostics.js';
import type { PluginSandbox, ProblemTexts } from '../runtime/plugin-sandbox.js';
import { callingPlugin, misuse } from './calling-plugin.js';

/** What `openTemplateDialog` takes (as real plugins pass it). */
export interface TemplateDialogOptions {
  title?: string | null;
  /** The plugin's own HTML, inserted as written. */
  body?: string | null;
  /** No close button; Escape and the backdrop do not close it. */
  isCloseDisabled?: boolean;
}

/** A dialog to show, as the bridge hands it to whoever renders dialogs. */
export interface DialogRequest {
  title: string | null;
  body: string;
  isCloseDisabled: boolean;
  /** The plugin that opened it ('' when none could be named). */
  pluginId: string;
}

/** A dialog on screen, as the renderer hands it back. */
export interface PresentedDialog {
  /** Resolves once the body is in the DOM and the dialog is open. */
  readonly opened: Promise<void>;
  close(value?: unknown): void;
  /** Called once, with the close value, however the dialog closed. */
  onClosed(listener: (value: unknown) => void): void;
}

export type DialogPresenter = (request: DialogRequest) => PresentedDialog;

/** What the plugin gets: `ref.close(value?)`, `ref.close$`, `ref.viewInit$`. */
export interface TemplateDialogRef {
  close(value?: unknown): void;
  /** Emits the close value once, then completes; a late subscriber still gets it. */
  close$: Observable<unknown>;
  /** Emits once the body is in the DOM, then completes; a late subscriber still gets it. */
  viewInit$: Observable<void>;
}

/** How many dialogs one plugin may have open at once: each is modal, and the user must close them all. */
export const MAX_OPEN_DIALOGS = 3;
const openCounts = new WeakMap<PluginSandbox, number>();

const presenters = new WeakMap<PluginRuntime, DialogPresenter>();
let defaultPresenter: DialogPresenter | undefined;

/** A host renders the dialogs of the plugins its runtime loaded. */
export function setDialogPresenter(runtime: PluginRuntime, presenter: DialogPresenter | undefined): void {
  if (presenter) presenters.set(runtime, presenter);
  else presenters.delete(runtime);
}

/** Where dialogs go when no host claims the calling plugin. */
export function setDefaultDialogPresenter(presenter: DialogPresenter | undefined): void {
  defaultPresenter = presenter;
}

/**
 * `openTemplateDialog(options)`. The return value is both a promise and an observable of the
 * dialog's ref, because real plugins use it both ways (`.then(ref => ...)`,
 * `.subscribe(ref => ...)`, a bare `.subscribe()`); either resolves once the body is in the
 * DOM. Extra positional arguments are ignored, as webapp2 ignored them.
 */
export function openTemplateDialog(options?: TemplateDialogOptions | null): DialogOpening {
  const { sandbox, runtime } = callingPlugin();
  const presenter = (runtime && presenters.get(runtime)) ?? defaultPresenter;
  const pluginId = sandbox?.pluginId ?? '';
  const sandboxOf = () => sandbox;
  const opening = new DialogOpening(sandboxOf);
  const fail = (error: unknown, log = true) => opening.fail(error, log);
  const open = sandbox ? (openCounts.get(sandbox) ?? 0) : 0;
  const { title, body } = options ?? {};
  const wrong =
    options !== undefined && options !== null && typeof options !== 'object'
      ? misuse(sandbox, 'openTemplateDialog', 'options', options)
      : (title ?? '') !== '' && typeof title !== 'string'
        ? misuse(sandbox, 'openTemplateDialog', 'title', title)
        : (body ?? '') !== '' && typeof body !== 'string'
          ? misuse(sandbox, 'openTemplateDialog', 'body', body)
          : undefined;
  if (wrong) {
    void wrong.then((error) => fail(error, false));
    return opening;
  }
  if (sandbox && open >= MAX_OPEN_DIALOGS) {
    const make = (texts: ProblemTexts) => new Error(texts.pluginProblems.dialogs(pluginId, MAX_OPEN_DIALOGS));
    sandbox.reportOnce('dialogs', make);
    void problemTexts().then((texts) => fail(make(texts), false));
    return opening;
  }
  if (!presenter) {
    fail(new Error('openTemplateDialog: no <pex-plugin-host> is on the page to show the dialog.'));
    return opening;
  }
  const request: DialogRequest = {
    title: typeof title === 'string' ? title : null,
    body: typeof body === 'string' ? body : '',
    isCloseDisabled: options?.isCloseDisabled === true,
    pluginId,
  };
  if (/<script[\s>/]/i.test(request.body)) sandbox?.reportOnce('dialog script', (texts) => new Error(texts.pluginProblems.dialogScript(pluginId)));

  const presented = presenter(request);
  if (sandbox) openCounts.set(sandbox, open + 1);
  const close$ = new SettledOnce<unknown>();
  const viewInit$ = new SettledOnce<void>();
  // An unloaded plugin's dialogs close with it.
  const forget = sandbox?.onDispose(() => presented.close()) ?? (() => {});
  presented.onClosed((value) => {
    forget();
    if (sandbox) openCounts.set(sandbox, (openCounts.get(sandbox) ?? 1) - 1);
    close$.resolve(value);
  });
  const ref: TemplateDialogRef = {
    close: (value?: unknown) => presented.close(value),
    close$: new GuardedObservable(countedStream(close$.observable, 'close$'), sandboxOf),
    viewInit$: new GuardedObservable(countedStream(viewInit$.observable, 'viewInit$'), sandboxOf),
  };
  presented.opened.then(
    () => {
      // Unloaded while its dialog was on the way (its look is a chunk fetched on first use): the
      // plugin's code is not called again, so its ref goes nowhere.
      if (sandbox?.disposed) return;
      viewInit$.resolve();
      opening.succeed(ref);
    },
    (error: unknown) => fail(error),
  );
  return opening;
}

/**
 * A dialog being opened: an Observable of its ref that is also a promise of it, both settled
 * together by `succeed` or `fail`. Its subscriptions are guarded like every stream a plugin gets.
 */
export class DialogOpening extends GuardedObservable<TemplateDialogRef> implements PromiseLike<TemplateDialogRef> {
  readonly #refs: SettledOnce<TemplateDialogRef>;
  readonly #promise: Promise<TemplateDialogRef>;
  #resolve!: (ref: TemplateDialogRef) => void;
  #reject!: (error: unknown) => void;

  constructor(sandboxOf: () => PluginSandbox | undefined, refs = new SettledOnce<TemplateDialogRef>()) {
    super(refs.observable, sandboxOf);
    this.#refs = refs;
    this.#promise = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A plugin that never awaits a failed opening must not leave an unhandled rejection.
    this.#promise.catch(() => {});
  }

  then<R1 = TemplateDialogRef, R2 = never>(
    onFulfilled?: ((ref: TemplateDialogRef) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((error: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#promise.then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((error: unknown) => R | PromiseLike<R>) | null): Promise<TemplateDialogRef | R> {
    return this.#promise.catch(onRejected);
  }

  /** @internal */
  succeed(ref: TemplateDialogRef): void {
    this.#refs.resolve(ref);
    this.#resolve(ref);
  }

  /** @internal `log`: false when the error was reported already. */
  fail(error: unknown, log = true): void {
    if (log) console.error('[pex-plugin-host]', error);
    this.#refs.reject(error);
    this.#reject(error);
  }
}
