/**
 * The staff console's GraphQL client: POST /graphql with the bearer token, JSON only (Apollo's CSRF
 * protection wants a preflighted content type). The token lives in memory and in sessionStorage
 * (this tab only; never localStorage). No record data is ever written to any storage.
 *
 * When the API answers UNAUTHENTICATED (the token expired or was revoked), the client asks the app
 * to sign in again (`reauth`, a dialog that leaves the page — and its unsaved input — as it is) and,
 * if that succeeds, sends the same request once more.
 */
import { LANG_TAGS, LOCALES, type Lang } from './i18n.js';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; messages?: Record<string, string>; [k: string]: unknown };
}

/** An operation that failed as a whole; `code` is the API's extensions.code (or NETWORK). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly errors: GqlError[] = [],
  ) {
    super(message);
  }
  /** The input field the API named (BAD_USER_INPUT), e.g. input.summary. */
  get field(): string | undefined {
    return this.errors.find((e) => e.extensions?.field)?.extensions?.field;
  }
}

export interface Session {
  token: string;
  expiresAt: string;
}

const TOKEN_KEY = 'yorisoi-staff:session';

function store(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

export class StaffApi {
  locale: Lang = 0;
  /** Set by the app: shows the re-login dialog; resolves true once signed in again. */
  reauth: (() => Promise<boolean>) | null = null;
  private session: Session | null = null;

  constructor(readonly endpoint = '/graphql') {
    const raw = store()?.getItem(TOKEN_KEY);
    if (raw) {
      try {
        const s = JSON.parse(raw) as Session;
        if (typeof s.token === 'string' && typeof s.expiresAt === 'string') this.session = s;
      } catch {
        store()?.removeItem(TOKEN_KEY);
      }
    }
  }

  get signedIn(): boolean {
    return this.session !== null;
  }

  setSession(session: Session | null): void {
    this.session = session;
    if (session) store()?.setItem(TOKEN_KEY, JSON.stringify(session));
    else store()?.removeItem(TOKEN_KEY);
  }

  /**
   * Runs an operation. Returns `data` (possibly partial) with the errors that came along for parts of
   * it (a denied section is FORBIDDEN at its path); throws ApiError when nothing usable came back.
   */
  async request<T>(query: string, variables: Record<string, unknown> = {}, retried = false): Promise<{ data: T; errors: GqlError[] }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': LANG_TAGS[this.locale] };
    if (this.session) headers.authorization = `Bearer ${this.session.token}`;
    let body: { data?: T | null; errors?: GqlError[] };
    try {
      const res = await fetch(this.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }), credentials: 'omit', cache: 'no-store' });
      body = (await res.json()) as typeof body;
    } catch {
      throw new ApiError('network', 'NETWORK');
    }
    const errors = body.errors ?? [];
    const unauthenticated = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated && this.session && !retried && this.reauth) {
      if (await this.reauth()) return this.request<T>(query, variables, true);
    }
    // A failure of the whole operation: no data, or an error at a root field (or with no path, as
    // for validation errors). Errors deeper down (a denied section) come back with the data.
    const fatal = unauthenticated ?? errors.find((e) => (e.path?.length ?? 0) <= 1);
    if (fatal || body.data == null) {
      const message = fatal?.extensions?.messages?.[LOCALES[this.locale]] ?? fatal?.message ?? 'error';
      throw new ApiError(message, fatal?.extensions?.code ?? 'INTERNAL_SERVER_ERROR', errors);
    }
    return { data: body.data as T, errors };
  }

  /** A file from the API (an application document) with the bearer token; never cached. */
  async file(url: string): Promise<Blob> {
    const headers: Record<string, string> = { 'accept-language': LANG_TAGS[this.locale] };
    if (this.session) headers.authorization = `Bearer ${this.session.token}`;
    const res = await fetch(url, { headers, credentials: 'omit', cache: 'no-store' }).catch(() => null);
    if (!res?.ok) throw new ApiError('file', res ? String(res.status) : 'NETWORK');
    return res.blob();
  }

  /** Just the data. */
  async q<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    return (await this.request<T>(query, variables)).data;
  }
}
