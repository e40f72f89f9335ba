import { html, type TemplateResult } from 'lit';
import type { ApiError } from './model.js';

/** Small helpers shared by the intake element's layers (no state). */

/** Waits before the automatic retries of a submission that got no answer (fetch rejected or 5xx). */
export const BACKOFF = [500, 1000, 2000];
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The person's local date, YYYY-MM-DD (a child's age from the chat is counted to it). */
export const today = (d = new Date()): string => [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
export type Gql<T> = { data?: T | null; errors?: ApiError[] };

const RUBY = /([\u3005\u4e00-\u9fff]+)\{([^}]+)\}/g;
export const plain = (s: string): string => s.replace(/\{[^}]+\}/g, '');
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
export function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}
