/** The focused element, looking inside shadow roots; null when it is the body or nothing. */
export function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active && active !== doc.body ? active : null;
}
