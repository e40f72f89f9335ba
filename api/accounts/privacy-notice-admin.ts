import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { badInput, type FieldProblem, type LocalizedText, StaffRole } from '../core';
import { Municipality, PrivacyNoticeVersion } from '../municipality';
import { recordAdminEvent } from './admin-events';
import type { PrivacyNotices, PrivacyNoticeText, PublishPrivacyNoticeInput } from './administration.types';

const MAX_TEXT = 5000;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;
const T = {
  version: {
    ja: '版の名前は英数字と . _ - で50文字まで（例: 2027-04）にしてください。',
    en: 'The version is letters, digits, . _ - (at most 50), e.g. 2027-04.',
    'ja-easy': '版の 名前は 英数字で 書いて ください（れい: 2027-04）。',
  },
  used: {
    ja: 'この版の名前はすでに使われています。新しい名前にしてください（同意の記録が版を指しています）。',
    en: 'This version name was used before; choose a new one (consents name the version they were given under).',
    'ja-easy': 'この 名前は もう 使いました。べつの 名前に して ください。',
  },
  text: (lang: string): LocalizedText => ({
    ja: `${lang}の本文を${MAX_TEXT}文字以内で入力してください。`,
    en: `Enter the ${lang} text (at most ${MAX_TEXT} characters).`,
    'ja-easy': `${lang}の 文を 書いて ください。`,
  }),
};

/** The seed file's notice of a municipality (seeds/intake), as the intake service has it. */
export interface NoticeFiles {
  for(code: string): { privacyNotice: { version: string; text: LocalizedText } };
}

/**
 * The municipality's privacy notice as versions its admins publish (api/municipality's
 * PrivacyNoticeVersion, append-only). Publishing makes the new text the one the intake form and the
 * chatbot show from the next request (the caller forgets the cached municipalities); a form opened on
 * the old version is refused with "the notice has changed, read it again" (api/intake), and the form
 * marks a notice published in the last 30 days as new.
 */
export class PrivacyNoticeAdmin {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly files: NoticeFiles,
  ) {}

  async list(): Promise<PrivacyNotices> {
    const v = this.gate.staff([StaffRole.ADMIN]);
    const m = await this.em.findOneOrFail(Municipality, { code: v.municipalityCode });
    const rows = await this.em.find(PrivacyNoticeVersion, { municipalityCode: v.municipalityCode }, { orderBy: { id: 'desc' }, limit: 100 });
    const versions = rows.map((r): PrivacyNoticeText => ({
      version: r.version,
      ja: r.text.ja,
      en: r.text.en,
      jaEasy: r.text['ja-easy'],
      publishedAt: r.publishedAt,
      publishedBy: r.actorName,
    }));
    const file = this.files.for(v.municipalityCode).privacyNotice;
    const current: PrivacyNoticeText = m.privacyNotice
      ? (versions.find((x) => x.version === m.privacyNotice!.version) ?? {
          version: m.privacyNotice.version,
          ja: m.privacyNotice.text.ja,
          en: m.privacyNotice.text.en,
          jaEasy: m.privacyNotice.text['ja-easy'],
          publishedAt: new Date(m.privacyNotice.publishedAt),
          publishedBy: null,
        })
      : { version: file.version, ja: file.text.ja, en: file.text.en, jaEasy: file.text['ja-easy'], publishedAt: null, publishedBy: null };
    return { current, versions };
  }

  async publish(input: PublishPrivacyNoticeInput): Promise<PrivacyNotices> {
    const v = this.gate.staff([StaffRole.ADMIN]);
    const problems: FieldProblem[] = [];
    const version = (input.version ?? '').trim();
    if (!VERSION.test(version)) problems.push({ field: 'input.version', messages: T.version });
    const text = {
      ja: (input.ja ?? '').normalize('NFC').trim(),
      en: (input.en ?? '').normalize('NFC').trim(),
      'ja-easy': (input.jaEasy ?? '').normalize('NFC').trim(),
    };
    for (const [key, field, lang] of [
      ['ja', 'input.ja', '日本語'],
      ['en', 'input.en', '英語'],
      ['ja-easy', 'input.jaEasy', 'やさしい日本語'],
    ] as const) {
      if (!text[key] || text[key].length > MAX_TEXT) problems.push({ field, messages: T.text(lang) });
    }
    if (problems.length) throw badInput(problems, this.gate.locale);
    const fileVersion = this.files.for(v.municipalityCode).privacyNotice.version;
    await this.em.fork().transactional(async (tx) => {
      // Locked: two admins publishing at once get one version each, in order.
      const m = await tx.findOneOrFail(Municipality, { code: v.municipalityCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (version === fileVersion || (await tx.count(PrivacyNoticeVersion, { municipalityCode: v.municipalityCode, version })))
        throw badInput([{ field: 'input.version', messages: T.used }], this.gate.locale);
      const publishedAt = new Date();
      tx.create(PrivacyNoticeVersion, { municipalityCode: v.municipalityCode, version, text, publishedAt, actorId: v.staffId, actorName: v.name });
      m.privacyNotice = { version, text, publishedAt: publishedAt.toISOString() };
      recordAdminEvent(tx, v.municipalityCode, { id: v.staffId, name: v.name }, 'privacy-notice.published', null, `version ${version}`);
    });
    return this.list();
  }
}
