/**
 * The allowance-estimate scenario's parsing (children, ages, income) and what it hands on: pure
 * functions, apart from today's date.
 */
import { todayInJapan } from '../core';
import type { Household } from '../programme';
import type { ScenarioState } from './chat.entity';

export const ESTIMATE_PROGRAMMES = ['child-rearing-allowance', 'child-allowance'] as const;

const CHILD_WORDS: readonly [RegExp, number][] = [
  [/一人|ひとり/, 1],
  [/二人|ふたり/, 2],
  [/[三四五六]人/, 3],
];

export function parseChildren(message: string): number | null {
  const m = /^children:(\d+)$/.exec(message.trim());
  if (m) return Math.min(Math.max(Number(m[1]), 1), 3);
  const s = message.normalize('NFKC');
  const d = /(\d+)\s*(人|にん|名|children|child|kids?)?/i.exec(s) ?? null;
  if (d && (d[2] || /^\s*\d+\s*$/.test(s))) return Math.min(Math.max(Number(d[1]), 1), 3) || null;
  const words = s.replace(/ひとり親|一人親/g, '');
  for (const [re, n] of CHILD_WORDS) if (re.test(words)) return n;
  return null;
}

export function parseAge(message: string): number | null {
  const m = /^age:(\d+)$/.exec(message.trim());
  if (m) return Number(m[1]);
  const s = message.normalize('NFKC');
  if (/高校|high school/i.test(s)) return 16;
  if (/中学|junior high/i.test(s)) return 13;
  if (/小学|primary|elementary/i.test(s)) return 8;
  if (/赤ちゃん|乳児|baby/i.test(s)) return 1;
  const a = /(\d{1,2})\s*(歳|才|さい|か月|ヶ月|years?|months?)?/i.exec(s);
  if (a && (a[2] || /^\s*\d{1,2}\s*$/.test(s))) return /月|month/i.test(a[2] ?? '') ? 0 : Number(a[1]);
  return null;
}

export function parseIncome(message: string): number | null {
  const m = /^income:(\d+)$/.exec(message.trim());
  if (m) return Number(m[1]);
  const s = message.normalize('NFKC').replace(/,/g, '');
  const man = /(\d+(?:\.\d+)?)\s*万/.exec(s);
  if (man) return Math.round(Number(man[1]) * 10_000);
  const yen = /(\d{5,})\s*円?/.exec(s);
  return yen ? Number(yen[1]) : null;
}

/** A representative birth date for an age: half a year past the birthday, so the school year is the middle one. */
export function birthDateForAge(age: number, asOf: string): string {
  const [y, mo, d] = asOf.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y - age, mo - 1 - 6, Math.min(d, 28)));
  return t.toISOString().slice(0, 10);
}

export function estimateHousehold(state: ScenarioState, asOf: string): Household {
  return {
    asOf,
    children: (state.ages ?? []).map((a) => ({ birthDate: birthDateForAge(a, asOf), disability: false })),
    annualEmploymentIncome: state.income ?? null,
    otherIncome: 0,
    childSupportReceivedYearly: 0,
    benefitsInUse: [],
    concerns: [],
    married: false,
  };
}

/** What the intake form can be pre-filled with (no personal data: counts, representative dates, an income band). */
export function intakePayload(state: ScenarioState): Record<string, unknown> {
  const asOf = todayInJapan();
  return {
    household: { children: (state.ages ?? []).map((a) => ({ birthDate: birthDateForAge(a, asOf) })) },
    income: state.income != null ? { annualEmploymentIncome: state.income } : null,
    benefitsInterest: [...ESTIMATE_PROGRAMMES],
  };
}
