import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../core';

let demoCodes: ReadonlyMap<string, PostalPlace> | null = null;

/**
 * The fictional postal codes of the fictional デモ市 (seeds/demo/postal-codes.tsv, 999-9901…): what the
 * postal look-up answers in demo mode only, so the intake's address fill-in can be tried on the demo page.
 * Its own municipality code (999999 has no valid check digit, and no Japan Post city).
 */
export function demoPostalPlace(digits: string): PostalPlace | null {
  demoCodes ??= new Map(
    [...rows(join(SEEDS_DIR, 'demo', 'postal-codes.tsv'))].map(([code = '', municipalityCode = '', prefecture = '', city = '', town = '']) => [
      code,
      { municipalityCode, prefecture, city, town: town || null },
    ]),
  );
  return demoCodes.get(digits) ?? null;
}

/** One place a postal code covers. `town` is null when Japan Post gives none (「以下に掲載がない場合」 etc.). */
export interface PostalPlace {
  /** 全国地方公共団体コード, 6 digits (with the check digit), as `municipalityCode` everywhere else. */
  municipalityCode: string;
  prefecture: string;
  city: string;
  town: string | null;
}

/** 5-digit 団体コード → the 6-digit one: check digit = ones digit of 11 − (Σ digit × 6,5,4,3,2 mod 11). */
export function withCheckDigit(code5: string): string {
  const sum = [...code5].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  return `${code5}${(11 - (sum % 11)) % 10}`;
}

/**
 * Japan Post's postal codes (seeds/postal/, made by `npm run postal:import`): 7-digit code → the
 * prefecture, city and town it covers. Read once, on first use (about 120,000 rows, ~0.1 s); a lookup
 * is one Map access. Rows keyed by 5 digits stand for every code that starts with them (floors of a
 * high-rise building); a 7-digit row wins over them.
 */
export class PostalDirectory {
  private static instance: PostalDirectory | null = null;

  /** The directory of seeds/postal/, loaded on first call and kept for the life of the process. */
  static shared(): PostalDirectory {
    return (PostalDirectory.instance ??= PostalDirectory.load(join(SEEDS_DIR, 'postal')));
  }

  static load(dir: string): PostalDirectory {
    const cities = new Map<string, readonly [string, string]>();
    for (const [code, prefecture, city] of rows(join(dir, 'cities.tsv'))) {
      if (!code || !prefecture || !city) throw new Error(`seeds/postal/cities.tsv: bad row for ${code}`);
      cities.set(code, [prefecture, city]);
    }
    // Code → its rows ("city\ttown", several joined by "\n"): kept as strings, parsed on lookup.
    const codes = new Map<string, string>();
    for (const [code, city, town = ''] of rows(join(dir, 'postal-codes.tsv'))) {
      if (!code || !/^\d{5}(\d{2})?$/.test(code) || !city || !cities.has(city)) throw new Error(`seeds/postal/postal-codes.tsv: bad row for ${code}`);
      const prev = codes.get(code);
      codes.set(code, prev === undefined ? `${city}\t${town}` : `${prev}\n${city}\t${town}`);
    }
    return new PostalDirectory(cities, codes);
  }

  private constructor(
    private readonly cities: ReadonlyMap<string, readonly [string, string]>,
    private readonly codes: ReadonlyMap<string, string>,
  ) {}

  /** The municipality of a 6-digit 全国地方公共団体コード (check digit included), or null when Japan Post's data has none. */
  municipality(code6: string): { prefecture: string; city: string } | null {
    if (!/^\d{6}$/.test(code6) || withCheckDigit(code6.slice(0, 5)) !== code6) return null;
    const found = this.cities.get(code6.slice(0, 5));
    return found ? { prefecture: found[0], city: found[1] } : null;
  }

  /** Number of codes (and 5-digit prefixes) known. */
  get size(): number {
    return this.codes.size;
  }

  /** The places a 7-digit code (digits only, e.g. "1000001") covers; [] when Japan Post has no such code. */
  lookup(digits: string): PostalPlace[] {
    if (!/^\d{7}$/.test(digits)) return [];
    const packed = this.codes.get(digits) ?? this.codes.get(digits.slice(0, 5));
    if (packed === undefined) return [];
    return packed.split('\n').map((row) => {
      const [city = '', town = ''] = row.split('\t');
      const [prefecture, name] = this.cities.get(city) as readonly [string, string];
      return { municipalityCode: withCheckDigit(city), prefecture, city: name, town: town || null };
    });
  }
}

function* rows(file: string): Generator<string[]> {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    yield line.split('\t');
  }
}
