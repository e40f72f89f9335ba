/**
 * The danger classifier. It reads the sentence, not single words: rules in seeds/chatbot/danger.yaml
 * combine who does what to whom (元夫が…, 夫に…られた, 子どもを…しまいそう), and the classifier
 * then removes what only looks like danger:
 *
 *   mask      service names and figures of speech are blanked out before any rule runs:
 *             「DV相談の受付時間は？」 is about a service, 「死ぬほど忙しい」 is hyperbole, 「助けてもらえる制度」
 *             asks for help with costs;
 *   negation  a match followed by a negation (殴られてはいない, 暴力はありません; "he never hits me")
 *             does not count;
 *   unless    a rule may name contexts that cancel it (子どもが転んで…あざ);
 *   downgrade an urgent rule marked `downgrade` becomes a concern when the message speaks of danger
 *             that is over (昔, 離婚しました, 避難中, "I left…") and of nothing present (今も, また, 怖い).
 *
 * Japanese leaves out what the previous sentence said (「うちの子、まだ2歳。泣き止まないと投げたくなる」:
 * the child is named once). A rule marked `across` is matched with sentence ends read as commas, so
 * its windows may reach into the next sentence (they stay bounded).
 *
 * Two levels come out: urgent (the reply opens with the safety message for the category, naming the
 * right number first, then the hand-off) and concern (the question is answered, and the category's
 * line of help is added). The decision is made here only: no ranking, no AI, no scenario step.
 */
import type { Locale, LocalizedText } from '../core';
import { compilePattern, DangerPatternError, enForm, foldEn, foldJa, type Fragments, jaForm } from './danger-patterns';

export const DANGER_CATEGORIES = [
  'suicide-self-harm',
  'child-harm-by-others',
  'fear-of-harming-own-child',
  'no-safe-place-tonight',
  'sexual-violence',
  'stalking',
  'control',
  'dv',
  'general',
] as const;
/** In priority order: when rules of several categories match at the same level, the first one leads the reply. */
export type DangerCategory = (typeof DANGER_CATEGORIES)[number];
export type DangerLevel = 'urgent' | 'concern' | 'none';

export interface DangerRule {
  id: string;
  category: DangerCategory;
  level: 'urgent' | 'concern';
  /** Urgent, but a concern when the danger is over (past markers and no present ones). */
  downgrade: boolean;
  /** The rule itself means danger right now: this number goes first ("110" police, "119" ambulance). */
  now: '110' | '119' | null;
  /** Matched across sentence ends (zero anaphora). */
  across: boolean;
  ja: RegExp[];
  en: RegExp[];
  unless: { ja: RegExp[]; en: RegExp[] };
}

export interface CategoryReply {
  /** Line keys, the first one named first (110, 119, 189, dv, sv, suicide, shelter, police). */
  lines: string[];
  programmes: string[];
  text: LocalizedText;
  /** Appended when the danger is not immediate (e.g. "危険が迫ったら110番へ"), a key of `police`. */
  after: string | null;
  /** Whether an immediate-danger marker puts 110 (or 119) in front of `text`. */
  nowFirst: boolean;
  /** The line of help a concern adds to the answer. */
  concern: LocalizedText;
}

export interface DangerConfig {
  typos: [string, string][];
  mask: { ja: RegExp[]; en: RegExp[] };
  negation: { ja: RegExp; en: RegExp };
  past: { ja: RegExp[]; en: RegExp[] };
  present: { ja: RegExp[]; en: RegExp[] };
  now: { ja: RegExp[]; en: RegExp[] };
  rules: DangerRule[];
  categories: Record<DangerCategory, CategoryReply>;
  police: Record<string, LocalizedText>;
  /** Tap-to-call numbers by line key (a key of `CategoryReply.lines`). */
  hotlines: Record<string, Hotline[]>;
}

/** One number of the safety box: `dial` for the tel: link (# written %23), `shown` as printed. */
export interface Hotline {
  dial: string;
  shown: string;
  name: LocalizedText;
}

export interface DangerAssessment {
  level: DangerLevel;
  /** The category that leads the reply (null when level is none). */
  category: DangerCategory | null;
  /** Every category matched at the final level, in priority order. */
  categories: DangerCategory[];
  /** The number to name first when the danger is immediate. */
  now: '110' | '119' | null;
  /** Ids of the rules that matched (for tests and tuning; never logged with the message). */
  rules: string[];
}

const NONE: DangerAssessment = { level: 'none', category: null, categories: [], now: null, rules: [] };
const MASK = '〓';

/** First match of `re` in `s` that is not negated; `re` must be global. */
function matchesUnnegated(re: RegExp, s: string, negated: (s: string, m: RegExpExecArray) => boolean): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (!negated(s, m)) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

function any(res: readonly RegExp[], s: string): boolean {
  for (const re of res) {
    re.lastIndex = 0;
    if (re.test(s)) return true;
  }
  return false;
}

export class DangerClassifier {
  constructor(readonly config: DangerConfig) {}

  /** The two normal forms with services and figures of speech masked. */
  forms(message: string): { ja: string; en: string } {
    let ja = jaForm(message, this.config.typos);
    let en = enForm(message);
    for (const re of this.config.mask.ja) ja = ja.replace(re, MASK);
    for (const re of this.config.mask.en) en = en.replace(re, ` ${MASK} `);
    return { ja, en };
  }

  private readonly negatedJa = (s: string, m: RegExpExecArray): boolean => {
    const neg = this.config.negation.ja;
    neg.lastIndex = m.index + m[0].length;
    return neg.test(s);
  };

  private readonly negatedEn = (s: string, m: RegExpExecArray): boolean => {
    const before = s.slice(Math.max(0, m.index - 24), m.index);
    const span = `${before.slice(before.lastIndexOf('.') + 1)}${m[0]}`;
    const neg = this.config.negation.en;
    neg.lastIndex = 0;
    return neg.test(span);
  };

  classify(message: string): DangerAssessment {
    const { ja, en } = this.forms(message);
    const joined = ja.replace(/。/g, '、');
    const c = this.config;
    const hits: { rule: DangerRule; level: 'urgent' | 'concern' }[] = [];
    let over: boolean | undefined;
    for (const rule of c.rules) {
      const text = rule.across ? joined : ja;
      const matched = rule.ja.some((re) => matchesUnnegated(re, text, this.negatedJa)) || rule.en.some((re) => matchesUnnegated(re, en, this.negatedEn));
      if (!matched || any(rule.unless.ja, text) || any(rule.unless.en, en)) continue;
      let level = rule.level;
      if (level === 'urgent' && rule.downgrade) {
        over ??= (any(c.past.ja, ja) || any(c.past.en, en)) && !any(c.present.ja, ja) && !any(c.present.en, en);
        if (over) level = 'concern';
      }
      hits.push({ rule, level });
    }
    if (hits.length === 0) return NONE;
    const level = hits.some((h) => h.level === 'urgent') ? 'urgent' : 'concern';
    const top = hits.filter((h) => h.level === level);
    const categories = DANGER_CATEGORIES.filter((cat) => top.some((h) => h.rule.category === cat));
    const category = categories[0]!;
    let now: DangerAssessment['now'] = null;
    if (level === 'urgent') {
      now = top.find((h) => h.rule.now === '119')?.rule.now ?? top.find((h) => h.rule.now)?.rule.now ?? null;
      if (!now && c.categories[category].nowFirst && (any(c.now.ja, ja) || any(c.now.en, en))) now = '110';
    }
    return { level, category, categories, now, rules: hits.map((h) => h.rule.id) };
  }

  isUrgent(message: string): boolean {
    return this.classify(message).level === 'urgent';
  }

  /**
   * The safety message for an urgent assessment: the number to call now (when the danger is
   * immediate and the category does not already name it first), the category's text, then its
   * fallback line ("危険が迫ったら110番へ") when the danger is not immediate. Each number once.
   */
  safetyText(a: DangerAssessment, l: Locale): string {
    const cat = this.config.categories[a.category ?? 'general'];
    const parts: string[] = [];
    if (a.now && cat.lines[0] !== a.now) parts.push(this.config.police[`now${a.now}`]![l]);
    parts.push(cat.text[l]);
    if (!a.now && cat.after) parts.push(this.config.police[cat.after]![l]);
    return parts.join(l === 'en' ? ' ' : '');
  }

  /** The line of help a concern adds to its answer. */
  concernText(a: DangerAssessment, l: Locale): string {
    return this.config.categories[a.category ?? 'general'].concern[l];
  }

  /**
   * The numbers of the safety box for an urgent assessment, the one to call first first: the number
   * to call now when the danger is immediate (as `safetyText` names it), the category's lines in
   * order, then 110 — police stays reachable whatever the category. Each number once.
   */
  hotlines(a: DangerAssessment): Hotline[] {
    const cat = this.config.categories[a.category ?? 'general'];
    const keys = [...(a.now ? [a.now] : []), ...cat.lines, '110'];
    const out: Hotline[] = [];
    for (const k of keys) for (const h of this.config.hotlines[k] ?? []) if (!out.some((o) => o.dial === h.dial)) out.push(h);
    return out;
  }

  programmes(a: DangerAssessment): string[] {
    return this.config.categories[a.category ?? 'general'].programmes;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading danger.yaml (the raw document is validated here; knowledge.ts reports the problems)

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const LOCALES: readonly Locale[] = ['ja', 'en', 'ja-easy'];

export function parseDangerConfig(doc: unknown, problem: (field: string, message: string) => void): DangerConfig | null {
  if (!isObject(doc)) {
    problem('', 'must be a map (fragments, mask, rules, categories, …)');
    return null;
  }
  const before = { n: 0 };
  const report = (field: string, message: string) => {
    before.n++;
    problem(field, message);
  };
  const fragments: Record<string, string[]> = {};
  const fr = doc.fragments;
  if (fr !== undefined && !isObject(fr)) report('fragments', 'must be a map of name → list of alternatives');
  else for (const [k, v] of Object.entries(fr ?? {})) fragments[k] = strings(v, `fragments.${k}`, report);

  const compile = (list: unknown, field: string, en: boolean): RegExp[] =>
    (list === undefined ? [] : strings(list, field, report)).flatMap((p, i) => {
      try {
        return [compilePattern(p, fragments as Fragments, en ? foldEn : foldJa)];
      } catch (e) {
        report(`${field}[${i}]`, e instanceof DangerPatternError ? e.message : String(e));
        return [];
      }
    });
  const pair = (v: unknown, field: string) => ({
    ja: compile(isObject(v) ? v.ja : undefined, `${field}.ja`, false),
    en: compile(isObject(v) ? v.en : undefined, `${field}.en`, true),
  });
  const one = (v: unknown, field: string, en: boolean): RegExp => {
    const [re] = compile(typeof v === 'string' ? [v] : [], field, en);
    if (!re) report(field, 'is required (one pattern)');
    return new RegExp(re?.source ?? '(?!)', 'uy');
  };

  const typos: [string, string][] = [];
  if (doc.typos !== undefined && !isObject(doc.typos)) report('typos', 'must be a map of typo → word');
  for (const [k, v] of Object.entries(isObject(doc.typos) ? doc.typos : {})) typos.push([foldJa(k), foldJa(String(v))]);
  // Longer first, so a word is not broken by a shorter one inside it (せいぼうりょく before ぼうりょく).
  typos.sort((a, b) => b[0].length - a[0].length);

  const negation = isObject(doc.negation) ? { ja: one(doc.negation.ja, 'negation.ja', false), en: one(doc.negation.en, 'negation.en', true) } : null;
  if (!negation) report('negation', 'is required ({ja, en})');
  const rules: DangerRule[] = [];
  if (!Array.isArray(doc.rules)) report('rules', 'must be a list');
  const ids = new Set<string>();
  ((Array.isArray(doc.rules) ? doc.rules : []) as unknown[]).forEach((r, i) => {
    const f = `rules[${i}]`;
    if (!isObject(r) || typeof r.id !== 'string') return report(f, 'must be a map with an id');
    if (ids.has(r.id)) report(`${f}.id`, `duplicate id "${r.id}"`);
    ids.add(r.id);
    if (!(DANGER_CATEGORIES as readonly unknown[]).includes(r.category)) report(`${f}.category`, `must be one of ${DANGER_CATEGORIES.join(', ')}`);
    if (r.level !== 'urgent' && r.level !== 'concern') report(`${f}.level`, 'must be urgent or concern');
    if (r.now !== undefined && r.now !== '110' && r.now !== '119') report(`${f}.now`, 'must be "110" or "119"');
    const ja = compile(r.ja, `${f}.ja`, false);
    const en = compile(r.en, `${f}.en`, true);
    if (ja.length + en.length === 0) report(f, 'has no patterns');
    rules.push({
      id: r.id,
      category: r.category as DangerCategory,
      level: r.level as 'urgent' | 'concern',
      downgrade: r.downgrade === true,
      across: r.across === true,
      now: (r.now as '110' | '119' | undefined) ?? null,
      ja,
      en,
      unless: pair(r.unless, `${f}.unless`),
    });
  });

  const police: Record<string, LocalizedText> = {};
  for (const [k, v] of Object.entries(isObject(doc.police) ? doc.police : {})) {
    const t = text(v, `police.${k}`, report);
    if (t) police[k] = t;
  }
  for (const k of ['now110', 'now119']) if (!police[k]) report(`police.${k}`, 'is required ({ja, en, ja-easy})');
  const categories = {} as Record<DangerCategory, CategoryReply>;
  const cats = isObject(doc.categories) ? doc.categories : {};
  for (const cat of DANGER_CATEGORIES) {
    const v = cats[cat];
    const f = `categories.${cat}`;
    if (!isObject(v)) {
      report(f, 'is required');
      continue;
    }
    const after = typeof v.after === 'string' ? v.after : null;
    if (after && !police[after]) report(`${f}.after`, `unknown police text "${after}"`);
    const t = text(v.text, `${f}.text`, report);
    const concern = text(v.concern, `${f}.concern`, report);
    if (t && concern)
      categories[cat] = {
        lines: strings(v.lines, `${f}.lines`, report),
        programmes: strings(v.programmes ?? [], `${f}.programmes`, report),
        text: t,
        after,
        nowFirst: v.nowFirst !== false,
        concern,
      };
  }
  const hotlines = parseHotlines(doc.hotlines, report);
  for (const cat of DANGER_CATEGORIES)
    for (const k of categories[cat]?.lines ?? []) if (!hotlines[k]?.length) report(`categories.${cat}.lines`, `no hotline "${k}" under hotlines`);
  if (!hotlines['110']) report('hotlines.110', 'is required');
  const config: DangerConfig = {
    typos,
    mask: pair(doc.mask, 'mask'),
    negation: negation!,
    past: pair(doc.past, 'past'),
    present: pair(doc.present, 'present'),
    now: pair(doc.now, 'now'),
    rules,
    categories,
    police,
    hotlines,
  };
  return before.n === 0 ? config : null;
}

// A dialled number: digits, with %23 for a leading # (the tel: URI form).
const DIAL = /^(?:%23)?\d{3,11}$/;

function parseHotlines(v: unknown, report: (f: string, m: string) => void): Record<string, Hotline[]> {
  const out: Record<string, Hotline[]> = {};
  if (!isObject(v)) {
    report('hotlines', 'must be a map of line key → list of {dial, shown, name}');
    return out;
  }
  for (const [k, list] of Object.entries(v)) {
    if (!Array.isArray(list) || list.length === 0) {
      report(`hotlines.${k}`, 'must be a non-empty list');
      continue;
    }
    out[k] = list.flatMap((h: unknown, i) => {
      const f = `hotlines.${k}[${i}]`;
      if (!isObject(h) || typeof h.dial !== 'string' || !DIAL.test(h.dial) || typeof h.shown !== 'string') {
        report(f, 'needs dial (digits, %23 for #) and shown');
        return [];
      }
      const name = text(h.name, `${f}.name`, report);
      return name ? [{ dial: h.dial, shown: h.shown, name }] : [];
    });
  }
  return out;
}

function strings(v: unknown, field: string, report: (f: string, m: string) => void): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' && typeof s !== 'number')) {
    report(field, 'must be a list of strings');
    return [];
  }
  return v.map(String);
}

function text(v: unknown, field: string, report: (f: string, m: string) => void): LocalizedText | null {
  if (!isObject(v) || LOCALES.some((l) => typeof v[l] !== 'string' || !(v[l] as string).trim())) {
    report(field, 'must have non-empty ja, en and ja-easy texts');
    return null;
  }
  return { ja: v.ja as string, en: v.en as string, 'ja-easy': v['ja-easy'] as string };
}
