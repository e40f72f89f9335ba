import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { apiError, checkPageSize, decodeAfter, encodeCursor, forwardPageInfo, notFound, OWNER_DEPARTMENT, StaffRole } from '../core';
import { RecordService } from '../record';
import { StaffMember } from '../staff';
import { InboxItem } from './inbox-item.entity';
import { InboxStatus } from './inbox-item-kind';
import type { InboxConnection, InboxItemView } from './inbox.types';
import { ITEM_TAKEN } from './item-taken';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAKE_ROLES = [StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN] as const;
const ITEM_NOT_FOUND = { ja: '受付が見つかりません。', en: 'No such inbox item.', 'ja-easy': 'その 受付は ありません。' };
const TAKEN_BY_OTHER = {
  ja: 'ほかの職員がすでに担当しています。',
  en: 'Another staff member has already taken this.',
  'ja-easy': 'ほかの 人が もう 担当して います。',
};

/**
 * A department's inbox: what the public sent it (intake submissions, chat requests), newest first.
 * Everything from the public goes to the owning department; another department gets an item when a
 * family consents to share with it (SHARED, the one-stop hand-over), visible while the consent stands.
 * Items carry no personal data of their own beyond what is read through the record's rules.
 */
export class InboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  async list(status: InboxStatus, first: number, after: string | null | undefined): Promise<InboxConnection> {
    const viewer = this.gate.staff();
    checkPageSize(first, this.gate.locale);
    const where: FilterQuery<InboxItem> = { municipality: viewer.municipalityCode, department: viewer.department };
    // Rule 2: for another department an item exists only while the family consents to share with it.
    if (viewer.department !== OWNER_DEPARTMENT) where.record = { sharedWith: { $contains: [viewer.department] } };
    if (status === InboxStatus.NEW) where.takenAt = null;
    if (status === InboxStatus.TAKEN) where.takenAt = { $ne: null };
    const page: FilterQuery<InboxItem>[] = [where];
    if (after) {
      const key = decodeAfter(after, this.gate.locale);
      page.push({ $or: [{ receivedAt: { $lt: key.createdAt } }, { receivedAt: key.createdAt, id: { $lt: key.id } }] });
    }
    const [items, totalCount] = await Promise.all([
      this.em.find(
        InboxItem,
        { $and: page },
        { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: first + 1, populate: ['takenBy'], disableIdentityMap: true },
      ),
      this.em.count(InboxItem, where),
    ]);
    const nodes = await this.views(items.slice(0, first));
    const cursor = (n: InboxItemView) => encodeCursor({ createdAt: n.receivedAt, id: n.id });
    return {
      edges: nodes.map((node) => ({ cursor: cursor(node), node })),
      pageInfo: forwardPageInfo(nodes, cursor, items.length > first, after),
      totalCount,
    };
  }

  /** Take an item: the first caseworker wins; taking your own item again is harmless. */
  async take(id: string): Promise<InboxItemView> {
    const viewer = this.gate.staff(TAKE_ROLES);
    const mine = { municipality: viewer.municipalityCode, department: viewer.department };
    const visible = viewer.department === OWNER_DEPARTMENT ? {} : { record: { sharedWith: { $contains: [viewer.department] } } };
    if (!UUID.test(id) || (await this.em.count(InboxItem, { id, ...mine, ...visible })) === 0) throw notFound(ITEM_NOT_FOUND, this.gate.locale);
    // Conditional update: of two caseworkers taking at once, exactly one succeeds.
    await this.em.nativeUpdate(InboxItem, { id, ...mine, takenAt: null }, { takenBy: this.em.getReference(StaffMember, viewer.staffId), takenAt: new Date() });
    const item = await this.em.findOneOrFail(InboxItem, { id, ...mine }, { populate: ['takenBy'], disableIdentityMap: true });
    if (item.takenBy?.id !== viewer.staffId) throw apiError('CONFLICT', TAKEN_BY_OTHER, this.gate.locale, { takenBy: item.takenBy?.name ?? null });
    // Whoever takes the item is assigned the department's case for the family (casework/, through ITEM_TAKEN).
    await ITEM_TAKEN.get()(this.em, this.gate, this.audit, {
      recordId: item.record.id,
      staffId: viewer.staffId,
      municipalityCode: viewer.municipalityCode,
      department: viewer.department,
    });
    const [view] = await this.views([item]);
    return view!;
  }

  /** Items as staff read them, with their records fetched in one statement under the usual visibility. */
  private async views(items: InboxItem[]): Promise<InboxItemView[]> {
    const records = await new RecordService(this.em, this.gate, this.audit).getMany(items.map((i) => i.record.id));
    return items.map((i) => ({
      id: i.id,
      kind: i.kind,
      receivedAt: i.receivedAt,
      referenceNumber: i.referenceNumber,
      status: i.takenAt ? InboxStatus.TAKEN : InboxStatus.NEW,
      urgent: i.urgent,
      takenAt: i.takenAt ?? null,
      takenBy: i.takenBy ? { id: i.takenBy.id, name: i.takenBy.name } : null,
      record: records.get(i.record.id) ?? null,
      preferredTimeText: i.preferredTime ?? null,
    }));
  }
}
