import { html, type TemplateResult } from 'lit';
import { defineOnce } from '../shared/define.js';
import type { Lang } from './i18n.js';

/**
 * The console's screens beyond the first load (sign-in and worklist), loaded when their route is first
 * opened: widgets/build.mjs builds the staff console with esbuild's `splitting`, so each `import()` below
 * is a chunk of its own (dist/widgets/staff-*.<hash>.js) that the entry does not contain. A chunk
 * defines its element(s) once; until then the shell shows a status line, and if the chunk cannot be
 * fetched (network down, a build removed) a message in the reader's language instead of a blank area.
 */
const LOADERS: Record<string, () => Promise<void>> = {
  'staff-inbox': async () => defineOnce('staff-inbox', (await import('./staff-inbox.js')).StaffInbox),
  'staff-records': async () => defineOnce('staff-records', (await import('./staff-records.js')).StaffRecords),
  // A record's page and the elements it holds (sections, tabs, case, duplicates, disclosure).
  'staff-record-view': async () => {
    const m = await Promise.all([
      import('./staff-section.js'),
      import('./staff-consultations.js'),
      import('./staff-eligibility.js'),
      import('./staff-referral.js'),
      import('./staff-audit.js'),
      import('./staff-case.js'),
      import('./staff-duplicates.js'),
      import('./staff-disclosure.js'),
      import('./staff-record-view.js'),
    ]);
    defineOnce('staff-section', m[0].StaffSection);
    defineOnce('staff-consultations', m[1].StaffConsultations);
    defineOnce('staff-eligibility', m[2].StaffEligibility);
    defineOnce('staff-referral', m[3].StaffReferral);
    defineOnce('staff-audit', m[4].StaffAudit);
    defineOnce('staff-case', m[5].StaffCase);
    defineOnce('staff-duplicates', m[6].StaffDuplicates);
    defineOnce('staff-disclosure', m[7].StaffDisclosure);
    defineOnce('staff-record-view', m[8].StaffRecordView);
  },
  'staff-origins': async () => defineOnce('staff-origins', (await import('./staff-origins.js')).StaffOrigins),
  'staff-dashboard': async () => defineOnce('staff-dashboard', (await import('./staff-dashboard.js')).StaffDashboard),
  'staff-figure-input': async () => defineOnce('staff-figure-input', (await import('./staff-figure-input.js')).StaffFigureInput),
  'staff-print': async () => defineOnce('staff-print', (await import('./staff-print.js')).StaffPrint),
  'staff-audit-log': async () => defineOnce('staff-audit-log', (await import('./staff-audit-log.js')).StaffAuditLog),
  'staff-merge': async () => defineOnce('staff-merge', (await import('./staff-merge.js')).StaffMerge),
  'staff-accounts': async () => defineOnce('staff-accounts', (await import('./staff-accounts.js')).StaffAccounts),
  // My account and its passkeys section.
  'staff-my-account': async () => {
    const m = await Promise.all([import('./staff-passkeys.js'), import('./staff-my-account.js')]);
    defineOnce('staff-passkeys', m[0].StaffPasskeys);
    defineOnce('staff-my-account', m[1].StaffMyAccount);
  },
  'staff-municipality': async () => defineOnce('staff-municipality', (await import('./staff-municipality.js')).StaffMunicipality),
  'staff-outreach': async () => {
    const m = await Promise.all([import('./staff-outreach-campaigns.js'), import('./staff-outreach-calls.js'), import('./staff-outreach.js')]);
    defineOnce('staff-outreach-campaigns', m[0].StaffOutreachCampaigns);
    defineOnce('staff-outreach-calls', m[1].StaffOutreachCalls);
    defineOnce('staff-outreach', m[2].StaffOutreach);
  },
  'staff-line': async () => defineOnce('staff-line', (await import('./staff-line.js')).StaffLine),
  'staff-applications': async () => defineOnce('staff-applications', (await import('./staff-applications.js')).StaffApplications),
  'staff-application': async () => defineOnce('staff-application', (await import('./staff-application.js')).StaffApplication),
  'staff-departments': async () => defineOnce('staff-departments', (await import('./staff-departments.js')).StaffDepartments),
  'staff-partners': async () => defineOnce('staff-partners', (await import('./staff-partners.js')).StaffPartners),
  'staff-privacy-notice': async () => defineOnce('staff-privacy-notice', (await import('./staff-privacy-notice.js')).StaffPrivacyNotice),
  'staff-programme-settings': async () => defineOnce('staff-programme-settings', (await import('./staff-programme-settings.js')).StaffProgrammeSettings),
  'staff-access-policy': async () => defineOnce('staff-access-policy', (await import('./staff-access-policy.js')).StaffAccessPolicy),
};

const LOADING = ['画面を読み込んでいます…', 'Loading this screen…', 'がめんを よみこんで います…'];
const FAILED = [
  'この画面を読み込めませんでした。ネットワークを確かめて、ページを再読み込みしてください。',
  'This screen could not be loaded. Check the network connection and reload the page.',
  'この がめんを よみこめませんでした。インターネットに つながって いるか たしかめて、ページを もういちど ひらいて ください。',
];

const state = new Map<string, 'loading' | 'failed'>();

/** The tag a screen's template renders (`html\`<staff-dashboard …>\``): its first element. */
function tagOf(view: TemplateResult): string | undefined {
  return /^\s*<([a-z]+-[a-z-]+)/.exec(view.strings[0] ?? '')?.[1];
}

/**
 * `view` as it is when its element is defined (the first-load screens always are); otherwise starts
 * loading its chunk (once) and shows a status line, or the failure message. `done` is called when the
 * chunk has loaded or failed, so the shell renders again (and moves focus to the screen's heading).
 */
export function lazyScreen(view: TemplateResult, lang: Lang, done: () => void): TemplateResult {
  const tag = tagOf(view);
  const load = tag ? LOADERS[tag] : undefined;
  if (!tag || !load || customElements.get(tag)) return view;
  if (state.get(tag) === 'failed') return html`<p role="alert" data-lazy-screen="failed">${FAILED[lang]}</p>`;
  if (!state.has(tag)) {
    state.set(tag, 'loading');
    load().then(
      () => {
        state.delete(tag);
        done();
      },
      () => {
        state.set(tag, 'failed');
        done();
      },
    );
  }
  return html`<p role="status" data-lazy-screen="loading">${LOADING[lang]}</p>`;
}
