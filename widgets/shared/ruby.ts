import { html, type TemplateResult } from 'lit';

// In やさしい日本語, `漢字{よみ}` marks furigana: rendered as <ruby>漢字<rt>よみ</rt></ruby> here, dropped
// from plain text by plain() (shared/lang.ts).
const RUBY = /([\u3005\u4e00-\u9fff]+)\{([^}]+)\}/g;

/** Renders `漢字{よみ}` as ruby; plain strings pass through. */
export function ruby(s: string): TemplateResult | string {
  if (!s.includes('{')) return s;
  const parts: unknown[] = [];
  let i = 0;
  for (const m of s.matchAll(RUBY)) {
    parts.push(s.slice(i, m.index), html`<ruby>${m[1]}<rp>(</rp><rt>${m[2]}</rt><rp>)</rp></ruby>`);
    i = (m.index ?? 0) + m[0].length;
  }
  parts.push(s.slice(i));
  return html`${parts}`;
}
