import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../../access';
import { Section } from '../../core';
import type { AuditCollector } from '../../audit';
import { badInput } from '../../core';
import { addDays, isIsoDate } from '../../core';
import { InputChecker } from '../../core';
import { Department } from '../../municipality';
import { RecordService } from '../record.service';
import { StaffMember } from '../../staff';
import { StaffRole } from '../../core';
import { Consultation } from './consultation.entity';
import type { AddConsultationInput } from './consultation.inputs';

/** How far ahead a follow-up may be due. */
export const MAX_FOLLOW_UP_DAYS = 3 * 366;

export class ConsultationService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  /** Adds a consultation to a record the viewer can see, if its department may write `consultations`. */
  async add(input: AddConsultationInput): Promise<Consultation> {
    const viewer = this.gate.staff([StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN]);
    const c = new InputChecker(this.gate.today);
    const date = c.date('input.date', input.date, { ja: '相談日', en: 'Date' });
    if (date && date > this.gate.today)
      c.custom('input.date', '相談日が未来の日付になっています。', 'The consultation date is in the future.', '相談の 日が 今日より あとです。');
    const summary = c.text('input.summary', input.summary, { ja: '相談内容', en: 'Summary' }, 4000);
    if (!summary) c.custom('input.summary', '相談内容を入力してください。', 'Enter what was discussed.', '相談の 内容を 書いて ください。');
    const followUp = c.text('input.followUp', input.followUp, { ja: '今後の対応', en: 'Follow-up' }, 2000);
    const due = c.date('input.followUpDue', input.followUpDue, { ja: '対応予定日', en: 'Follow-up date' });
    // A follow-up is due on or after the consultation, and within MAX_FOLLOW_UP_DAYS (1900-01-01 was accepted: issue 14).
    if (due && isIsoDate(due) && (due < (date && isIsoDate(date) ? date : this.gate.today) || due > addDays(this.gate.today, MAX_FOLLOW_UP_DAYS))) {
      c.custom(
        'input.followUpDue',
        '対応予定日は相談日から3年以内の日付にしてください。',
        'The follow-up date must be on or after the consultation date and within 3 years.',
        '対応する 日は 相談の 日から 3年 いないに して ください。',
      );
    }
    if (!c.ok) throw badInput(c.problems, this.gate.locale);

    const record = await new RecordService(this.em, this.gate, this.audit).require(input.recordId);
    this.gate.assertWritable(record, Section.CONSULTATIONS);
    const consultation = this.em.create(Consultation, {
      municipality: record.municipality,
      record,
      date: input.date,
      department: this.em.getReference(Department, viewer.departmentId),
      staffMember: this.em.getReference(StaffMember, viewer.staffId),
      channel: input.channel,
      summary: summary!,
      followUp: followUp ?? null,
      followUpDue: input.followUpDue ?? null,
      createdAt: new Date(),
    });
    await this.em.flush();
    this.audit.note(record.id, viewer.municipalityCode, 'write', Section.CONSULTATIONS);
    await this.em.populate(consultation, ['department', 'staffMember']);
    return consultation;
  }
}
