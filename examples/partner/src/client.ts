import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** The three texts every Yorisoi error message comes in. */
export interface Messages {
  ja: string;
  en: string;
  'ja-easy': string;
}

/** One entry of a GraphQL response's `errors`, as Yorisoi sends them (docs/partners.md, "Errors"). */
export interface ApiErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: {
    /** BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, INTERNAL_SERVER_ERROR… */
    code?: string;
    /** The input field at fault, e.g. `input.status` or `first`. */
    field?: string;
    /** For FORBIDDEN on a section: NOT_PERMITTED, NO_CONSENT or DV_PROTECTED. */
    reason?: string;
    section?: string;
    messages?: Messages;
    problems?: { field: string; message: string; messages: Messages }[];
  };
}

/** The request failed as a whole (no data): bad token, invalid query, server fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorEntry[],
  ) {
    super(
      errors.map((e) => `${e.extensions?.code ?? 'ERROR'}${e.path ? ` at ${e.path.join('.')}` : ''}: ${e.extensions?.messages?.en ?? e.message}`).join('; ') ||
        `HTTP ${status} without a GraphQL answer: is the URL the server's /graphql address?`,
    );
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** Data and the errors that came with it: a section you may not read is null, with a FORBIDDEN error at its path. */
export interface Result<TData> {
  data: TData;
  errors: ApiErrorEntry[];
}

export interface ClientOptions {
  /** e.g. http://localhost:4000/graphql for the demo server. */
  url: string;
  /** The partner token the municipality issued (starts with `yp_`). */
  token: string;
  /** Language of `message` in errors; `extensions.messages` always has all three. */
  locale?: 'ja' | 'en' | 'ja-easy';
}

/**
 * A minimal typed GraphQL client: the documents generated from src/operations.graphql carry their
 * result and variable types, so `request(RecordDocument, { id })` is checked by the compiler against
 * the committed schema.
 */
export class PartnerClient {
  private readonly texts = new WeakMap<object, string>();

  constructor(private readonly options: ClientOptions) {}

  async request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<Result<TData>> {
    let query = this.texts.get(document);
    if (!query) this.texts.set(document, (query = print(document)));
    // A bare "fetch failed" with a stack trace does not say what to check: name the address and the cause.
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${this.options.token}`,
        'accept-language': this.options.locale ?? 'ja',
      },
      body: JSON.stringify({ query, variables }),
    }).catch((e: unknown) => {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e instanceof Error ? e.message : String(e));
      throw new Error(`Cannot reach Yorisoi at ${this.options.url} (${cause}): is the server running, and is the URL its /graphql address?`);
    });
    const body = (await response.json().catch(() => ({}))) as { data?: TData | null; errors?: ApiErrorEntry[] };
    if (!response.ok || body.data == null) throw new ApiError(response.status, body.errors ?? []);
    return { data: body.data, errors: body.errors ?? [] };
  }
}

/** The sections withheld from you in a response, by record path (e.g. `record.address` → DV_PROTECTED). */
export function withheldSections(errors: readonly ApiErrorEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of errors) {
    if (e.extensions?.code === 'FORBIDDEN' && e.path && e.extensions.reason) out.set(e.path.join('.'), e.extensions.reason);
  }
  return out;
}
