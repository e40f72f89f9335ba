import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CSP, ROOT } from './server';
import { widgetFile } from './widget-file';

/**
 * Test support for <yorisoi-chat>: a tiny static server — NOT the Yorisoi API — serving test pages
 * (a hostile CMS page under a strict CSP that loads the bundle twice, or `?plain` without CSP for
 * axe), dist/widgets/chat.js, and a fake /graphql with canned `chat`, `rateChat`, `intakeSettings`
 * and `requestConsultation` answers. `requestConsultation` follows the contract of the mutation being
 * added to the API (ConsultationRequestInput → ConsultationRequestReceipt), one receipt per key.
 *
 * `/demo` is the demo CMS page of widgets/demo/ (both widgets), `/widgets/<file>` any built widget file.
 * Page query: `mode=inline`, `lang=en|ja-easy`, `html=<page lang>`, `intake=<intake-url>`,
 * `api=<api url>` (flags on the api URL: `?phone` answers BAD_USER_INPUT on input.contact.phone,
 * `?drop=N` drops the first N requestConsultation requests of each key without an answer).
 * The fake chat: a message with 殴られ / "hits me" is urgent (STAFF hand-off); `handoff:staff`,
 * `handoff:intake`; こんにちは / hello offers quick replies; AIモード / "AI mode" is answered as in AI mode
 * (`generated: true`); anything else is answered with 児童扶養手当.
 */
export const CHAT_BUNDLE = join(ROOT, 'dist', 'widgets', 'chat.js');

/** Builds dist/widgets/chat.js if it is missing (widgets/build.mjs builds every widget). */
export function ensureChatBundle(): void {
  if (existsSync(CHAT_BUNDLE)) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'widgets', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(CHAT_BUNDLE)) throw new Error(`could not build ${CHAT_BUNDLE}`);
}

export const SAFETY = {
  ja: '【緊急】いま危険があるときは、すぐに110番（警察）へ。DV相談ナビ #8008。あなたは一人ではありません。',
  en: '[URGENT] If you are in danger now, call 110 (police). DV Soudan Navi #8008. You are not alone.',
  'ja-easy': '【きんきゅう】あぶない ときは 110番{ばん}に 電話{でんわ}して ください。',
};
export const PHONE_ERROR = {
  ja: '電話番号は0から始まる10桁か11桁の数字で入力してください（例: 090-1234-5678）。',
  en: 'Enter a phone number of 10 or 11 digits starting with 0 (e.g. 090-1234-5678).',
  'ja-easy': '電話番号は 0から はじまる 数字で 書いてください。',
};

const HOSTILE_CSS = `
/* A CMS theme at its worst: none of this may break the widget. */
* { all: unset; font-size: 40px !important; color: red !important; background: yellow !important; letter-spacing: 0.3em !important; line-height: 0.5 !important; }
div, section, form, fieldset, label, input, textarea, button, p, h2, ul, li, yorisoi-chat { display: none !important; visibility: hidden !important; }
yorisoi-chat { position: static !important; }
input, button { opacity: 0 !important; }
:focus { outline: none !important; }
html { font-size: 5px !important; }
`;

function page(params: URLSearchParams): string {
  const attr = (name: string, v: string | null) => (v === null ? '' : ` ${name}="${v}"`);
  const plain = params.has('plain');
  return `<!doctype html>
<html lang="${params.get('html') ?? 'ja'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>テストページ</title>
${plain ? '' : '<link rel="stylesheet" href="/hostile.css">'}
<script type="module" src="/widgets/chat.js"></script>
<script type="module" src="/widgets/chat.js?copy=2"></script>
</head>
<body>
<main>
<h1>デモ市</h1>
<p>ひとり親家庭の方へ</p>
<yorisoi-chat api="${params.get('api') ?? '/graphql'}" municipality="999999"${attr('mode', params.get('mode'))}${attr('lang', params.get('lang'))}${attr('intake-url', params.get('intake'))}></yorisoi-chat>
</main>
</body>
</html>`;
}

type Locale = 'ja' | 'en' | 'ja-easy';
function reply(message: string, locale: Locale, sessionId: string) {
  const en = locale === 'en';
  const base = {
    sessionId,
    messages: [] as { text: string }[],
    quickReplies: [] as { label: string; value: string }[],
    relatedProgrammes: [] as { id: string; name: string }[],
    urgent: false,
    generated: false,
    handoff: null as unknown,
    locale,
  };
  const desk = { id: 'single-parent-consultation', name: en ? 'Consultation with a single-parent support worker' : '母子・父子自立支援員による相談' };
  if (/殴られ|hits me/.test(message)) {
    return {
      ...base,
      urgent: true,
      // As the API orders them for violence by a partner (DV): the DV line first, then 110.
      hotlines: [
        { name: en ? 'DV Soudan Plus (24 h, free)' : 'DV相談＋（24時間・無料）', number: '0120-279-889', dial: '0120279889' },
        { name: en ? 'DV Soudan Navi (nearest centre)' : 'DV相談ナビ（近くの窓口へ）', number: '#8008', dial: '%238008' },
        { name: en ? 'Police (if you are in danger)' : '警察（危険なとき）', number: '110', dial: '110' },
      ],
      messages: [{ text: SAFETY[locale] }, { text: en ? 'When you can, you can also talk to the desk.' : '落ち着いたら、窓口にも相談できます。' }],
      quickReplies: [{ label: en ? 'Talk to a consultant' : '相談員と話したい', value: 'handoff:staff' }],
      relatedProgrammes: [{ id: 'dv-consultation', name: en ? 'DV consultation' : 'DV相談' }, desk],
      handoff: { kind: 'STAFF', url: null, payload: '{"urgent":true}' },
    };
  }
  if (/子どもが叩かれ/.test(message)) {
    // A child being hurt by someone: 189 first (the API's order for child-harm-by-others).
    return {
      ...base,
      urgent: true,
      hotlines: [
        { name: '児童相談所{じどうそうだんじょ}（24時間{じかん}）', number: '189', dial: '189' },
        { name: '警察（危険なとき）', number: '110', dial: '110' },
      ],
      messages: [{ text: '児童相談所 189（24時間・無料）に電話してください。' }],
      handoff: { kind: 'STAFF', url: null, payload: '{"urgent":true}' },
    };
  }
  if (/AIモード|AI mode/.test(message)) {
    // As the API answers in AI mode: phrased by the endpoint from the entries, marked generated.
    return {
      ...base,
      generated: true,
      messages: [{ text: en ? 'The allowance is paid every odd month.' : '児童扶養手当は奇数月に支払われます。' }],
      relatedProgrammes: [{ id: 'child-rearing-allowance', name: en ? 'Child-rearing allowance' : '児童扶養手当' }],
    };
  }
  if (message === 'handoff:staff') {
    return {
      ...base,
      messages: [{ text: en ? 'I will connect you with a consultant.' : '相談員におつなぎします。' }],
      relatedProgrammes: [desk],
      handoff: { kind: 'STAFF', url: null, payload: null },
    };
  }
  if (message === 'handoff:intake') {
    return {
      ...base,
      messages: [{ text: en ? 'Please continue in the application form.' : '申請・相談フォームにお進みください。' }],
      handoff: { kind: 'INTAKE', url: null, payload: '{"household":{"children":[{"birthDate":"2018-10-01"}]},"income":{"annualEmploymentIncome":1300000}}' },
    };
  }
  if (/こんにちは|hello/i.test(message)) {
    return {
      ...base,
      messages: [{ text: en ? 'Hello. What would you like to know?' : 'こんにちは。知りたいことを書いてください。' }],
      quickReplies: [
        { label: en ? 'Estimate my allowances' : '手当の目安を知りたい', value: 'start:allowance' },
        { label: en ? 'Talk to a consultant' : '相談員と話したい', value: 'handoff:staff' },
      ],
    };
  }
  if (message === 'start:allowance') {
    return {
      ...base,
      messages: [{ text: en ? 'How many children aged 18 or under do you have?' : '18歳以下のお子さんは何人ですか？' }],
      quickReplies: [1, 2, 3].map((n) => ({ label: `${n}人`, value: `children:${n}` })),
      relatedProgrammes: [{ id: 'child-rearing-allowance', name: en ? 'Child-rearing allowance' : '児童扶養手当' }],
    };
  }
  return {
    ...base,
    messages: [{ text: en ? `About "${message}": apply at the desk.` : `「${message}」についてのお答えです。窓口で申請できます。` }],
    quickReplies: [{ label: en ? 'Talk to a consultant' : '相談員と話したい', value: 'handoff:staff' }],
    relatedProgrammes: [
      { id: 'child-rearing-allowance', name: en ? 'Child-rearing allowance' : locale === 'ja-easy' ? '児童扶養手当{じどうふようてあて}' : '児童扶養手当' },
    ],
  };
}

export interface ChatReceived {
  headers: IncomingHttpHeaders;
  body: { query: string; operationName?: string; variables: Record<string, any> };
  dropped: boolean;
}
export interface ChatTestServer {
  url: string;
  requests: ChatReceived[];
  /** chat requests' messages, in order */
  chats(): ChatReceived[];
  consultations(): ChatReceived[];
  rates(): ChatReceived[];
  /** receipts stored, by idempotency key: one per key however often it is sent */
  receipts: Map<string, { referenceNumber: string; input: Record<string, any> }>;
  /** Forgets requests, receipts and sessions: the next new session is …000000000001 again. */
  reset(): void;
  close(): Promise<void>;
}

export async function startChatServer(): Promise<ChatTestServer> {
  const requests: ChatReceived[] = [];
  const receipts: ChatTestServer['receipts'] = new Map();
  const seen = new Map<string, number>();
  let sessions = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', connection: 'close', ...headers });
      res.end(body);
    };
    const json = (o: unknown) => send(200, 'application/json', JSON.stringify(o));
    if (url.pathname === '/page') {
      const csp: Record<string, string> = url.searchParams.has('plain') ? {} : { 'content-security-policy': CSP };
      return send(200, 'text/html; charset=utf-8', page(url.searchParams), csp);
    }
    if (url.pathname === '/hostile.css') return send(200, 'text/css', HOSTILE_CSS);
    const widget = widgetFile(url.pathname);
    if (widget) return send(200, 'text/javascript', widget);
    // The demo CMS page as `npm start` serves it (intake form and chat launcher on one page).
    if (url.pathname === '/demo') return send(200, 'text/html; charset=utf-8', readFileSync(join(ROOT, 'widgets', 'demo', 'index.html')));
    if (url.pathname === '/demo.css') return send(200, 'text/css', readFileSync(join(ROOT, 'widgets', 'demo', 'demo.css')));
    if (url.pathname === '/graphql' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const body = JSON.parse(raw) as ChatReceived['body'];
        const received: ChatReceived = { headers: req.headers, body, dropped: false };
        requests.push(received);
        const lang = String(req.headers['accept-language'] ?? 'ja');
        const locale: Locale = lang.startsWith('en') ? 'en' : lang.includes('easy') ? 'ja-easy' : 'ja';
        const v = body.variables;
        if (body.query.includes('intakeSettings')) {
          return json({
            data: {
              intakeSettings: {
                privacyNoticeVersion: '2026-04',
                privacyNotice: locale === 'en' ? 'Your contact details are used only to call you back.' : '連絡先は、折り返しのご連絡のためにだけ使います。',
              },
            },
          });
        }
        if (body.query.includes('rateChat')) return json({ data: { rateChat: true } });
        if (body.query.includes('requestConsultation')) {
          const input = v.input as Record<string, any>;
          const key = String(input.idempotencyKey);
          const n = (seen.get(key) ?? 0) + 1;
          seen.set(key, n);
          if (n <= Number(url.searchParams.get('drop') ?? 0)) {
            received.dropped = true;
            return void req.socket.destroy();
          }
          if (url.searchParams.has('phone')) {
            return json({
              data: null,
              errors: [
                {
                  message: PHONE_ERROR[locale],
                  path: ['requestConsultation'],
                  extensions: { code: 'BAD_USER_INPUT', field: 'input.contact.phone', messages: PHONE_ERROR },
                },
              ],
            });
          }
          let stored = receipts.get(key);
          if (!stored) receipts.set(key, (stored = { referenceNumber: `CB${String(receipts.size + 2).padStart(2, '2')}-7777`, input }));
          return json({
            data: {
              requestConsultation: {
                referenceNumber: stored.referenceNumber,
                receivedAt: '2026-04-01T01:02:03.000Z',
                nextSteps: [locale === 'en' ? 'A consultant will contact you within two working days.' : '2営業日以内に相談員から連絡します。'],
              },
            },
          });
        }
        if (body.query.includes('chat(')) {
          const input = v.input as { sessionId: string | null; message: string; locale: Locale };
          const sessionId = input.sessionId ?? `00000000-0000-4000-8000-${String(++sessions).padStart(12, '0')}`;
          return json({ data: { chat: reply(input.message, input.locale ?? locale, sessionId) } });
        }
        json({ data: null, errors: [{ message: 'unknown operation' }] });
      });
      return;
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const by = (word: string) => () => requests.filter((r) => r.body.query.includes(word));
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    receipts,
    chats: by('chat('),
    consultations: by('requestConsultation'),
    rates: by('rateChat'),
    reset() {
      requests.length = 0;
      receipts.clear();
      seen.clear();
      sessions = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- page helpers (the chat's shadow root) ---------------------------------------------------

/** Text of the first match inside <yorisoi-chat>'s shadow root ('' when absent). */
export function chatText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '', selector);
}
export function inChat(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector(s), selector);
}
export async function waitInChat(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((s) => !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector(s), selector, { timeout });
}
/** id (or tag[part]) of the element focused inside the chat's shadow root; '' when focus is elsewhere. */
export function chatFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!el) return '';
    return el.id || `${el.tagName.toLowerCase()}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`;
  });
}
/** Presses Tab until the element matching `selector` in the chat has focus. */
export async function tabToChat(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    const ok = await page.evaluate((s) => {
      const root = document.querySelector('yorisoi-chat')?.shadowRoot;
      return !!root?.activeElement && root.activeElement === root.querySelector(s);
    }, selector);
    if (ok) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} (focus: ${await chatFocus(page)})`);
}
/** Waits until the chat has rendered (the launcher button, or the inline panel). */
export async function openChatPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector('#launcher, #panel'));
}
/** Number of bot messages in the log. */
export function botCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('yorisoi-chat')?.shadowRoot?.querySelectorAll('.log .bot').length ?? 0);
}
export async function waitForBots(page: Page, n: number, timeout = 10_000): Promise<void> {
  await page.waitForFunction((n) => (document.querySelector('yorisoi-chat')?.shadowRoot?.querySelectorAll('.log .bot').length ?? 0) >= n, n, { timeout });
}
/** Types a message in the focused composer and presses Enter; waits for the n-th bot reply. */
export async function ask(page: Page, text: string, nthReply: number): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitForBots(page, nthReply);
}
