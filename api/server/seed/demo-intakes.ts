import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, DepartmentCode, todayInJapan } from '../../core';
import { rawQuery } from '../../db';
import { type IntakeInput, IntakeService } from '../../intake';
import { ConcernCategory, ContactChannel } from '../../record';
import type { AppServices } from '../context';
import { DEMO_MUNICIPALITY } from './demo-seed';

/**
 * New intake submissions nobody has taken yet, so that a caseworker's 「今日の仕事」 has new work after a
 * fresh start (the user trial found every list of the start page at 0: the seed's records are spread over
 * a year, and only the last two weeks' are still new). Submitted through the intake service exactly as the
 * widget sends them, each under a fixed key: a second start stores nothing (the key's first receipt).
 * Fictional families; telephone numbers in the demo's 0000-00-xxxx range.
 */
const KEYS = ['6f1d0c6e-3b7a-4c3e-9a51-0d5e2f6a0001', '6f1d0c6e-3b7a-4c3e-9a51-0d5e2f6a0002', '6f1d0c6e-3b7a-4c3e-9a51-0d5e2f6a0003'];

function submissions(noticeVersion: string): IntakeInput[] {
  const today = todayInJapan();
  const child = (years: number) => ({ birthDate: addDays(today, -Math.round(years * 365.25)), disability: false });
  const base = (i: number) => ({ idempotencyKey: KEYS[i]!, municipalityCode: DEMO_MUNICIPALITY, website: null });
  return [
    {
      ...base(0),
      identity: { familyName: '若葉', givenName: 'ひかり', familyNameKana: 'ワカバ', givenNameKana: 'ヒカリ', birthDate: '1993-05-14' },
      address: { postalCode: '999-9901', prefecture: 'デモ県', city: 'デモ市', street: 'デモ町1-2-3' },
      contact: { phone: '0000-00-7001', contactAllowed: true, preferredChannel: ContactChannel.PHONE, safeTimes: '平日 12時〜13時' },
      household: { children: [child(4)], otherMembers: [] },
      income: { annualEmploymentIncome: 1_600_000 },
      concerns: { categories: [ConcernCategory.WORK, ConcernCategory.CHILDCARE], note: '保育園の送迎に間に合う仕事を探しています。' },
      consent: { sharedWith: [DepartmentCode.LIVELIHOOD_SUPPORT], shareWithPartners: false, privacyNoticeVersion: noticeVersion },
    },
    {
      ...base(1),
      identity: { familyName: '青空', givenName: '大地', familyNameKana: 'アオゾラ', givenNameKana: 'ダイチ', birthDate: '1988-11-02' },
      address: { postalCode: '999-9902', prefecture: 'デモ県', city: 'デモ市', street: 'デモ台4-5-6' },
      contact: { phone: '0000-00-7002', contactAllowed: true, preferredChannel: ContactChannel.PHONE },
      household: { children: [child(9), child(12)], otherMembers: [] },
      income: { annualEmploymentIncome: 2_900_000 },
      concerns: { categories: [ConcernCategory.EDUCATION, ConcernCategory.FINANCES], note: '中学校の入学準備の費用が心配です。' },
      consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: noticeVersion },
    },
    {
      ...base(2),
      household: { children: [child(1)], otherMembers: [] },
      concerns: { categories: [ConcernCategory.HOUSING], note: null },
      // Without contact the street is not kept (the intake's rule): the town is known by its postal code.
      address: { postalCode: '999-9903', prefecture: 'デモ県', city: 'デモ市', street: '見本通り7-8' },
      contact: { contactAllowed: false },
      consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: noticeVersion },
    },
  ] as unknown as IntakeInput[];
}

/** Submits the demo's new intakes once; how many were stored now. */
export async function seedDemoIntakes(em: EntityManager, services: AppServices): Promise<number> {
  const [done] = await rawQuery<{ n: number }>(em, `select count(*)::int as n from inbox_item where municipality_code = ? and idempotency_key in (?, ?, ?)`, [
    DEMO_MUNICIPALITY,
    ...KEYS,
  ]);
  if (done!.n > 0) return 0;
  const intake = new IntakeService(em, services.intake, { locale: 'ja', origin: undefined, clientAddress: 'demo-seed' });
  const { privacyNoticeVersion } = await intake.settings(DEMO_MUNICIPALITY);
  for (const input of submissions(privacyNoticeVersion)) await intake.submit(input);
  return KEYS.length;
}
