import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { recordAdminEvent } from '../accounts';
import { badInput, type FieldProblem, type LocalizedText, StaffRole } from '../core';
import type { LineChannelStore } from './channel-settings';
import { LineClient } from './client';
import type { LineLinks } from './link';
import { LineChannelSetting } from './line.entity';
import { LineConnectionProblem, type LineChannelSettings, type LineConnectionTest, type LineSettingsInput, LineSettingsSource } from './line-settings.types';

const CHANNEL_ID = /^\d{10}$/;
const CHANNEL_SECRET = /^[0-9a-f]{32}$/i;
const ACCESS_TOKEN = /^[A-Za-z0-9+/=._-]{20,2000}$/;
const BASIC_ID = /^@[a-z0-9._-]{1,30}$/i;

const TEXT = {
  channelId: {
    ja: 'チャネルIDは10桁の数字です（LINE Developers の「チャネル基本設定」）。',
    en: 'The channel ID is 10 digits (LINE Developers, Basic settings).',
    'ja-easy': 'チャネルIDは 10けたの 数字です。',
  },
  channelSecret: {
    ja: 'チャネルシークレットは32文字の英数字（0〜9、a〜f）です。',
    en: 'The channel secret is 32 characters, 0–9 and a–f.',
    'ja-easy': 'チャネルシークレットは 32文字です。',
  },
  accessToken: {
    ja: 'チャネルアクセストークン（長期）をそのまま貼り付けてください。空白や改行は入りません。',
    en: 'Paste the long-lived channel access token as it is, without spaces or line breaks.',
    'ja-easy': 'アクセストークンを そのまま はりつけて ください。',
  },
  basicId: {
    ja: 'ベーシックIDは @ で始まります（例：@123abcde）。',
    en: 'The basic ID starts with @ (e.g. @123abcde).',
    'ja-easy': 'ベーシックIDは @ で はじまります。',
  },
  required: {
    ja: '初めて設定するときは、チャネルシークレットとチャネルアクセストークンの両方を入力してください。',
    en: 'The first time, enter both the channel secret and the channel access token.',
    'ja-easy': 'はじめは シークレットと トークンの 両方を 入れて ください。',
  },
} satisfies Record<string, LocalizedText>;

/** What the console's LINE screen needs from the LINE service of this process. */
export interface LineAdminDeps {
  store: LineChannelStore;
  /** Account links (staff list and unlink: line-links.service.ts). */
  links: LineLinks;
  /** After a change: start the bot's worker if this was the first channel. */
  changed(): void;
}

/**
 * The console's LINE settings (admins of the municipality): what is in force, changes (secrets
 * write-only, sealed at rest), and a connection test against the platform. Every change and test is
 * written to the administration trail — field names only, never a value.
 */
export class LineSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly deps: LineAdminDeps,
  ) {}

  private admin() {
    return this.gate.staff([StaffRole.ADMIN]);
  }

  async view(): Promise<LineChannelSettings> {
    const { municipalityCode: code } = this.admin();
    const row = await this.em.fork().findOne(LineChannelSetting, { municipalityCode: code });
    return this.present(code, row);
  }

  private present(code: string, row: LineChannelSetting | null): LineChannelSettings {
    const store = this.deps.store;
    const env = store.environment(code);
    const channel = store.settings.channels.get(code) ?? null;
    return {
      municipalityCode: code,
      source:
        row && (row.channelSecret || row.accessToken || row.channelId || row.basicId)
          ? LineSettingsSource.CONSOLE
          : env
            ? LineSettingsSource.ENVIRONMENT
            : LineSettingsSource.NONE,
      connected: channel !== null,
      channelId: row?.channelId ?? null,
      channelSecretSet: Boolean(row?.channelSecret ?? env?.channelSecret),
      accessTokenSet: Boolean(row?.accessToken ?? env?.accessToken),
      basicId: row?.basicId ?? env?.basicId ?? null,
      webhookUrl: `${store.settings.publicUrl}/line/${code}`,
      updatedAt: row?.updatedAt ?? null,
      updatedByName: row?.updatedByName ?? null,
      lastTest: row?.testedAt
        ? { at: row.testedAt, ok: row.testOk === true, problem: (row.testProblem as LineConnectionProblem | null) ?? null, botName: row.botName ?? null }
        : null,
    };
  }

  async update(input: LineSettingsInput): Promise<LineChannelSettings> {
    const v = this.admin();
    const code = v.municipalityCode;
    const clean = (s: string | null | undefined) => (s == null ? undefined : s.normalize('NFKC').trim());
    const given = {
      channelId: clean(input.channelId),
      channelSecret: clean(input.channelSecret),
      accessToken: clean(input.accessToken),
      basicId: clean(input.basicId),
    };
    const problems: FieldProblem[] = [];
    if (given.channelId && !CHANNEL_ID.test(given.channelId)) problems.push({ field: 'input.channelId', messages: TEXT.channelId });
    if (given.channelSecret !== undefined && !CHANNEL_SECRET.test(given.channelSecret))
      problems.push({ field: 'input.channelSecret', messages: TEXT.channelSecret });
    if (given.accessToken !== undefined && !ACCESS_TOKEN.test(given.accessToken)) problems.push({ field: 'input.accessToken', messages: TEXT.accessToken });
    if (given.basicId && !BASIC_ID.test(given.basicId)) problems.push({ field: 'input.basicId', messages: TEXT.basicId });
    if (problems.length) throw badInput(problems, this.gate.locale);
    const row = await this.em.fork().transactional(async (tx) => {
      let row = await tx.findOne(LineChannelSetting, { municipalityCode: code });
      const env = this.deps.store.environment(code);
      if (!(given.channelSecret ?? row?.channelSecret ?? env?.channelSecret) || !(given.accessToken ?? row?.accessToken ?? env?.accessToken)) {
        throw badInput([{ field: given.channelSecret ? 'input.accessToken' : 'input.channelSecret', messages: TEXT.required }], this.gate.locale);
      }
      row ??= tx.create(LineChannelSetting, { municipalityCode: code, updatedAt: new Date(), updatedByName: v.name });
      const changed: string[] = [];
      if (given.channelId !== undefined && (given.channelId || null) !== (row.channelId ?? null))
        ((row.channelId = given.channelId || null), changed.push('channel id'));
      if (given.channelSecret !== undefined) ((row.channelSecret = given.channelSecret), changed.push('channel secret'));
      if (given.accessToken !== undefined) ((row.accessToken = given.accessToken), changed.push('access token'));
      if (given.basicId !== undefined && (given.basicId || null) !== (row.basicId ?? null)) ((row.basicId = given.basicId || null), changed.push('basic id'));
      row.updatedAt = new Date();
      row.updatedByName = v.name;
      // New credentials make the last test's answer stale.
      if (given.channelSecret !== undefined || given.accessToken !== undefined)
        Object.assign(row, { testedAt: null, testOk: null, testProblem: null, botName: null });
      recordAdminEvent(tx, code, { id: v.staffId, name: v.name }, 'line.settings-changed', code, changed.length ? changed.join(', ') : 'no change');
      return row;
    });
    await this.deps.store.reload();
    this.deps.changed();
    return this.present(code, row);
  }

  /**
   * Asks LINE about the channel in force: the access token (GET /v2/bot/info), then a test call to
   * this webhook (the secret). Kept on the settings row, so the console shows it later.
   */
  async test(): Promise<LineChannelSettings> {
    const v = this.admin();
    const code = v.municipalityCode;
    const store = this.deps.store;
    const channel = store.settings.channels.get(code);
    let result: LineConnectionTest;
    if (!channel) {
      result = { at: new Date(), ok: false, problem: LineConnectionProblem.NOT_CONFIGURED, botName: null };
    } else {
      const client = new LineClient(store.settings.apiBase, channel.accessToken);
      const info = await client.botInfo();
      let problem: LineConnectionProblem | null = null;
      if (!info) problem = LineConnectionProblem.PLATFORM_UNREACHABLE;
      else if (info.status === 401) problem = LineConnectionProblem.ACCESS_TOKEN_REFUSED;
      else if (info.status !== 200) problem = LineConnectionProblem.PLATFORM_ERROR;
      else {
        const hook = await client.testWebhook(`${store.settings.publicUrl}/line/${code}`);
        if (!hook) problem = LineConnectionProblem.PLATFORM_UNREACHABLE;
        else if (hook.status !== 200) problem = LineConnectionProblem.PLATFORM_ERROR;
        else if (!hook.success) problem = hook.statusCode === 401 ? LineConnectionProblem.WEBHOOK_SIGNATURE_REFUSED : LineConnectionProblem.WEBHOOK_FAILED;
      }
      result = { at: new Date(), ok: problem === null, problem, botName: info?.displayName?.slice(0, 100) ?? null };
    }
    const row = await this.em.fork().transactional(async (tx) => {
      const row =
        (await tx.findOne(LineChannelSetting, { municipalityCode: code })) ??
        tx.create(LineChannelSetting, { municipalityCode: code, updatedAt: new Date(), updatedByName: v.name });
      Object.assign(row, { testedAt: result.at, testOk: result.ok, testProblem: result.problem, botName: result.botName });
      recordAdminEvent(tx, code, { id: v.staffId, name: v.name }, 'line.connection-tested', code, result.ok ? 'ok' : String(result.problem));
      return row;
    });
    return this.present(code, row);
  }
}
