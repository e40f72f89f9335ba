import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Locale } from '../core';
import { ChatService, type ChatDeps } from '../chat';
import type { ChatReply } from '../chat';
import { replyLocale } from '../chat';
import type { MunicipalOrigins } from '../intake';
import type { Catalogue } from '../programme';
import { type LineCallResult, LineClient, type LineMessage } from './client';
import type { LineChannel, LineSettings } from './config';
import type { QueuedLineEvent } from './event-queue';
import type { LineEvent } from './events';
import { CODE_PATTERN, type LineLinks } from './link';
import { buttonMessage, chatReplyMessages, label, postback, textMessage, withQuickReplies } from './render';
import { COMMANDS, LB, LT } from './texts';

/** A LINE user's chat continues in one session for this long after their last message. */
export const SESSION_HOURS = 24;

/**
 * How long after the event a reply token is used. LINE documents the token as valid for a short,
 * unspecified period (about a minute in practice); past this margin the answer goes as a push at once,
 * rather than spending a call on a token that is likely expired while a family in danger waits.
 */
export const REPLY_WINDOW_MS = 50_000;

export interface LineBotDeps {
  settings: LineSettings;
  em: () => EntityManager;
  links: LineLinks;
  /** The web chat's engine and its process-wide parts (no AI endpoint: see handleText). */
  chat: Pick<ChatDeps, 'knowledge' | 'rateLimit'> & { catalogue: Catalogue; municipalities: MunicipalOrigins };
}

/** Compared as the family may type them: NFKC, lower case, without spaces. */
const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const is = (text: string, words: readonly string[]) => words.includes(squash(text));

/** A UUID made from a text (SHA-256, version-5 layout): the same event gives the same X-Line-Retry-Key. */
export function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class SendFailed extends Error {}

/** An event's reply token is worth trying while the event is younger than REPLY_WINDOW_MS (LINE's timestamp, in ms). */
export function withinReplyWindow(e: Pick<LineEvent, 'timestamp'>, now = Date.now()): boolean {
  return typeof e.timestamp !== 'number' || now - e.timestamp <= REPLY_WINDOW_MS;
}

/**
 * What the official account does with one webhook event (the queue's worker calls it). Nothing the
 * family typed is sent back, and no value of their record is ever written on LINE.
 */
export class LineBot {
  constructor(private readonly deps: LineBotDeps) {}

  async handle(queued: QueuedLineEvent): Promise<void> {
    const channel = this.deps.settings.channels.get(queued.municipalityCode);
    const e = queued.event;
    // A channel removed from the configuration, an event of a group or room, or one received in
    // standby (another channel of a forwarding platform answers): nothing to say.
    if (!channel || e.mode === 'standby' || e.source?.type !== 'user' || !e.source.userId) return;
    const userId = e.source.userId;
    const code = channel.municipalityCode;
    const userKey = this.deps.links.userKey(code, userId);
    let messages: LineMessage[] = [];
    switch (e.type) {
      case 'follow':
        await this.deps.links.setBlocked(code, userKey, false);
        messages = this.welcome('ja');
        break;
      case 'unfollow':
        // Blocking the account ends the link (revoked by LINE, audited): nothing is kept that could
        // reach the family there again; adding the account later means linking again from the receipt.
        await this.deps.links.revoke(code, 'line', { userKey });
        return;
      case 'message':
        messages =
          e.message?.type === 'text' && e.message.text
            ? await this.handleText(channel, userId, userKey, e.message.text)
            : withQuickReplies([textMessage(LT.notText.ja)], [postback(LB.rate.ja, 'rate')]);
        break;
      case 'postback':
        messages = await this.handlePostback(channel, userKey, e.postback?.data ?? '');
        break;
      case 'accountLink': {
        const ok = e.link?.result === 'ok' && typeof e.link.nonce === 'string' && (await this.deps.links.complete(code, e.link.nonce, userId));
        messages = ok
          ? withQuickReplies([textMessage(LT.linked.ja)], [postback(LB.noticesOn.ja, 'notices:on'), postback(LB.noticesOff.ja, 'notices:off')])
          : [textMessage(LT.linkNotCompleted.ja)];
        break;
      }
      default:
        return;
    }
    if (messages.length > 0) await this.send(channel, e, userId, messages);
  }

  /** The worker handles users with a danger message first when events wait (worker.ts). */
  isUrgent(queued: QueuedLineEvent): boolean {
    const e = queued.event;
    return e.type === 'message' && e.message?.type === 'text' && typeof e.message.text === 'string' && this.isUrgentText(e.message.text);
  }

  private isUrgentText(text: string): boolean {
    return this.deps.chat.knowledge.danger.isUrgent(text.slice(0, 2_000));
  }

  private welcome(l: Locale): LineMessage[] {
    return withQuickReplies(
      [textMessage(LT.welcome[l])],
      [postback('手当の目安を知りたい', 'v:start:allowance'), postback('相談員と話したい', 'v:handoff:staff')],
    );
  }

  private async handleText(channel: LineChannel, userId: string, userKey: string, text: string): Promise<LineMessage[]> {
    const code = channel.municipalityCode;
    const l = replyLocale(text, 'ja');
    // Danger first: a message speaking of danger goes to the chat engine's safety reply before any
    // account command is looked for (a command is one exact word, but nothing may stand in between).
    if (this.isUrgentText(text)) return this.chat(channel, userKey, text, l);
    const squashed = squash(text);
    // Account commands next (never passed to the chat, never stored as chat messages).
    const link = CODE_PATTERN.exec(squashed);
    if (link) return this.startLink(channel, userId, userKey, link[1]!.toUpperCase(), l);
    if (is(text, COMMANDS.unlink)) return [textMessage((await this.deps.links.revoke(code, 'family', { userKey })) ? LT.unlinked[l] : LT.notLinked[l])];
    if (is(text, COMMANDS.noticesOff)) return [textMessage((await this.deps.links.setNotices(code, userKey, false)) ? LT.noticesOff[l] : LT.notLinked[l])];
    if (is(text, COMMANDS.noticesOn)) return [textMessage((await this.deps.links.setNotices(code, userKey, true)) ? LT.noticesOn[l] : LT.notLinked[l])];
    if (is(text, COMMANDS.rate)) return this.rateAsk(code, userKey, l);
    return this.chat(channel, userKey, text, l);
  }

  private async handlePostback(channel: LineChannel, userKey: string, data: string): Promise<LineMessage[]> {
    const code = channel.municipalityCode;
    if (data.startsWith('v:')) return this.chat(channel, userKey, data.slice(2), 'ja');
    if (data === 'rate') return this.rateAsk(code, userKey, 'ja');
    const rate = /^rate:([1-5])$/.exec(data);
    if (rate) {
      const session = await this.session(code, userKey);
      if (!session) return [textMessage(LT.rateNone.ja)];
      await this.service(code, userKey, 'ja').rate(session, Number(rate[1]));
      return [textMessage(LT.rateThanks.ja)];
    }
    if (data === 'notices:on' || data === 'notices:off') {
      const on = data === 'notices:on';
      return [textMessage((await this.deps.links.setNotices(code, userKey, on)) ? (on ? LT.noticesOn.ja : LT.noticesOff.ja) : LT.notLinked.ja)];
    }
    if (data === 'unlink') return [textMessage((await this.deps.links.revoke(code, 'family', { userKey })) ? LT.unlinked.ja : LT.notLinked.ja)];
    return [];
  }

  private async rateAsk(code: string, userKey: string, l: Locale): Promise<LineMessage[]> {
    if (!(await this.session(code, userKey))) return [textMessage(LT.rateNone[l])];
    return withQuickReplies(
      [textMessage(LT.rateAsk[l])],
      [5, 4, 3, 2, 1].map((n) => postback(`${'★'.repeat(n)} ${n}`, `rate:${n}`)),
    );
  }

  private service(code: string, userKey: string, l: Locale): ChatService {
    const { knowledge, rateLimit, catalogue, municipalities } = this.deps.chat;
    // No AI endpoint on LINE: a model may quote the question back, and nothing typed is echoed here.
    return new ChatService(this.deps.em(), { knowledge, rateLimit, catalogue, municipalities }, l, { clientAddress: `line:${code}:${userKey.slice(0, 32)}` });
  }

  /** The same engine as the web chat: danger first, masked before anything is stored (ChatService). */
  private async chat(channel: LineChannel, userKey: string, message: string, l: Locale): Promise<LineMessage[]> {
    const code = channel.municipalityCode;
    const sessionId = await this.session(code, userKey);
    let reply: ChatReply;
    try {
      reply = await this.service(code, userKey, l).chat({ sessionId, message, municipalityCode: code, locale: null });
    } catch (e) {
      // The engine's refusals (too long, too many) are its own sentences; never the message itself.
      if (e instanceof GraphQLError) return [textMessage(e.message)];
      throw e;
    }
    await this.deps.em().execute(
      `insert into line_chat_session (municipality_code, user_key, session_id, updated_at) values (?, ?, ?, now())
       on conflict (municipality_code, user_key) do update set session_id = excluded.session_id, updated_at = excluded.updated_at`,
      [code, userKey, reply.sessionId],
      'run',
    );
    return chatReplyMessages(reply, replyLocale(message, l), channel, this.deps.chat.catalogue);
  }

  private async session(code: string, userKey: string): Promise<string | null> {
    const [row] = await this.deps
      .em()
      .execute<{ session_id: string }[]>(
        `select session_id from line_chat_session where municipality_code = ? and user_key = ? and updated_at > now() - interval '${SESSION_HOURS} hours'`,
        [code, userKey],
      );
    return row?.session_id ?? null;
  }

  private async startLink(channel: LineChannel, userId: string, userKey: string, codeText: string, l: Locale): Promise<LineMessage[]> {
    const code = channel.municipalityCode;
    const request = await this.deps.links.claimCode(code, codeText, userKey);
    if (!request) return [textMessage(LT.linkBadCode[l])];
    const linkToken = await new LineClient(this.deps.settings.apiBase, channel.accessToken).linkToken(userId);
    if (!linkToken) return [textMessage(LT.linkFailed[l])];
    const nonce = await this.deps.links.nonceFor(request);
    const uri = `${this.deps.settings.accessBase}/dialog/bot/accountLink?linkToken=${encodeURIComponent(linkToken)}&nonce=${encodeURIComponent(nonce)}`;
    return [buttonMessage(LT.linkStart[l], { type: 'uri', label: label(LB.link[l]), uri })];
  }

  /**
   * The reply token when there is one and the event is recent enough (REPLY_WINDOW_MS); if the platform refuses it (used, expired — a redelivered
   * event may come too late), a push with a retry key made from the event, so a second attempt of
   * this event is refused by LINE (409) instead of reaching the family twice.
   */
  private async send(channel: LineChannel, e: LineEvent, userId: string, messages: LineMessage[]): Promise<void> {
    const client = new LineClient(this.deps.settings.apiBase, channel.accessToken);
    let result: LineCallResult | null = null;
    if (e.replyToken && withinReplyWindow(e)) {
      result = await client.reply(e.replyToken, messages);
      if (result.ok) return;
    }
    result = await client.push(userId, messages, uuidFrom(`${channel.municipalityCode}:${e.webhookEventId}`));
    if (!result.ok && result.temporary) throw new SendFailed(`LINE push failed with ${result.status}`);
    if (!result.ok) console.error(`[yorisoi] line: a reply could not be sent (status ${result.status})`);
  }
}
