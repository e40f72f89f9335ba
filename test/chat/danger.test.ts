import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DangerDetector, DEFAULT_SAFETY } from '../../api/chat/danger';
import { readChatKnowledge } from '../../api/chat/knowledge';

const FIXTURE = join(__dirname, 'fixtures');
const data = readChatKnowledge(FIXTURE);
const detector = new DangerDetector({ ...data.danger.phrases, violence: [...data.danger.phrases.violence!, '蹴られた'] }, data.danger.safety);

describe('danger detection', () => {
  it.each([
    '夫に殴られる',
    '死にたい',
    '今すぐ助けて',
    '児童扶養手当の申請方法を教えてください。あと、夫に殴られた',
    '家賃が払えません、もう消えたい',
  ])('is urgent: %s', (m) => {
    expect(detector.isUrgent(m)).toBe(true);
  });

  it.each([
    ['katakana', 'シニタイ'],
    ['hiragana for kanji', 'なぐられる'],
    ['hiragana for kanji (self-harm)', 'もう しにたい'],
    ['half-width katakana', 'ｼﾆﾀｲ'],
    ['spaces and punctuation inside', '死 に た い。'],
    ['full-width with long vowel noise', '今すぐ助けてー！！'],
    ['kanji message for a kana phrase', '殺されるかもしれない'],
    ['English', 'I want to die'],
  ])('folds %s', (_what, m) => {
    expect(detector.isUrgent(m)).toBe(true);
  });

  it('names the kinds matched', () => {
    expect(detector.check('夫に殴られる。死にたい').kinds.sort()).toEqual(['self-harm', 'violence']);
  });

  it.each(['児童扶養手当はいつ振り込まれますか', 'DVの相談窓口の受付時間', '一番困っているのは家賃です', '子どもの学費が心配', 'しにせのお店', '車があっても生活保護は受けられる？', '助成を受けられますか'])('is not urgent: %s', (m) => {
    expect(detector.isUrgent(m)).toBe(false);
  });

  it('uses the safety message of danger.yaml, and the built-in phrases and message without one', () => {
    expect(detector.safety.ja).toContain('110');
    const bare = new DangerDetector();
    expect(bare.safety).toEqual(DEFAULT_SAFETY);
    expect(bare.isUrgent('死にたい')).toBe(true);
    expect(bare.isUrgent('ころされる')).toBe(true);
  });
});
