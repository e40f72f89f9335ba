import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChatKnowledge, ChatKnowledgeError, mergeEntries, readChatKnowledge } from '../../api/chat/knowledge';
import { Ranker } from '../../api/chat/ranker';
import { SEEDS_DIR } from '../../api/core/paths';
import { loadCatalogue } from '../../api/programme/catalogue';

const FIXTURE = join(__dirname, 'fixtures');
const catalogue = loadCatalogue(join(SEEDS_DIR, 'programmes'));
const knowledge = ChatKnowledge.load(FIXTURE, catalogue);

const top = (q: string, code?: string) => knowledge.ranker(code).search(q, 5);
const firstProgramme = (q: string, code?: string) => Ranker.programmesOf(top(q, code))[0];

describe('chat knowledge base', () => {
  it('loads categories, entries, synonyms, danger phrases and overrides from a directory', () => {
    expect(knowledge.data.categories.map((c) => c.category).sort()).toEqual(['life', 'money']);
    expect(knowledge.data.entries).toHaveLength(7);
    expect(knowledge.synonyms.size).toBeGreaterThan(0);
    expect(knowledge.data.overrides.get('999999')).toHaveLength(2);
  });

  it('merges a municipality override: a known id replaces the fields given, a new id is added', () => {
    const merged = mergeEntries(knowledge.data.entries, knowledge.data.overrides.get('999999'));
    const apply = merged.find((e) => e.id === 'cra-apply')!;
    expect(apply.answer.ja).toContain('デモ市');
    expect(apply.questions).toEqual(knowledge.data.entries.find((e) => e.id === 'cra-apply')!.questions);
    expect(merged.map((e) => e.id)).toContain('demo-office-hours');
    expect(top('受付時間を知りたい', '999999')[0]!.doc.id).toBe('demo-office-hours');
    expect(top('受付時間を知りたい').some((h) => h.doc.id === 'demo-office-hours')).toBe(false);
  });

  it('reports every problem of an invalid knowledge base', () => {
    expect(() => readChatKnowledge(join(__dirname, 'no-such-dir'))).not.toThrow();
    try {
      readChatKnowledge(FIXTURE, { has: (id) => id !== 'child-allowance' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ChatKnowledgeError);
      expect((e as Error).message).toContain('unknown programme id "child-allowance"');
    }
  });
});

describe('ranking (BM25 over the knowledge base and the catalogue)', () => {
  it.each([
    ['児童扶養手当はいつ振り込まれる？', 'child-rearing-allowance'],
    ['母子手当の振込日', 'child-rearing-allowance'],
    ['ボシテアテの振込日', 'child-rearing-allowance'],
    ['児童手当いくら', 'child-allowance'],
    ['看護師の資格を取りたい', 'independence-training-benefit'],
    ['元旦那が養育費を払わない', 'child-support-securing'],
    ['給食費が払えない', 'school-expense-aid'],
    ['税金を安くしたい', 'single-parent-tax-deduction'],
    ['医療費の助成', 'single-parent-medical-subsidy'],
    ['保育園に入りたい', 'childcare-priority'],
    ['How much is the child allowance?', 'child-allowance'],
  ])('%s → %s first', (q, id) => {
    expect(firstProgramme(q)).toBe(id);
  });

  it('finds the entry despite a typo', () => {
    expect(top('児童扶陽手当の振り込み日')[0]!.doc.id).toBe('cra-payment-day');
  });

  it('knows when it knows nothing', () => {
    for (const q of ['宇宙旅行の予約をしたい', 'ラーメンのおいしい店', 'asdfgh']) {
      const { hits, coverage } = knowledge.ranker().rank(q);
      expect(hits.length === 0 || coverage < 0.3, q).toBe(true);
    }
  });
});
