// Types for evaluate.cjs (plain JavaScript, so that `npm run chat:eval` runs it on the built API).
export interface EvalItem {
  q: string;
  level: 'urgent' | 'concern' | 'none';
  category?: string;
  first?: string[];
  line?: string;
  top1?: string[];
  top3?: string[];
  handoff?: string[];
  children?: number;
  lang?: string;
  file: string;
}
export interface EvalReply {
  messages: { text: string }[];
  relatedProgrammes: { id: string }[];
  urgent: boolean;
  handoff?: { kind: string } | null;
}
export interface EvalRates {
  recall: number;
  falseAlarm: number;
  top1: number;
  top3: number;
  maybe: number;
}
export interface EvalRow {
  item: EvalItem;
  reply: EvalReply;
  related: string[];
  urgent: boolean;
  firstLine: string | null;
  top1?: boolean;
  top3?: boolean;
  amountOk?: boolean | null;
}
export interface EvalSummary {
  rows: EvalRow[];
  total: number;
  rates: EvalRates;
  urgent: { n: number; flagged: number; firstOk: number };
  concern: { n: number; detected: number; ok: number; asUrgent: number };
  near: { n: number; falseAlarms: number; lines: number };
  ordinary: { n: number; falseAlarms: number };
  answers: { n: number; top1: number; top3: number; maybe: number; handoff: { n: number; ok: number } };
  language: { en: number; enOk: number; ja: number; jaOk: number };
  amounts: { n: number; ok: number };
  byCategory: Record<string, { urgent: number; recall: number; firstOk: number; concern: number; concernOk: number; near: number; falseAlarms: number }>;
}
export declare const CATEGORIES: string[];
export declare function loadSet(dir: string, which: 'dev' | 'heldout'): EvalItem[];
export declare function firstLine(text: string): string | null;
export declare function expectedAmount(
  item: EvalItem,
  rules: {
    childRearingAllowanceBreakdown(i: number, d: number, c: number, date: number): { monthly: number } | null;
    childAllowanceBreakdown(births: number[], date: number): { monthly: number } | null;
  },
): string | null;
export declare function evaluate(
  items: EvalItem[],
  fns: { respond(q: string): EvalReply; classify(q: string): { level: string; rules: string[] }; maybe: string[]; amount(item: EvalItem): string | null },
): EvalSummary;
export declare function report(name: string, s: EvalSummary): string;
export declare function misses(s: EvalSummary): string[];
