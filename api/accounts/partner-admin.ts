import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { apiError, badInput, InputChecker, OWNER_DEPARTMENT, StaffRole } from '../core';
import { PartnerOrganization } from '../partner';
import { recordAdminEvent } from './admin-events';

const OWNER_ONLY = { ja: 'この操作はひとり親支援担当課の管理者・監督者だけができます。', en: 'Only an admin or supervisor of the single-parent support division can do this.', 'ja-easy': 'これは ひとり親の 係の 管理者だけが できます。' };
const TAKEN = { ja: '同じ名前の連携団体がすでにあります。', en: 'A partner organisation with this name already exists.', 'ja-easy': 'おなじ 名前の 団体が もう あります。' };

/** Registers a partner NPO (委託先・連携NPO) without SQL: the same people who issue its tokens (api/partner). */
export async function createPartnerOrganization(em: EntityManager, gate: AccessGate, input: { name: string }): Promise<PartnerOrganization> {
  const v = gate.staff([StaffRole.ADMIN, StaffRole.SUPERVISOR]);
  if (v.department !== OWNER_DEPARTMENT) throw apiError('FORBIDDEN', OWNER_ONLY, gate.locale);
  const c = new InputChecker(gate.today);
  const name = c.text('input.name', input.name, { ja: '団体名', en: 'Name' }, 200);
  if (!name) c.custom('input.name', '団体名を入力してください。', 'Enter the organisation\'s name.', '団体の 名前を 書いて ください。');
  if (!c.ok) throw badInput(c.problems, gate.locale);
  if (await em.count(PartnerOrganization, { municipality: v.municipalityCode, name: name! })) throw badInput([{ field: 'input.name', messages: TAKEN }], gate.locale);
  const partner = em.create(PartnerOrganization, { municipality: v.municipalityCode, name: name!, createdAt: new Date() });
  await em.flush();
  recordAdminEvent(em, v.municipalityCode, { id: v.staffId, name: v.name }, 'partner.created', partner.id);
  await em.flush();
  return partner;
}
