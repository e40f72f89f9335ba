import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
/** A corner of the viewport: tokens of the host's `data-place` attribute ('' is the default, bottom right). */
export type Corner = '' | 'start' | 'top' | 'start top';
const CORNERS: Corner[] = ['', 'start', 'top', 'start top'];

const meets = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The first corner (bottom right, bottom left, top right, top left) where a w×h box at `gap` from the
 * viewport's edges stays clear of `avoid` (grown by `margin`, so a focus ring shows too); null if none.
 */
export function freeCorner(avoid: Box | readonly Box[], w: number, h: number, vw: number, vh: number, gap: number, margin = 6): Corner | null {
  const list: readonly Box[] = 'left' in avoid ? [avoid] : avoid;
  const grown = list.map((a) => ({
    left: a.left - margin,
    top: a.top - margin,
    right: a.right + margin,
    bottom: a.bottom + margin,
  }));
  for (const c of CORNERS) {
    const left = c.includes('start') ? gap : vw - gap - w;
    const top = c.includes('top') ? gap : vh - gap - h;
    if (!grown.some((a) => meets(a, { left, top, right: left + w, bottom: top + h }))) return c;
  }
  return null;
}

/** The event another widget sends (bubbling, composed) with `detail.element`: something the launcher must not cover. */
export const KEEP_CLEAR = 'yorisoi-keep-clear';

/** The element that has focus, through open shadow roots. */
function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** What the placement needs of <yorisoi-chat> (launcher mode). */
export interface Placed extends ReactiveControllerHost, HTMLElement {
  readonly floating: boolean;
  readonly panelOpen: boolean;
  /** Folds the panel back into the launcher without moving focus (the person went on in the page). */
  fold(): void;
}

/**
 * Keeps the floating launcher (or panel) off the host page's focused control. When a control of the
 * page — also one inside another widget's shadow root, such as the intake form's postal field or its
 * 次へ button — has focus and lies under the chat, the chat moves to the first free corner; if none is
 * free the launcher shrinks to a round button, then hides until focus moves on; an open panel that
 * fits no corner folds into the launcher. Checked on focus changes, scrolling and resizing (once a
 * frame); when focus leaves the page's control, the launcher goes back to the bottom right.
 * The host carries the result as `data-place` tokens (`start`, `top`, `compact`, `hidden`), styled
 * in chat.styles.ts.
 */
export class PlacementController implements ReactiveController {
  private frame = 0;
  private readonly schedule = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.check());
  };
  /** Shadow roots of the page (another widget's) that we also listen to, see watchShadowRoots. */
  private readonly watched = new WeakSet<ShadowRoot>();
  private readonly watchedList: ShadowRoot[] = [];
  /**
   * Focus moving between two controls inside one shadow root (the intake form's quick-exit button,
   * then its postal field) never reaches the document: the event stops at the shadow host, whose
   * retargeted target and relatedTarget are the same. So every open shadow root that focus enters is
   * listened to as well.
   */
  /**
   * Elements another widget asked to keep uncovered (the intake receipt's reference number, which at
   * 320 px sat under the launcher): the closed launcher keeps off them as off the focused control.
   */
  private readonly keep = new Set<Element>();
  private readonly onKeep = (e: Event): void => {
    const el = (e as CustomEvent<{ element?: unknown }>).detail?.element;
    if (el instanceof Element) this.keep.add(el);
    this.schedule();
  };
  private readonly onFocusIn = (): void => {
    this.schedule();
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot) {
      const root = el.shadowRoot;
      if (root !== this.host.shadowRoot && !this.watched.has(root)) {
        this.watched.add(root);
        this.watchedList.push(root);
        root.addEventListener('focusin', this.schedule, true);
        root.addEventListener('focusout', this.schedule, true);
      }
      el = root.activeElement;
    }
  };

  constructor(private readonly host: Placed) {
    host.addController(this);
  }
  hostConnected(): void {
    document.addEventListener('focusin', this.onFocusIn, true);
    document.addEventListener('focusout', this.schedule, true);
    document.addEventListener(KEEP_CLEAR, this.onKeep);
    // Capture sees the scrolling of any box of the page, not only of the document.
    document.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    addEventListener('resize', this.schedule, { passive: true });
  }
  hostDisconnected(): void {
    document.removeEventListener('focusin', this.onFocusIn, true);
    document.removeEventListener('focusout', this.schedule, true);
    document.removeEventListener(KEEP_CLEAR, this.onKeep);
    for (const root of this.watchedList.splice(0)) {
      root.removeEventListener('focusin', this.schedule, true);
      root.removeEventListener('focusout', this.schedule, true);
      this.watched.delete(root);
    }
    document.removeEventListener('scroll', this.schedule, { capture: true });
    removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
  /** Once the chat re-rendered (opened, closed), its size changed: look again. */
  hostUpdated(): void {
    this.schedule();
  }

  private place(tokens: string): void {
    const h = this.host;
    if (tokens) h.setAttribute('data-place', tokens);
    else h.removeAttribute('data-place');
  }

  private check(): void {
    this.frame = 0;
    const h = this.host;
    if (!h.floating) return this.place('');
    const el = deepActive();
    // Focus in the chat itself: stay where it is (never jump away from the person's focus).
    if (el && (el === h || h.contains(el) || h.shadowRoot?.contains(el))) return;
    const rect = el && el !== document.body && el !== document.documentElement ? el.getBoundingClientRect() : null;
    const target = rect && rect.width > 0 && rect.height > 0 ? rect : null;
    const vw = document.documentElement.clientWidth;
    const vh = innerHeight;
    // An open panel only yields to the focused control: kept-clear boxes would fold it at once on a phone.
    const boxes: Box[] = target ? [target] : [];
    for (const k of h.panelOpen ? [] : this.keep) {
      if (!k.isConnected) this.keep.delete(k);
      const r = k.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh) boxes.push(r);
    }
    if (!boxes.length) return this.place('');
    // What shows — the panel or the launcher —, its size and its distance from the corner.
    const current = h.getAttribute('data-place') ?? '';
    const shown = h.shadowRoot?.querySelector('#panel') ?? h.shadowRoot?.querySelector('#launcher');
    if (!shown) return;
    const box = shown.getBoundingClientRect();
    const gap = current.includes('start') ? box.left : vw - box.right;
    if (current.includes('compact') || current.includes('hidden')) {
      // Measure the full launcher first: it may fit somewhere now.
      this.place('');
      return this.check();
    }
    const corner = freeCorner(boxes, box.width, box.height, vw, vh, gap);
    if (corner !== null) return this.place(corner);
    if (h.panelOpen) return h.fold();
    // A round button as high as the launcher.
    const small = freeCorner(boxes, box.height, box.height, vw, vh, gap);
    this.place(small === null ? 'hidden' : `${small} compact`.trim());
  }
}
