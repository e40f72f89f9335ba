import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { dvExclusion, recordScope } from '../access';
import { Section } from '../core';
import type { SignedInViewer } from '../core';
import type { AuditCollector } from '../audit';
import { checkPageSize, decodeAfter, encodeCursor, forwardPageInfo } from '../core';
import { startOfJapanDay, addDays } from '../core';
import { apiError, badInput, notFound, RECORD_NOT_FOUND } from '../core';
import { searchKey } from '../core';
import { contactTermHash, keyringOf } from '../crypto';
import { OWNER_DEPARTMENT } from '../core';
import { Municipality } from '../municipality';
import { StaffRole } from '../core';
import { CHILD_KIND_SECTION, type ChildRowsWanted } from './child-rows';
import { criteria, criteriaFilter, type RecordCriteria } from './record-criteria';
import type { RecordSelection } from './record-selection';
import { PersonalRecord, RecordSource } from './personal-record.entity';
import type { CreateRecordInput, RecordFilter, UpdateRecordSectionInput } from './record.inputs';
import { type PersonalRecordConnection, PersonalRecordEdge } from './record.types';
import { RecordWriter } from './record.writer';
import { RecordReader } from './record.reader';
import type { RecordView } from './record.view';
import { newReferenceNumber, normalizeReferenceNumber } from './reference-number';

/** Without look-ahead: every column, child rows loaded on demand. */
const ALL: RecordSelection = { sections: null, childRows: [] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WRITE_ROLES = [StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN] as const;

/** Sections an update may carry, in input order; exactly one per call. */
const UPDATABLE: readonly Section[] = [
  Section.IDENTITY,
  Section.ADDRESS,
  Section.CONTACT,
  Section.HOUSEHOLD,
  Section.INCOME,
  Section.BENEFITS,
  Section.CONCERNS,
  Section.SELF_RELIANCE_PLAN,
  Section.PROTECTION,
  Section.CONSENT,
];

const CONFLICT_TEXT = {
  ja: 'この個人票はほかの人が先に更新しました。最新の内容を読み込んでからもう一度保存してください。',
  en: 'Someone else changed this record first. Reload it, then save again.',
  'ja-easy': 'ほかの 人が 先に 変えました。もう一度 読みこんで から 保存して ください。',
};

const CONTACT_TERM_TEXT = {
  ja: '電話番号（0から始まる10桁か11桁）かメールアドレスを、そのまま全部入力してください。',
  en: 'Enter a whole phone number (10 or 11 digits starting with 0) or a whole e-mail address.',
  'ja-easy': '電話番号か メールアドレスを ぜんぶ 書いて ください。',
};

/**
 * Reading and writing 電子個人票. Every query starts from `visibleTo`, so a record the viewer may
 * not see is absent from lists, counts and look-ups alike — the same "not found" as an unknown id.
 */
export class RecordService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  /** The records a viewer may see at all (rules 2, 4 and 5 of the policy, evaluated by access/record-scope.ts). */
  private async visibleTo(viewer: SignedInViewer): Promise<RecordCriteria> {
    const scope = await recordScope(this.em, viewer, this.gate.policy());
    return criteria(scope.municipality, { consentTo: scope.consentTo, ids: scope.ids });
  }

  /** Visible records among `ids` (look-ups): for a partner, the referred ones among them. */
  private async visibleAmong(viewer: SignedInViewer, ids: readonly string[]): Promise<RecordCriteria> {
    const visible = await this.visibleTo(viewer);
    return { ...visible, ids: visible.ids ? ids.filter((id) => visible.ids!.includes(id)) : ids };
  }

  /**
   * Of the child-row kinds a query selects, those to fetch with the records themselves: only kinds
   * whose section the viewer's policy lets it read (a denied section's rows are never fetched).
   */
  private prefetchable(selected: readonly ChildRowsWanted[]): ChildRowsWanted[] {
    return selected.filter((wanted) => this.gate.policyAllowsRead(CHILD_KIND_SECTION[wanted.kind]));
  }

  /** A record the viewer can see, for reading (not managed by the unit of work), with the selected child rows. */
  async get(id: string, selected: RecordSelection = ALL): Promise<RecordView | null> {
    const viewer = this.gate.signedIn();
    if (!UUID.test(id)) return null;
    const [row] = await new RecordReader(this.em).find(
      await this.visibleAmong(viewer, [id]),
      'id',
      1,
      this.prefetchable(selected.childRows),
      selected.sections,
    );
    return row ?? null;
  }

  /** Records the viewer can see among `ids`, in one statement; unknown or hidden ids are simply absent. */
  async getMany(ids: readonly string[], selected?: RecordSelection): Promise<Map<string, RecordView>> {
    const viewer = this.gate.signedIn();
    const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (valid.length === 0) return new Map();
    const rows = await new RecordReader(this.em).find(
      await this.visibleAmong(viewer, valid),
      'newest',
      valid.length,
      selected ? this.prefetchable(selected.childRows) : [],
      selected?.sections ?? null,
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** A record the viewer can see, as a managed entity for writing; NOT_FOUND otherwise (same as an unknown id). */
  async require(id: string): Promise<PersonalRecord> {
    const viewer = this.gate.signedIn();
    const record = UUID.test(id) ? await this.em.findOne(PersonalRecord, criteriaFilter(await this.visibleAmong(viewer, [id]))) : null;
    if (!record) throw notFound(RECORD_NOT_FOUND, this.gate.locale);
    return record;
  }

  /** Filters over a section are allowed only to viewers whose policy lets them read that section. */
  private async where(filter: RecordFilter | null | undefined): Promise<RecordCriteria> {
    const viewer = this.gate.signedIn();
    const c = await this.visibleTo(viewer);
    if (!filter) return c;
    if (filter.name != null && filter.name.trim() !== '') {
      if (!this.gate.policyAllowsRead(Section.IDENTITY)) throw this.gate.filterDenied(Section.IDENTITY);
      const key = searchKey(filter.name).replace(/[\\%_]/g, (ch) => `\\${ch}`);
      c.nameLike = `%${key}%`;
    }
    if (filter.concern) {
      if (!this.gate.policyAllowsRead(Section.CONCERNS)) throw this.gate.filterDenied(Section.CONCERNS);
      c.concern = filter.concern;
    }
    if (filter.consentedTo) {
      if (!this.gate.policyAllowsRead(Section.CONSENT)) throw this.gate.filterDenied(Section.CONSENT);
      c.consentTo = [...c.consentTo, filter.consentedTo];
    }
    if (filter.createdFrom) c.createdFrom = startOfJapanDay(filter.createdFrom);
    if (filter.createdTo) c.createdBefore = startOfJapanDay(addDays(filter.createdTo, 1));
    if (filter.birthDate) {
      if (!this.gate.policyAllowsRead(Section.IDENTITY)) throw this.gate.filterDenied(Section.IDENTITY);
      c.birthDate = filter.birthDate;
    }
    if (filter.referenceNumber) c.referenceNumber = normalizeReferenceNumber(filter.referenceNumber);
    if (filter.contact != null && filter.contact.trim() !== '') {
      if (!this.gate.policyAllowsRead(Section.CONTACT)) throw this.gate.filterDenied(Section.CONTACT);
      const term = contactTermHash(keyringOf(this.em.getPlatform()), filter.contact);
      if (!term) throw badInput([{ field: 'filter.contact', messages: CONTACT_TERM_TEXT }], this.gate.locale);
      c.contactHash = term;
      c.excludeDvProtected = dvExclusion(viewer, this.gate.policy(), this.gate.today);
    }
    return c;
  }

  /** Newest first, ties broken by id, so pages never skip or repeat a record. The page and the selected child rows are one statement. */
  async list(
    filter: RecordFilter | null | undefined,
    first: number,
    after: string | null | undefined,
    selected: RecordSelection = ALL,
  ): Promise<PersonalRecordConnection> {
    checkPageSize(first, this.gate.locale);
    const where = await this.where(filter);
    const reader = new RecordReader(this.em);
    const rows = await reader.find(
      { ...where, after: after ? decodeAfter(after, this.gate.locale) : null },
      'newest',
      first + 1,
      this.prefetchable(selected.childRows),
      selected.sections,
    );
    const nodes = rows.slice(0, first);
    return {
      edges: nodes.map((node) => new PersonalRecordEdge(node)),
      pageInfo: forwardPageInfo(nodes, encodeCursor, rows.length > first, after),
      countQuery: () => reader.count(where),
    };
  }

  async create(input: CreateRecordInput, source: RecordSource = RecordSource.STAFF): Promise<PersonalRecord> {
    const viewer = this.gate.staff(WRITE_ROLES);
    if (viewer.department !== OWNER_DEPARTMENT) {
      throw apiError(
        'FORBIDDEN',
        {
          ja: '個人票を作成できるのはひとり親支援担当課です。',
          en: 'Only the single-parent support division creates records.',
          'ja-easy': '記録を 作れるのは ひとり親の 係です。',
        },
        this.gate.locale,
      );
    }
    const record = this.em.create(PersonalRecord, {
      municipality: this.em.getReference(Municipality, viewer.municipalityCode),
      referenceNumber: newReferenceNumber(),
      source,
    } as never);
    const sections = await new RecordWriter(this.em, this.gate.today, this.gate.locale).apply(record, input, 'input', viewer.staffId, true);
    await this.em.flush();
    for (const s of sections) this.audit.note(record.id, viewer.municipalityCode, 'write', s);
    return record;
  }

  async updateSection(input: UpdateRecordSectionInput): Promise<PersonalRecord> {
    const viewer = this.gate.staff(WRITE_ROLES);
    const given = UPDATABLE.filter((s) => (input as unknown as Record<string, unknown>)[s] != null);
    if (given.length !== 1) {
      throw badInput(
        [
          {
            field: 'input',
            messages: {
              ja: '更新する項目を1つだけ指定してください。',
              en: 'Give exactly one section to update.',
              'ja-easy': '変える 項目を 1つ だけ えらんで ください。',
            },
          },
        ],
        this.gate.locale,
      );
    }
    const section = given[0]!;
    const record = await this.require(input.id);
    this.gate.assertWritable(record, section);
    if (record.version !== input.expectedVersion) throw apiError('CONFLICT', CONFLICT_TEXT, this.gate.locale, { currentVersion: record.version });
    await new RecordWriter(this.em, this.gate.today, this.gate.locale).apply(record, input, 'input', viewer.staffId, false);
    // Child rows change without touching the record row: bump updatedAt so the version moves too.
    record.updatedAt = new Date();
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof OptimisticLockError) throw apiError('CONFLICT', CONFLICT_TEXT, this.gate.locale);
      throw e;
    }
    this.audit.note(record.id, viewer.municipalityCode, 'write', section);
    return record;
  }
}
