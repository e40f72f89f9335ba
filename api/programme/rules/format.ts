// Formatting of yen, numbers and dates for the three locales. Used only when rendering (lazily, in the
// API layer), never inside the rules.

/** 1234567 → "1,234,567" (no Intl: identical output on every runtime and ICU build). */
export function grouped(n: number): string {
  const neg = n < 0;
  const s = String(Math.round(Math.abs(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return neg ? '-' + out : out;
}

/** Japanese yen: 1,220,000 → "122万円"; 1,225,000 → "122万5,000円"; 44,080 → "44,080円". */
export function yenJa(v: string | number | undefined): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 1_000_000 || (Math.abs(n) >= 10_000 && n % 10_000 === 0)) {
    const man = Math.trunc(n / 10_000);
    const rest = Math.abs(n % 10_000);
    return rest === 0 ? `${grouped(man)}万円` : `${grouped(man)}万${grouped(rest)}円`;
  }
  return `${grouped(n)}円`;
}

/** English yen: 1220000 → "¥1,220,000". */
export function yenEn(v: string | number | undefined): string {
  const n = Number(v);
  return Number.isFinite(n) ? `¥${grouped(n)}` : '—';
}

/** 'YYYY-MM-DD' → "2026年5月1日" (other text is returned as is). */
export function dateJa(v: string | number | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v ?? ''));
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : String(v ?? '');
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM-DD' → "1 May 2026". */
export function dateEn(v: string | number | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v ?? ''));
  return m ? `${Number(m[3])} ${MONTHS_EN[Number(m[2]) - 1] ?? ''} ${m[1]}` : String(v ?? '');
}

/** English plural: (1, 'child', 'children') → "1 child". */
export function count(v: string | number | undefined, one: string, many: string): string {
  const n = Number(v);
  return `${grouped(n)} ${n === 1 ? one : many}`;
}
