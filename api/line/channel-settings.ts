import type { EntityManager } from '@mikro-orm/postgresql';
import { type LineChannel, type LineSettings, defaultPages } from './config';
import { LineChannelSetting } from './line.entity';

/** How often an API process reads the console's settings again (another process may have changed them). */
export const RELOAD_MS = 60_000;

/**
 * The channels in force: the deployment's (LINE_CHANNELS…) with what admins entered in the console
 * over them, field by field (a secret left empty in the console is the environment's). The map in
 * `settings.channels` is changed in place, so the webhook, the bot, the link pages and the notice
 * sender all see a change at once in this process; other processes read it within RELOAD_MS.
 */
export class LineChannelStore {
  private readonly fromEnv: ReadonlyMap<string, LineChannel>;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly settings: LineSettings,
    private readonly em: () => EntityManager,
  ) {
    this.fromEnv = new Map(settings.channels);
  }

  environment(code: string): LineChannel | null {
    return this.fromEnv.get(code) ?? null;
  }

  /** The channel a console row and the environment make together; null without a secret and a token. */
  merge(code: string, row: LineChannelSetting | null): LineChannel | null {
    const env = this.fromEnv.get(code);
    if (!row) return env ?? null;
    const channelSecret = row.channelSecret ?? env?.channelSecret;
    const accessToken = row.accessToken ?? env?.accessToken;
    if (!channelSecret || !accessToken) return null;
    return {
      ...defaultPages(this.settings.publicUrl, code),
      ...env,
      municipalityCode: code,
      channelSecret,
      accessToken,
      forwarderSecrets: env?.forwarderSecrets ?? [],
      basicId: row.basicId ?? env?.basicId ?? null,
    };
  }

  /** Reads every console row and puts the merged channels in place (failures keep what is there). */
  async reload(): Promise<void> {
    const rows = await this.em().find(LineChannelSetting, {});
    const next = new Map(this.fromEnv);
    for (const row of rows) {
      const channel = this.merge(row.municipalityCode, row);
      if (channel) next.set(row.municipalityCode, channel);
      else next.delete(row.municipalityCode);
    }
    const live = this.settings.channels;
    for (const code of [...live.keys()]) if (!next.has(code)) live.delete(code);
    for (const [code, channel] of next) live.set(code, channel);
  }

  /** Reloads every RELOAD_MS (unref'd: never keeps the process alive). */
  start(onChange: () => void): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.reload().then(onChange, () => undefined), RELOAD_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
