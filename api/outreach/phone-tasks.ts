import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { apiError, notFound, Section, StaffRole, type Locale } from '../core';
import { rawQuery } from '../db';
import { PersonalRecord, RecordService, type RecordView } from '../record';
import type { Context } from '../server/context';
import { recordConsent } from './consent';
import { bump } from './figures';
import { ConsentMethod, OutreachChannel } from './outreach-types';
import { OUTREACH_PURPOSE_VERSION } from './purpose';

/** What came of a call (issue 16): the last one also withdraws the family's opt-in to calls. */
export enum CallOutcome {
  REACHED = 'REACHED',
  NO_ANSWER = 'NO_ANSWER',
  WRONG_NUMBER = 'WRONG_NUMBER',
  DO_NOT_CALL = 'DO_NOT_CALL',
}
registerEnumType(CallOutcome, { name: 'OutreachCallOutcome' });

export enum PhoneTaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(PhoneTaskStatus, { name: 'OutreachPhoneTaskStatus' });

@InputType('OutreachCallOutcomeInput')
export class CallOutcomeInput {
  @Field(() => ID) taskId!: string;
  @Field(() => CallOutcome) outcome!: CallOutcome;
}

@ObjectType('OutreachPhoneTask', { simpleResolvers: true })
export class PhoneTaskView {
  @Field(() => ID) id!: string;
  @Field(() => PersonalRecord, { nullable: true, description: 'The family, under the record’s access rules (the number is in contact).' })
  record!: RecordView | null;
  @Field(() => String, { description: 'Why a call: phone-channel (the family chose calls) or permanent-failure (a written notice could not be delivered).' })
  reason!: string;
  @Field(() => PhoneTaskStatus) status!: PhoneTaskStatus;
  @Field(() => CallOutcome, { nullable: true }) outcome!: CallOutcome | null;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) programmeName!: string | null;
  @Field(() => String, { nullable: true, description: 'The times the family said are safe to call; null when your department may not read contact details.' })
  safeTimes!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether a voicemail is safe; null when not said or not readable.' }) voicemailSafe!: boolean | null;
  @Field(() => String, { description: 'What to say, in the console’s language.' }) script!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) outcomeAt!: Date | null;
}

const text = (ja: string, en: string, easy: string) => ({ ja, en, 'ja-easy': easy });

/**
 * The call's script. The caseworker confirms it is the person before saying why they call (a phone
 * someone else may answer), names nothing of the family's situation, and offers to stop the calls.
 */
function script(locale: Locale, municipality: string, programme: string | null, voicemailSafe: boolean | null): string {
  const p =
    programme ?? { ja: 'ご利用いただける可能性のある支援制度', en: 'support you may be able to use', 'ja-easy': 'つかえる かもしれない しえん' }[locale];
  const s = {
    ja: `「${municipality}の担当者です。○○様ご本人でいらっしゃいますか。」— ご本人と確認できるまで、用件は伝えません。\n確認できたら:「${p}についてご案内したくお電話しました。」手続きと窓口を案内し、オンライン申請や相談の予約ができることを伝えます。\n最後に:「今後このようなお電話が不要でしたら、おっしゃってください。」${voicemailSafe === true ? '\n留守番電話には、市の名前と折り返し先だけを残せます。' : '\n留守番電話にはメッセージを残しません。'}`,
    en: `“This is ${municipality}. May I speak to …?” — say nothing of why you call until you know it is the person.\nThen: “I am calling about ${p}.” Explain the steps and the counter, and that they can apply online or book a consultation.\nLast: “If you would rather not receive such calls, just tell me.”${voicemailSafe === true ? '\nOn voicemail, leave only the municipality’s name and a number to call back.' : '\nLeave no voicemail.'}`,
    'ja-easy': `「${municipality}です。○○さん ですか。」— ほんにん と わかる まで、ようじ は いいません。\nわかったら:「${p}の ことで でんわ しました。」てつづき と まどぐち を つたえます。\nさいごに:「でんわ が いらない ときは いって ください。」`,
  };
  return s[locale];
}

interface TaskRow {
  id: string;
  record_id: string;
  reason: string;
  status: PhoneTaskStatus;
  outcome: CallOutcome | null;
  attempts: number;
  created_at: Date | string;
  outcome_at: Date | string | null;
  programme_id: string | null;
  municipality_name: string;
}

/** The department's call tasks: open ones first (oldest first), then the recently done. */
export async function phoneTasksFor(ctx: Context, first: number, status: PhoneTaskStatus | null, only: string | null = null): Promise<PhoneTaskView[]> {
  const v = ctx.gate.staff();
  const rows = await rawQuery<TaskRow>(
    ctx.em,
    `select t.id, t.record_id, t.reason, t.status, t.outcome, t.attempts, t.created_at, t.outcome_at, n.programme_id, m.name as municipality_name
     from outreach_phone_task t left join outreach_notice n on n.id = t.notice_id join municipality m on m.code = t.municipality_code
     where t.municipality_code = ? and t.department = ? and (?::text is null or t.status = ?) and (?::uuid is null or t.id = ?::uuid)
     order by t.status = 'OPEN' desc, case when t.status = 'OPEN' then t.created_at end asc, t.outcome_at desc nulls last, t.id limit ?`,
    [v.municipalityCode, v.department, status, status, only, only, first],
  );
  const records = await new RecordService(ctx.em, ctx.gate, ctx.audit).getMany(rows.map((r) => r.record_id));
  return rows.map((r) => {
    const record = records.get(r.record_id) ?? null;
    const contact = record && ctx.gate.canRead(record, Section.CONTACT) ? record.contact : null;
    // The safe times are part of the contact section: reading them is a read of it.
    if (contact && record) ctx.audit.note(record.id, v.municipalityCode, 'read', Section.CONTACT);
    const p = r.programme_id ? ctx.services.catalogue.get(r.programme_id, v.municipalityCode) : null;
    const programmeName = p ? (p.name[ctx.locale] ?? p.name.ja) : null;
    return {
      id: r.id,
      record,
      reason: r.reason,
      status: r.status,
      outcome: r.outcome,
      attempts: r.attempts,
      programmeName,
      safeTimes: contact?.safeTimes ?? null,
      voicemailSafe: contact?.voicemailSafe ?? null,
      script: script(ctx.locale, r.municipality_name, programmeName, contact?.voicemailSafe ?? null),
      createdAt: new Date(r.created_at),
      outcomeAt: r.outcome_at ? new Date(r.outcome_at) : null,
    };
  });
}

/**
 * Records a call's outcome on an open task of the viewer's department. No answer keeps it open (one more
 * attempt counted); the others close it. "Asked not to be called" withdraws the record's opt-in to calls
 * (consent history: staff, who) and closes the record's other open call tasks. In the audit log.
 */
export async function recordCallOutcome(ctx: Context, input: CallOutcomeInput): Promise<PhoneTaskView> {
  const v = ctx.gate.staff([StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN]);
  const id = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(input.taskId) ? input.taskId : null;
  const [task] = id
    ? await rawQuery<{ record_id: string; status: string; kind: string | null }>(
        ctx.em,
        `select t.record_id, t.status, n.kind from outreach_phone_task t left join outreach_notice n on n.id = t.notice_id where t.id = ? and t.municipality_code = ? and t.department = ?`,
        [id, v.municipalityCode, v.department],
      )
    : [];
  // A task of a record the department may no longer see is as absent as an unknown one.
  const visible = task ? (await new RecordService(ctx.em, ctx.gate, ctx.audit).getMany([task.record_id])).has(task.record_id) : false;
  if (!task || !visible) throw notFound(text('その電話タスクはありません。', 'There is no such call task.', 'その でんわの しごとは ありません。'), ctx.locale);
  const done = input.outcome !== CallOutcome.NO_ANSWER;
  const [changed] = await rawQuery<{ id: string }>(
    ctx.em,
    `update outreach_phone_task set outcome = ?, outcome_at = now(), attempts = attempts + 1, status = ?, done_at = case when ? then now() else null end, done_by = ? where id = ? and status = 'OPEN' returning id`,
    [input.outcome, done ? PhoneTaskStatus.DONE : PhoneTaskStatus.OPEN, done, v.staffId, id],
  );
  if (!changed)
    throw apiError(
      'CONFLICT',
      text('この電話タスクはもう終わっています。', 'This call task is already done.', 'この でんわの しごとは もう おわって います。'),
      ctx.locale,
      { field: 'input.taskId' },
    );
  if (input.outcome === CallOutcome.DO_NOT_CALL) {
    await recordConsent(ctx.em, v.municipalityCode, task.record_id, [
      { channel: OutreachChannel.PHONE, granted: false, method: ConsentMethod.STAFF, recordedBy: v.staffId, purposeVersion: OUTREACH_PURPOSE_VERSION },
    ]);
    await rawQuery(
      ctx.em,
      `update outreach_phone_task set status = 'DONE', outcome = ?, outcome_at = now(), done_at = now(), done_by = ? where record_id = ? and status = 'OPEN'`,
      [CallOutcome.DO_NOT_CALL, v.staffId, task.record_id],
    );
    await bump(ctx.em, v.municipalityCode, new Date(), task.kind ?? 'phone-task', OutreachChannel.PHONE, 'opt-out');
  }
  ctx.audit.note(task.record_id, v.municipalityCode, 'write', 'outreach-call');
  return (await phoneTasksFor(ctx, 1, null, id))[0]!;
}
