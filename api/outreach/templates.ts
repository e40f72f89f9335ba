import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Locale, LOCALES } from '../core';
import { NOTICE_KINDS, type NoticeKind } from './outreach-types';

/** The only values a message can carry (issue 16): nothing about the family's situation. */
export const PLACEHOLDERS = ['familyName', 'programmeName', 'deadline', 'link', 'municipalityName'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

interface Template {
  subject: string;
  text: string;
}
type TemplateSet = Partial<Record<NoticeKind, Record<Locale, Template>>>;

// Linear: a fixed prefix, a bounded run of letters, a fixed suffix.
const PLACEHOLDER = /\{\{([A-Za-z]{1,32})\}\}/g;
const BRACES = /\{\{|\}\}/g;

function check(set: unknown, file: string, complete: boolean): TemplateSet {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  if (typeof set !== 'object' || set === null) fail('not a mapping');
  const doc = set as Record<string, unknown>;
  for (const key of Object.keys(doc)) if (!(NOTICE_KINDS as readonly string[]).includes(key)) fail(`unknown notice kind ${key}`);
  for (const kind of NOTICE_KINDS) {
    const byLocale = doc[kind] as Record<string, Template> | undefined;
    if (!byLocale) {
      if (complete) fail(`${kind} is missing`);
      continue;
    }
    for (const l of LOCALES) {
      const t = byLocale[l];
      if (!t?.subject?.trim() || !t?.text?.trim()) fail(`${kind}.${l} needs a subject and a text`);
      for (const part of [t!.subject, t!.text]) {
        const names = [...part.matchAll(PLACEHOLDER)].map((m) => m[1]!);
        for (const n of names)
          if (!(PLACEHOLDERS as readonly string[]).includes(n)) fail(`${kind}.${l}: {{${n}}} is not an allowed placeholder (${PLACEHOLDERS.join(', ')})`);
        // Braces left after removing the placeholders are a typo ({{link} or {{ link }}): refuse them.
        if (part.replace(PLACEHOLDER, '').match(BRACES)) fail(`${kind}.${l}: a placeholder is malformed`);
      }
      if (!t!.text.includes('{{link}}')) fail(`${kind}.${l}: the text must contain {{link}}`);
    }
  }
  return doc as TemplateSet;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface NoticeTemplates {
  render(municipalityCode: string, kind: NoticeKind, locale: Locale, values: TemplateValues): RenderedMessage;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** seeds/notices/default.yaml and <municipality code>.yaml, validated at start. */
export function loadNoticeTemplates(dir: string): NoticeTemplates {
  const read = (name: string, complete: boolean) => check(parse(readFileSync(join(dir, name), 'utf8')), join(dir, name), complete);
  const fallback = read('default.yaml', true);
  const own = new Map<string, TemplateSet>();
  for (const name of readdirSync(dir)) {
    const m = /^(\d{6})\.yaml$/.exec(name);
    if (m) own.set(m[1]!, read(name, false));
    else if (name !== 'default.yaml' && name !== 'README.md') throw new Error(`${join(dir, name)}: notice files are default.yaml or <municipality code>.yaml`);
  }
  return {
    render(code, kind, locale, values) {
      const t = (own.get(code)?.[kind] ?? fallback[kind]!)[locale];
      const fill = (s: string, esc: (v: string) => string) => s.replace(PLACEHOLDER, (_, n: Placeholder) => esc(values[n] ?? ''));
      const subject = fill(t.subject, (v) => v).replace(/[\r\n]+/g, ' ');
      const text = fill(t.text, (v) => v);
      // HTML from the same text: escaped, paragraphs from blank lines, the link as a plain anchor (no tracking).
      const html =
        `<!doctype html><html lang="${locale === 'en' ? 'en' : 'ja'}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>` +
        t.text
          .split(/\n{2,}/)
          .map((p) => `<p>${fill(escapeHtml(p), (v) => escapeHtml(v)).replace(/\n/g, '<br>')}</p>`)
          .join('') +
        '</body></html>';
      return { subject, text, html: html.replace(escapeHtml(values.link), `<a href="${escapeHtml(values.link)}">${escapeHtml(values.link)}</a>`) };
    },
  };
}
