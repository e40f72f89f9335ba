/**
 * The family's side of online applications: start (pre-filled from the record), save and resume,
 * submit, reply to a request for information, withdraw. Every change of status is an event with who
 * and when. Nothing leaves here that the family's own record does not hold (the pre-fill reads only
 * record-paths.ts) or that the family did not type.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { apiError, badInput, type FieldProblem, InputChecker, type Locale, type LocalizedText } from '../core';
import { newReferenceNumber, PersonalRecord } from '../record';
import { Application, ApplicationEvent } from './application.entity';
import { ApplicationActor, ApplicationStatus, EDITABLE, mayChange } from './application-status';
import type { AnswerInput } from './application.inputs';
import type { ApplicationReceipt, FamilyApplication, FamilyPage } from './application.types';
import type { FamilyIdentity } from './family-auth';
import { checkAnswer, containsMyNumber, interviewNeeded, MY_NUMBER_REFUSED, missingAnswers, prefillAnswers, type MunicipalProcedure } from './procedures';
import { recordFacts } from './record-facts';
import type { ApplicationServices } from './services';
import { answersView, historyView, procedureView } from './views';
import { Bookings } from './interviews/booking.service';
import { FamilyContacts } from './family-contact';

export const MAX_MESSAGE = 1000;
const PAGE_LIMIT = 50;

export const TEXTS = {
  notFound: { ja: 'その申請は見つかりません。', en: 'No such application.', 'ja-easy': 'その 申請は ありません。' },
  procedureNotFound: {
    ja: 'その手続はこの市区町村では受け付けていません。',
    en: 'This municipality does not take this procedure online.',
    'ja-easy': 'ここでは その 手続きは できません。',
  },
  stale: {
    ja: '別の画面で変更されています。読み込み直してください。',
    en: 'It was changed elsewhere; reload and try again.',
    'ja-easy': 'ほかの 画面で かわりました。もう一度 ひらいて ください。',
  },
  notNow: { ja: '今の状態ではこの操作はできません。', en: 'This cannot be done in the application’s current status.', 'ja-easy': '今は これは できません。' },
  tooLong: { ja: 'メッセージは1000文字以内にしてください。', en: 'The message must be at most 1,000 characters.', 'ja-easy': 'メッセージが 長すぎます。' },
  tooMany: { ja: '一度に送れる回答は60件までです。', en: 'At most 60 answers at a time.', 'ja-easy': '多すぎます。' },
  unknownQuestion: { ja: 'この手続にない質問です。', en: 'This procedure has no such question.', 'ja-easy': 'その しつもんは ありません。' },
} satisfies Record<string, LocalizedText>;

export class FamilyApplications {
  /** `history`: whether views carry the events (false when the operation did not ask for them: one read fewer). */
  constructor(
    private readonly em: EntityManager,
    private readonly services: ApplicationServices,
    private readonly who: FamilyIdentity,
    private readonly locale: Locale,
    private readonly history = true,
  ) {}

  private procedure(id: string): MunicipalProcedure {
    const p = this.services.procedures.get(id, this.who.municipalityCode);
    if (!p) throw apiError('NOT_FOUND', TEXTS.procedureNotFound, this.locale);
    return p;
  }

  /** The family's own application; another family's is NOT_FOUND, exactly like one that does not exist. */
  private async mine(id: string): Promise<Application> {
    const a = /^[0-9a-f-]{36}$/.test(id)
      ? await this.em.findOne(Application, { id, record: this.who.recordId, municipality: this.who.municipalityCode })
      : null;
    if (!a) throw apiError('NOT_FOUND', TEXTS.notFound, this.locale);
    return a;
  }

  async page(): Promise<FamilyPage> {
    const record = await this.em.findOneOrFail(PersonalRecord, { id: this.who.recordId });
    const apps = await this.em.find(Application, { record: this.who.recordId }, { orderBy: { createdAt: 'desc' }, limit: PAGE_LIMIT });
    const shown = apps.filter((a) => this.services.procedures.get(a.procedureId, this.who.municipalityCode));
    // Every application's events in one read (not one per application).
    const events =
      this.history && shown.length ? await this.em.find(ApplicationEvent, { application: { $in: shown } }, { orderBy: { at: 'asc', id: 'asc' } }) : [];
    const views = shown.map((a) =>
      this.viewWith(
        a,
        events.filter((e) => e.application.id === a.id),
      ),
    );
    return {
      referenceNumber: record.referenceNumber,
      municipalityCode: this.who.municipalityCode,
      applications: views,
      procedures: this.services.procedures.list(this.who.municipalityCode).map((p) => procedureView(p, this.locale)),
      interviews: await new Bookings(this.em, this.services, this.who, this.locale).list(),
      contact: await new FamilyContacts(this.em, this.who, this.locale).view(),
    };
  }

  async view(a: Application): Promise<FamilyApplication> {
    const events = this.history ? await this.em.find(ApplicationEvent, { application: a }, { orderBy: { at: 'asc', id: 'asc' } }) : [];
    return this.viewWith(a, events);
  }

  private viewWith(a: Application, events: readonly ApplicationEvent[]): FamilyApplication {
    const p = this.procedure(a.procedureId);
    return {
      id: a.id,
      procedureId: a.procedureId,
      procedureName: p.name[this.locale],
      status: a.status,
      version: a.version,
      answers: answersView(p, a),
      receiptNumber: a.receiptNumber ?? null,
      interviewNeeded: interviewNeeded(p, a.answers),
      createdAt: a.createdAt,
      submittedAt: a.submittedAt ?? null,
      history: historyView(events),
    };
  }

  async get(id: string): Promise<FamilyApplication> {
    return this.view(await this.mine(id));
  }

  /** Starts a draft pre-filled from the record, or resumes the open draft of the same procedure. */
  async start(procedureId: string): Promise<FamilyApplication> {
    const p = this.procedure(procedureId);
    const open = await this.em.findOne(Application, { record: this.who.recordId, procedureId: p.id, status: ApplicationStatus.DRAFT });
    if (open) return this.view(open);
    const record = await this.em.findOneOrFail(PersonalRecord, { id: this.who.recordId });
    const filled = prefillAnswers(p.questions, await recordFacts(this.em, record));
    const a = this.em.create(Application, {
      municipality: record.municipality,
      record,
      procedureId: p.id,
      answers: Object.fromEntries(filled.map((f) => [f.question, f.value])),
      prefilled: filled.map((f) => f.question),
    } as never);
    this.event(a, null, ApplicationStatus.DRAFT);
    await this.em.flush();
    return this.view(a);
  }

  private checkVersion(a: Application, version: number): void {
    if (a.version !== version) throw apiError('CONFLICT', TEXTS.stale, this.locale);
  }

  /** Saves answers; a changed pre-filled answer is no longer marked pre-filled. Nothing is saved if any answer is refused. */
  async save(id: string, version: number, answers: readonly AnswerInput[]): Promise<FamilyApplication> {
    const a = await this.mine(id);
    this.checkVersion(a, version);
    if (!EDITABLE.has(a.status)) throw apiError('CONFLICT', TEXTS.notNow, this.locale);
    this.apply(this.procedure(a.procedureId), a, answers);
    await this.em.flush();
    return this.view(a);
  }

  private apply(p: MunicipalProcedure, a: Application, answers: readonly AnswerInput[]): void {
    if (answers.length > p.questions.length || answers.length > 60) throw badInput([{ field: 'input.answers', messages: TEXTS.tooMany }], this.locale);
    const checker = new InputChecker();
    const next = { ...a.answers };
    const changed = new Set<string>();
    answers.forEach((given, i) => {
      const q = p.questions.find((x) => x.id === given.question);
      const field = `input.answers.${i}.value`;
      if (!q) return checker.problems.push({ field: `input.answers.${i}.question`, messages: TEXTS.unknownQuestion });
      const value = checkAnswer(q, given.value, checker, field);
      if (value === undefined) return;
      if ((next[q.id] ?? null) !== value) changed.add(q.id);
      next[q.id] = value;
    });
    if (!checker.ok) throw badInput(checker.problems, this.locale);
    a.answers = next;
    if (changed.size > 0) a.prefilled = a.prefilled.filter((q) => !changed.has(q));
  }

  /** Submits (a draft, or again after more information was asked for); returns the receipt. */
  async submit(id: string, version: number, message: string | null | undefined): Promise<ApplicationReceipt> {
    const a = await this.mine(id);
    this.checkVersion(a, version);
    if (!mayChange(a.status, ApplicationStatus.SUBMITTED, 'family')) throw apiError('CONFLICT', TEXTS.notNow, this.locale);
    const reply = this.message(message, 'input.message');
    const p = this.procedure(a.procedureId);
    const missing: FieldProblem[] = missingAnswers(p.questions, a.answers, (q) => `answers.${q}`);
    if (missing.length > 0) throw badInput(missing, this.locale);
    const from = a.status;
    a.status = ApplicationStatus.SUBMITTED;
    a.submittedAt ??= new Date();
    a.receiptNumber ??= newReferenceNumber();
    this.event(a, from, ApplicationStatus.SUBMITTED, reply);
    await this.em.flush();
    const l = this.locale;
    return {
      receiptNumber: a.receiptNumber,
      submittedAt: a.submittedAt,
      procedureName: p.name[l],
      whatHappensNext: p.whatHappensNext[l],
      legalNature: p.legalNature[l],
      interviewNeeded: interviewNeeded(p, a.answers),
      bringOriginals: p.documents.filter((d) => d.bringOriginal).map((d) => d.name[l]),
      pittariUrl: p.pittariUrl ?? null,
    };
  }

  async withdraw(id: string): Promise<FamilyApplication> {
    const a = await this.mine(id);
    if (!mayChange(a.status, ApplicationStatus.WITHDRAWN, 'family')) throw apiError('CONFLICT', TEXTS.notNow, this.locale);
    const from = a.status;
    a.status = ApplicationStatus.WITHDRAWN;
    a.decidedAt = new Date();
    this.event(a, from, ApplicationStatus.WITHDRAWN);
    await this.em.flush();
    return this.view(a);
  }

  private message(text: string | null | undefined, field: string): string | null {
    const t = text?.normalize('NFC').trim() ?? '';
    if (t.length > MAX_MESSAGE) throw badInput([{ field, messages: TEXTS.tooLong }], this.locale);
    if (containsMyNumber(t)) throw badInput([{ field, messages: MY_NUMBER_REFUSED }], this.locale);
    return t === '' ? null : t;
  }

  private event(a: Application, from: ApplicationStatus | null, to: ApplicationStatus, message: string | null = null): void {
    this.em.create(ApplicationEvent, {
      municipality: a.municipality,
      application: a,
      fromStatus: from,
      toStatus: to,
      actor: ApplicationActor.FAMILY,
      message,
    } as never);
  }
}
