import type { DayCount } from './figure-registry';

/** How long a live count is kept: a figure of today or of a month not yet stored is at most this old. */
export const LIVE_CACHE_MS = 30_000;
/** Entries kept at most (the oldest go first): bounds the memory of one process. */
const MAX_ENTRIES = 2000;

interface Entry {
  code: string;
  at: number;
  value: Promise<DayCount[]>;
}

/**
 * A short-lived cache of the live part of the usage figures (the days and months not stored yet),
 * per municipality, module and range: a dashboard opened by several supervisors, or read twice in a
 * meeting, counts the event tables once per window. The key always holds the municipality code, so
 * one municipality never reads another's counts. A count that fails is not kept. `invalidate` drops a
 * municipality's entries at once (after staff change a figure by hand); anything else a module writes
 * appears when its entry expires.
 */
export class LiveCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => Date,
    readonly ttlMs: number = LIVE_CACHE_MS,
  ) {}

  /** The counts for the key, from the cache if younger than the window, else from `count` (kept). */
  get(code: string, key: string, count: () => Promise<DayCount[]>): Promise<DayCount[]> {
    const full = `${code}|${key}`;
    const t = this.now().getTime();
    const hit = this.peek(code, key);
    if (hit) return hit;
    this.prune(t);
    const value = count();
    this.entries.set(full, { code, at: t, value });
    value.catch(() => {
      if (this.entries.get(full)?.value === value) this.entries.delete(full);
    });
    return value;
  }

  /** The counts for the key if younger than the window (nothing is counted). */
  peek(code: string, key: string): Promise<DayCount[]> | undefined {
    const t = this.now().getTime();
    const hit = this.entries.get(`${code}|${key}`);
    return hit && t - hit.at < this.ttlMs && t >= hit.at ? hit.value : undefined;
  }

  /** Keeps counts already taken (e.g. while sealing found a month still open). */
  put(code: string, key: string, value: DayCount[]): void {
    this.prune(this.now().getTime());
    this.entries.set(`${code}|${key}`, { code, at: this.now().getTime(), value: Promise.resolve(value) });
  }

  /** Forgets every live count of a municipality. */
  invalidate(code: string): void {
    for (const [k, e] of this.entries) if (e.code === code) this.entries.delete(k);
  }

  private prune(t: number): void {
    for (const [k, e] of this.entries) if (t - e.at >= this.ttlMs || t < e.at) this.entries.delete(k);
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}
