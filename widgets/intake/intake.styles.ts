import { css } from 'lit';
import { BG, BORDER, ERROR, focusRing, hostReset, INPUT_BORDER, MUTED, ON_PRIMARY, PRIMARY, RADIUS } from '../shared/tokens.styles.js';

/**
 * Styles of <yorisoi-intake>, adopted by the shadow root (no inline style attributes, so a strict
 * `style-src 'self'` CSP is fine). The host is reset with `!important`: inside a shadow tree's
 * context, important declarations beat the page's, so hostile page CSS (`* { all: unset }`) cannot
 * restyle the widget. Theme with the --yorisoi-* custom properties (they still inherit) and ::part.
 */
export const intakeStyles = css`
  :host {
    ${hostReset}
    line-height: 1.7 !important;
    background: ${BG} !important;
  }
  :host([hidden]) { display: none !important; }
  *, *::before, *::after { box-sizing: border-box; }
  .root {
    padding: 1em;
    border: 1px solid ${BORDER};
    border-radius: ${RADIUS};
    max-width: 44em;
  }
  p { margin: 0 0 0.75em; }
  .title { font-weight: bold; font-size: 1.125em; margin: 0; }
  .progress { font-size: 0.875em; color: ${MUTED}; margin: 0 0 0.5em; }
  h2 { font-size: 1.375em; line-height: 1.4; margin: 0.25em 0 0.75em; }
  h3 { font-size: 1.125em; line-height: 1.4; margin: 0 0 0.5em; }
  :focus-visible, h2:focus {
    ${focusRing}
  }
  fieldset {
    border: 1px solid ${BORDER};
    border-radius: ${RADIUS};
    padding: 0.5em 1em 1em;
    margin: 0 0 1em;
    min-width: 0;
  }
  legend { font-weight: bold; padding: 0 0.25em; }
  .label { display: block; font-weight: bold; margin: 0.75em 0 0.25em; }
  .hint { display: block; font-size: 0.875em; color: ${MUTED}; margin: 0 0 0.25em; }
  input[type='text'], input[type='date'], input[type='tel'], input[type='email'] {
    display: block;
    width: 100%;
    max-width: 18em;
    min-height: 2.75em;
    padding: 0.375em 0.5em;
    font: inherit;
    color: inherit;
    background: ${BG};
    border: 1px solid ${INPUT_BORDER};
    border-radius: calc(${RADIUS} / 2);
  }
  .yen { display: flex; align-items: center; gap: 0.5em; }
  /* The unit never shrinks or wraps ("ye / n" at 390 px); the input takes the room that is left. */
  .yen > span { flex: none; white-space: nowrap; }
  .yen > input { flex: 1 1 auto; min-width: 0; }
  /* Telephone numbers are tapped, not read across a line break. */
  a[href^='tel:'] { white-space: nowrap; display: inline-block; min-height: 1.5em; padding: 0.1em 0; }
  [aria-invalid='true'] { border: 2px solid ${ERROR} !important; }
  .opts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr)); gap: 0 1em; }
  .opt { display: flex; align-items: center; min-height: 2.75em; padding: 0.25em 0; cursor: pointer; }
  input[type='checkbox'], input[type='radio'] {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0 0.5em 0 0;
    accent-color: ${PRIMARY};
  }
  /* Alone in the tools row, 「この端末に保存する」 is a target of its own: 24 px at any font size (WCAG 2.5.8). */
  #remember { width: max(1.25em, 24px); height: max(1.25em, 24px); }
  button {
    font: inherit;
    min-height: 2.75em;
    padding: 0.375em 1.25em;
    border: 2px solid ${PRIMARY};
    border-radius: ${RADIUS};
    background: ${BG};
    color: ${PRIMARY};
    cursor: pointer;
  }
  button.primary { background: ${PRIMARY}; color: ${ON_PRIMARY}; }
  .nav, .tools { display: flex; flex-wrap: wrap; gap: 0.75em; align-items: center; justify-content: space-between; margin-top: 1.25em; }
  .tools { border-top: 1px solid ${BORDER}; padding-top: 1em; }
  .error { color: ${ERROR}; font-weight: bold; margin: 0.25em 0 0; }
  .alert {
    border: 3px solid ${ERROR};
    border-radius: ${RADIUS};
    background: var(--yorisoi-alert-bg, #fff5f4);
    padding: 0.75em 1em;
    margin: 0 0 1em;
  }
  .alert ul, .list { margin: 0; padding-inline-start: 1.25em; }
  a { color: var(--yorisoi-link, #0b5cad); font-weight: bold; }
  .results { list-style: none; margin: 0; padding: 0; }
  .result {
    border: 1px solid ${BORDER};
    border-radius: ${RADIUS};
    padding: 0.75em 1em;
    margin: 0 0 1em;
  }
  .status { display: inline-block; font-weight: bold; padding: 0 0.5em; border-radius: 0.25em; background: #ededed; color: #1a1a1a; }
  .ELIGIBLE { background: #e3f1e6; color: #1b4d2a; }
  .NEEDS_MORE_INFO { background: #fff2cc; color: #5c3d00; }
  .amount { font-size: 1.25em; font-weight: bold; margin: 0.25em 0; }
  .sub { font-weight: bold; margin: 0.5em 0 0; }
  .opt .hint { margin: 0; font-weight: normal; }
  .notice {
    border: 1px solid ${BORDER};
    border-radius: ${RADIUS};
    padding: 0.75em 1em;
    margin: 0 0 1em;
  }
  .top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-start; gap: 0.5em; }
  .langs { display: flex; gap: 0.25em; margin-inline-start: auto; }
  .langs button { min-height: 3.15em; padding: 0.125em 0.5em; font-size: 0.875em; }
  .exit { flex: none; white-space: nowrap; }
  .summary {
    border: 2px solid ${PRIMARY};
    border-radius: ${RADIUS};
    padding: 0.75em 1em;
    margin: 0 0 1em;
  }
  .ask {
    border-left: 4px solid #b38600;
    background: #fff8e1;
    color: #1a1a1a;
    padding: 0.5em 1em;
    margin: 0 0 1em;
  }
  .ask p { margin: 0.25em 0; }
  .total { font-size: 1.5em; font-weight: bold; margin: 0; }
  .nowrap { white-space: nowrap; }
  details { margin: 0 0 1em; }
  summary { cursor: pointer; font-weight: bold; padding: 0.5em 0; }
  .confirm .row { border-bottom: 1px solid ${BORDER}; padding: 0.5em 0; }
  .confirm dt { font-weight: bold; }
  .confirm dd { margin: 0.25em 0; }
  .carried { border-inline-start: 4px solid ${PRIMARY}; padding: 0.25em 0.75em; }
  /* The receipt's LINE block (line-link.ts): a link that looks like the other buttons, and a QR code that fits 320 px. */
  .family { border: 2px solid ${PRIMARY}; border-radius: ${RADIUS}; padding: 0 1em 0.5em; margin: 1em 0; }
  .line { border-top: 1px solid ${BORDER}; margin-top: 1.25em; }
  a.button { display: inline-flex; align-items: center; min-height: 2.75em; padding: 0.375em 1.25em; border: 2px solid ${PRIMARY}; border-radius: ${RADIUS}; background: ${PRIMARY}; color: ${ON_PRIMARY}; text-decoration: none; }
  .qr { display: block; width: min(12em, 100%); height: auto; }
  .ref { font-size: 2em; font-weight: bold; letter-spacing: 0.05em; user-select: all; margin: 0 0 0.25em; }
  rt { font-size: 0.6em; }
  /* Furigana needs room above its line: without it, a wrapped line's furigana touches the line above (やさしい日本語 at 320 px). */
  :is(p, li, label, span, legend):has(> ruby) { line-height: 2.2; }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button.primary { border: 2px solid ButtonText; }
  }
`;
