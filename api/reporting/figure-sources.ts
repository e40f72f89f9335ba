import type { EntityManager } from '@mikro-orm/postgresql';
import { DEPARTMENT_NAMES, isDepartmentCode, type LocalizedText } from '../core';
import { ConsultationChannel } from '../record';
import { INTAKE_START_FIGURES } from './intake-start';
import { type DayCount, type FigureSource, type InstantRange, japanDay } from './figure-registry';

/** The figure sources of the modules on main today: chat, intake, record, audit, partner, consultation. */

type Row = { day: string; key: string | null; value: string | number };

/** Runs a `select <day> as day, <key> as key, <n> as value … group by 1, 2` and names the figure. */
async function counted(em: EntityManager, figure: string, sql: string, params: unknown[]): Promise<DayCount[]> {
  const rows = await em.getConnection().execute<Row[]>(sql, params);
  return rows.map((r) => ({ day: r.day, figure, key: r.key ?? '', value: Number(r.value) })).filter((r) => r.value !== 0);
}

const text = (ja: string, en: string, easy: string = ja): LocalizedText => ({ ja, en, 'ja-easy': easy });

export const PARTNER_KEY = 'partner';
export const PARTNERS_LABEL = text('連携NPO', 'Partner NPOs', 'てつだう 団体');

/** A department code, `partner`/`partners`, or a plain key, as a reader would name it. */
export function departmentLabel(key: string): LocalizedText {
  if (isDepartmentCode(key)) return { ...DEPARTMENT_NAMES[key], 'ja-easy': DEPARTMENT_NAMES[key].ja };
  if (key === PARTNER_KEY || key === 'partners') return PARTNERS_LABEL;
  return text(key, key);
}

const CHANNEL_LABELS: Record<string, LocalizedText> = {
  [ConsultationChannel.IN_PERSON]: text('来所', 'In person', 'まどぐち'),
  [ConsultationChannel.PHONE]: text('電話', 'Phone', 'でんわ'),
  [ConsultationChannel.EMAIL]: text('メール', 'E-mail', 'メール'),
  [ConsultationChannel.HOME_VISIT]: text('訪問', 'Home visit', 'いえに いく'),
  [ConsultationChannel.ONLINE]: text('オンライン', 'Online', 'オンライン'),
  [ConsultationChannel.CHAT]: text('チャット', 'Chat', 'チャット'),
};
const SOURCE_LABELS: Record<string, LocalizedText> = {
  staff: text('職員が作成', 'Created by staff', 'しょくいんが つくった'),
  intake: text('入力フォーム', 'Intake form', 'にゅうりょく フォーム'),
  chat: text('チャットボット', 'Chatbot', 'チャットボット'),
};
const STATUS_LABELS: Record<string, LocalizedText> = {
  requested: text('依頼', 'Requested', 'おねがいした'),
  accepted: text('受諾', 'Accepted', 'うけた'),
  closed: text('終了', 'Closed', 'おわった'),
};
const labelFrom = (labels: Record<string, LocalizedText>) => (key: string) => labels[key] ?? text(key, key);

const between = (column: string) => `${column} >= ? and ${column} < ?`;

export const CHAT_FIGURES: FigureSource = {
  module: 'chat',
  figures: [
    { name: 'chat.sessions', label: text('チャットボットの相談件数', 'Chatbot conversations', 'チャットの そうだん') },
    { name: 'chat.urgent', label: text('緊急性のある相談（危険の訴え）', 'Urgent conversations (danger mentioned)', 'いそぐ そうだん') },
    { name: 'chat.rated', label: text('満足度の回答数', 'Ratings given', 'ひょうかの かず') },
    { name: 'chat.ratingSum', label: text('満足度の合計', 'Sum of ratings', 'ひょうかの ごうけい'), hidden: true },
    { name: 'chat.handoffs', label: text('職員への引き継ぎ', 'Hand-offs to a caseworker', 'しょくいんに つないだ') },
  ],
  averages: [
    {
      name: 'chat.ratingAverage',
      label: text('満足度の平均（5段階）', 'Average rating (1–5)', 'ひょうかの へいきん'),
      sum: 'chat.ratingSum',
      count: 'chat.rated',
    },
  ],
  async count(em, code, r: InstantRange) {
    const p = [code, r.start, r.end];
    const day = japanDay('s.created_at');
    return [
      ...(await counted(
        em,
        'chat.sessions',
        `select ${day} as day, null as key, count(*) as value from chat_session s where s.municipality_code = ? and ${between('s.created_at')} group by 1`,
        p,
      )),
      ...(await counted(
        em,
        'chat.urgent',
        `select ${japanDay('m.at')} as day, null as key, count(distinct m.session_id) as value from chat_message m join chat_session s on s.id = m.session_id where s.municipality_code = ? and m.urgent and ${between('m.at')} group by 1`,
        p,
      )),
      // Ratings count on the day the conversation started (a rating is given inside it).
      ...(await counted(
        em,
        'chat.rated',
        `select ${day} as day, null as key, count(*) as value from chat_session s where s.municipality_code = ? and s.satisfaction is not null and ${between('s.created_at')} group by 1`,
        p,
      )),
      ...(await counted(
        em,
        'chat.ratingSum',
        `select ${day} as day, null as key, sum(s.satisfaction) as value from chat_session s where s.municipality_code = ? and s.satisfaction is not null and ${between('s.created_at')} group by 1`,
        p,
      )),
      ...(await counted(
        em,
        'chat.handoffs',
        `select ${japanDay('i.received_at')} as day, null as key, count(*) as value from inbox_item i where i.municipality_code = ? and i.kind = 'chat-request' and ${between('i.received_at')} group by 1`,
        p,
      )),
    ];
  },
};

/**
 * Hand-offs in which the visitor spoke of danger (violence, self-harm): the urgent items of the inbox.
 * A module of its own so that the chat module's days already stored need no recount.
 */
export const HANDOFF_FIGURES: FigureSource = {
  module: 'handoff',
  figures: [
    {
      name: 'handoff.urgent',
      label: text('うち危険の訴えがあった引き継ぎ', 'Of those, hand-offs where danger was mentioned', 'あぶない ことを いった ひとを つないだ'),
    },
  ],
  async count(em, code, r) {
    return counted(
      em,
      'handoff.urgent',
      `select ${japanDay('i.received_at')} as day, null as key, count(*) as value from inbox_item i where i.municipality_code = ? and i.kind = 'chat-request' and i.urgent and ${between('i.received_at')} group by 1`,
      [code, r.start, r.end],
    );
  },
};

/** Intake submissions (forms started: intake-start.ts, from the widget's one anonymous ping). */
export const INTAKE_FIGURES: FigureSource = {
  module: 'intake',
  figures: [{ name: 'intake.submitted', label: text('入力フォームの送信件数', 'Intake forms submitted', 'フォームを おくった かず') }],
  async count(em, code, r) {
    return counted(
      em,
      'intake.submitted',
      `select ${japanDay('i.received_at')} as day, null as key, count(*) as value from inbox_item i where i.municipality_code = ? and i.kind = 'intake' and ${between('i.received_at')} group by 1`,
      [code, r.start, r.end],
    );
  },
};

export const RECORD_FIGURES: FigureSource = {
  module: 'record',
  figures: [
    { name: 'record.created', label: text('電子個人票の作成件数', 'Records created', 'つくった きろく'), keyLabel: labelFrom(SOURCE_LABELS) },
    {
      name: 'record.consents',
      label: text('共有への同意（部署別）', 'Consents to share (by department)', 'みせて いいと いった かず'),
      keyLabel: departmentLabel,
    },
    { name: 'record.withdrawals', label: text('同意の撤回（部署別）', 'Consents withdrawn (by department)', 'やめた かず'), keyLabel: departmentLabel },
  ],
  async count(em, code, r) {
    const p = [code, r.start, r.end];
    return [
      ...(await counted(
        em,
        'record.created',
        `select ${japanDay('created_at')} as day, source as key, count(*) as value from personal_record where municipality_code = ? and ${between('created_at')} group by 1, 2`,
        p,
      )),
      ...(await counted(
        em,
        'record.consents',
        `select ${japanDay('at')} as day, target as key, count(*) as value from consent_event where municipality_code = ? and granted and ${between('at')} group by 1, 2`,
        p,
      )),
      ...(await counted(
        em,
        'record.withdrawals',
        // A family withdrawing, not a merge (名寄せ): the withdrawals a merge writes on the record that stays
        // (api/casework/record-merge.ts) bear the merged-away record's merged_at and stay in the history only.
        `select ${japanDay('e.at')} as day, e.target as key, count(*) as value from consent_event e where e.municipality_code = ? and not e.granted and ${between('e.at')}
           and not exists (select 1 from personal_record m where m.merged_into_id = e.record_id and m.merged_at = e.at) group by 1, 2`,
        p,
      )),
    ];
  },
};

/** Reads of records by anyone but the owning department, per reader (one per record read). */
export const AUDIT_FIGURES: FigureSource = {
  module: 'audit',
  figures: [
    {
      name: 'audit.crossDepartmentReads',
      label: text('他部署・連携先による個人票の閲覧', 'Records read by other departments and partners', 'ほかの 係が みた かず'),
      keyLabel: departmentLabel,
    },
  ],
  async count(em, code, r) {
    return counted(
      em,
      'audit.crossDepartmentReads',
      `select ${japanDay('at')} as day, case when actor_kind = 'partner' then '${PARTNER_KEY}' else actor_department end as key, sum(cardinality(record_ids)) as value
         from audit_entry where municipality_code = ? and action = 'read' and (actor_kind = 'partner' or actor_department <> 'single-parent') and ${between('at')} group by 1, 2`,
      [code, r.start, r.end],
    );
  },
};

/**
 * Referrals by status: every referral counts as `requested` on the day it was made; `closed` (final)
 * on the day it closed; `accepted` on the day it was accepted while it stays accepted — a referral
 * closed later moves from `accepted` to `closed`, which a rebuild of a stored day would show.
 */
export const PARTNER_FIGURES: FigureSource = {
  module: 'partner',
  figures: [
    {
      name: 'partner.referrals',
      label: text('連携NPOへの紹介（状態別）', 'Referrals to partner NPOs (by status)', 'NPOに つないだ かず'),
      keyLabel: labelFrom(STATUS_LABELS),
    },
  ],
  async count(em, code, r) {
    const p = [code, r.start, r.end];
    return [
      ...(await counted(
        em,
        'partner.referrals',
        `select ${japanDay('created_at')} as day, 'requested' as key, count(*) as value from referral where municipality_code = ? and ${between('created_at')} group by 1`,
        p,
      )),
      ...(await counted(
        em,
        'partner.referrals',
        `select ${japanDay('updated_at')} as day, status as key, count(*) as value from referral where municipality_code = ? and status <> 'requested' and ${between('updated_at')} group by 1, 2`,
        p,
      )),
    ];
  },
};

export const CONSULTATION_FIGURES: FigureSource = {
  module: 'consultation',
  figures: [
    {
      name: 'consultation.byChannel',
      label: text('相談対応（方法別）', 'Consultations (by channel)', 'そうだん（やりかた べつ）'),
      keyLabel: labelFrom(CHANNEL_LABELS),
    },
    { name: 'consultation.byDepartment', label: text('相談対応（部署別）', 'Consultations (by department)', 'そうだん（係 べつ）'), keyLabel: departmentLabel },
  ],
  async count(em, code, r) {
    // `date` is already a Japan calendar date.
    const p = [code, r.from, r.to];
    return [
      ...(await counted(
        em,
        'consultation.byChannel',
        `select to_char(c.date, 'YYYY-MM-DD') as day, c.channel as key, count(*) as value from consultation c where c.municipality_code = ? and c.date >= ?::date and c.date <= ?::date group by 1, 2`,
        p,
      )),
      ...(await counted(
        em,
        'consultation.byDepartment',
        `select to_char(c.date, 'YYYY-MM-DD') as day, d.code::text as key, count(*) as value from consultation c join department d on d.id = c.department_id where c.municipality_code = ? and c.date >= ?::date and c.date <= ?::date group by 1, 2`,
        p,
      )),
    ];
  },
};

/** The sources of the modules reporting started with, in report order (figures.ts adds the later modules'). */
export const BUILT_IN_SOURCES: readonly FigureSource[] = [
  CHAT_FIGURES,
  HANDOFF_FIGURES,
  INTAKE_START_FIGURES,
  INTAKE_FIGURES,
  RECORD_FIGURES,
  AUDIT_FIGURES,
  PARTNER_FIGURES,
  CONSULTATION_FIGURES,
];
