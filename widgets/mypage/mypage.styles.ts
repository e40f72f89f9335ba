import { css } from 'lit';
import { FONT, FONT_SIZE, ON_PRIMARY, PRIMARY, RADIUS, TEXT } from '../shared/tokens.styles.js';

/** Styles of <yorisoi-mypage>, themed with the same --yorisoi-* properties as the chat and intake widgets (shared/tokens.styles.ts). */
export const mypageStyles = css`
  :host { display: block; font-family: ${FONT}; font-size: ${FONT_SIZE}; color: ${TEXT}; }
  * { box-sizing: border-box; }
  [part~='root'] { max-width: 40rem; padding: 1rem; border: 1px solid #bbb; border-radius: ${RADIUS}; background: #fff; overflow-wrap: anywhere; }
  h2, h3 { line-height: 1.3; }
  h2:focus { outline: 3px solid ${PRIMARY}; outline-offset: 2px; }
  label, legend { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
  input, select, textarea { width: 100%; font: inherit; padding: 0.5rem; border: 1px solid #555; border-radius: 4px; min-height: 44px; }
  fieldset { border: 0; padding: 0; margin: 0; }
  fieldset label { display: inline-flex; gap: 0.4rem; align-items: center; font-weight: 400; margin-right: 1rem; }
  fieldset input { width: auto; min-height: 24px; }
  button, a.button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; margin: 0.5rem 0.5rem 0 0; border-radius: 4px; border: 2px solid ${PRIMARY}; background: #fff; color: ${PRIMARY}; cursor: pointer; display: inline-block; text-decoration: none; }
  button.primary { background: ${PRIMARY}; color: ${ON_PRIMARY}; }
  button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid ${PRIMARY}; outline-offset: 2px; }
  .help { color: #444; font-size: 0.9em; margin: 0.2rem 0; }
  .prefilled { display: inline-block; font-size: 0.85em; background: #e8f1fb; color: #0b4c8c; padding: 0 0.4rem; border-radius: 4px; margin-left: 0.4rem; font-weight: 400; }
  .error { color: #b00020; font-weight: 600; }
  .card { border: 1px solid #ccc; border-radius: 6px; padding: 0.75rem; margin: 0.5rem 0; }
  .ref { font-size: 1.5em; font-weight: 700; letter-spacing: 0.05em; }
  dl { display: grid; grid-template-columns: minmax(8rem, 40%) 1fr; gap: 0.3rem 0.8rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  ul { padding-left: 1.2rem; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (max-width: 480px) { dl { grid-template-columns: 1fr; } [part~='root'] { padding: 0.75rem; } }
`;
