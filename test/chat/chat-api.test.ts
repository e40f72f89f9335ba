import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatMessage, ChatSession } from '../../api/chat/chat.entity';
import { loadChatServices } from '../../api/chat/chat.services';
import { todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { childRearingAllowanceBreakdown } from '../../api/programme/rules';
import { startTestApp, type TestApp } from '../support/app';

const CHAT = `mutation Chat($input: ChatInput!) { chat(input: $input) { sessionId messages { text } quickReplies { label value } relatedProgrammes { id name } urgent handoff { kind url payload } locale } }`;
const RATE = `mutation Rate($s: ID!, $n: Int!) { rateChat(sessionId: $s, score: $n) }`;
const SUMMARY = `query S($from: Date!, $to: Date!) { chatSatisfaction(from: $from, to: $to) { sessions rated average distribution { score count } } }`;

describe('chat (public API)', () => {
  let t: TestApp;
  const say = async (message: string, sessionId: string | null = null, extra: Record<string, unknown> = {}) => {
    const res = await t.gql(CHAT, { input: { sessionId, message, municipalityCode: '999999', ...extra } });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    return res.body.data!.chat as {
      sessionId: string;
      messages: { text: string }[];
      quickReplies: { label: string; value: string }[];
      relatedProgrammes: { id: string; name: string }[];
      urgent: boolean;
      handoff: { kind: string; payload: string | null } | null;
      locale: string;
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ records: 1 });
    // The fixture knowledge base, so these tests do not depend on seeds/chatbot as it is being written.
    t.app.services.chat = loadChatServices(join(__dirname, 'fixtures'), t.app.services.catalogue);
  });
  afterAll(() => t.close());

  it('answers a question, with the right programme first, and continues the session', async () => {
    const r = await say('児童扶養手当はいつ振り込まれますか？');
    expect(r.urgent).toBe(false);
    expect(r.messages[0]!.text).toContain('奇数月');
    expect(r.relatedProgrammes[0]).toEqual({ id: 'child-rearing-allowance', name: '児童扶養手当' });
    expect(r.handoff).toBeNull();
    const next = await say('母子手当の申請はどこでする？', r.sessionId);
    expect(next.sessionId).toBe(r.sessionId);
    // デモ市's override of the entry.
    expect(next.messages[0]!.text).toContain('デモ市');
  });

  it('answers in the locale asked for', async () => {
    const r = await say('How much is the child allowance?', null, { locale: 'en' });
    expect(r.messages[0]!.text).toContain('15,000 yen');
    expect(r.relatedProgrammes[0]!.id).toBe('child-allowance');
    expect(r.quickReplies.map((q) => q.label)).toContain('Talk to a consultant');
  });

  it('gives an urgent reply its kind of danger and the numbers to show, the right one first; none for an ordinary answer', async () => {
    const HOT = `mutation Chat($input: ChatInput!) { chat(input: $input) { urgent dangerCategory hotlines { name number dial } } }`;
    const ask = async (message: string, locale = 'ja') => {
      const res = await t.gql(HOT, { input: { message, municipalityCode: '999999', locale } });
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      return res.body.data!.chat as { urgent: boolean; dangerCategory: string | null; hotlines: { name: string; number: string; dial: string }[] };
    };
    const cases: [string, string, string[]][] = [
      ['元夫からの暴力が怖い', 'DV', ['0120279889', '%238008', '110']],
      ['彼氏が子どもに暴力をふるう', 'CHILD_HARM_BY_OTHERS', ['189', '110']],
      ['子どもを叩いてしまいそう', 'FEAR_OF_HARMING_OWN_CHILD', ['189', '110']],
      ['もう限界。全部終わりにしたい', 'SUICIDE_SELF_HARM', ['0120279338', '0570783556', '119', '110']],
      ['夫から性行為を強要される', 'SEXUAL_VIOLENCE', ['%238891', '0120279889', '%238008', '110']],
    ];
    for (const [message, category, dials] of cases) {
      const r = await ask(message);
      expect(r.urgent, message).toBe(true);
      expect(r.dangerCategory, message).toBe(category);
      expect(
        r.hotlines.map((h) => h.dial),
        message,
      ).toEqual(dials);
    }
    // Immediate danger puts 110 in front, whatever the category.
    const now = await ask('今、元夫が家に来て暴れている');
    expect(now.urgent).toBe(true);
    expect(now.hotlines[0]).toEqual({ name: '警察（危険なとき）', number: '110', dial: '110' });
    // Names in the reply locale.
    const en = await ask('My ex is stalking me and threatening me', 'en');
    expect(en.dangerCategory).toBe('STALKING');
    expect(en.hotlines[0]!.name).toBe('Police (if you are in danger)');
    expect(en.hotlines.map((h) => h.number)).toEqual(['110', '#9110', '0120-279-889', '#8008']);
    const plain = await ask('児童扶養手当はいつ振り込まれますか？');
    expect(plain).toEqual({ urgent: false, dangerCategory: null, hotlines: [] });
  });

  it('puts safety first when a message speaks of danger, whatever else it asks, and stores it as urgent', async () => {
    const r = await say('児童扶養手当の振込日を知りたい。夫になぐられる');
    expect(r.urgent).toBe(true);
    // Violence by a partner: the DV line first, 110 as the fallback (each number once).
    const safety = r.messages[0]!.text;
    expect(safety.indexOf('DV相談＋ 0120-279-889')).toBe(0);
    expect(safety).toContain('危険が迫ったら110番へ。');
    expect(safety.match(/110/g)).toHaveLength(1);
    expect(r.handoff?.kind).toBe('STAFF');
    expect(r.relatedProgrammes[0]!.id).toBe('dv-consultation');
    const stored = await t.em().find(ChatMessage, { session: r.sessionId }, { orderBy: { at: 'asc' } });
    expect(stored.map((m) => m.urgent)).toEqual([true, true]);
  });

  it('answers English in English in the Japanese widget, and a request for a person with the call-back form', async () => {
    const en = await say('How much is the child allowance?');
    expect(en.messages[0]!.text).toContain('15,000 yen');
    // The reply says which language it is in, so the widget can mark it (the widget asked in Japanese).
    expect(en.locale).toBe('en');
    expect((await say('児童手当はいくら？')).locale).toBe('ja');
    expect((await say('児童手当はいくら？', null, { locale: 'ja-easy' })).locale).toBe('ja-easy');
    expect((await say('夫に殴られる', null, { locale: 'ja-easy' })).locale).toBe('ja-easy');
    const person = await say('夜しか時間がない…担当の人と話せますか');
    expect(person.handoff).toEqual({ kind: 'STAFF', url: null, payload: null });
    expect(person.messages[0]!.text).toContain('相談員におつなぎします');
  });

  it('names the right number first for the danger at hand, and answers a concern with the line of help added', async () => {
    const child = await say('彼氏が子どもに暴力をふるう');
    expect(child.urgent).toBe(true);
    expect(child.messages[0]!.text).toMatch(/^児童相談所 189（24時間・無料）/);
    const concern = await say('DVで別居中です。離婚前でも手当はもらえますか');
    expect(concern.urgent).toBe(false);
    expect(concern.messages.at(-1)!.text).toContain('DV相談＋ 0120-279-889');
    const rows = await t.em().getConnection().execute<{ urgent: boolean }[]>('select urgent from chat_message where session_id = ?', [concern.sessionId]);
    expect(rows.map((x) => x.urgent)).toEqual([false, false]);
  });

  it('gives the allowance for the number of children the message says, from the eligibility engine', async () => {
    const r = await say('児童扶養手当っていくら？子ども2人です');
    const full = childRearingAllowanceBreakdown(0, 2, 2, todayInJapan())!;
    expect(r.messages[0]!.text).toContain(`全部支給で月額${full.monthly.toLocaleString('en-US')}円`);
    expect(r.relatedProgrammes[0]!.id).toBe('child-rearing-allowance');
  });

  it('opens the intake form when asked for everything the family may use', async () => {
    const r = await say('うちが使える制度をまとめて知りたい');
    expect(r.handoff?.kind).toBe('INTAKE');
    expect(r.quickReplies.map((q) => q.value)).toContain('handoff:intake');
  });

  it('is honest when it does not know, and says whom to ask (the municipality’s desk)', async () => {
    const r = await say('宇宙旅行の予約をしたい');
    expect(r.messages[0]!.text).toContain('見つかりませんでした');
    expect(r.messages[0]!.text).toContain('デモ市こども家庭課');
    expect(r.relatedProgrammes[0]!.id).toBe('single-parent-consultation');
  });

  it('asks "did you mean" with topic quick replies when unsure, and a topic answers', async () => {
    const r = await say('手当');
    expect(r.messages[0]!.text).toContain('もしかして');
    expect(r.quickReplies.length).toBeGreaterThanOrEqual(2);
    expect(r.quickReplies.length).toBeLessThanOrEqual(3);
    const topic = r.quickReplies[0]!;
    expect(topic.value).toMatch(/^topic:/);
    const a = await say(topic.value, r.sessionId);
    expect(a.messages[0]!.text).not.toContain('もしかして');
  });

  it('hands off to staff when asked for a person', async () => {
    const r = await say('相談員と話したい');
    expect(r.handoff).toEqual({ kind: 'STAFF', url: null, payload: null });
    expect(r.messages[0]!.text).toContain('デモ市こども家庭課');
  });

  it('runs the allowance scenario to an estimate from the eligibility engine, then offers the intake form', async () => {
    const a = await say('手当について知りたい');
    expect(a.quickReplies.map((q) => q.value)).toEqual(['children:1', 'children:2', 'children:3']);
    const b = await say('2人', a.sessionId);
    expect(b.messages[0]!.text).toContain('1人目');
    const c = await say('age:8', a.sessionId);
    expect(c.messages[0]!.text).toContain('2人目');
    const d = await say('中学生です', a.sessionId);
    expect(d.quickReplies[0]!.value).toMatch(/^income:/);
    const session = await t.em().findOneOrFail(ChatSession, { id: a.sessionId });
    expect(session.scenario).toMatchObject({ step: 'income', children: 2, ages: [8, 13] });
    const e = await say('income:1300000', a.sessionId);
    const text = e.messages[0]!.text;
    // Full 児童扶養手当 for two children (48,050 + 11,350 in FY2026) and 児童手当 10,000 × 2.
    expect(text).toMatch(/児童扶養手当：月額 約[\d,]+円/);
    expect(text).toMatch(/児童手当：月額 約20,000円/);
    expect(text).toMatch(/合計：月額 約[\d,]+円/);
    expect(e.relatedProgrammes.map((p) => p.id)).toEqual(['child-rearing-allowance', 'child-allowance']);
    expect(e.handoff?.kind).toBe('INTAKE');
    expect(JSON.parse(e.handoff!.payload!).income).toEqual({ annualEmploymentIncome: 1_300_000 });
    expect(e.quickReplies.map((q) => q.value)).toContain('handoff:intake');
    const f = await say('handoff:intake', a.sessionId);
    expect(f.handoff?.kind).toBe('INTAKE');
    expect(JSON.parse(f.handoff!.payload!).household.children).toHaveLength(2);
  });

  it('leaves the scenario when the visitor asks something else instead', async () => {
    const a = await say('手当について知りたい');
    const b = await say('給食費が払えない', a.sessionId);
    expect(b.relatedProgrammes[0]!.id).toBe('school-expense-aid');
    expect((await t.em().findOneOrFail(ChatSession, { id: a.sessionId })).scenario).toBeNull();
  });

  it('stores masked text only: no phone number, e-mail address or My Number reaches the database', async () => {
    const r = await say('電話は０９０−１２３４−５６７８、メールは hanako@example.jp、マイナンバーは 1234 5678 9012 です。家賃が払えない');
    const rows = await t.em().getConnection().execute<{ text: string }[]>('select text from chat_message where session_id = ?', [r.sessionId]);
    const all = rows.map((x) => x.text).join('\n');
    expect(all).toContain('〔電話番号〕');
    expect(all).toContain('〔メールアドレス〕');
    expect(all).toContain('〔マイナンバー〕');
    expect(all).not.toMatch(/5678|hanako|example\.jp|9012/);
    const everything = await t.em().getConnection().execute<{ text: string }[]>('select text from chat_message');
    expect(everything.map((x) => x.text).join('\n')).not.toMatch(/0\d{1,4}-?\d{1,4}-?\d{4}|@|\d{4} ?\d{4} ?\d{4}/);
  });

  it('refuses empty or overlong messages and unknown municipalities', async () => {
    expect((await t.gql(CHAT, { input: { message: '  ' } })).body.errors?.[0]?.extensions?.field).toBe('input.message');
    expect((await t.gql(CHAT, { input: { message: 'あ'.repeat(501) } })).body.errors?.[0]?.extensions?.field).toBe('input.message');
    expect((await t.gql(CHAT, { input: { message: 'こんにちは', municipalityCode: '000000' } })).body.errors?.[0]?.extensions?.field).toBe(
      'input.municipalityCode',
    );
    expect((await t.gql(CHAT, { input: { message: 'こんにちは', locale: 'fr' } })).body.errors?.[0]?.extensions?.field).toBe('input.locale');
  });

  it('takes a 1–5 rating, and staff see the satisfaction summary of their municipality', async () => {
    const a = await say('こんにちは');
    const b = await say('こんにちは');
    expect((await t.gql(RATE, { s: a.sessionId, n: 5 })).body.data!.rateChat).toBe(true);
    expect((await t.gql(RATE, { s: b.sessionId, n: 2 })).body.data!.rateChat).toBe(true);
    expect((await t.gql(RATE, { s: b.sessionId, n: 6 })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(RATE, { s: '00000000-0000-0000-0000-000000000000', n: 3 })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const today = todayInJapan();
    const anonymous = await t.gql(SUMMARY, { from: today, to: today });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const staff = await t.login(DepartmentCode.SINGLE_PARENT);
    const s = (await t.gql(SUMMARY, { from: today, to: today }, staff)).body.data!.chatSatisfaction;
    const sessions = await t.em().count(ChatSession, { municipality: '999999' });
    expect(s).toEqual({
      sessions,
      rated: 2,
      average: 3.5,
      distribution: [
        { score: 1, count: 0 },
        { score: 2, count: 1 },
        { score: 3, count: 0 },
        { score: 4, count: 0 },
        { score: 5, count: 1 },
      ],
    });
    const earlier = (await t.gql(SUMMARY, { from: '2020-01-01', to: '2020-12-31' }, staff)).body.data!.chatSatisfaction;
    expect(earlier).toMatchObject({ sessions: 0, rated: 0, average: null });
  });
});
