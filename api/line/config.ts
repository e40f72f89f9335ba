/**
 * LINE settings from the environment (README: Connecting a LINE official account). One Messaging API
 * channel per municipality: the secrets never sit in the database or the repository.
 *
 *   LINE_CHANNELS=999999,131016                   municipalities with a channel
 *   LINE_<code>_CHANNEL_SECRET, LINE_<code>_ACCESS_TOKEN   from the LINE Developers console (required)
 *   LINE_<code>_FORWARDER_SECRET                  optional: the secret a forwarding platform signs with
 *   LINE_<code>_BASIC_ID                          optional: the account's @id, for the link page's button
 *   LINE_<code>_INTAKE_URL, LINE_<code>_CALLBACK_URL   the CMS pages with the intake and the call-back form
 *   LINE_<code>_FAMILY_PAGE_URL                   the family's own (authenticated) page, linked from notices
 *   LINE_API_BASE (https://api.line.me), LINE_ACCESS_BASE (https://access.line.me), PUBLIC_URL
 *   LINE_WORKER=separate                          the bot runs in its own process (node dist/api/server/line-worker.js)
 */
export interface LineChannel {
  municipalityCode: string;
  channelSecret: string;
  accessToken: string;
  /** Secrets a forwarding platform may sign with instead of the channel secret (same header, same HMAC). */
  forwarderSecrets: string[];
  basicId: string | null;
  intakeUrl: string;
  callbackUrl: string;
  familyPageUrl: string;
}

export interface LineSettings {
  /** Where the Messaging API is (the local fake in tests). */
  apiBase: string;
  /** Where LINE's account-link dialog is (https://access.line.me). */
  accessBase: string;
  /** This service's public address, for the links sent on LINE (link pages). */
  publicUrl: string;
  /**
   * The channels in force: the environment's, with the console's settings over them (channel-settings.ts
   * keeps this map current in place, so every holder of the settings sees a change).
   */
  channels: Map<string, LineChannel>;
  /**
   * Where queued events are handled: in the API process (default), or `separate` — a worker process
   * (server/line-worker.ts, PostgreSQL only) woken by NOTIFY, so the chat engine's CPU never sits between
   * LINE and the webhook's acknowledgement.
   */
  worker: 'in-process' | 'separate';
}

const CODE = /^\d{6}$/;

function httpsUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: "${value}" is not a URL`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) throw new Error(`${name} must be an https:// URL (http:// only for localhost)`);
  return url.toString().replace(/\/$/, '');
}

/** The pages a channel links to when the deployment names none: Yorisoi's own. */
export function defaultPages(publicUrl: string, code: string): Pick<LineChannel, 'intakeUrl' | 'callbackUrl' | 'familyPageUrl'> {
  return {
    intakeUrl: `${publicUrl}/?municipality=${code}#intake`,
    callbackUrl: `${publicUrl}/?municipality=${code}#chat`,
    familyPageUrl: `${publicUrl}/mypage?municipality=${code}`,
  };
}

export function lineSettingsFromEnv(env: NodeJS.ProcessEnv, port = 4000): LineSettings {
  const publicUrl = httpsUrl('PUBLIC_URL', env.PUBLIC_URL?.trim() || `http://localhost:${port}`);
  const channels = new Map<string, LineChannel>();
  const codes = (env.LINE_CHANNELS ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const code of codes) {
    if (!CODE.test(code)) throw new Error(`LINE_CHANNELS: "${code}" is not a 6-digit municipality code`);
    const get = (key: string) => env[`LINE_${code}_${key}`]?.trim() ?? '';
    const channelSecret = get('CHANNEL_SECRET');
    const accessToken = get('ACCESS_TOKEN');
    if (!channelSecret || !accessToken) throw new Error(`LINE_${code}_CHANNEL_SECRET and LINE_${code}_ACCESS_TOKEN must be set (LINE_CHANNELS names ${code})`);
    const forwarder = get('FORWARDER_SECRET');
    channels.set(code, {
      municipalityCode: code,
      channelSecret,
      accessToken,
      forwarderSecrets: forwarder ? [forwarder] : [],
      basicId: get('BASIC_ID') || null,
      ...defaultPages(publicUrl, code),
      ...(get('INTAKE_URL') ? { intakeUrl: httpsUrl(`LINE_${code}_INTAKE_URL`, get('INTAKE_URL')) } : {}),
      ...(get('CALLBACK_URL') ? { callbackUrl: httpsUrl(`LINE_${code}_CALLBACK_URL`, get('CALLBACK_URL')) } : {}),
      ...(get('FAMILY_PAGE_URL') ? { familyPageUrl: httpsUrl(`LINE_${code}_FAMILY_PAGE_URL`, get('FAMILY_PAGE_URL')) } : {}),
    });
  }
  return {
    apiBase: httpsUrl('LINE_API_BASE', env.LINE_API_BASE?.trim() || 'https://api.line.me'),
    accessBase: httpsUrl('LINE_ACCESS_BASE', env.LINE_ACCESS_BASE?.trim() || 'https://access.line.me'),
    publicUrl,
    channels,
    worker: env.LINE_WORKER?.trim() === 'separate' ? 'separate' : 'in-process',
  };
}
