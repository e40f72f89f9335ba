/**
 * Registers a widget's element once (the public widgets and the staff console). A page that loads the
 * bundle twice (two script tags, or two URLs of it) gets no "already defined" error, and the element the
 * page already has stays.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
