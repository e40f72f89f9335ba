/**
 * Accuracy on test/chat/questions.yaml over the real knowledge base (seeds/chatbot), through the
 * same decision the API makes (ChatService.respond: danger, scenario, ranking, confidence).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ChatService } from '../../api/chat/chat.service';
import { ChatKnowledge } from '../../api/chat/knowledge';
import { SEEDS_DIR } from '../../api/common/paths';
import { loadCatalogue } from '../../api/programme/catalogue';

/** Measured top-3 accuracy, rounded down (raise it when the knowledge base or the ranker improves). */
const MIN_TOP3_ACCURACY = 1.0; // measured 228/228 on 2026-11-28

const QUESTIONS = join(__dirname, 'questions.yaml');
const KB = join(SEEDS_DIR, 'chatbot');

interface Question {
  question?: string;
  q?: string;
  expect: string[];
  category?: string;
}

describe('chatbot accuracy (test/chat/questions.yaml over seeds/chatbot)', () => {
  const doc = parse(readFileSync(QUESTIONS, 'utf8')) as { questions: Question[]; danger: string[]; notDanger: string[] };
  const catalogue = loadCatalogue(join(SEEDS_DIR, 'programmes'));
  const knowledge = ChatKnowledge.load(KB, catalogue);
  const service = new ChatService(null as never, { knowledge, catalogue, municipalities: null as never }, 'ja');
  const top3 = (text: string) => service.respond(text, 'ja', null, null).reply.relatedProgrammes.slice(0, 3).map((p) => p.id);

  it('is a well-formed question file', () => {
    expect(Array.isArray(doc.questions) && doc.questions.length > 0).toBe(true);
    for (const q of doc.questions) {
      expect(typeof (q.question ?? q.q), JSON.stringify(q)).toBe('string');
      expect(Array.isArray(q.expect), JSON.stringify(q)).toBe(true);
    }
  });

  it(`finds an expected programme among the top 3 for at least ${MIN_TOP3_ACCURACY * 100}% of the questions`, () => {
    const misses: string[] = [];
    const byCategory = new Map<string, [number, number]>();
    let hits = 0;
    let first = 0;
    for (const q of doc.questions) {
      const text = (q.question ?? q.q)!;
      const got = top3(text);
      const ok = q.expect.length === 0 ? got.length === 0 : q.expect.some((id) => got.includes(id));
      if (ok) hits++;
      if (got[0] !== undefined && q.expect.includes(got[0])) first++;
      else misses.push(`${text} → [${got.join(', ')}] (expected ${q.expect.join(' | ')})`);
      const c = byCategory.get(q.category ?? '-') ?? [0, 0];
      byCategory.set(q.category ?? '-', [c[0] + (ok ? 1 : 0), c[1] + 1]);
    }
    const accuracy = hits / doc.questions.length;
    console.log(`top-3 accuracy ${(accuracy * 100).toFixed(1)}% (${hits}/${doc.questions.length}), top-1 ${((first / doc.questions.length) * 100).toFixed(1)}%; by category: ${[...byCategory].map(([c, [h, n]]) => `${c} ${h}/${n}`).join(', ')}\nmisses:\n  ${misses.join('\n  ')}`);
    expect(accuracy).toBeGreaterThanOrEqual(MIN_TOP3_ACCURACY);
  });

  it('flags every danger message urgent, and no notDanger message', () => {
    const missed = doc.danger.filter((m) => !knowledge.danger.isUrgent(m));
    const falseAlarms = doc.notDanger.filter((m) => knowledge.danger.isUrgent(m));
    expect(missed, 'danger messages not flagged').toEqual([]);
    expect(falseAlarms, 'harmless messages flagged').toEqual([]);
    const urgentQuestions = doc.questions.map((q) => (q.question ?? q.q)!).filter((m) => knowledge.danger.isUrgent(m));
    if (urgentQuestions.length) console.log(`questions answered as urgent (check they should be): ${urgentQuestions.join(' / ')}`);
    // And through the reply: the safety message comes first.
    for (const m of doc.danger) expect(service.respond(m, 'ja', null, null).reply.messages[0]!.text).toBe(knowledge.danger.safety.ja);
  });
});
