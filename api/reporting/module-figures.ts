import type { LocalizedText } from '../core';
import { addDays } from '../core';
import { applicationFigures } from '../application';
import { figures as outreachFigures } from '../outreach';
import { type DayCount, type FigureSource, japanDay } from './figure-registry';

/**
 * Figure sources of the modules that landed after reporting: push-type support (outreach), online
 * applications, LINE. Each reads its module through the module's face where the module offers its
 * figures (outreach's monthly counters, applicationFigures); LINE's links and webhook events are
 * counted per day and sealed like the built-in sources.
 */

const text = (ja: string, en: string, easy: string = ja): LocalizedText => ({ ja, en, 'ja-easy': easy });
const labelFrom = (labels: Record<string, LocalizedText>) => (key: string) => labels[key] ?? text(key, key);

const NOTICE_CHANNELS: Record<string, LocalizedText> = {
  EMAIL: text('メール', 'E-mail', 'メール'),
  SMS: text('SMS', 'SMS', 'ショートメール'),
  PHONE: text('電話（職員から）', 'Phone (a caseworker calls)', 'しょくいんからの でんわ'),
  LINE: text('LINE', 'LINE', 'LINE'),
};
const NOTICE_KINDS: Record<string, LocalizedText> = {
  'programme-fits': text('使える制度のお知らせ', 'A programme fits', 'つかえる せいど'),
  'amount-changed': text('金額の変更', 'Amount changed', 'おかねが かわった'),
  'programme-lapses': text('制度の終了・期限切れ', 'Programme lapses', 'せいどが おわる'),
  deadline: text('手続の期限（現況届等）', 'Deadlines (e.g. 現況届)', 'てつづきの しめきり'),
  campaign: text('周知', 'Campaigns', 'おしらせ'),
  reminder: text('リマインド', 'Reminders', 'わすれないで'),
};
/** The procedure ids of docs/design.md (a contract) as the forms name them; an unknown id stands as it is. */
const PROCEDURES: Record<string, LocalizedText> = {
  'cra-claim': text('児童扶養手当 認定請求の事前申請', 'Child-rearing allowance: advance application'),
  'cra-status-report': text('児童扶養手当 現況届', 'Child-rearing allowance: status report'),
  'child-allowance-claim': text('児童手当 認定請求', 'Child allowance: claim'),
  'medical-subsidy': text('ひとり親家庭等医療費助成 申請', 'Medical expense subsidy: application'),
  'school-expense-aid': text('就学援助 申請', 'School expense aid: application'),
  'welfare-loan-consultation': text('母子父子寡婦福祉資金 相談予約', 'Welfare fund loan: consultation booking'),
  'training-benefit-consultation': text('高等職業訓練促進給付金 相談予約', 'Vocational training benefit: consultation booking'),
};
const REVOKED_BY: Record<string, LocalizedText> = {
  family: text('本人が解除', 'By the family', 'じぶんで やめた'),
  staff: text('職員が解除', 'By staff', 'しょくいんが やめた'),
  line: text('ブロック', 'Blocked on LINE', 'ブロック'),
};

/** Outreach metric → figure (keyed by channel; `created` also by kind). */
const OUTREACH_METRICS: [metric: string, figure: string, label: LocalizedText][] = [
  ['created', 'outreach.notices', text('プッシュ型通知（方法別）', 'Notices (by channel)', 'おしらせの かず')],
  ['delivered', 'outreach.delivered', text('通知の到達（方法別）', 'Notices delivered (by channel)', 'とどいた おしらせ')],
  ['permanent-failure', 'outreach.failed', text('通知の不達（方法別）', 'Notices that could not be delivered (by channel)', 'とどかなかった おしらせ')],
  ['link-opened', 'outreach.opened', text('通知から案内ページを開いた件数', 'Notices opened (link followed)', 'おしらせを ひらいた')],
  [
    'consultation-booked',
    'outreach.consultations',
    text('通知後に相談につながった件数', 'Consultations booked after a notice', 'おしらせの あと そうだんした'),
  ],
  ['application-started', 'outreach.applications', text('通知後に申請を始めた件数', 'Applications started after a notice', 'おしらせの あと しんせいした')],
  ['opt-out', 'outreach.optOuts', text('通知の停止（オプトアウト）', 'Opt-outs', 'おしらせを とめた')],
];

/**
 * Push-type support: outreach keeps its counters per month (they outlive the notices) and only ever
 * adds to the current month's, so a month is stored once it is over.
 */
export const OUTREACH_FIGURES: FigureSource = {
  module: 'outreach',
  per: 'month',
  figures: [
    ...OUTREACH_METRICS.map(([, name, label]) => ({ name, label, keyLabel: labelFrom(NOTICE_CHANNELS) })),
    { name: 'outreach.noticesByKind', label: text('プッシュ型通知（種類別）', 'Notices (by kind)', 'おしらせの しゅるい'), keyLabel: labelFrom(NOTICE_KINDS) },
  ],
  async count(em, code, r) {
    const out: DayCount[] = [];
    for (const row of await outreachFigures(em, code, r.from.slice(0, 7), r.to.slice(0, 7))) {
      const day = `${row.period}-01`;
      const m = OUTREACH_METRICS.find(([metric]) => metric === row.metric);
      if (m && row.count !== 0) out.push({ day, figure: m[1], key: row.channel, value: row.count });
      if (row.metric === 'created' && row.count !== 0) out.push({ day, figure: 'outreach.noticesByKind', key: row.kind, value: row.count });
    }
    return out;
  },
};

/** The months of [from, to], each clipped to the range: [first, last] days. */
function monthsOf(from: string, to: string): [string, string][] {
  const out: [string, string][] = [];
  for (let start = from; start <= to;) {
    const y = Number(start.slice(0, 4));
    const m = Number(start.slice(5, 7));
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const end = addDays(next, -1);
    out.push([start, end < to ? end : to]);
    start = next;
  }
  return out;
}

/** Statuses an application leaves again (a decided one never changes: application-status.ts). */
const OPEN = new Set(['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED']);

/**
 * Online applications, per month of submission, with their status now (an application submitted in
 * March and accepted in May counts as accepted in March's figures). A month is stored once it is over
 * and settled: every application submitted in it decided or withdrawn and every interview kept or
 * missed (`application.open`, hidden, counts what is still open); until then it is counted on each query.
 */
export const APPLICATION_FIGURES: FigureSource = {
  module: 'application',
  per: 'month',
  unsettled: 'application.open',
  figures: [
    {
      name: 'application.submitted',
      label: text('オンライン申請（手続別）', 'Online applications (by procedure)', 'オンラインの しんせい'),
      keyLabel: labelFrom(PROCEDURES),
    },
    {
      name: 'application.accepted',
      label: text('受理した申請（手続別）', 'Applications accepted (by procedure)', 'うけつけた しんせい'),
      keyLabel: labelFrom(PROCEDURES),
    },
    {
      name: 'application.notAccepted',
      label: text('受理しなかった申請（手続別）', 'Applications not accepted (by procedure)', 'うけつけなかった しんせい'),
      keyLabel: labelFrom(PROCEDURES),
    },
    { name: 'application.interviewsBooked', label: text('面談の予約', 'Interviews booked', 'めんだんの よやく') },
    { name: 'application.interviewsKept', label: text('面談の実施', 'Interviews kept', 'めんだんを した') },
    { name: 'application.interviewsMissed', label: text('面談の不参加', 'Interviews missed', 'めんだんに こなかった') },
    {
      name: 'application.statusReportsOnTime',
      label: text('現況届の期間内オンライン提出', '現況届 submitted online on time', 'げんきょうとどけを きげんまでに だした'),
    },
    {
      name: 'application.open',
      label: text('未決定の申請・未実施の面談', 'Applications not decided, interviews not held', 'まだ きまって いない しんせい'),
      hidden: true,
    },
  ],
  async count(em, code, r) {
    const out: DayCount[] = [];
    for (const [from, to] of monthsOf(r.from, r.to)) {
      const f = await applicationFigures(em, code, from, to);
      const add = (figure: string, key: string, value: number) => value !== 0 && out.push({ day: from, figure, key, value });
      for (const c of f.counts) {
        add('application.submitted', c.procedureId, c.count);
        if (c.status === 'ACCEPTED') add('application.accepted', c.procedureId, c.count);
        if (c.status === 'NOT_ACCEPTED') add('application.notAccepted', c.procedureId, c.count);
        if (OPEN.has(c.status)) add('application.open', '', c.count);
      }
      add('application.open', '', f.interviewsBooked - f.interviewsKept - f.interviewsMissed);
      add('application.interviewsBooked', '', f.interviewsBooked);
      add('application.interviewsKept', '', f.interviewsKept);
      add('application.interviewsMissed', '', f.interviewsMissed);
      add('application.statusReportsOnTime', '', f.statusReportsOnTime);
    }
    return out;
  },
};

type Row = { day: string; key: string | null; value: string | number };
const counted = async (em: Parameters<FigureSource['count']>[0], figure: string, sql: string, params: unknown[]): Promise<DayCount[]> =>
  (await em.getConnection().execute<Row[]>(sql, params))
    .map((x) => ({ day: x.day, figure, key: x.key ?? '', value: Number(x.value) }))
    .filter((x) => x.value !== 0);

/**
 * LINE: families who linked their LINE account to their record, links ended (by whom), and webhook
 * events received (messages, follows, postbacks: LINE keeps them seven days, the sealer counts them
 * daily). Counted per day and sealed: the counts outlive the links erased with a record.
 */
export const LINE_FIGURES: FigureSource = {
  module: 'line',
  figures: [
    { name: 'line.linked', label: text('LINE連携した家庭', 'Families who linked LINE', 'LINEを つないだ かてい') },
    { name: 'line.unlinked', label: text('LINE連携の解除', 'LINE links ended', 'LINEを はずした'), keyLabel: labelFrom(REVOKED_BY) },
    { name: 'line.events', label: text('LINEで受けたメッセージ等', 'Messages and other events received on LINE', 'LINEで きた メッセージ') },
  ],
  async count(em, code, r) {
    const p = [code, r.start, r.end];
    return [
      ...(await counted(
        em,
        'line.linked',
        `select ${japanDay('linked_at')} as day, null as key, count(*) as value from line_link where municipality_code = ? and linked_at >= ? and linked_at < ? group by 1`,
        p,
      )),
      ...(await counted(
        em,
        'line.unlinked',
        `select ${japanDay('revoked_at')} as day, revoked_by as key, count(*) as value from line_link where municipality_code = ? and revoked_at >= ? and revoked_at < ? group by 1, 2`,
        p,
      )),
      ...(await counted(
        em,
        'line.events',
        `select ${japanDay('received_at')} as day, null as key, count(*) as value from line_event where municipality_code = ? and received_at >= ? and received_at < ? group by 1`,
        p,
      )),
    ];
  },
};

export const MODULE_SOURCES: readonly FigureSource[] = [OUTREACH_FIGURES, APPLICATION_FIGURES, LINE_FIGURES];
