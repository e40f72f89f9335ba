import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { widgetFile } from './widget-file';

/**
 * A tiny static server for the widget tests — NOT the Yorisoi API. It serves test pages (a hostile
 * CMS page under a strict CSP, and a plain page without CSP for axe), the built bundle, and a fake
 * /graphql that returns a canned eligibility result, intake settings and submitIntake receipts (one
 * per idempotency key). The real API is tested in test/eligibility, test/programme and test/intake,
 * and the widget against it in intake.real-api.test.ts; here we only test the widget.
 *
 * Flags in the api URL's query string change submitIntake: `?drop=N` drops (closes without an
 * answer) the first N requests of each key, `?phone` answers BAD_USER_INPUT on input.contact.phone,
 * `?busy` answers TOO_MANY_REQUESTS, `?notice` serves notice 2026-04 first, then 2026-05, the only
 * version submitIntake accepts. Every response closes its connection, so Chromium never resends
 * a dropped request on its own (it does so for reused keep-alive sockets): retries are the widget's.
 *
 * postalAddress look-ups (the widget makes them while a postal code is typed) are answered from
 * POSTAL below and kept apart in `postalRequests`, so `requests` holds what the other tests count.
 */
export const ROOT = join(__dirname, '..', '..', '..');
export const BUNDLE = join(ROOT, 'dist', 'widgets', 'intake.js');
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** Messages of the canned BAD_USER_INPUT error, as the API words them. */
export const BIRTH_ERROR = {
  ja: '生年月日に未来の日付は入力できません。',
  en: 'The date of birth cannot be in the future.',
  'ja-easy': '生まれた 日が これからの 日に なっています。',
};

export const PHONE_ERROR = {
  ja: '電話番号は0から始まる10桁か11桁の数字で入力してください（例: 090-1234-5678）。',
  en: 'Enter a phone number of 10 or 11 digits starting with 0 (e.g. 090-1234-5678).',
  'ja-easy': '電話番号は 0から はじまる 数字で 書いてください（れい: 090-1234-5678）。',
};

/** The fake postalAddress answers; any other well-formed code is unknown (null). */
export const POSTAL: Record<string, { prefecture: string; city: string }> = {
  '100-0001': { prefecture: '東京都', city: '千代田区' },
  '530-0001': { prefecture: '大阪府', city: '大阪市北区' },
};

function settings(lang: string, version = '2026-04') {
  const en = lang.startsWith('en');
  return {
    data: {
      intakeSettings: {
        municipalityName: en ? 'Demo City' : 'デモ市',
        privacyNoticeVersion: version,
        privacyNotice:
          version !== '2026-04'
            ? `(${version}) notice`
            : en
              ? 'What you enter is used only to support your family.'
              : '入力された内容は、ひとり親家庭への支援のためにだけ使います。',
        departments: [
          { code: 'LIVELIHOOD_SUPPORT', name: '生活困窮担当課', purpose: en ? 'Helps with living costs and work.' : '生活費や仕事のことを一緒に考えます。' },
          { code: 'PUBLIC_HOUSING', name: '公営住宅担当課', purpose: en ? 'Tells you about municipal housing.' : '市営住宅への優先入居を案内します。' },
          { code: 'DISABILITY_WELFARE', name: '障害担当課', purpose: en ? 'Support for disabilities in your family.' : '障害に関する支援を案内します。' },
        ],
        partnersPurpose: en ? 'We may refer you to NPOs the city works with.' : '市が委託したNPOに紹介することがあります。',
      },
    },
  };
}

const HOSTILE_CSS = `
/* A CMS theme at its worst: none of this may break the widget. */
* { all: unset; font-size: 40px !important; color: red !important; background: yellow !important; letter-spacing: 0.3em !important; line-height: 0.5 !important; }
div, section, form, fieldset, label, input, button, p, h2, ul, li { display: none !important; visibility: hidden !important; }
input, button { opacity: 0 !important; }
:focus { outline: none !important; }
html { font-size: 5px !important; }
`;

function page(params: URLSearchParams): string {
  const lang = params.get('lang');
  const htmlLang = params.get('html') ?? 'ja';
  const api = params.get('api') ?? '/graphql';
  const plain = params.has('plain');
  return `<!doctype html>
<html lang="${htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>テストページ</title>
${plain ? '' : '<link rel="stylesheet" href="/hostile.css">'}
<script type="module" src="/widgets/intake.js"></script>
<script type="module" src="/widgets/intake.js?copy=2"></script>
</head>
<body>
<main>
<h1>デモ市</h1>
<p>ひとり親家庭の方へ</p>
<yorisoi-intake api="${api}" municipality="999999"${lang ? ` lang="${lang}"` : ''}></yorisoi-intake>
</main>
</body>
</html>`;
}

function result(lang: string) {
  const en = lang.startsWith('en');
  return {
    data: {
      eligibility: {
        results: [
          {
            programme: { id: 'livelihood-protection', name: en ? 'Public assistance' : '生活保護' },
            status: 'NOT_ELIGIBLE',
            amount: null,
            reasons: [en ? 'Your income is above the minimum cost of living.' : '収入が最低生活費を上回っています。'],
            nextSteps: [],
          },
          {
            programme: { id: 'child-rearing-allowance', name: en ? 'Child-rearing allowance' : '児童扶養手当' },
            status: 'ELIGIBLE',
            amount: { monthly: 45500, yearly: 546000 },
            reasons: [en ? 'Your income is under the full-amount limit.' : '所得が全部支給の限度額未満です。'],
            nextSteps: [en ? 'Apply at the single-parent support desk.' : 'ひとり親支援担当課で申請してください。'],
          },
          {
            programme: { id: 'single-parent-medical-subsidy', name: en ? 'Medical subsidy for single-parent families' : 'ひとり親家庭等医療費助成' },
            status: 'NEEDS_MORE_INFO',
            amount: null,
            reasons: [en ? 'We need to know your health insurance.' : '加入している健康保険の確認が必要です。'],
            nextSteps: [],
          },
          {
            programme: { id: 'child-allowance', name: en ? 'Child allowance' : '児童手当' },
            status: 'ELIGIBLE',
            amount: { monthly: 20000, yearly: 240000 },
            reasons: [],
            nextSteps: [],
          },
        ],
      },
    },
  };
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: { query: string; operationName?: string; variables: { input: Record<string, any>; code?: string } };
  /** Date.now() when the request arrived */
  at: number;
  /** closed without an answer (?drop) */
  dropped: boolean;
}

export interface TestServer {
  url: string;
  requests: Received[];
  /** postalAddress look-ups (not in `requests`) */
  postalRequests: Received[];
  /** intakeStarted pings (not in `requests`) */
  starts: Received[];
  /** submitIntake requests (dropped ones included) */
  submits(): Received[];
  /** receipts stored, by idempotency key: one per key however often it is sent */
  receipts: Map<string, { referenceNumber: string; input: Record<string, any> }>;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const requests: Received[] = [];
  const postalRequests: Received[] = [];
  const starts: Received[] = [];
  const receipts: TestServer['receipts'] = new Map();
  const seen = new Map<string, number>();
  let settingsServed = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', connection: 'close', ...headers });
      res.end(body);
    };
    if (url.pathname === '/page') {
      const csp: Record<string, string> = url.searchParams.has('plain') ? {} : { 'content-security-policy': CSP };
      return send(200, 'text/html; charset=utf-8', page(url.searchParams), csp);
    }
    if (url.pathname === '/hostile.css') return send(200, 'text/css', HOSTILE_CSS);
    const widget = widgetFile(url.pathname);
    if (widget) return send(200, 'text/javascript', widget);
    if ((url.pathname === '/graphql' || url.pathname === '/graphql-error') && req.method === 'POST') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const body = JSON.parse(raw) as Received['body'];
        const received: Received = { path: url.pathname, headers: req.headers, body, at: Date.now(), dropped: false };
        // The widget's anonymous "started" ping: answered, and kept apart so that tests counting calls are unaffected.
        if (body.query.includes('intakeStarted')) {
          starts.push(received);
          return send(200, 'application/json', JSON.stringify({ data: { intakeStarted: true } }));
        }
        if (body.query.includes('postalAddress')) {
          postalRequests.push(received);
          const code = String(body.variables.code ?? '');
          const hit = POSTAL[code];
          return send(200, 'application/json', JSON.stringify({ data: { postalAddress: hit ? { postalCode: code, ...hit } : null } }));
        }
        requests.push(received);
        const lang = String(req.headers['accept-language'] ?? 'ja');
        const locale = lang.startsWith('en') ? 'en' : lang.includes('easy') ? 'ja-easy' : 'ja';
        if (body.query.includes('intakeSettings')) {
          const version = url.searchParams.has('notice') && settingsServed++ > 0 ? '2026-05' : '2026-04';
          return send(200, 'application/json', JSON.stringify(settings(lang, version)));
        }
        if (body.query.includes('submitIntake')) {
          const input = body.variables.input;
          const key = String(input.idempotencyKey);
          const n = (seen.get(key) ?? 0) + 1;
          seen.set(key, n);
          if (n <= Number(url.searchParams.get('drop') ?? 0)) {
            received.dropped = true;
            return void req.socket.destroy();
          }
          if (url.searchParams.has('phone')) {
            const error = {
              message: PHONE_ERROR[locale],
              path: ['submitIntake'],
              extensions: { code: 'BAD_USER_INPUT', field: 'input.contact.phone', messages: PHONE_ERROR },
            };
            return send(200, 'application/json', JSON.stringify({ errors: [error], data: null }));
          }
          if (url.searchParams.has('notice') && input.consent?.privacyNoticeVersion !== '2026-05') {
            const messages = {
              ja: 'プライバシーに関するお知らせが更新されました。もう一度お読みください。',
              en: 'The privacy notice has changed; please read it again.',
              'ja-easy': 'お知らせが 新しく なりました。',
            };
            const error = {
              message: messages[locale],
              path: ['submitIntake'],
              extensions: { code: 'BAD_USER_INPUT', field: 'input.consent.privacyNoticeVersion', messages },
            };
            return send(200, 'application/json', JSON.stringify({ errors: [error], data: null }));
          }
          if (url.searchParams.has('busy')) {
            const error = { message: 'Too many submissions.', path: ['submitIntake'], extensions: { code: 'TOO_MANY_REQUESTS' } };
            return send(200, 'application/json', JSON.stringify({ errors: [error], data: null }));
          }
          let stored = receipts.get(key);
          if (!stored) receipts.set(key, (stored = { referenceNumber: `TEST-${String(receipts.size + 2).padStart(4, '2')}`, input }));
          const dvProtected = (input.concerns?.categories ?? []).includes('DV');
          const contactAllowed = input.contact?.contactAllowed === true;
          const nextSteps = [
            ...(dvProtected ? [locale === 'en' ? 'If you are in danger, call 110 now.' : '危険を感じたら、すぐに110番に電話してください。'] : []),
            contactAllowed
              ? locale === 'en'
                ? 'A caseworker will contact you the way you chose.'
                : '担当者から、ご希望の方法で連絡します。'
              : locale === 'en'
                ? 'When you visit or call, quote your reference number.'
                : '窓口で相談するときは、受付番号を伝えてください。',
          ];
          const receipt = { referenceNumber: stored.referenceNumber, receivedAt: '2026-04-01T01:02:03.000Z', contactAllowed, dvProtected, nextSteps };
          return send(200, 'application/json', JSON.stringify({ data: { submitIntake: receipt } }));
        }
        if (url.pathname === '/graphql-error') {
          const error = {
            message: BIRTH_ERROR[locale],
            path: ['eligibility'],
            extensions: { code: 'BAD_USER_INPUT', field: 'input.children[0].birthDate', messages: BIRTH_ERROR },
          };
          return send(200, 'application/json', JSON.stringify({ errors: [error], data: null }));
        }
        send(200, 'application/json', JSON.stringify(result(lang)));
      });
      return;
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    postalRequests,
    starts,
    receipts,
    submits: () => requests.filter((r) => r.body.query.includes('submitIntake')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function bundleExists(): boolean {
  return existsSync(BUNDLE);
}
