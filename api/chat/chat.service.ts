import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { apiError, badInput } from '../core';
import { todayInJapan } from '../core';
import type { Locale } from '../core';
import type { Viewer } from '../core';
import type { MunicipalOrigins } from '../intake';
import { type Catalogue, stripFurigana } from '../programme';
import { MUNICIPALITY_CODE_PATTERN } from '../core';
import type { AiAnswerers, AiSource } from './ai';
import { ChatRole, type ScenarioState } from './chat.entity';
import { amountAnswer, amountQuestion, asksForOverview, asksForPerson } from './answers';
import { ESTIMATE_TRIGGERS, ESTIMATE_WITH_ALLOWANCE, fill, GREETINGS, QR, T } from './chat-texts';
import {
  BAD_LOCALE,
  BAD_MUNICIPALITY,
  CLEAR_LEAD,
  CLOSE_RUNNER_UP,
  DANGER_SCAN_LENGTH,
  EMPTY,
  isLocale,
  MAX_MESSAGE_LENGTH,
  MIN_COVERAGE,
  MIN_SCORE,
  TOO_LONG,
  TOO_MANY,
  URGENT_STORE_WAIT_MS,
  UUID,
} from './chat-limits';
import { chatSatisfaction, rateSession } from './chat-ratings';
import { buildReply, estimateReply, topicLabel } from './chat-replies';
import type { ChatInput } from './chat.inputs';
import { ChatDangerCategory, type ChatReply, type ChatSatisfaction, HandoffKind } from './chat.types';
import type { DangerAssessment } from './danger';
import type { ChatKnowledge } from './knowledge';
import { replyLocale } from './language';
import { maskPersonalData } from './masking';
import { distinctTopics, type Hit, Ranker, type RankDoc } from './ranker';
import { ESTIMATE_PROGRAMMES, intakePayload, parseAge, parseChildren, parseIncome } from './scenario';
import { compact } from './text';

export { CLEAR_LEAD, CLOSE_RUNNER_UP, DANGER_SCAN_LENGTH, MAX_MESSAGE_LENGTH, MIN_COVERAGE, MIN_SCORE, URGENT_STORE_WAIT_MS } from './chat-limits';

export interface ChatDeps {
  knowledge: ChatKnowledge;
  /** Messages per client address (none in unit tests: unlimited). Danger is answered even beyond it. */
  rateLimit?: { take(key: string): boolean | Promise<boolean> };
  /** Municipalities' AI endpoints (none: retrieval only). */
  ai?: AiAnswerers;
  /** How long the safety reply waits for the database before it is sent regardless (default URGENT_STORE_WAIT_MS). */
  urgentStoreWaitMs?: number;
}

const DESK_PROGRAMME = 'single-parent-consultation';
const OVERVIEW_ENTRY = 'entry:money-what-support';

/** The command values and trigger phrases in normal form, computed once (not per message). */
const C = {
  handoffStaff: compact('handoff:staff'),
  handoffIntake: compact('handoff:intake'),
  startAllowance: compact('start:allowance'),
  estimate: ESTIMATE_TRIGGERS.map(compact),
  estimateWithAllowance: ESTIMATE_WITH_ALLOWANCE.map(compact),
  greetings: new Set(GREETINGS.flatMap((g) => [compact(g), `${compact(g)}です`])),
};

/** The session a message belongs to, as the reply needs it. */
interface SessionState {
  id: string;
  code: string | null;
  locale: Locale;
  scenario: ScenarioState | null;
}

/** What the bot decided, before it is stored. */
interface Turn {
  reply: Omit<ChatReply, 'sessionId'>;
  scenario: ScenarioState | null;
  /** Set when the reply came from ranking the knowledge base: the documents an AI answer may be written from. */
  retrieved?: { sources: RankDoc[]; hits: readonly Hit[] };
  /** A concern's line of help, added after the answer (also after an AI-written one). */
  concern?: ChatReply['messages'][number];
}

/** The chatbot. Danger first, then commands and the scenario, then the knowledge base. Stores masked text only. */
export class ChatService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ChatDeps & { catalogue: Catalogue; municipalities: MunicipalOrigins },
    private readonly requestLocale: Locale,
    private readonly request: { clientAddress: string } = { clientAddress: 'local' },
  ) {}

  private get knowledge(): ChatKnowledge {
    return this.deps.knowledge;
  }

  async chat(input: ChatInput): Promise<ChatReply> {
    const message = (input.message ?? '').trim();
    if (!message) throw badInput([{ field: 'input.message', messages: EMPTY }], this.requestLocale);
    // Danger is decided first: before the rate limit, the length limit, any other check that could refuse, and any AI.
    const scanned = message.length > DANGER_SCAN_LENGTH ? message.slice(0, DANGER_SCAN_LENGTH) : message;
    const urgent = this.knowledge.danger.isUrgent(scanned);
    // Counting must not stand between a danger message and its answer: if the counter fails, the message is allowed.
    const allowed = this.deps.rateLimit ? await Promise.resolve(this.deps.rateLimit.take(this.request.clientAddress)).catch(() => true) : true;
    if (urgent && !allowed) return this.urgentUnstored(input);
    if (!urgent) {
      if (!allowed) throw apiError('TOO_MANY_REQUESTS', TOO_MANY, this.requestLocale);
      if (message.length > MAX_MESSAGE_LENGTH) throw badInput([{ field: 'input.message', messages: TOO_LONG }], this.requestLocale);
      if (input.locale != null && !isLocale(input.locale)) throw badInput([{ field: 'input.locale', messages: BAD_LOCALE }], this.requestLocale);
    }

    if (!urgent) return this.converse(input, message, scanned, false);
    // The safety reply must not wait for, or fail with, the database: if reading and storing the
    // session fails or takes longer than a moment, the reply goes out anyway (storing carries on).
    const stored = this.converse(input, message, scanned, true);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.deps.urgentStoreWaitMs ?? URGENT_STORE_WAIT_MS);
    });
    const reply = await Promise.race([stored.catch(() => null), late]).finally(() => clearTimeout(timer));
    if (reply) return reply;
    stored.catch((e: unknown) => console.error(`[yorisoi] chat: an urgent message could not be stored (${(e as Error).constructor.name})`));
    return this.urgentUnstored(input);
  }

  private async converse(input: ChatInput, message: string, scanned: string, urgent: boolean): Promise<ChatReply> {
    const session = await this.session(input, urgent);
    const turn = this.respond(scanned, session.locale, session.code, session.scenario);
    if (turn.retrieved && !turn.reply.urgent) {
      const generated = await this.generate(message, turn.retrieved, replyLocale(message, session.locale), session.code);
      if (generated) turn.reply = turn.concern ? { ...generated, messages: [...generated.messages, turn.concern] } : generated;
    }
    // Classified whole (up to DANGER_SCAN_LENGTH), stored capped: a danger message beyond
    // MAX_MESSAGE_LENGTH is answered, but only its first MAX_MESSAGE_LENGTH characters are masked and kept.
    await this.store(session, scanned.slice(0, MAX_MESSAGE_LENGTH), turn);
    return { sessionId: session.id, ...turn.reply };
  }

  /**
   * The session to continue (one indexed read), or a new one. For a danger message (`lenient`)
   * nothing is refused: an unknown locale or municipality is ignored, so the safety reply always goes out.
   */
  private async session(input: ChatInput, lenient: boolean): Promise<SessionState> {
    const locale = input.locale != null && isLocale(input.locale) ? input.locale : null;
    if (input.sessionId && UUID.test(input.sessionId)) {
      const [row] = await this.em.execute<{ id: string; municipality_code: string | null; locale: string; scenario: ScenarioState | string | null }[]>(
        'select id, municipality_code, locale, scenario from chat_session where id = ?',
        [input.sessionId],
      );
      if (row) {
        const scenario = typeof row.scenario === 'string' ? (JSON.parse(row.scenario) as ScenarioState) : row.scenario;
        return { id: row.id, code: row.municipality_code, locale: locale ?? (isLocale(row.locale) ? row.locale : this.requestLocale), scenario };
      }
    }
    // An unknown or expired session simply starts a new one (the reply carries its id).
    const code = await this.municipality(input.municipalityCode).catch((e: unknown) => {
      if (lenient) return null;
      throw e;
    });
    return { id: randomUUID(), code, locale: locale ?? this.requestLocale, scenario: null };
  }

  /**
   * The session (created, or its locale and scenario updated) and the two masked messages, in one
   * statement: one round trip, atomic, no entity bookkeeping on the busiest public path.
   */
  private async store(session: SessionState, message: string, turn: Turn): Promise<void> {
    const at = new Date();
    const urgent = turn.reply.urgent;
    await this.em.execute(
      `with s as (
         insert into chat_session (id, municipality_code, locale, created_at, updated_at, scenario) values (?, ?, ?, ?, ?, ?::jsonb)
         on conflict (id) do update set locale = excluded.locale, updated_at = excluded.updated_at, scenario = excluded.scenario
         returning id)
       insert into chat_message (id, session_id, role, text, at, urgent, generated)
       select m.id::uuid, s.id, m.role, m.text, m.at::timestamptz, m.urgent::boolean, m.generated::boolean from s,
         (values (?, '${ChatRole.USER}', ?, ?, ?, false), (?, '${ChatRole.BOT}', ?, ?, ?, ?)) as m (id, role, text, at, urgent, generated)`,
      [
        session.id,
        session.code,
        session.locale,
        at,
        at,
        turn.scenario ? JSON.stringify(turn.scenario) : null,
        randomUUID(),
        maskPersonalData(message),
        at.toISOString(),
        urgent,
        randomUUID(),
        maskPersonalData(turn.reply.messages.map((m) => m.text).join('\n')),
        new Date(at.getTime() + 1).toISOString(),
        urgent,
        turn.reply.generated,
      ],
      'run',
    );
  }

  /**
   * The safety reply for a danger message beyond the rate limit: given at once, without the database
   * (nothing is stored, so flooding costs the service nothing and never delays the answer).
   */
  private urgentUnstored(input: ChatInput): ChatReply {
    const l = input.locale != null && isLocale(input.locale) ? input.locale : this.requestLocale;
    const message = (input.message ?? '').trim().slice(0, DANGER_SCAN_LENGTH);
    const code = input.municipalityCode && MUNICIPALITY_CODE_PATTERN.test(input.municipalityCode) ? input.municipalityCode : null;
    const sessionId = input.sessionId && UUID.test(input.sessionId) ? input.sessionId : randomUUID();
    return { sessionId, ...this.urgent(this.knowledge.danger.classify(message), replyLocale(message, l), code) };
  }

  /**
   * An answer written by the municipality's AI endpoint from the retrieved documents, or null (no
   * endpoint, or it failed: the retrieval answer stands). The endpoint gets the masked message only.
   */
  private async generate(message: string, retrieved: NonNullable<Turn['retrieved']>, l: Locale, code: string | null): Promise<Turn['reply'] | null> {
    const answerer = this.deps.ai?.for(code);
    if (!answerer || !code) return null;
    const docs = retrieved.sources.slice(0, answerer.settings.maxEntries);
    const sources: AiSource[] = docs.map((d) => this.source(d, l, code));
    const municipality = this.deps.catalogue.municipalities().find((m) => m.code === code)?.name[l === 'en' ? 'en' : 'ja'] ?? code;
    const result = await answerer.answer({ question: maskPersonalData(message), sources, locale: l, municipality });
    if (!result.ok) return null;
    const related = [...docs.flatMap((d) => d.programmes), ...Ranker.programmesOf(retrieved.hits)];
    const links = docs.map((d) => ({ label: topicLabel(d, l), value: `topic:${d.key}` }));
    return { ...buildReply(this.deps.catalogue, [result.text], l, code, related, [...links, { label: QR.staff[l], value: 'handoff:staff' }]), generated: true };
  }

  /** One retrieved document as the model sees it: its title and its answer (or summary and contact) in the reply locale. */
  private source(doc: RankDoc, l: Locale, code: string): AiSource {
    const plain = (t: string) => (l === 'ja-easy' ? stripFurigana(t) : t);
    if (doc.entry) return { title: plain(topicLabel(doc, l)), text: plain(doc.entry.answer[l]) };
    const p = this.deps.catalogue.get(doc.programme!.id, code) ?? doc.programme!;
    return { title: plain(p.name[l]), text: plain(`${p.summary[l]}\n${fill(T.contactIs[l], { contact: p.contact[l] })}`) };
  }

  /**
   * The reply to one message: pure, apart from reading the knowledge base and the catalogue. `widget`
   * is the widget's locale; a message in English is answered in English whatever it is.
   */
  respond(message: string, widget: Locale, code: string | null, scenario: ScenarioState | null): Turn {
    const l = replyLocale(message, widget);
    // 1. Danger always wins, whatever else the message says or whatever step the session is at.
    const danger = this.knowledge.danger.classify(message);
    if (danger.level === 'urgent') return { reply: this.urgent(danger, l, code), scenario };
    const turn = this.answerTurn(message, l, code, scenario);
    // A concern: the question is answered, and the line of help is added.
    if (danger.level === 'concern') {
      turn.concern = { text: this.knowledge.danger.concernText(danger, l) };
      turn.reply = { ...turn.reply, messages: [...turn.reply.messages, turn.concern] };
    }
    return turn;
  }

  private answerTurn(message: string, l: Locale, code: string | null, scenario: ScenarioState | null): Turn {
    const c = compact(message);
    const lower = message.normalize('NFKC').toLowerCase();
    // 2. Quick-reply values and requests for a person (the call-back form, not office hours).
    if (c === C.handoffStaff || asksForPerson(c, lower)) return { reply: this.staff(l, code), scenario };
    if (c === C.handoffIntake) return { reply: this.intake(l, code, scenario), scenario };
    const topic = /^topic:(.+)$/.exec(message);
    if (topic) {
      const doc = this.knowledge.ranker(code).get(topic[1]!);
      if (doc) return { reply: this.answer(doc, [{ doc, score: 1 }], l, code), scenario: null };
    }
    // 3. An allowance amount for the number of children the message gives, from the eligibility engine.
    const amount = amountQuestion(message);
    const amountText = amount && this.deps.catalogue.get(amount.programme, code ?? undefined) ? amountAnswer(amount, todayInJapan(), l) : null;
    if (amount && amountText) return { reply: buildReply(this.deps.catalogue, [amountText], l, code, [amount.programme], this.menu(l)), scenario };
    // 4. A request for the whole picture: the best answer (or the overview) and the intake form.
    if (asksForOverview(c, lower)) {
      const found = this.retrieve(message, l, code);
      return { reply: this.overview(found.confident ? found.reply : null, l, code, scenario), retrieved: found.retrieved, scenario };
    }
    // 5. The scenario, when the message answers its question.
    // (Not when the message names 児童手当 or another programme: its own answer says what it pays.)
    const allowance = /手当|てあて|allowance/.test(c);
    const other = [...this.knowledge.ranker(code).named(message)].some((id) => id !== ESTIMATE_PROGRAMMES[0]);
    if (c === C.startAllowance || (!other && (C.estimate.some((t) => c.includes(t)) || (allowance && C.estimateWithAllowance.some((t) => c.includes(t)))))) {
      return this.scenarioStep({ kind: 'allowance-estimate', step: 'children' }, null, l, code)!;
    }
    if (scenario && scenario.step !== 'done') {
      const next = this.scenarioStep(scenario, message, l, code);
      if (next) return next;
    }
    // 6. The knowledge base and the catalogue.
    if (C.greetings.has(c)) return { reply: buildReply(this.deps.catalogue, [T.welcome[l]], l, code, [], this.menu(l)), scenario };
    const found = this.retrieve(message, l, code);
    return { reply: found.reply, retrieved: found.retrieved, scenario: scenario?.step === 'done' ? scenario : null };
  }

  /**
   * The answer to "what can I use?": the retrieval answer when it was confident, otherwise the
   * overview entry; either way with the intake form to check it for this family.
   */
  private overview(answer: Turn['reply'] | null, l: Locale, code: string | null, scenario: ScenarioState | null): Turn['reply'] {
    const doc = answer ? undefined : this.knowledge.ranker(code).get(OVERVIEW_ENTRY);
    const base = answer ?? (doc ? this.answer(doc, [{ doc, score: 1 }], l, code) : buildReply(this.deps.catalogue, [], l, code, [DESK_PROGRAMME], []));
    return {
      ...base,
      messages: [...base.messages, { text: T.overview[l] }],
      quickReplies: [
        { label: QR.intake[l], value: 'handoff:intake' },
        { label: QR.staff[l], value: 'handoff:staff' },
      ],
      handoff: this.intake(l, code, scenario).handoff,
    };
  }

  search(message: string, l: Locale, code: string | null): Turn['reply'] {
    return this.retrieve(message, l, code).reply;
  }

  /** The retrieval answer, with the best documents of distinct topics when something was found. */
  private retrieve(message: string, l: Locale, code: string | null): Pick<Turn, 'reply' | 'retrieved'> & { confident?: boolean } {
    const ranker = this.knowledge.ranker(code);
    const { hits, coverage } = ranker.rank(message, 10);
    const top = hits[0];
    if (!top || coverage < MIN_COVERAGE || top.score < MIN_SCORE) {
      return { reply: buildReply(this.deps.catalogue, [fill(T.unknown[l], { contact: this.deskContact(l, code) })], l, code, [DESK_PROGRAMME], this.menu(l)) };
    }
    const topics = distinctTopics(hits);
    const second = topics[1];
    const retrieved = { sources: topics.slice(0, 5).map((h) => h.doc), hits };
    // Answered outright when the runner-up is well behind, is about a programme the best answer covers
    // too (the best fit of one subject), or is about another programme than the one the message names.
    const named = ranker.named(message);
    const first = (h: Hit) => h.doc.programmes[0] ?? '';
    if (
      !second ||
      second.score <= top.score * CLEAR_LEAD ||
      top.doc.programmes.includes(first(second)) ||
      (named.has(first(top)) && !named.has(first(second)))
    ) {
      // A close runner-up on another subject is offered as a button, not instead of the answer.
      const close = topics.slice(1, 3).filter((h) => h.score > top.score * CLOSE_RUNNER_UP && !top.doc.programmes.includes(first(h)));
      const reply = this.answer(top.doc, hits, l, code);
      if (close.length) reply.quickReplies = [...close.map((h) => ({ label: topicLabel(h.doc, l), value: `topic:${h.doc.key}` })), ...reply.quickReplies];
      return { reply, retrieved, confident: true };
    }
    return {
      reply: buildReply(
        this.deps.catalogue,
        [T.maybe[l]],
        l,
        code,
        Ranker.programmesOf(hits),
        topics.slice(0, 3).map((h) => ({ label: topicLabel(h.doc, l), value: `topic:${h.doc.key}` })),
      ),
      retrieved,
    };
  }

  private answer(doc: RankDoc, hits: readonly Hit[], l: Locale, code: string | null): Turn['reply'] {
    const text: string[] = [];
    if (doc.entry) text.push(doc.entry.answer[l]);
    else if (doc.programme) {
      const p = this.deps.catalogue.get(doc.programme.id, code ?? undefined) ?? doc.programme;
      text.push(p.summary[l], fill(T.contactIs[l], { contact: p.contact[l] }));
    }
    // The answered document's programmes first, then the others the question touched.
    const related = [...doc.programmes, ...Ranker.programmesOf(hits)];
    return buildReply(this.deps.catalogue, text, l, code, related, this.menu(l));
  }

  /** The safety reply: the category's numbers (the right one first), then the consultant hand-off. */
  private urgent(danger: DangerAssessment, l: Locale, code: string | null): Turn['reply'] {
    const d = this.knowledge.danger;
    return {
      ...buildReply(
        this.deps.catalogue,
        [d.safetyText(danger, l), fill(T.urgentNext[l], { contact: this.deskContact(l, code) })],
        l,
        code,
        [...d.programmes(danger), DESK_PROGRAMME],
        [{ label: QR.staff[l], value: 'handoff:staff' }],
      ),
      urgent: true,
      dangerCategory: (danger.category ?? 'general') as ChatDangerCategory,
      hotlines: d.hotlines(danger).map((h) => ({ name: h.name[l], number: h.shown, dial: h.dial })),
      handoff: { kind: HandoffKind.STAFF, url: null, payload: JSON.stringify({ urgent: true }) },
    };
  }

  private staff(l: Locale, code: string | null): Turn['reply'] {
    return {
      ...buildReply(this.deps.catalogue, [fill(T.staff[l], { contact: this.deskContact(l, code) })], l, code, [DESK_PROGRAMME], []),
      handoff: { kind: HandoffKind.STAFF, url: null, payload: null },
    };
  }

  private intake(l: Locale, code: string | null, scenario: ScenarioState | null): Turn['reply'] {
    return {
      ...buildReply(this.deps.catalogue, [T.intake[l]], l, code, [], []),
      handoff: { kind: HandoffKind.INTAKE, url: null, payload: scenario?.step === 'done' ? JSON.stringify(intakePayload(scenario)) : null },
    };
  }

  /** One step of the allowance estimate; null when the message is not an answer (the bot then treats it as a question). */
  private scenarioStep(state: ScenarioState, message: string | null, l: Locale, code: string | null): Turn | null {
    const ask = (s: ScenarioState, texts: string[]): Turn => {
      const qr = s.step === 'children' ? QR.children : s.step === 'ages' ? QR.ages : QR.incomes;
      const question = s.step === 'children' ? T.askChildren[l] : s.step === 'ages' ? fill(T.askAge[l], { n: (s.ages?.length ?? 0) + 1 }) : T.askIncome[l];
      return {
        reply: buildReply(
          this.deps.catalogue,
          [...texts, question],
          l,
          code,
          [...ESTIMATE_PROGRAMMES],
          qr.map((q) => ({ label: q.label[l], value: q.value })),
        ),
        scenario: s,
      };
    };
    if (message === null) return ask(state, []);
    if (state.step === 'children') {
      const n = parseChildren(message);
      return n === null ? null : ask({ kind: state.kind, step: 'ages', children: n, ages: [] }, []);
    }
    if (state.step === 'ages') {
      const age = parseAge(message);
      if (age === null) return null;
      const ages = [...(state.ages ?? []), age];
      return ages.length < (state.children ?? 1) ? ask({ ...state, ages }, []) : ask({ ...state, step: 'income', ages }, []);
    }
    if (state.step === 'income') {
      const income = parseIncome(message);
      if (income === null) return null;
      const done: ScenarioState = { ...state, step: 'done', income };
      return { reply: estimateReply(this.deps.catalogue, done, l, code), scenario: done };
    }
    return null;
  }

  private menu(l: Locale): ChatReply['quickReplies'] {
    return [
      { label: QR.estimate[l], value: 'start:allowance' },
      { label: QR.staff[l], value: 'handoff:staff' },
    ];
  }

  /** The municipality's single-parent desk (the national wording without a municipality). */
  private deskContact(l: Locale, code: string | null): string {
    return (
      this.deps.catalogue.get(DESK_PROGRAMME, code ?? undefined, { includeDisabled: true })?.contact[l] ?? this.deps.catalogue.get(DESK_PROGRAMME)!.contact[l]
    );
  }

  private async municipality(code: string | null | undefined): Promise<string | null> {
    if (code == null || code === '') return null;
    if (!MUNICIPALITY_CODE_PATTERN.test(code) || !(await this.deps.municipalities.get(code)))
      throw badInput([{ field: 'input.municipalityCode', messages: BAD_MUNICIPALITY }], this.requestLocale);
    return code;
  }

  async rate(sessionId: string, score: number): Promise<boolean> {
    return rateSession(this.em, sessionId, score, this.requestLocale);
  }

  /** Ratings of the sessions started from `from` to `to` (Japan dates, inclusive) in the viewer's municipality. */
  async satisfaction(viewer: Viewer, from: string, to: string): Promise<ChatSatisfaction> {
    return chatSatisfaction(this.em, viewer, from, to, this.requestLocale);
  }
}
