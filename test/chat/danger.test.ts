/**
 * The danger classifier (api/chat/danger.ts over seeds/chatbot/danger.yaml): what it understands of a
 * sentence, and what the safety reply says. The question sets measure it at scale (evaluation.test.ts);
 * these are the behaviours one by one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DangerClassifier, parseDangerConfig } from '../../api/chat/danger';
import { ChatKnowledge, ChatKnowledgeError, readChatKnowledge } from '../../api/chat/knowledge';
import { SEEDS_DIR } from '../../api/core/paths';
import { loadCatalogue } from '../../api/programme/catalogue';
import { firstLine } from './evaluate.cjs';

const DANGER_YAML = join(SEEDS_DIR, 'chatbot', 'danger.yaml');
const config = parseDangerConfig(parse(readFileSync(DANGER_YAML, 'utf8')), (f, m) => {
  throw new Error(`${f}: ${m}`);
})!;
const d = new DangerClassifier(config);
const level = (m: string) => d.classify(m).level;
const first = (m: string) => firstLine(d.safetyText(d.classify(m), 'ja'));

describe('danger classifier: reading the sentence', () => {
  it.each([
    ['katakana', 'シニタイ'],
    ['half-width katakana', 'ｼﾆﾀｲ'],
    ['hiragana with spaces between words', 'おっとに けられた たすけて'],
    ['full-width Latin', 'ＤＶされてます'],
    ['a typo (暴カ with katakana カ)', '夫の暴カがひどい'],
    ['a net spelling (氏にたい)', 'もう氏にたい'],
    ['a quoted threat', '夫に「出ていったら殺す」と言われた'],
    ['mixed Japanese and English', 'DV受けてる. what should I do'],
    ['English', 'my boyfriend punched me'],
  ])('is urgent: %s', (_what, m) => {
    expect(level(m)).toBe('urgent');
  });

  it.each([
    ['a service named, not danger described', 'DV相談の受付時間は？'],
    ['a hotline asked about', 'いのちの電話の番号は？'],
    ['189 asked about', '189ってどこにつながる？'],
    ['a word asked about', 'DVってなに？'],
    ['help with costs (benefactive)', '子どもの医療費を助けてもらえる制度は？'],
    ['help with costs, hiragana', '引越し代たすけてもらえる？'],
    ['hyperbole', '死ぬほど忙しい'],
    ['hyperbole (すぎて死ぬ)', '保育料が高すぎて死ぬ'],
    ['an ex as the subject of an ordinary question', '元夫が養育費を払わない'],
    ['a child following the writer', 'ストーカーみたいに子どもが後をついてくる'],
    ['negation', '夫に殴られたことは一度もないです。離婚後の手当について'],
    ['negation of a noun', '暴力はないけど夫と離婚したい'],
    ['English hyperbole', "I'm dying to know the payment dates"],
    ['English negation', 'my husband never hits me, we are just getting divorced'],
    ['English help with costs', 'Can someone help me pay for daycare?'],
  ])('is not urgent: %s', (_what, m) => {
    expect(level(m)).not.toBe('urgent');
  });

  it('reads who does what to whom: a partner hurting a child is harm to a child (189), a parent afraid of hurting hers too', () => {
    expect(d.classify('彼氏が子どもに暴力をふるう').category).toBe('child-harm-by-others');
    expect(d.classify('子どもを叩いてしまいそう').category).toBe('fear-of-harming-own-child');
    expect(d.classify('夫に殴られた').category).toBe('dv');
    expect(d.classify('子どもが友だちに叩かれて帰ってきた').level).toBe('concern');
  });

  it('makes danger that is over a concern (answer, and the line of help), unless something says it is not over', () => {
    expect(level('DVで別居中です。手当はもらえますか')).toBe('concern');
    expect(level('昔元夫から暴力を受けていた')).toBe('concern');
    expect(level('昔元夫から暴力を受けていた。今も家に来て怖い')).toBe('urgent');
    expect(level('元夫に殴られないか心配')).toBe('urgent');
  });

  it('treats a quip as a concern, not as an emergency, and keeps the line of help', () => {
    expect(level('現況届の日を間違えた、消えたい笑')).toBe('concern');
    expect(level('死ぬほどつらい')).toBe('concern');
    expect(d.concernText(d.classify('死ぬほどつらい'), 'ja')).toContain('0120-279-338');
  });
});

describe('danger classifier: the safety reply', () => {
  it.each([
    ['元夫からの暴力が怖い', 'dv'],
    ['子どもを叩いてしまいそう', '189'],
    ['再婚相手が子どもを叩く', '189'],
    ['もう死にたい', 'suicide'],
    ['今夜泊まるところがない', 'shelter'],
    ['元夫に待ち伏せされている', '110'],
    ['夫から性行為を強要される', 'sv'],
    ['いま夫が暴れてて隠れてます', '110'],
    ['薬を大量に飲んだ', '119'],
    ['助けて', '110'],
  ])('%s → %s first', (m, line) => {
    expect(first(m)).toBe(line);
  });

  it('is short enough to read at a glance and names each number once (no "110 … 110")', () => {
    const messages = [
      '元夫からの暴力が怖い',
      'いま夫が暴れてて隠れてます',
      '元夫に待ち伏せされている',
      '再婚相手が子どもを叩く',
      'もう死にたい',
      '今夜泊まるところがない',
      '夫から性行為を強要される',
      '助けて',
      '薬を大量に飲んだ',
    ];
    for (const m of messages) {
      for (const l of ['ja', 'en', 'ja-easy'] as const) {
        const text = d.safetyText(d.classify(m), l);
        expect(text.length, `${m} (${l}): ${text}`).toBeLessThanOrEqual(l === 'en' ? 260 : 130);
        for (const n of ['110', '119', '189', '0120-279-889', '#8008', '0120-279-338', '#8891', '#9110']) {
          // As a number of its own: 110 is not counted inside #9110.
          const times = text.match(new RegExp(`(?<![0-9#])${n.replace('#', '#')}(?![0-9])`, 'g'))?.length ?? 0;
          expect(times, `${n} in ${text}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

describe('danger.yaml', () => {
  const catalogue = loadCatalogue(join(SEEDS_DIR, 'programmes'));

  it('is used when a knowledge base has none of its own (danger is never unchecked)', () => {
    const k = ChatKnowledge.load(join(__dirname, 'fixtures'), catalogue);
    expect(k.danger.isUrgent('死にたい')).toBe(true);
  });

  it('refuses a pattern that is not linear-time, an unknown fragment, or a category without texts, naming each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-danger-'));
    const doc = parse(readFileSync(DANGER_YAML, 'utf8')) as { rules: unknown[]; categories: Record<string, unknown> };
    doc.rules.push(
      { id: 'bad-nested', category: 'dv', level: 'urgent', ja: ['(?:殴られ)+'] },
      { id: 'bad-fragment', category: 'dv', level: 'urgent', ja: ['{nosuch}'] },
    );
    delete doc.categories.stalking;
    writeFileSync(join(dir, 'danger.yaml'), JSON.stringify(doc));
    try {
      readChatKnowledge(dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ChatKnowledgeError);
      const message = (e as Error).message;
      expect(message).toContain('unbounded +');
      expect(message).toContain('unknown fragment {nosuch}');
      expect(message).toContain('categories.stalking');
    }
  });

  it('refuses a category line with no hotline and a number that cannot be dialled, naming each', () => {
    const doc = parse(readFileSync(DANGER_YAML, 'utf8')) as { hotlines: Record<string, { dial: string }[]> };
    delete doc.hotlines.sv;
    doc.hotlines.police![0]!.dial = 'tel:#9110';
    const problems: string[] = [];
    expect(parseDangerConfig(doc, (f, m) => problems.push(`${f}: ${m}`))).toBeNull();
    expect(problems).toEqual([
      'hotlines.police[0]: needs dial (digits, %23 for #) and shown',
      'categories.sexual-violence.lines: no hotline "sv" under hotlines',
      'categories.stalking.lines: no hotline "police" under hotlines',
    ]);
  });
});
