import { LitElement } from 'lit';
import type { StaffApi } from './api.js';
import { ApiError } from './api.js';
import { tr, type Key, type Lang } from './i18n.js';
import type { Me } from './queries.js';

/**
 * Common ground of the console's views (not an element itself): the API client, the language and
 * the signed-in person come from the app shell as properties.
 */
export class StaffView extends LitElement {
  static override properties = {
    api: { attribute: false },
    locale: { attribute: false },
    me: { attribute: false },
  };
  declare api: StaffApi;
  declare locale: Lang;
  declare me: Me;

  constructor() {
    super();
    this.locale = 0;
  }

  protected t(key: Key, ...args: (string | number)[]): string {
    return tr(this.locale, key, ...args);
  }

  /** Asks the app to read `message` out (assertive for errors). */
  protected announce(message: string, assertive = false): void {
    this.dispatchEvent(new CustomEvent('staff-announce', { detail: { message, assertive }, bubbles: true, composed: true }));
  }

  /** A user-facing message for a failed request. */
  protected errorText(e: unknown): string {
    if (e instanceof ApiError) {
      if (e.code === 'NETWORK') return this.t('netError');
      if (e.code === 'UNAUTHENTICATED') return this.t('notSavedSignIn');
      if (e.code === 'NOT_FOUND') return this.t('notFound');
      if (e.code === 'FORBIDDEN' && !e.message) return this.t('forbidden');
      return e.message;
    }
    return this.t('netError');
  }

  /**
   * Focuses `selector` and brings its whole card into view, not just its first line: focus alone
   * scrolls only as far as the heading, leaving the list and the button under it below the screen.
   */
  protected async reveal(selector: string): Promise<void> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(selector);
    if (!el) return;
    el.focus({ preventScroll: true });
    (el.closest<HTMLElement>('section, .card') ?? el).scrollIntoView({ block: 'start' });
  }

  /** Moves focus to the view's heading (after navigation). */
  async focusHeading(selector = 'h1'): Promise<void> {
    await this.updateComplete;
    const h = this.renderRoot.querySelector<HTMLElement>(selector);
    h?.focus();
  }
}
