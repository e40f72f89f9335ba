/**
 * BM25 over the knowledge base entries and the programme catalogue, built once per municipality.
 *
 * Each entry is one document: its questions and keywords (weight 3) and its answer in every locale
 * (weight 1). Each programme is one document too: its names and tags (weight 3) and its summary
 * (weight 1), in ja, en and やさしい日本語 (with the furigana readings, so hiragana questions match).
 * Field weights multiply term frequencies and lengths (a simple BM25F). Query terms are the words and
 * character bigrams of text.ts; bigrams count less than whole words.
 *
 * A message that names a programme (seeds/chatbot/names.yaml) ranks that programme's documents above
 * documents about other programmes: 「児童扶養手当の振込日」 and 「児童手当の振込日」 share most of their
 * bigrams, but not their subject.
 */
import { parseFurigana, stripFurigana, type ProgrammeDefinition } from '../programme';
import type { KbEntry } from './knowledge';
import { compact, type Synonyms, tokenize } from './text';

export const K1 = 1.2;
export const B = 0.75;
const W_TITLE = 3;
const W_BODY = 1;
/** Query weight of a character bigram relative to a whole word. */
const W_BIGRAM = 0.5;
const W_HIRAGANA_BIGRAM = 0.15;
const HIRAGANA_BIGRAM = /^#[\u3041-\u3096]+$/;
/** Score factors for a document about a programme the message names, and for one about none of the named ones. */
export const NAMED_BOOST = 1.25;
export const OTHER_FACTOR = 0.85;

/** Programme names people use (normal form, longest first) and the words that mean one only when none is named. */
export interface ProgrammeNames {
  names: readonly (readonly [string, string])[];
  fallback: readonly (readonly [string, string])[];
}

export function programmeNames(names: Readonly<Record<string, readonly string[]>>, fallback: Readonly<Record<string, string>>): ProgrammeNames {
  const list = Object.entries(names)
    .flatMap(([id, ns]) => ns.map((n) => [compact(n), id] as const))
    .filter(([n]) => n.length > 0);
  list.sort((a, b) => b[0].length - a[0].length);
  return { names: list, fallback: Object.entries(fallback).map(([w, id]) => [compact(w), id] as const) };
}

const NO_NAMES: ProgrammeNames = { names: [], fallback: [] };

export interface RankDoc {
  /** `entry:<id>` or `programme:<id>`. */
  key: string;
  kind: 'entry' | 'programme';
  id: string;
  /** Programme ids this document is about, most relevant first. */
  programmes: readonly string[];
  entry?: KbEntry;
  programme?: ProgrammeDefinition;
}

export interface Hit {
  doc: RankDoc;
  score: number;
}

interface Posting {
  docs: Int32Array;
  tfs: Float32Array;
  idf: number;
}

/** ja-easy text: without the furigana, plus the readings as words of their own. */
function easy(text: string): string {
  const readings = parseFurigana(text).flatMap((s) => (s.reading ? [s.reading] : []));
  return `${stripFurigana(text)} ${readings.join(' ')}`;
}

export class Ranker {
  readonly docs: RankDoc[] = [];
  private readonly postings = new Map<string, Posting>();
  private readonly lengths: Float32Array;
  private readonly avgLength: number;
  private readonly scores: Float64Array;
  private readonly byKey = new Map<string, RankDoc>();
  /** The idf of a term no document has: what an unknown word would weigh. */
  private readonly maxIdf: number;

  /** `terms` may be a cached tokenize (ChatKnowledge shares one across municipalities, whose texts are mostly the same). */
  constructor(
    entries: readonly KbEntry[],
    programmes: readonly ProgrammeDefinition[],
    private readonly synonyms: Synonyms,
    terms: (text: string) => readonly string[] = tokenize,
    private readonly names: ProgrammeNames = NO_NAMES,
  ) {
    const fields: [string, number][][] = [];
    for (const e of entries) {
      this.docs.push({ key: `entry:${e.id}`, kind: 'entry', id: e.id, programmes: e.programmes, entry: e });
      fields.push([
        [e.questions.join('\n'), W_TITLE],
        [e.keywords.join('\n'), W_TITLE],
        [`${e.answer.ja}\n${e.answer.en}\n${easy(e.answer['ja-easy'])}`, W_BODY],
      ]);
    }
    for (const p of programmes) {
      this.docs.push({ key: `programme:${p.id}`, kind: 'programme', id: p.id, programmes: [p.id], programme: p });
      fields.push([
        [`${p.name.ja}\n${p.name.en}\n${easy(p.name['ja-easy'])}\n${p.tags.join('\n')}`, W_TITLE],
        [`${p.summary.ja}\n${p.summary.en}\n${easy(p.summary['ja-easy'])}`, W_BODY],
      ]);
    }
    const n = this.docs.length;
    this.lengths = new Float32Array(n);
    this.scores = new Float64Array(n);
    const building = new Map<string, Map<number, number>>();
    let total = 0;
    fields.forEach((fs, d) => {
      for (const [text, weight] of fs) {
        for (const term of terms(text)) {
          let m = building.get(term);
          if (!m) building.set(term, (m = new Map()));
          m.set(d, (m.get(d) ?? 0) + weight);
          this.lengths[d]! += weight;
        }
      }
      total += this.lengths[d]!;
    });
    this.avgLength = n === 0 ? 1 : total / n || 1;
    for (const [term, m] of building) {
      const df = m.size;
      this.postings.set(term, {
        docs: Int32Array.from(m.keys()),
        tfs: Float32Array.from(m.values()),
        idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
      });
    }
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    for (const d of this.docs) this.byKey.set(d.key, d);
  }

  get(key: string): RankDoc | undefined {
    return this.byKey.get(key);
  }

  /** The programmes a message names (a name inside a longer name does not count). */
  named(query: string): Set<string> {
    let c = compact(query);
    const found = new Set<string>();
    for (const [name, id] of this.names.names) {
      if (!c.includes(name)) continue;
      found.add(id);
      c = c.split(name).join('\u0000');
    }
    if (found.size === 0) for (const [word, id] of this.names.fallback) if (c.includes(word)) found.add(id);
    return found;
  }

  /** Documents with a positive score, best first (ties: knowledge base before catalogue, then file order). */
  search(query: string, limit = 10): Hit[] {
    return this.rank(query, limit).hits;
  }

  /**
   * The hits, and `coverage`: the top score as a share of what a document holding every query term
   * (at its length average) would score — low when most of the question is unknown to the index.
   */
  rank(query: string, limit = 10): { hits: Hit[]; coverage: number } {
    const expanded = this.synonyms.expand(query);
    // Hiragana-only bigrams (について, たい…) say little when the question has kanji or katakana.
    const hiraganaWeight = /[\u30A1-\u30FA\u3400-\u9FFF]/.test(expanded.normalize('NFKC')) ? W_HIRAGANA_BIGRAM : W_BIGRAM;
    const terms = new Map<string, number>();
    for (const t of tokenize(expanded)) terms.set(t, (terms.get(t) ?? 0) + (!t.startsWith('#') ? 1 : HIRAGANA_BIGRAM.test(t) ? hiraganaWeight : W_BIGRAM));
    let best = 0;
    for (const [term, qw] of terms) best += (this.postings.get(term)?.idf ?? this.maxIdf) * Math.min(qw, 1 + Math.log(qw > 1 ? qw : 1));
    const scores = this.scores;
    scores.fill(0);
    const touched: number[] = [];
    for (const [term, qw] of terms) {
      const p = this.postings.get(term);
      if (!p) continue;
      // Repeated query terms count, but with diminishing returns.
      const weight = p.idf * Math.min(qw, 1 + Math.log(qw > 1 ? qw : 1));
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const tf = p.tfs[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (weight * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * this.lengths[d]!) / this.avgLength));
      }
    }
    const named = this.named(query);
    if (named.size > 0) {
      for (const d of touched) {
        const ps = this.docs[d]!.programmes;
        if (ps.length > 0 && named.has(ps[0]!)) scores[d]! *= NAMED_BOOST;
        else if (!ps.some((p) => named.has(p))) scores[d]! *= OTHER_FACTOR;
      }
    }
    touched.sort((a, b) => scores[b]! - scores[a]! || a - b);
    const hits: Hit[] = [];
    for (let i = 0; i < touched.length && hits.length < limit; i++) {
      const d = touched[i]!;
      if (scores[d]! > 0) hits.push({ doc: this.docs[d]!, score: scores[d]! });
    }
    return { hits, coverage: hits.length === 0 || best === 0 ? 0 : hits[0]!.score / best };
  }

  /** Programme ids in the order the hits mention them (each once). */
  static programmesOf(hits: readonly Hit[]): string[] {
    const out: string[] = [];
    for (const h of hits) for (const p of h.doc.programmes) if (!out.includes(p)) out.push(p);
    return out;
  }
}

/** The best hit of each topic: a knowledge-base entry and its own programme are one topic. */
export function distinctTopics(hits: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    const same = out.some(
      (o) =>
        o.doc.key === h.doc.key ||
        (h.doc.kind === 'programme' && o.doc.programmes[0] === h.doc.id) ||
        (o.doc.kind === 'programme' && h.doc.programmes[0] === o.doc.id),
    );
    if (!same) out.push(h);
  }
  return out;
}
