/**
 * The staff side: the queue (by procedure and status, ageing in open days against the target), one
 * application with its answers (an audited read), and the decisions. Staff see an application only in
 * their own municipality and only when their department handles its procedure; a draft is the family's
 * own and never shown. Accepting writes the pre-filled answers the family corrected back to the record.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, apiError, badInput, type Locale, openDaysBetween, startOfJapanDay, todayInJapan, type Viewer } from '../core';
import type { AuditCollector } from '../audit';
import { PersonalRecord } from '../record';
import { Application, ApplicationEvent } from './application.entity';
import { ApplicationActor, ApplicationStatus, DECIDED, mayChange } from './application-status';
import type { ApplicationDecisionInput } from './application.inputs';
import { MAX_MESSAGE, TEXTS } from './application.service';
import type { RecordChange, StaffApplication } from './application.types';
import { tellFamily } from './family-notices';
import { containsMyNumber, interviewNeeded, MY_NUMBER_REFUSED, type MunicipalProcedure, recordValue } from './procedures';
import { isWritable, recordFacts, writeBack } from './record-facts';
import type { ApplicationServices } from './services';
import { answersView, historyView } from './views';
import { MAX_EXPORT_ROWS, toCsv, toJson } from './export';
import { ApplicationDocument } from './documents/document.entity';
import { StaffInterviews } from './interviews/staff-interviews';

type StaffViewer = Extract<Viewer, { kind: 'staff' }>;
export const MAX_QUEUE = 200;

const MESSAGE_NEEDED = { ja: '理由または必要なことを書いてください。', en: 'Write the reason or what is needed.', 'ja-easy': 'わけを 書いて ください。' };

export class StaffApplications {
  constructor(
    private readonly em: EntityManager,
    private readonly services: ApplicationServices,
    private readonly viewer: StaffViewer,
    private readonly audit: AuditCollector,
    private readonly locale: Locale,
  ) {}

  /** Procedures this department handles in this municipality. */
  private handled(): MunicipalProcedure[] {
    return this.services.procedures.list(this.viewer.municipalityCode).filter((p) => p.department === this.viewer.department);
  }

  async queue(statuses: readonly ApplicationStatus[] | null | undefined, procedureId: string | null | undefined, limit: number): Promise<StaffApplication[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUEUE)
      throw badInput(
        [
          {
            field: 'limit',
            messages: { ja: `件数は1〜${MAX_QUEUE}で指定してください。`, en: `limit must be 1 to ${MAX_QUEUE}.`, 'ja-easy': `1から ${MAX_QUEUE}までです。` },
          },
        ],
        this.locale,
      );
    const ids = this.handled()
      .map((p) => p.id)
      .filter((id) => !procedureId || id === procedureId);
    const wanted = (statuses?.length ? statuses : Object.values(ApplicationStatus)).filter((s) => s !== ApplicationStatus.DRAFT);
    if (ids.length === 0 || wanted.length === 0) return [];
    const apps = await this.em.find(
      Application,
      { municipality: this.viewer.municipalityCode, procedureId: { $in: ids }, status: { $in: wanted } },
      { orderBy: { submittedAt: 'asc', id: 'asc' }, limit, populate: ['record'] },
    );
    // The queue's events in one read (not one per application).
    const events = apps.length ? await this.em.find(ApplicationEvent, { application: { $in: apps } }, { orderBy: { at: 'asc', id: 'asc' } }) : [];
    return Promise.all(
      apps.map((a) =>
        this.view(
          a,
          false,
          events.filter((e) => e.application.id === a.id),
        ),
      ),
    );
  }

  private async find(id: string): Promise<{ a: Application; p: MunicipalProcedure }> {
    const a = /^[0-9a-f-]{36}$/.test(id)
      ? await this.em.findOne(Application, { id, municipality: this.viewer.municipalityCode }, { populate: ['record'] })
      : null;
    const p = a ? this.handled().find((x) => x.id === a.procedureId) : undefined;
    if (!a || !p || a.status === ApplicationStatus.DRAFT) throw apiError('NOT_FOUND', TEXTS.notFound, this.locale);
    return { a, p };
  }

  async get(id: string): Promise<StaffApplication> {
    const { a } = await this.find(id);
    return this.view(a, true);
  }

  private async view(a: Application, full: boolean, given?: readonly ApplicationEvent[]): Promise<StaffApplication> {
    const p = this.services.procedures.get(a.procedureId, this.viewer.municipalityCode)!;
    const events = given ?? (await this.em.find(ApplicationEvent, { application: a }, { orderBy: { at: 'asc', id: 'asc' } }));
    const submitted = a.submittedAt ? todayInJapan(a.submittedAt) : null;
    const ageOpenDays = submitted ? openDaysBetween(submitted, todayInJapan()) : 0;
    if (full) this.audit.note(a.record.id, this.viewer.municipalityCode, 'read', 'applications');
    return {
      id: a.id,
      procedureId: a.procedureId,
      procedureName: p.name[this.locale],
      status: a.status,
      version: a.version,
      receiptNumber: a.receiptNumber ?? null,
      recordId: a.record.id,
      referenceNumber: a.record.referenceNumber,
      submittedAt: a.submittedAt ?? null,
      ageOpenDays,
      targetDays: p.targetDays,
      overdue: !DECIDED.has(a.status) && ageOpenDays > p.targetDays,
      interviewNeeded: interviewNeeded(p, a.answers),
      answers: full ? answersView(p, a) : null,
      recordChanges: full ? await this.changes(p, a) : null,
      history: historyView(events),
      documents: full ? await this.documents(p, a) : null,
      interviews: full ? await new StaffInterviews(this.em, this.services, this.viewer, this.audit, this.locale).forApplication(a.id) : null,
    };
  }

  private async documents(p: MunicipalProcedure, a: Application): Promise<StaffApplication['documents']> {
    const rows = await this.em.find(ApplicationDocument, { application: a }, { orderBy: { uploadedAt: 'asc', id: 'asc' } });
    return rows.map((d) => ({
      id: d.id,
      documentId: d.documentId,
      name: p.documents.find((x) => x.id === d.documentId)?.name[this.locale] ?? d.documentId,
      contentType: d.contentType,
      size: d.size,
      uploadedAt: d.uploadedAt,
    }));
  }

  /** Pre-filled questions whose answer differs from what the record holds now. */
  private async changes(p: MunicipalProcedure, a: Application): Promise<RecordChange[]> {
    const facts = await recordFacts(this.em, a.record);
    return p.questions.flatMap((q) => {
      if (!q.prefill) return [];
      const now = recordValue(facts, q.prefill);
      const answer = a.answers[q.id] ?? null;
      return answer === now || answer === null ? [] : [{ question: q.id, path: q.prefill, recordValue: now, answer, writable: isWritable(q.prefill) }];
    });
  }

  async decide(input: ApplicationDecisionInput): Promise<StaffApplication> {
    const { a, p } = await this.find(input.id);
    if (a.version !== input.version) throw apiError('CONFLICT', TEXTS.stale, this.locale);
    if (!mayChange(a.status, input.status, 'staff')) throw apiError('CONFLICT', TEXTS.notNow, this.locale);
    const message = input.message?.normalize('NFC').trim() || null;
    const needsMessage = input.status === ApplicationStatus.INFO_REQUESTED || input.status === ApplicationStatus.NOT_ACCEPTED;
    if (needsMessage && !message) throw badInput([{ field: 'input.message', messages: MESSAGE_NEEDED }], this.locale);
    if (message && message.length > MAX_MESSAGE) throw badInput([{ field: 'input.message', messages: TEXTS.tooLong }], this.locale);
    if (message && containsMyNumber(message)) throw badInput([{ field: 'input.message', messages: MY_NUMBER_REFUSED }], this.locale);

    if (input.status === ApplicationStatus.ACCEPTED) {
      const changes = (await this.changes(p, a)).filter((c) => c.writable).map((c) => ({ path: c.path as never, value: c.answer ?? null }));
      const record = await this.em.findOneOrFail(PersonalRecord, { id: a.record.id });
      for (const section of writeBack(this.em, record, changes)) this.audit.note(record.id, this.viewer.municipalityCode, 'write', section);
    }
    const from = a.status;
    a.status = input.status;
    if (DECIDED.has(input.status)) a.decidedAt = new Date();
    this.em.create(ApplicationEvent, {
      municipality: a.municipality,
      application: a,
      fromStatus: from,
      toStatus: input.status,
      actor: ApplicationActor.STAFF,
      staffId: this.viewer.staffId,
      message,
    } as never);
    this.audit.note(a.record.id, this.viewer.municipalityCode, 'write', 'applications');
    await this.em.flush();
    if (input.status !== ApplicationStatus.IN_REVIEW) await tellFamily(this.services.notices, a.record, p, input.status, a.id);
    return this.view(a, true);
  }

  /**
   * Accepted applications of one procedure decided between two Japan dates (inclusive), as CSV or JSON;
   * every record exported is written to the audit log.
   */
  async exportAccepted(procedureId: string, from: string, to: string, format: 'CSV' | 'JSON'): Promise<string> {
    const p = this.handled().find((x) => x.id === procedureId);
    if (!p) throw apiError('NOT_FOUND', TEXTS.procedureNotFound, this.locale);
    const bad = (field: string) =>
      badInput(
        [
          {
            field,
            messages: {
              ja: '日付は YYYY-MM-DD で、開始は終了より前にしてください（最長366日）。',
              en: 'Dates are YYYY-MM-DD, from before to, at most 366 days apart.',
              'ja-easy': '日付が まちがって います。',
            },
          },
        ],
        this.locale,
      );
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(from))) throw bad('from');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(Date.parse(to)) || to < from || addDays(from, 366) < to) throw bad('to');
    const apps = await this.em.find(
      Application,
      {
        municipality: this.viewer.municipalityCode,
        procedureId,
        status: ApplicationStatus.ACCEPTED,
        decidedAt: { $gte: startOfJapanDay(from), $lt: startOfJapanDay(addDays(to, 1)) },
      },
      { orderBy: { decidedAt: 'asc', id: 'asc' }, limit: MAX_EXPORT_ROWS, populate: ['record'] },
    );
    const rows = apps.map((a) => ({
      receiptNumber: a.receiptNumber ?? null,
      referenceNumber: a.record.referenceNumber,
      procedureId: a.procedureId,
      submittedAt: a.submittedAt ?? null,
      decidedAt: a.decidedAt ?? null,
      answers: a.answers,
    }));
    for (const a of apps) this.audit.note(a.record.id, this.viewer.municipalityCode, 'read', 'applications-export');
    return format === 'CSV' ? toCsv(p, rows) : toJson(p, rows);
  }
}
