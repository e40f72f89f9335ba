import { DEPARTMENT_NAMES } from '../core';
import { SECTION_NAMES, SECTIONS, type Section } from '../core';
import type { DvCondition, Policy, PolicyRole, ReferralStatusValue } from './policy';
import { POLICY_ROLES } from './policy';

/**
 * docs/access-policy.md, rendered from a policy file alone (`npm run policy:docs`; `-- --check` in CI):
 * who sees what of a 電子個人票 and why, in Japanese and English. Nothing here decides access; it
 * only says what seeds/policy says, so the document cannot drift from what the API enforces.
 */

const ROLE_NAMES: Record<PolicyRole, { ja: string; en: string }> = {
  ...DEPARTMENT_NAMES,
  partner: { ja: '連携団体（NPO等）', en: 'Partner organisation (NPO)' },
};

const DV_WHEN: Record<DvCondition, { ja: string; en: string }> = {
  'dv-concern': { ja: '困りごとに「DV」が記録されている', en: 'a DV concern is recorded' },
  'support-measure': {
    ja: 'DV等支援措置が有効（終了日がない、または終了日を過ぎていない）',
    en: 'the DV support measure is in force (no end date, or not yet ended)',
  },
};

const STATUS_NAMES: Record<ReferralStatusValue, { ja: string; en: string }> = {
  requested: { ja: '依頼中', en: 'requested' },
  accepted: { ja: '受入済', en: 'accepted' },
  closed: { ja: '終了', en: 'closed' },
};

const cell = (policy: Policy, role: PolicyRole, section: Section): string => {
  const g = policy.get(role)!.get(section)!;
  return g.write ? 'rw' : g.read ? 'r' : '-';
};

function table(policy: Policy, lang: 'ja' | 'en'): string[] {
  const head = [lang === 'ja' ? '項目' : 'Section', ...POLICY_ROLES.map((r) => `${ROLE_NAMES[r][lang]}<br>\`${r}\``)];
  const rows = SECTIONS.map((s) => [`${SECTION_NAMES[s][lang]} (\`${s}\`)`, ...POLICY_ROLES.map((r) => cell(policy, r, s))]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

const names = (sections: readonly Section[], lang: 'ja' | 'en') =>
  sections.map((s) => `${SECTION_NAMES[s][lang]} (\`${s}\`)`).join(lang === 'ja' ? '、' : ', ');

function rules(policy: Policy, lang: 'ja' | 'en'): string[] {
  const { owner, dv, partner, line } = policy.rules;
  const ownerName = ROLE_NAMES[owner][lang];
  const when = dv.when.map((c) => DV_WHEN[c][lang]).join(lang === 'ja' ? '、または' : ', or ');
  const statuses = partner.referral.map((s) => STATUS_NAMES[s][lang]).join(lang === 'ja' ? '・' : ' or ');
  if (lang === 'ja') {
    return [
      `1. **所有課**: ${ownerName}（\`${owner}\`）は、すべての個人票のすべての項目を閲覧・更新できます（表の列にかかわらず）。`,
      '2. **同意**: ほかの課は、その課との共有に本人が同意した個人票だけを見られます。同意がなければ、その個人票はその課にとって存在しません（検索・一覧・件数にも出ません）。',
      `3. **DV等支援措置**: ${when}あいだ、${names(dv.withhold, 'ja')}は所有課以外のだれにも表示されません。保護の有無を知る立場にない課には、理由も「権限がありません」と表示されます。`,
      `4. **連携団体**: 連携団体は、その団体に紹介され（状態が${statuses}）、かつ本人が連携団体との共有に同意した（\`${partner.consent}\`）個人票だけを見られます。`,
      '5. **自治体**: 自治体どうしは互いの個人票を見られません。',
      `6. **LINE連携**: 家庭がLINEアカウントを連携しているかどうか（連絡の手段）は${names([line.follows], 'ja')}に従います。閲覧できる課には連携の有無が表示され、更新できる課は連携を解除できます。DV等支援措置の間は、この項目と同じく所有課以外には表示されません。`,
      '',
      '閲覧のみの職員（`viewer`）は、所属課が閲覧できる項目を見るだけで、何も変更できません。',
    ];
  }
  return [
    `1. **Owner**: ${ownerName} (\`${owner}\`) reads and writes every section of every record, whatever its column says.`,
    '2. **Consent**: another department sees a record only when the family consented to share it with that department. Without consent the record does not exist for it (not in look-ups, lists, searches or counts).',
    `3. **DV protection**: while ${when}, ${names(dv.withhold, 'en')} are withheld from everyone but the owner. A department that may read neither protection nor concerns is told only "not permitted", so the reason does not reveal DV.`,
    `4. **Partners**: a partner sees a record only while it is referred to the partner (${statuses}) and the family consented to share with partners (\`${partner.consent}\`).`,
    "5. **Municipalities** never see each other's records.",
    `6. **LINE**: whether the family linked a LINE account (a way to reach them) follows ${names([line.follows], 'en')}: departments that may read it see the link, those that may write it can unlink it, and under DV protection it is withheld like that section.`,
    '',
    'Staff with the `viewer` role read what their department reads and change nothing.',
  ];
}

/** The row rules in words, for a screen (the console's 「アクセス方針」): the document's lines without markdown. */
export function policyRulesInWords(policy: Policy, lang: 'ja' | 'en'): string[] {
  return rules(policy, lang)
    .filter((line) => line !== '')
    .map((line) => line.replace(/\*\*|`/g, ''));
}

/** Per role, in a sentence: what it reads and writes, and under which rule. */
function perRole(policy: Policy, lang: 'ja' | 'en'): string[] {
  return POLICY_ROLES.map((role) => {
    const read = SECTIONS.filter((s) => policy.get(role)!.get(s)!.read);
    const write = SECTIONS.filter((s) => policy.get(role)!.get(s)!.write);
    const sep = lang === 'ja' ? '、' : ', ';
    const list = (xs: readonly Section[]) => (xs.length ? xs.map((s) => SECTION_NAMES[s][lang]).join(sep) : lang === 'ja' ? 'なし' : 'none');
    const name = `${ROLE_NAMES[role][lang]} (\`${role}\`)`;
    const condition =
      role === policy.rules.owner
        ? lang === 'ja'
          ? 'すべての個人票（規則1）'
          : 'every record (rule 1)'
        : role === 'partner'
          ? lang === 'ja'
            ? '紹介され、連携団体との共有に同意がある個人票だけ（規則4）'
            : 'only records referred to it, with consent to share with partners (rule 4)'
          : lang === 'ja'
            ? 'この課との共有に同意がある個人票だけ（規則2）'
            : 'only records whose family consented to share with it (rule 2)';
    return lang === 'ja'
      ? `- **${name}**: ${condition}。閲覧: ${list(read)}。更新: ${list(write)}。`
      : `- **${name}**: ${condition}. Reads: ${list(read)}. Writes: ${list(write)}.`;
  });
}

export function renderPolicyDocs(policy: Policy, source: string, overrides: readonly string[]): string {
  const own = overrides.length ? overrides.map((f) => `\`seeds/policy/${f}\``).join(', ') : 'なし / none';
  return [
    '<!-- Generated from seeds/policy/default.yaml by `npm run policy:docs`; do not edit (CI checks it is current). -->',
    '# アクセス方針 / Access policy',
    '',
    `出典 / Source: [\`${source}\`](../${source}). 自治体ごとの方針 / Municipalities' own policies: ${own}.`,
    '',
    '## 日本語',
    '',
    '電子個人票の項目ごとに、どの課（と連携団体）が閲覧（r）・更新（rw）できるかを下の表が決め、その上に6つの規則がかかります。',
    '「公営住宅担当課はこの家庭の収入を見られるか」は、表の「収入」行と規則2（同意）で答えられます。',
    '',
    ...table(policy, 'ja'),
    '',
    '### 規則',
    '',
    ...rules(policy, 'ja'),
    '',
    '### 課ごとに',
    '',
    ...perRole(policy, 'ja'),
    '',
    '## English',
    '',
    'The table says, per section of the 電子個人票, which departments (and partners) may read (r) or read and write (rw); six rules apply on top.',
    '"Why can the Public Housing Division see this family\'s income?" is answered by the table\'s `income` row and rule 2 (consent).',
    '',
    ...table(policy, 'en'),
    '',
    '### Rules',
    '',
    ...rules(policy, 'en'),
    '',
    '### Per department',
    '',
    ...perRole(policy, 'en'),
    '',
  ].join('\n');
}
