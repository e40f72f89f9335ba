/**
 * Push-type support (プッシュ型支援, issue 16): channel consent, notices, the durable queue, senders and
 * the family's pages. Other modules use what is exported here; the files behind it are this module's own.
 *
 * For other lanes — to send a notice (an application reminder, a LINE message, a staff e-mail):
 *   createNotices(em, outreach.queue, [candidate], outreach.approval)  — once per (record, trigger, programme, period);
 *   a channel adapter implements SmsSender / Mailer (sms.ts, mailer.ts) and is given to NoticeSender.
 */
export {
  consentHistory,
  optedInChannels,
  recordConsent,
  transactionalChannel,
  usableChannels,
  withdrawnChannels,
  type ConsentChange,
  type ContactFacts,
} from './consent';
export { bump, figures, type FigureMetric, type FigureRow } from './figures';
export { NoticeLinks } from './link';
export { rescreenForOutreach, type RescreenSummary } from './rescreen-trigger';
export { MailCatcher, type CaughtMail } from './mail-catcher';
export { demoMailbox, DEMO_MAILBOX_SHOWN } from './demo-mailbox';
export { mailText } from './mail-text';
export { smtpMailer, type Mailer, type OutgoingMail, type SendOutcome } from './mailer';
export { APPROVAL_BY_DEFAULT, createNotices, decideNotices, reachableChannels, type ApprovalPolicy, type NoticeCandidate } from './notices';
export { Outreach, outreachEnv, type OutreachEnv } from './outreach';
export { ConsentMethod, NoticeApproval, NoticeKind, NoticeStatus, OUTREACH_CHANNELS, OutreachChannel, TRANSACTIONAL_KINDS } from './outreach-types';
export { OUTREACH_PURPOSE_VERSION } from './purpose';
export { PgBossQueue, type NoticeQueue } from './queue';
export { DEFAULT_SETTINGS, NoticeSender, type OutreachSettings } from './sender';
export type { OutgoingSms, SmsSender } from './sms';
export { loadNoticeTemplates, PLACEHOLDERS, type NoticeTemplates } from './templates';
export { OUTREACH_DOCS } from './outreach.docs';
export { OutreachResolver } from './outreach.resolver';
export { OutreachCampaignResolver } from './campaign.resolver';
export {
  createTransactionalNotice,
  REQUESTED_KIND,
  requestedChannelAllowed,
  sendRequestedNow,
  transactionalChannelFor,
  type RequestedMessage,
  type RequestedTransport,
  type TransactionalNotice,
} from './transactional';
export { outreachWork, type OutreachWork } from './worklist-work';
