/**
 * The stable programme ids from docs/design.md ("Programme ids"). The API, widgets, knowledge base and
 * outreach all use them, so this list is a contract: add ids only with a docs/design.md change, never rename.
 *
 * This module has no dependencies so that any other module can import it cheaply.
 */
export const PROGRAMME_IDS = [
  'child-rearing-allowance', // 児童扶養手当
  'child-allowance', // 児童手当
  'single-parent-medical-subsidy', // ひとり親家庭等医療費助成
  'welfare-fund-loan', // 母子父子寡婦福祉資金貸付金
  'independence-training-benefit', // 自立支援教育訓練給付金
  'advanced-vocational-training-benefit', // 高等職業訓練促進給付金
  'housing-support-loan', // ひとり親家庭住宅支援資金貸付
  'public-housing-priority', // 公営住宅の優先入居
  'school-expense-aid', // 就学援助
  'high-school-tuition-support', // 高等学校等就学支援金
  'childcare-priority', // 保育所等の優先入所
  'commuter-pass-discount', // JR通勤定期乗車券の割引
  'single-parent-tax-deduction', // ひとり親控除
  'self-reliance-programme', // 母子・父子自立支援プログラム策定事業
  'vocational-support', // 就業支援（就業支援専門員・マザーズハローワーク）
  'needy-self-reliance-support', // 生活困窮者自立支援制度
  'livelihood-protection', // 生活保護
  'child-support-securing', // 養育費の確保支援
  'dv-consultation', // DV相談
  'home-helper-dispatch', // ひとり親家庭等日常生活支援事業
  'single-parent-consultation', // 母子・父子自立支援員による相談
  'learning-support-for-children', // 子どもの学習・生活支援事業
] as const;

export type ProgrammeId = (typeof PROGRAMME_IDS)[number];

const PROGRAMME_ID_SET: ReadonlySet<string> = new Set(PROGRAMME_IDS);

/** True for one of the 22 national-catalogue ids above (not for a municipality's own `<code>-…` id). */
export function isProgrammeId(value: unknown): value is ProgrammeId {
  return typeof value === 'string' && PROGRAMME_ID_SET.has(value);
}

/** A 全国地方公共団体コード: six digits (the demo municipality 999999 has no valid check digit, so none is checked). */
export const MUNICIPALITY_CODE_PATTERN = /^\d{6}$/;

/** The column width of a municipality code (the six digits above), for entities keyed by it. */
export const MUNICIPALITY_CODE_LENGTH = 6;

/** A municipality's own programme: `<6-digit code>-<kebab-case words>`, e.g. `999999-school-entry-gift`. */
export const OWN_PROGRAMME_ID_PATTERN = /^(\d{6})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The municipality code of an own programme id, or undefined for anything else. */
export function ownProgrammeMunicipality(id: string): string | undefined {
  return OWN_PROGRAMME_ID_PATTERN.exec(id)?.[1];
}
