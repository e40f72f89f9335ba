import { css } from 'lit';

/**
 * Style tokens of the widgets (chat, intake, mypage; the staff console takes its font and colours from
 * here too): the --yorisoi-* custom properties a municipality themes them with, each with its default,
 * in one place. Named *.styles.ts so the build
 * minifies it like the widgets' own styles (widgets/build.mjs).
 */
export const FONT = css`var(--yorisoi-font, system-ui, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic', sans-serif)`;
export const FONT_SIZE = css`var(--yorisoi-font-size, medium)`;
export const TEXT = css`var(--yorisoi-text, #1a1a1a)`;
export const MUTED = css`var(--yorisoi-muted, #4a4a4a)`;
export const BG = css`var(--yorisoi-bg, #fff)`;
export const BORDER = css`var(--yorisoi-border, #767676)`;
export const RADIUS = css`var(--yorisoi-radius, 8px)`;
export const FOCUS = css`var(--yorisoi-focus, #0b5cad)`;
export const PRIMARY = css`var(--yorisoi-primary, #0b5cad)`;
export const ON_PRIMARY = css`var(--yorisoi-on-primary, #fff)`;
export const ERROR = css`var(--yorisoi-error, #b3261e)`;
export const INPUT_BORDER = css`var(--yorisoi-input-border, #595959)`;

/**
 * The host's reset (declarations for `:host { … }`): inside a shadow tree's context, important
 * declarations beat the page's, so hostile page CSS (`* { all: unset }`) cannot restyle the widget; the
 * --yorisoi-* properties still inherit. The widget adds its own line height (and background).
 */
export const hostReset = css`
  all: initial !important;
  display: block !important;
  box-sizing: border-box !important;
  max-width: 100% !important;
  font-family: ${FONT} !important;
  font-size: ${FONT_SIZE} !important;
  color: ${TEXT} !important;
  text-align: start !important;
  overflow-wrap: anywhere !important;
`;

/** The focus ring (declarations): 3px, off the element, in the focus colour. */
export const focusRing = css`
  outline: 3px solid ${FOCUS};
  outline-offset: 2px;
`;
