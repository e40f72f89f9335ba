/**
 * Telling the family that an application changed (more information needed, a decision). The notice says
 * only that something changed and where to look: its content stays on the signed-in page, since an SMS
 * or a mail can be read by someone else in the household.
 */
import type { PersonalRecord } from '../record';
import { ApplicationStatus } from './application-status';
import type { NoticeChannel, NoticeSender } from './notice-sender';
import type { MunicipalProcedure } from './procedures';

/** The channel the family can safely be told on, or null: e-mail first, SMS only where it said SMS is safe. */
export function safeChannel(record: PersonalRecord): { channel: NoticeChannel; to: string } | null {
  if (!record.contact.contactAllowed) return null;
  if (record.contact.email) return { channel: 'EMAIL', to: record.contact.email };
  if (record.contact.phone && record.contact.smsSafe === true) return { channel: 'SMS', to: record.contact.phone };
  return null;
}

export async function tellFamily(
  notices: NoticeSender,
  record: PersonalRecord,
  p: MunicipalProcedure,
  status: ApplicationStatus,
  applicationId?: string,
): Promise<boolean> {
  const where = safeChannel(record);
  if (!where) return false;
  const what =
    status === ApplicationStatus.INFO_REQUESTED
      ? { ja: '追加の情報をお願いしています。', en: 'More information is needed.', 'ja-easy': 'もう少し 教えて ください。' }
      : { ja: '結果が出ました。', en: 'There is a decision.', 'ja-easy': '結果が でました。' };
  try {
    return await notices.send({
      municipalityCode: record.municipality.code,
      recordId: record.id,
      kind: 'application-status',
      applicationId,
      status,
      department: p.department,
      channel: where.channel,
      to: where.to,
      subject: { ja: `${p.name.ja}について`, en: `About: ${p.name.en}`, 'ja-easy': '申請の おしらせ' },
      body: {
        ja: `${p.name.ja}：${what.ja}マイページでご確認ください。`,
        en: `${p.name.en}: ${what.en} Please look at your page.`,
        'ja-easy': `${what['ja-easy']} マイページを 見て ください。`,
      },
    });
  } catch {
    // The decision stands whether or not the notice went out; the family page shows it either way.
    return false;
  }
}
