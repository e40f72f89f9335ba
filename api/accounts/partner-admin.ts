import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { apiError, badInput, InputChecker, notFound, OWNER_DEPARTMENT, StaffRole } from '../core';
import { PartnerOrganization, PartnerToken } from '../partner';
import { recordAdminEvent } from './admin-events';

const OWNER_ONLY = {
  ja: 'この操作はひとり親支援担当課の管理者・監督者だけができます。',
  en: 'Only an admin or supervisor of the single-parent support division can do this.',
  'ja-easy': 'これは ひとり親の 係の 管理者だけが できます。',
};
const TAKEN = {
  ja: '同じ名前の連携団体がすでにあります。',
  en: 'A partner organisation with this name already exists.',
  'ja-easy': 'おなじ 名前の 団体が もう あります。',
};
const NOT_FOUND = { ja: '連携団体が見つかりません。', en: 'No such partner organisation.', 'ja-easy': 'その 団体は ありません。' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The people who issue a partner's tokens (api/partner) also register and edit partners. */
function owner(gate: AccessGate) {
  const v = gate.staff([StaffRole.ADMIN, StaffRole.SUPERVISOR]);
  if (v.department !== OWNER_DEPARTMENT) throw apiError('FORBIDDEN', OWNER_ONLY, gate.locale);
  return v;
}

function checked(gate: AccessGate, input: { name?: string | null; contact?: string | null }, nameRequired: boolean) {
  const c = new InputChecker(gate.today);
  const name = c.text('input.name', input.name, { ja: '団体名', en: 'Name' }, 200);
  if (!name && (nameRequired || input.name != null))
    c.custom('input.name', '団体名を入力してください。', "Enter the organisation's name.", '団体の 名前を 書いて ください。');
  const contact = c.text('input.contact', input.contact, { ja: '連絡先', en: 'Contact' }, 500);
  if (!c.ok) throw badInput(c.problems, gate.locale);
  return { name, contact };
}

async function partner(em: EntityManager, gate: AccessGate, id: string, municipalityCode: string): Promise<PartnerOrganization> {
  const p = UUID.test(id) ? await em.findOne(PartnerOrganization, { id, municipality: municipalityCode }) : null;
  if (!p) throw notFound(NOT_FOUND, gate.locale);
  return p;
}

/** Registers a partner NPO (委託先・連携NPO) without SQL, with who to contact there. */
export async function createPartnerOrganization(
  em: EntityManager,
  gate: AccessGate,
  input: { name: string; contact?: string | null },
): Promise<PartnerOrganization> {
  const v = owner(gate);
  const { name, contact } = checked(gate, input, true);
  if (await em.count(PartnerOrganization, { municipality: v.municipalityCode, name: name! }))
    throw badInput([{ field: 'input.name', messages: TAKEN }], gate.locale);
  const created = em.create(PartnerOrganization, { municipality: v.municipalityCode, name: name!, contact: contact ?? null, createdAt: new Date() });
  await em.flush();
  recordAdminEvent(em, v.municipalityCode, { id: v.staffId, name: v.name }, 'partner.created', created.id);
  await em.flush();
  return created;
}

/** Renames a partner or changes its contact (left-out fields stay; an empty contact clears it). */
export async function updatePartnerOrganization(
  em: EntityManager,
  gate: AccessGate,
  input: { id: string; name?: string | null; contact?: string | null },
): Promise<PartnerOrganization> {
  const v = owner(gate);
  const { name, contact } = checked(gate, input, false);
  const p = await partner(em, gate, input.id, v.municipalityCode);
  const changed: string[] = [];
  if (name && name !== p.name) {
    if (await em.count(PartnerOrganization, { municipality: v.municipalityCode, name, id: { $ne: p.id } }))
      throw badInput([{ field: 'input.name', messages: TAKEN }], gate.locale);
    p.name = name;
    changed.push('name');
  }
  if (input.contact !== undefined && (contact ?? null) !== (p.contact ?? null)) {
    p.contact = contact ?? null;
    changed.push('contact');
  }
  if (changed.length) recordAdminEvent(em, v.municipalityCode, { id: v.staffId, name: v.name }, 'partner.updated', p.id, changed.join(', '));
  await em.flush();
  return p;
}

/** A partner's tokens, newest first (never their secrets: only hashes are kept). */
export async function partnerTokens(em: EntityManager, gate: AccessGate, partnerId: string): Promise<PartnerToken[]> {
  const v = owner(gate);
  const p = await partner(em, gate, partnerId, v.municipalityCode);
  return em.find(PartnerToken, { partner: p, municipality: v.municipalityCode }, { orderBy: { createdAt: 'desc' }, limit: 100 });
}
