import { css } from 'lit';
import { BG, BORDER, ERROR, focusRing, hostReset, INPUT_BORDER, MUTED, ON_PRIMARY, PRIMARY, RADIUS, TEXT } from '../shared/tokens.styles.js';

/**
 * Styles of <yorisoi-chat>, adopted by the shadow root (no inline style attributes: a strict
 * `style-src 'self'` CSP is fine). As in the intake widget, the host resets itself with `!important`
 * so hostile page CSS cannot restyle it; theme it with the --yorisoi-* custom properties and ::part.
 * In launcher mode (the default) the host is a fixed box at the bottom right of the viewport; its
 * `data-place` tokens (set by placement.ts) move it to another corner (`start`, `top`), shrink the
 * launcher to a round button (`compact`) or hide it (`hidden`) while the page's focused control is
 * under it. The panel is a column: header, the scrolling conversation, the message box at the bottom.
 */
export const chatStyles = css`
  :host {
    ${hostReset}
    line-height: 1.6 !important;
  }
  :host(:not([mode='inline'])) {
    position: fixed !important;
    right: var(--yorisoi-chat-offset, 1em) !important;
    bottom: var(--yorisoi-chat-offset, 1em) !important;
    z-index: var(--yorisoi-chat-z, 2147483000) !important;
    left: auto !important;
    top: auto !important;
    max-width: calc(100vw - 2 * var(--yorisoi-chat-offset, 1em)) !important;
  }
  :host([data-place~='start']:not([mode='inline'])) { right: auto !important; left: var(--yorisoi-chat-offset, 1em) !important; }
  :host([data-place~='top']:not([mode='inline'])) { bottom: auto !important; top: var(--yorisoi-chat-offset, 1em) !important; }
  :host([data-place~='hidden']:not([mode='inline'])) { visibility: hidden !important; }
  :host([hidden]) { display: none !important; }
  *, *::before, *::after { box-sizing: border-box; }
  svg { vertical-align: middle; margin-inline-end: 0.25em; }
  .launcher {
    display: block;
    margin-inline-start: auto;
    border-radius: 2em;
    padding: 0.5em 1.25em;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.35);
  }
  :host([data-place~='compact']) .launcher { border-radius: 50%; padding: 0; width: 2.75em; height: 2.75em; }
  :host([data-place~='compact']) .launcher svg { margin: 0; }
  :host([data-place~='compact']) .launcher-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .panel {
    display: flex;
    flex-direction: column;
    background: ${BG};
    border: 1px solid ${BORDER};
    border-radius: ${RADIUS};
    max-width: 44em;
    height: var(--yorisoi-chat-height, 38em);
    max-height: 100%;
  }
  :host(:not([mode='inline'])) .panel {
    width: min(24em, calc(100vw - 2 * var(--yorisoi-chat-offset, 1em)));
    height: min(var(--yorisoi-chat-height, 38em), calc(100vh - 2 * var(--yorisoi-chat-offset, 1em)));
    /* The dynamic viewport: a phone's browser bars do not push the message box off the screen. */
    height: min(var(--yorisoi-chat-height, 38em), calc(100dvh - 2 * var(--yorisoi-chat-offset, 1em)));
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.35);
  }
  /* A phone (narrow or short screen): the open panel fills the viewport. */
  @media (max-width: 30em), (max-height: 32em) {
    :host(:not([mode='inline'])) .panel {
      position: fixed;
      inset: 0;
      width: auto;
      max-width: none;
      height: auto;
      max-height: none;
      border: 0;
      border-radius: 0;
      box-shadow: none;
    }
  }
  .head { display: flex; align-items: center; gap: 0.5em; padding: 0.5em 0.75em; border-bottom: 1px solid ${BORDER}; }
  h2 { flex: 1; font-size: 1.125em; line-height: 1.4; margin: 0; }
  @media (max-width: 30em) {
    h2 { font-size: 1em; }
  }
  h3 { font-size: 1em; margin: 0 0 0.5em; }
  p { margin: 0 0 0.5em; }
  .head, .composer, .offline, .panel > .error { flex: none; }
  /* Only this part scrolls: the conversation, then quick replies, the call-back form and the rating. */
  .scroll { flex: 1 1 auto; min-height: 4em; overflow-y: auto; overscroll-behavior: contain; }
  .log { padding: 0.75em 0.75em 0; }
  .intro { color: ${MUTED}; font-size: 0.875em; }
  .msg { margin: 0 0 0.625em; }
  .me { max-width: 88%; margin-inline-start: auto; text-align: end; }
  .bot .bubble { display: block; }
  .bubble {
    display: inline-block;
    text-align: start;
    white-space: pre-line;
    padding: 0.5em 0.75em;
    border-radius: ${RADIUS};
    background: var(--yorisoi-bot-bg, #eef1f5);
    color: ${TEXT};
  }
  .me .bubble { background: ${PRIMARY}; color: ${ON_PRIMARY}; }
  .state { display: block; font-size: 0.8125em; color: ${MUTED}; }
  .who { font-size: 0.8125em; color: ${MUTED}; }
  .alert {
    border: 3px solid ${ERROR};
    border-radius: ${RADIUS};
    background: var(--yorisoi-alert-bg, #fff5f4);
    padding: 0.5em 0.75em;
    margin: 0 0 0.5em;
  }
  .alert ul, .list { margin: 0; padding-inline-start: 1.25em; }
  .alert p { margin-bottom: 0.25em; }
  .alert li { line-height: 1.4; margin: 0.125em 0; }
  .big { font-size: 1.2em; }
  .bubble p { margin: 0; }
  .bubble p + p { margin-top: 0.5em; }
  a { color: var(--yorisoi-link, #0b5cad); font-weight: bold; }
  /* A hotline number is one tap target on one line. */
  a.tel { white-space: nowrap; display: inline-block; min-height: 1.5em; }
  .sub { font-weight: bold; margin: 0.5em 0 0; font-size: 0.875em; }
  /* Related programmes as one run of text: 「関係する制度 A、B」. */
  .progs { font-size: 0.875em; margin: 0.25em 0 0; }
  .progs .sub { font-size: 1em; margin-inline-end: 0.5em; }
  .progs ul { display: inline; margin: 0; padding: 0; list-style: none; }
  .progs li { display: inline; }
  .progs li:not(:last-child)::after { content: '、'; }
  .progs li:lang(en):not(:last-child)::after { content: ', '; }
  .note { margin: 0.25em 0 0; font-size: 0.875em; color: ${MUTED}; }
  .quick, .rating, .row { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0.25em 0 0.5em; }
  .quick { padding: 0 0.75em; margin: 0 0 0.75em; }
  .bar { padding: 0.5em 0.75em; border-top: 1px solid ${BORDER}; }
  .offline { background: var(--yorisoi-alert-bg, #fff5f4); color: ${ERROR}; font-weight: bold; }
  form.composer { display: flex; gap: 0.5em; align-items: flex-end; padding: 0.375em 0.75em; border-top: 1px solid ${BORDER}; }
  .grow { flex: 1; min-width: 0; }
  .hint { display: block; font-size: 0.8125em; color: ${MUTED}; }
  textarea, input[type='text'], input[type='tel'], input[type='email'] {
    display: block;
    width: 100%;
    min-height: 2.75em;
    padding: 0.375em 0.5em;
    font: inherit;
    color: inherit;
    background: ${BG};
    border: 1px solid ${INPUT_BORDER};
    border-radius: calc(${RADIUS} / 2);
    resize: vertical;
  }
  [aria-invalid='true'] { border: 2px solid ${ERROR} !important; }
  button {
    font: inherit;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.375em 1em;
    border: 2px solid ${PRIMARY};
    border-radius: ${RADIUS};
    background: ${BG};
    color: ${PRIMARY};
    cursor: pointer;
  }
  button.primary { background: ${PRIMARY}; color: ${ON_PRIMARY}; }
  .x { padding: 0.25em 0.5em; }
  .langs { display: flex; justify-content: flex-end; gap: 0.25em; padding: 0.5em 0.75em 0; }
  .langs button { min-height: 3.15em; min-width: 0; padding: 0.125em 0.5em; font-size: 0.875em; }
  :focus-visible, [tabindex='-1']:focus {
    ${focusRing}
  }
  fieldset { border: 1px solid ${BORDER}; border-radius: ${RADIUS}; padding: 0.25em 0.75em 0.5em; margin: 0 0 0.5em; min-width: 0; }
  legend { font-weight: bold; padding: 0 0.25em; }
  .label { display: block; font-weight: bold; margin: 0.5em 0 0.25em; }
  .opt { display: flex; align-items: center; min-height: 2.75em; cursor: pointer; }
  input[type='checkbox'], input[type='radio'] { flex: none; width: 1.25em; height: 1.25em; margin: 0 0.5em 0 0; accent-color: ${PRIMARY}; }
  .notice { border: 1px solid ${BORDER}; border-radius: ${RADIUS}; padding: 0.5em 0.75em; margin: 0.5em 0; font-size: 0.875em; }
  .error { color: ${ERROR}; font-weight: bold; margin: 0.25em 0 0; }
  .ref { font-size: 1.75em; font-weight: bold; letter-spacing: 0.05em; user-select: all; margin: 0; }
  rt { font-size: 0.6em; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media (forced-colors: active) {
    button.primary, .me .bubble { border: 2px solid ButtonText; }
  }
`;
