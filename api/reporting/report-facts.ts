import type { EntityManager } from '@mikro-orm/postgresql';
import { getMetadataStorage } from 'type-graphql';
import { type Policy, POLICY_ROLES } from '../access';
import { DEPARTMENT_NAMES, isDepartmentCode, type Section, SECTIONS } from '../core';
import type { AppServices } from '../server/context';
import { IntakeInput } from '../intake';
import { Municipality } from '../municipality';
import type { FigureStore } from './figure-store';
import { type FigureLine, figureLines, previousPeriod, previousTotals } from './figure-totals';
import { EMPTY_REPORT_INPUT, ReportInput, type ReportInputData } from './report-input.entity';

/** 電子個人票 sections as the forms name them. */
export const SECTION_NAMES: Record<Section, string> = {
  identity: '氏名・生年月日',
  address: '住所',
  contact: '連絡先',
  household: '世帯（子ども等）',
  income: '収入',
  benefits: '利用中の制度',
  concerns: '相談内容',
  selfReliancePlan: '自立支援プログラム',
  consultations: '相談対応履歴',
  protection: 'DV等支援措置',
  consent: '同意',
};

/** Intake form inputs that are not sections of the record, as the form names them. */
const INTAKE_ITEM_NAMES: Record<string, string> = { benefitsInUse: '利用中の制度', consent: '共有先の部署への同意' };

export interface ProgrammeItem {
  /** ①–⑥ */
  mark: string;
  title: string;
  /** ○: offered during the period (from configuration and what the modules record). */
  done: boolean;
  details: string[];
}

export interface SharingTable {
  roles: { id: string; name: string }[];
  rows: { section: string; name: string; cells: string[] }[];
}

export interface ReportFacts {
  form: 'PLAN' | 'REPORT';
  municipalityCode: string;
  municipalityName: string;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  items: ProgrammeItem[];
  sharing: SharingTable;
  input: ReportInputData;
  /** REPORT only: the figures of the period and of the previous one (same order, same lines). */
  figures: { line: FigureLine; previous: number | null }[];
}

/** The sharing scope from the access policy: departments (and partners) × sections, ◎ read and write, ○ read, – neither. */
export function sharingTable(policy: Policy): SharingTable {
  const roles = POLICY_ROLES.map((r) => ({ id: r, name: isDepartmentCode(r) ? DEPARTMENT_NAMES[r].ja : '連携NPO' }));
  return {
    roles,
    rows: SECTIONS.map((s) => ({
      section: s,
      name: SECTION_NAMES[s],
      cells: POLICY_ROLES.map((r) => {
        const g = policy.get(r)!.get(s)!;
        return g.write ? '◎' : g.read ? '○' : '－';
      }),
    })),
  };
}

/** The intake form's items, from the form's input definition (IntakeInput), in its order. */
export function intakeItems(): string[] {
  const fields = getMetadataStorage().fields.filter((f) => f.target === IntakeInput);
  const names: string[] = [];
  for (const f of fields) {
    const name = (SECTION_NAMES as Record<string, string>)[f.name] ?? INTAKE_ITEM_NAMES[f.name];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The breakdowns of a figure that occurred, named with their counts: 「メール（12件）、SMS（3件）」. */
const keysOf = (lines: readonly FigureLine[], name: string) =>
  lines
    .filter((l) => l.name === name && l.key !== '' && (l.total ?? 0) > 0)
    .map((l) => `${l.keyLabel?.ja ?? l.key}（${(l.total ?? 0).toLocaleString('ja-JP')}件）`)
    .join('、');

/** The procedures online applications offer (seeds/procedures, docs/design.md ids), for a plan. */
const PROCEDURE_NAMES = [
  '児童扶養手当 認定請求の事前申請',
  '児童扶養手当 現況届',
  '児童手当 認定請求',
  'ひとり親家庭等医療費助成 申請',
  '就学援助 申請',
  '母子父子寡婦福祉資金 相談予約',
  '高等職業訓練促進給付金 相談予約',
];

const count = (lines: readonly FigureLine[], name: string) => lines.find((l) => l.name === name && l.key === '')?.total ?? 0;

/** Everything a form says, from configuration, the figures and the staff input. Nothing personal is read. */
export async function gatherFacts(
  em: EntityManager,
  services: AppServices,
  store: FigureStore,
  code: string,
  form: 'PLAN' | 'REPORT',
  from: string,
  to: string,
): Promise<ReportFacts> {
  const municipality = await em.findOneOrFail(Municipality, { code });
  const row = await em.findOne(ReportInput, { municipality: code, form, periodFrom: from, periodTo: to });
  const input = row?.data ?? EMPTY_REPORT_INPUT;
  const prev = previousPeriod(from, to);
  const registry = store.registry;
  let lines: FigureLine[] = [];
  let before: FigureLine[] = [];
  if (form === 'REPORT') {
    lines = figureLines(registry, await store.read(em, code, from, to, { month: true }), from, to, 'MONTH');
    before = figureLines(registry, await store.read(em, code, prev.from, prev.to, { month: true }), prev.from, prev.to, 'MONTH');
  }
  const origins = [...municipality.allowedOrigins].sort();
  const kb = services.chat.knowledge.data;
  const ai = kb.ai.has(code);
  const planned = form === 'PLAN';
  const notOffered = '本システムでは未提供（該当機能の導入後に記載）';
  const staffTotal = input.staff.fullTime + input.staff.partTime;
  const items: ProgrammeItem[] = [
    {
      mark: '①',
      title: 'チャットボットを活用した相談支援',
      done: registry.has('chat') && (planned ? origins.length > 0 : count(lines, 'chat.sessions') > 0),
      details: [
        `仕様：${ai ? '自治体が設定したAI応答と、' : ''}支援施策・相談先の知識ベース（${kb.entries.length}問）からの自動応答。危険の訴えには緊急連絡先を最優先で案内し、希望者は職員への相談につなぐ。個人情報は記録前に伏せ字にする。`,
        '対応時間：24時間365日（職員への引き継ぎは開庁日に対応）',
        '対応言語：日本語・英語・やさしい日本語',
        `設置場所：${origins.length > 0 ? origins.join('、') : '（設置先の登録なし）'}`,
        `相談カテゴリ：${kb.categories.map((c) => c.name.ja).join('、')}`,
      ],
    },
    {
      mark: '②',
      title: '入力フォームを活用した支援施策の案内等',
      done: registry.has('intake') && (planned ? origins.length > 0 : count(lines, 'intake.submitted') > 0),
      details: [
        `入力項目：${intakeItems().join('、')}`,
        `案内する支援施策：${services.catalogue.list(code).length}施策（入力内容から利用できる可能性のある施策を表示し、送信内容は電子個人票として担当課に届く）`,
      ],
    },
    {
      mark: '③',
      title: '個々の情報を管理及び関係部署と共有するためのシステム',
      done: registry.has('record'),
      details: [
        '電子個人票をひとり親支援担当課が管理し、本人が同意した部署にのみ、下表の範囲で共有する（同意はいつでも撤回可）。DV等支援措置の対象者は、住所・連絡先をひとり親支援担当課以外に表示しない。閲覧・更新はすべて監査ログに記録する。',
      ],
    },
    {
      mark: '④',
      title: 'プッシュ型支援',
      done: registry.has('outreach') && (planned || count(lines, 'outreach.notices') > 0),
      details: registry.has('outreach')
        ? [
            `通知方法：${planned ? 'メール・SMS・電話（職員から）・LINE（本人が同意した方法のみ）' : keysOf(lines, 'outreach.notices') || '（この期間の通知なし）'}`,
            `通知の種類：${planned ? '使える制度のお知らせ、金額の変更、制度の終了、手続の期限（現況届等）、周知、リマインド' : keysOf(lines, 'outreach.noticesByKind') || '（この期間の通知なし）'}`,
            '電子個人票と支援施策の条件から対象の家庭を選び、職員の承認を経て送る。停止（オプトアウト）はいつでも可能で、DV等支援措置の対象者には送らない。',
          ]
        : [`通知方法・通知の種類：${notOffered}`],
    },
    {
      mark: '⑤',
      title: '各種支援施策のオンライン申請',
      done: registry.has('application') && (planned || count(lines, 'application.submitted') > 0),
      details: registry.has('application')
        ? [
            `オンライン申請できる手続：${planned ? PROCEDURE_NAMES.join('、') : keysOf(lines, 'application.submitted') || '（この期間の申請なし）'}`,
            '方法：家庭向けページ（マイページ）にサインインし、電子個人票の内容を下書きに入れて申請する。必要書類は画像で添付でき、窓口での面談を予約できる。マイナンバーは扱わない。',
          ]
        : [`オンライン申請できる手続：${notOffered}`],
    },
    {
      mark: '⑥',
      title: '相談支援担当職員の配置',
      done: staffTotal > 0,
      details: [
        `常勤${input.staff.fullTime}人、非常勤${input.staff.partTime}人（うち母子・父子自立支援員${input.staff.selfRelianceSupporters}人、就業支援専門員${input.staff.employmentSupporters}人）`,
      ],
    },
  ];
  const previousOf = previousTotals(before);
  return {
    form,
    municipalityCode: code,
    municipalityName: municipality.name,
    from,
    to,
    previousFrom: prev.from,
    previousTo: prev.to,
    items,
    sharing: sharingTable(services.policies.for(code)),
    input,
    figures: lines.map((line) => ({ line, previous: previousOf(line) })),
  };
}
