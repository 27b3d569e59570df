/**
 * The classes plugins use in dialog bodies (webapp2's app.css names), styled out of the box.
 * The bodies are light DOM, so these rules live in the document, scoped to
 * pex-template-dialog with :where() so a client's own rules win without a fight.
 */
const PLUGIN_CONTENT_CSS = `
:where(pex-template-dialog) {
  --pex-green: #0f9d58;
  --pex-green-hover: #0b7d46;
  --pex-blue: #2b6cd4;
  --pex-blue-hover: #2157ad;
  --pex-red: #d93025;
  --pex-red-hover: #b3261e;
  --pex-button-radius: 1.5rem;
  --pex-input-border: #b9bdcc;
}
:where(pex-template-dialog) .dialog-button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
  min-height: 2.5rem; padding: 0 1.25rem; margin: 0.25rem;
  border: 2px solid transparent; border-radius: var(--pex-button-radius);
  font: inherit; font-weight: 600; cursor: pointer;
  background: #e8eaf1; color: #1d1f2b;
}
:where(pex-template-dialog) .dialog-button:focus-visible,
:where(pex-template-dialog) .pex-text-input:focus-visible {
  outline: var(--pex-focus-ring, 2px solid #4c9aff); outline-offset: 2px;
}
:where(pex-template-dialog) .dialog-button:disabled { opacity: 0.5; cursor: default; }
:where(pex-template-dialog) .green-action-button { background: var(--pex-green); color: #fff; }
:where(pex-template-dialog) .green-action-button:hover:not(:disabled) { background: var(--pex-green-hover); }
:where(pex-template-dialog) .blue-action-button { background: var(--pex-blue); color: #fff; }
:where(pex-template-dialog) .blue-action-button:hover:not(:disabled) { background: var(--pex-blue-hover); }
:where(pex-template-dialog) .red-action-button { background: var(--pex-red); color: #fff; }
:where(pex-template-dialog) .red-action-button:hover:not(:disabled) { background: var(--pex-red-hover); }
:where(pex-template-dialog) .green-non-action-button { background: transparent; color: var(--pex-green); border-color: var(--pex-green); }
:where(pex-template-dialog) .buttons { display: flex; flex-wrap: wrap; justify-content: center; gap: 0.5rem; margin-top: 1rem; }
:where(pex-template-dialog) .pex-text-input {
  box-sizing: border-box; width: 100%; min-height: 2.5rem; padding: 0.5rem 0.75rem;
  border: 1px solid var(--pex-input-border); border-radius: 0.4rem;
  font: inherit; color: inherit; background: transparent;
}
:where(pex-template-dialog) .pex-dialog-content-message { margin: 0 0 1rem; line-height: 1.5; }
`;

const installed = new WeakSet<Document>();

export function installPluginContentStyles(doc: Document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PLUGIN_CONTENT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
