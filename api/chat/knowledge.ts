/**
 * The chatbot's knowledge base, read once at start from a directory (seeds/chatbot in production,
 * a fixture in tests):
 *
 *   kb/<category>.yaml          { category, name: {ja,en,ja-easy}, entries: [{ id, programmes, questions, keywords, answer }] }
 *   synonyms.yaml               { synonyms: { 母子手当: [児童扶養手当], … } }
 *   names.yaml                  { names: { <programme id>: [names people use] }, fallback: { 手当: <programme id> } }
 *   danger.yaml                 the danger classifier: fragments, masks, rules, categories (api/chat/danger.ts);
 *                               when a directory has none, the one in seeds/chatbot is used (danger is never unchecked)
 *   overrides/<code>.yaml       { entries: [...], ai: {...} }  an entry with a known id replaces the fields it gives; a new id is
 *                               added; `ai` (optional) switches on the AI mode for that municipality (ai.ts)
 *
 * Every file is optional (a missing knowledge base leaves the programme catalogue and the national
 * danger classifier); a file that is there must be valid, and every problem is reported at once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { LocalizedText } from '../core';
import { SEEDS_DIR } from '../core';
import type { Catalogue } from '../programme';
import { isProgrammeId, OWN_PROGRAMME_ID_PATTERN } from '../core';
import { type AiSettings, parseAiSettings } from './ai';
import { DangerClassifier, type DangerConfig, parseDangerConfig } from './danger';
import { type ProgrammeNames, programmeNames, Ranker } from './ranker';
import { Synonyms, tokenize } from './text';

export interface KbEntry {
  id: string;
  category: string;
  programmes: string[];
  questions: string[];
  keywords: string[];
  answer: LocalizedText;
}

export interface KbCategory {
  category: string;
  name: LocalizedText;
}

export class ChatKnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`Chatbot knowledge base is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ChatKnowledgeError';
  }
}

const LOCALE_KEYS = ['ja', 'en', 'ja-easy'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Problems {
  readonly items: string[] = [];
  add(file: string, field: string, message: string): void {
    this.items.push(`${file}: ${field ? `${field}: ` : ''}${message}`);
  }
}

function readYaml(path: string, problems: Problems): unknown {
  try {
    return parse(readFileSync(path, 'utf8'), { uniqueKeys: true });
  } catch (e) {
    problems.add(path, '', `cannot read YAML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function localized(raw: unknown, file: string, field: string, problems: Problems): LocalizedText | undefined {
  if (!isObject(raw) || LOCALE_KEYS.some((l) => typeof raw[l] !== 'string' || !(raw[l] as string).trim())) {
    problems.add(file, field, 'must have non-empty ja, en and ja-easy texts');
    return undefined;
  }
  return { ja: raw.ja as string, en: raw.en as string, 'ja-easy': raw['ja-easy'] as string };
}

function strings(raw: unknown, file: string, field: string, problems: Problems, required: boolean): string[] | undefined {
  if (raw === undefined || raw === null) {
    if (required) problems.add(file, field, 'is required (a list of strings)');
    return required ? undefined : [];
  }
  if (!Array.isArray(raw) || raw.some((s) => typeof s !== 'string' && typeof s !== 'number')) {
    problems.add(file, field, 'must be a list of strings');
    return undefined;
  }
  const list = raw.map((s) => String(s).trim()).filter(Boolean);
  if (required && list.length === 0) problems.add(file, field, 'must not be empty');
  return list;
}

/** One entry; `base` is the entry an override changes (its missing fields are kept). */
function entry(raw: unknown, file: string, field: string, category: string, problems: Problems, base?: KbEntry): KbEntry | undefined {
  if (!isObject(raw) || typeof raw.id !== 'string' || !raw.id.trim()) {
    problems.add(file, field, 'must be a map with a string id');
    return undefined;
  }
  const before = problems.items.length;
  const has = (k: string) => raw[k] !== undefined && raw[k] !== null;
  const questions = has('questions') || !base ? strings(raw.questions, file, `${field}.questions`, problems, !base) : base.questions;
  const keywords = has('keywords') || !base ? strings(raw.keywords, file, `${field}.keywords`, problems, false) : base.keywords;
  const programmes = has('programmes') || !base ? strings(raw.programmes, file, `${field}.programmes`, problems, false) : base.programmes;
  const answer = has('answer') || !base ? localized(raw.answer, file, `${field}.answer`, problems) : base.answer;
  if (problems.items.length > before) return undefined;
  return {
    id: raw.id,
    category: typeof raw.category === 'string' ? raw.category : (base?.category ?? category),
    programmes: programmes!,
    questions: questions!,
    keywords: keywords!,
    answer: answer!,
  };
}

export interface ChatKnowledgeData {
  entries: KbEntry[];
  categories: KbCategory[];
  synonyms: Record<string, string[]>;
  names: { names: Record<string, string[]>; fallback: Record<string, string> };
  danger: DangerConfig;
  /** Municipality code → raw override entries, merged when that municipality's index is built. */
  overrides: Map<string, KbEntry[]>;
  /** Municipality code → its AI endpoint (only municipalities that configured one). */
  ai: Map<string, AiSettings>;
}

/** Reads and validates the directory; throws ChatKnowledgeError listing every problem. */
export function readChatKnowledge(dir: string, knownProgrammes?: { has(id: string): boolean }): ChatKnowledgeData {
  const problems = new Problems();
  const entries: KbEntry[] = [];
  const categories: KbCategory[] = [];
  const seen = new Map<string, string>();
  const checkProgrammes = (e: KbEntry, file: string, field: string) => {
    if (!knownProgrammes) return;
    for (const p of e.programmes) if (!knownProgrammes.has(p)) problems.add(file, `${field}.programmes`, `unknown programme id "${p}"`);
  };

  const kbDir = join(dir, 'kb');
  if (existsSync(kbDir)) {
    for (const name of readdirSync(kbDir).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const file = join(kbDir, name);
      const doc = readYaml(file, problems);
      if (doc === undefined) continue;
      if (!isObject(doc) || typeof doc.category !== 'string' || !Array.isArray(doc.entries)) {
        problems.add(file, '', 'must be { category, name: {ja,en,ja-easy}, entries: [...] }');
        continue;
      }
      const name2 = localized(doc.name, file, 'name', problems);
      if (name2) categories.push({ category: doc.category, name: name2 });
      doc.entries.forEach((raw, i) => {
        const e = entry(raw, file, `entries[${i}]`, doc.category as string, problems);
        if (!e) return;
        if (seen.has(e.id)) problems.add(file, `entries[${i}].id`, `duplicate id "${e.id}" (also in ${seen.get(e.id)})`);
        seen.set(e.id, file);
        checkProgrammes(e, file, `entries[${i}]`);
        entries.push(e);
      });
    }
  }

  let synonyms: Record<string, string[]> = {};
  const synFile = join(dir, 'synonyms.yaml');
  if (existsSync(synFile)) {
    const doc = readYaml(synFile, problems);
    if (doc !== undefined) {
      if (!isObject(doc) || !isObject(doc.synonyms)) problems.add(synFile, 'synonyms', 'must be a map of word → list of words');
      else {
        for (const [k, v] of Object.entries(doc.synonyms)) {
          const list = strings(v, synFile, `synonyms.${k}`, problems, true);
          if (list) synonyms[k] = list;
        }
      }
    }
  }

  const names: ChatKnowledgeData['names'] = { names: {}, fallback: {} };
  const namesFile = join(dir, 'names.yaml');
  if (existsSync(namesFile)) {
    const doc = readYaml(namesFile, problems);
    if (doc !== undefined) {
      if (!isObject(doc) || !isObject(doc.names)) problems.add(namesFile, 'names', 'must be a map of programme id → list of names');
      else {
        for (const [id, v] of Object.entries(doc.names)) {
          if (knownProgrammes && !knownProgrammes.has(id)) problems.add(namesFile, `names.${id}`, `unknown programme id "${id}"`);
          const list = strings(v, namesFile, `names.${id}`, problems, true);
          if (list) names.names[id] = list;
        }
        for (const [w, id] of Object.entries(isObject(doc.fallback) ? doc.fallback : {})) {
          if (typeof id !== 'string' || (knownProgrammes && !knownProgrammes.has(id)))
            problems.add(namesFile, `fallback.${w}`, `unknown programme id "${String(id)}"`);
          else names.fallback[w] = id;
        }
      }
    }
  }

  // The classifier is never missing: a directory without danger.yaml uses the national one.
  const own = join(dir, 'danger.yaml');
  const dangerFile = existsSync(own) ? own : join(SEEDS_DIR, 'chatbot', 'danger.yaml');
  const dangerDoc = readYaml(dangerFile, problems);
  const danger = dangerDoc === undefined ? null : parseDangerConfig(dangerDoc, (field, message) => problems.add(dangerFile, field, message));

  const overrides = new Map<string, KbEntry[]>();
  const ai = new Map<string, AiSettings>();
  const overDir = join(dir, 'overrides');
  if (existsSync(overDir)) {
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const name of readdirSync(overDir).sort()) {
      const file = join(overDir, name);
      const m = /^(\d{6})\.ya?ml$/.exec(name);
      if (!m) {
        problems.add(file, '', 'override files are named <6-digit municipality code>.yaml');
        continue;
      }
      const doc = readYaml(file, problems);
      if (doc === undefined) continue;
      if (!isObject(doc) || (doc.entries != null && !Array.isArray(doc.entries)) || (doc.entries == null && doc.ai == null)) {
        problems.add(file, 'entries', 'must be a list of entries (or the file has only an ai block)');
        continue;
      }
      for (const k of Object.keys(doc)) if (k !== 'entries' && k !== 'ai') problems.add(file, k, 'unknown key (known: entries, ai)');
      if (doc.ai != null) {
        const parsed = parseAiSettings(doc.ai);
        for (const p of parsed.problems) problems.add(file, p.field, p.message);
        if (parsed.settings) ai.set(m[1]!, parsed.settings);
      }
      const list: KbEntry[] = [];
      ((doc.entries ?? []) as unknown[]).forEach((raw, i) => {
        const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
        const e = entry(raw, file, `entries[${i}]`, 'local', problems, id ? byId.get(id) : undefined);
        if (!e) return;
        checkProgrammes(e, file, `entries[${i}]`);
        list.push(e);
      });
      overrides.set(m[1]!, list);
    }
  }

  if (problems.items.length > 0 || !danger) throw new ChatKnowledgeError(problems.items);
  return { entries, categories, synonyms, names, danger, overrides, ai };
}

/** Base entries with a municipality's overrides applied: same id replaces in place, new ids are appended. */
export function mergeEntries(base: readonly KbEntry[], overrides: readonly KbEntry[] | undefined): KbEntry[] {
  if (!overrides || overrides.length === 0) return [...base];
  const byId = new Map(overrides.map((e) => [e.id, e]));
  const merged = base.map((e) => byId.get(e.id) ?? e);
  const known = new Set(base.map((e) => e.id));
  for (const e of overrides) if (!known.has(e.id)) merged.push(e);
  return merged;
}

/**
 * What the chat service uses: the danger detector, and one ranker per municipality (built on first
 * use from the merged entries and the municipality's catalogue, then kept).
 */
export class ChatKnowledge {
  readonly danger: DangerClassifier;
  readonly synonyms: Synonyms;
  readonly names: ProgrammeNames;
  /** Per municipality, with the catalogue revision it was built from (console changes rebuild it). */
  private readonly rankers = new Map<string, { revision: number; ranker: Ranker }>();

  private readonly catalogueOf: () => Catalogue;
  /** Terms of the documents' texts, shared by the municipalities' indexes (most texts are the national ones). */
  private readonly termCache = new Map<string, readonly string[]>();
  private readonly terms = (text: string): readonly string[] => {
    let t = this.termCache.get(text);
    if (!t) this.termCache.set(text, (t = tokenize(text)));
    return t;
  };

  /** `catalogue` may be a function, for services built in the same object literal as the catalogue. */
  constructor(
    readonly data: ChatKnowledgeData,
    catalogue: Catalogue | (() => Catalogue),
  ) {
    this.danger = new DangerClassifier(data.danger);
    this.synonyms = new Synonyms(data.synonyms);
    this.names = programmeNames(data.names.names, data.names.fallback);
    this.catalogueOf = typeof catalogue === 'function' ? catalogue : () => catalogue;
  }

  get catalogue(): Catalogue {
    return this.catalogueOf();
  }

  /** Reads and validates `dir` now (programme ids against the national ids and own-id pattern); indexes are built on first use. */
  static load(dir: string, catalogue: Catalogue | (() => Catalogue)): ChatKnowledge {
    return new ChatKnowledge(readChatKnowledge(dir, { has: (id: string) => isProgrammeId(id) || OWN_PROGRAMME_ID_PATTERN.test(id) }), catalogue);
  }

  /** The municipality's ranker (the national one without a code). */
  ranker(municipalityCode?: string | null): Ranker {
    const key = municipalityCode ?? '';
    const revision = this.catalogue.revision(municipalityCode ?? undefined);
    const cached = this.rankers.get(key);
    let r = cached?.revision === revision ? cached.ranker : undefined;
    if (!r) {
      const code = municipalityCode ?? undefined;
      const programmes = this.catalogue.list(code);
      const enabled = new Set(programmes.map((p) => p.id));
      const entries = mergeEntries(this.data.entries, code ? this.data.overrides.get(code) : undefined).map((e) => ({
        ...e,
        programmes: e.programmes.filter((p) => enabled.has(p)),
      }));
      r = new Ranker(entries, programmes, this.synonyms, this.terms, this.names);
      this.rankers.set(key, { revision, ranker: r });
    }
    return r;
  }

  /** Warm every index (at start, so no visitor pays for building one). */
  warm(): this {
    this.ranker();
    for (const code of new Set([...this.data.overrides.keys(), ...this.catalogue.municipalities().map((m) => m.code)])) this.ranker(code);
    return this;
  }
}
