import { css } from 'lit';
import { BORDER, ERROR, FONT, MUTED, PRIMARY, TEXT } from '../shared/tokens.styles.js';

/**
 * Styles of the staff console (adopted stylesheets: no inline style attributes, so the page's
 * `style-src 'self'` CSP holds). Colours keep text contrast ≥ 4.5:1; every control is at least
 * 44 px high; the layout works from 768 px (tablet) up.
 */
export const base = css`
  :host {
    display: block;
    font-family: ${FONT};
    color: ${TEXT};
    line-height: 1.6;
    --primary: ${PRIMARY};
    --muted: ${MUTED};
    --border: ${BORDER};
    --error: ${ERROR};
    --ok: #1b6b2f;
    --bg-soft: #f3f6fa;
  }
  [hidden] { display: none !important; }
  *, *::before, *::after { box-sizing: border-box; }
  h1 { font-size: 1.5rem; line-height: 1.35; margin: 0 0 0.75rem; }
  h2 { font-size: 1.25rem; line-height: 1.4; margin: 1rem 0 0.5rem; }
  h3 { font-size: 1.0625rem; line-height: 1.4; margin: 0 0 0.5rem; }
  h1:focus, h2:focus { outline: 3px solid var(--primary); outline-offset: 2px; }
  :focus-visible { outline: 3px solid var(--primary); outline-offset: 2px; }
  p { margin: 0 0 0.75rem; }
  a { color: var(--primary); }
  button, .button {
    font: inherit;
    min-height: 44px;
    padding: 0.375rem 1rem;
    border: 2px solid var(--primary);
    border-radius: 6px;
    background: #fff;
    color: var(--primary);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
  }
  button.primary { background: var(--primary); color: #fff; }
  button[disabled] { border-color: #767676; color: #4a4a4a; background: #eee; cursor: not-allowed; }
  label, .label { font-weight: 600; display: block; margin: 0 0 0.25rem; }
  input[type='text'], input[type='search'], input[type='url'], input[type='email'], input[type='password'], input[type='tel'], input[type='date'], input[type='number'], select, textarea {
    font: inherit;
    min-height: 44px;
    width: 100%;
    padding: 0.375rem 0.5rem;
    border: 1px solid #595959;
    border-radius: 4px;
    background: #fff;
    color: inherit;
  }
  textarea { min-height: 5rem; resize: vertical; }
  input[type='checkbox'] { width: 1.25rem; height: 1.25rem; margin: 0 0.5rem 0 0; accent-color: var(--primary); flex: none; }
  .check { display: flex; align-items: center; min-height: 44px; font-weight: normal; margin: 0; }
  fieldset { border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 1rem 1rem; margin: 0 0 1rem; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .field { margin: 0 0 0.75rem; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); gap: 0 1rem; }
  /* Fields whose choices are long (「未処理（提出・審査中・追加書類待ち）」 was cut off at 14rem). */
  .grid.wide { grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); }
  .checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr)); gap: 0 1rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.75rem 0; align-items: center; }
  .error { color: var(--error); font-weight: 600; }
  [aria-invalid='true'] { border: 2px solid var(--error) !important; }
  .notice {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--border);
    background: #f4f4f4;
    color: #1a1a1a;
  }
  .ok { color: var(--ok); font-weight: 600; }
  .muted { color: var(--muted); }
  .badge { white-space: nowrap; display: inline-block; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 999px; font-size: 0.875rem; margin: 0 0.25rem 0.25rem 0; }
  .table-wrap { overflow-x: auto; border: 1px solid #d0d0d0; border-radius: 6px; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: start; font-weight: 600; padding: 0.5rem; }
  th, td { text-align: start; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid #d0d0d0; }
  th { background: var(--bg-soft); white-space: nowrap; }
  /* A row's name keeps a readable width (it was squeezed to one character a line beside nowrap headers)
     and stays in view while a wide table scrolls sideways on a phone. */
  tbody th { background: transparent; white-space: normal; min-width: 7em; }
  .table-wrap tbody th[scope='row'] { position: sticky; inset-inline-start: 0; background: #fff; }
  .nowrap { white-space: nowrap; }
  /* The label column takes at most half the card (a long label wraps), so a value keeps room: 1,800,000 円 is never split. */
  dl { display: grid; grid-template-columns: fit-content(50%) minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0 0 0.5rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  ul.plain { list-style: none; padding: 0; margin: 0; }
  ul.plain > li + li { margin-top: 0.375rem; }
  .visually-hidden {
    position: absolute !important; width: 1px !important; height: 1px !important; overflow: hidden !important;
    clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; white-space: nowrap !important;
  }
`;

export const appStyles = css`
  :host { min-height: 100vh; background: #fff; }
  .skip { position: absolute; left: -10000px; top: 0; }
  .skip:focus { left: 0.5rem; top: 0.5rem; z-index: 10; background: #fff; padding: 0.5rem; }
  header {
    display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem;
    padding: 0.5rem 1rem; border-bottom: 1px solid #d0d0d0; background: var(--bg-soft);
  }
  .brand { font-weight: 700; font-size: 1.125rem; margin: 0; }
  .who { margin: 0 0 0 auto; }
  nav ul { display: flex; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0 1rem; border-bottom: 1px solid #d0d0d0; flex-wrap: wrap; }
  nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.5rem; font-weight: 600; }
  nav a[aria-current='page'] { border-bottom: 4px solid var(--primary); }
  nav .menu { display: none; }
  /* A phone: the menu folds behind the 「メニュー」 button (staff-nav.ts); wide screens never see the button. */
  @media (max-width: 40rem) {
    nav { border-bottom: 1px solid #d0d0d0; padding: 0.25rem 1rem; }
    nav .menu { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 44px; }
    nav:not(.open) ul { display: none; }
    nav ul { flex-direction: column; padding: 0; border-bottom: none; }
  }
  main { padding: 1rem; max-width: 80rem; margin: 0 auto; }
  main:focus { outline: none; }
  dialog { max-width: min(32rem, 95vw); border: 2px solid var(--primary); border-radius: 8px; padding: 1.25rem; }
  dialog::backdrop { background: rgb(0 0 0 / 50%); }
  /* Printing any page prints its content only: no header, menus or live regions. */
  @media print { .skip, header, nav { display: none !important; } main { padding: 0; max-width: none; } }
`;

export const viewStyles = css`
  .filters { border: 1px solid #d0d0d0; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; background: var(--bg-soft); }
  .tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0 0 1rem; border-bottom: 2px solid #d0d0d0; }
  .tabs a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.75rem; font-weight: 600; text-decoration: none; border: 1px solid transparent; border-bottom: none; border-radius: 6px 6px 0 0; }
  .tabs a[aria-current='page'] { border-color: #d0d0d0; background: #fff; margin-bottom: -2px; border-bottom: 2px solid #fff; text-decoration: underline; }
  .sections { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); gap: 1rem; }
  .side { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
  @media (max-width: 900px) { .side { grid-template-columns: 1fr; } }
  .card { border: 1px solid #d0d0d0; border-radius: 6px; padding: 0.75rem 1rem; }
  .item { border: 1px solid #d0d0d0; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
  .item-head { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; }
  .ref { font-family: ui-monospace, monospace; font-weight: 700; }
  .inline label { margin: 0; }
  .inline select { width: auto; min-width: 10rem; }
  .pager { display: flex; gap: 0.5rem; align-items: center; margin: 0.75rem 0; flex-wrap: wrap; }
`;
