/**
 * A web origin — scheme, host and port, nothing else — as a municipality allows it for its CMS pages
 * (and as CORS_ORIGINS lists them). One rule for both: https, except on the machine itself
 * (localhost, 127.0.0.1, [::1]), where a webmaster tries things out over http.
 */
export type OriginProblem = 'FORMAT' | 'NOT_ORIGIN' | 'HTTPS';

const MAX_LENGTH = 200;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks and normalises an origin: `HTTPS://WWW.City.Example.LG.JP:443/` → `https://www.city.example.lg.jp`
 * (lower case, punycode, default port dropped, a bare trailing slash accepted). Parsed by the WHATWG
 * URL parser, never by a regular expression.
 */
export function normaliseOrigin(input: string): { origin: string } | { problem: OriginProblem } {
  const text = input.trim();
  if (!text || text.length > MAX_LENGTH || /[\s\u0000-\u001f]/.test(text) || text.includes('*')) return { problem: 'FORMAT' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'FORMAT' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'FORMAT' };
  if (!url.hostname || url.username || url.password) return { problem: 'FORMAT' };
  // "https://www.city.example.lg.jp/" is the origin; "…/kosodate/" or "…?x" is a page, not an origin.
  if (url.pathname !== '/' || url.search || url.hash || /^https?:\/\/[^/]+\/./i.test(text)) return { problem: 'NOT_ORIGIN' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { problem: 'HTTPS' };
  return { origin: url.origin };
}
