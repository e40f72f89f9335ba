import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ChatService } from '../../api/chat/chat.service';
import { LOCALES, type Locale } from '../../api/core/i18n';
import { chatReplyMessages } from '../../api/line/render';
import { LB, LT } from '../../api/line/texts';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { FakeLine, type SentMessage } from '../support/fake-line';
import { LINE_CODE, type LineTestApp, startLineApp } from '../support/line';

/**
 * The CI check of issue 20 ("no personal data on LINE", national guideline of 2021-04-30): every LINE
 * template has no place for a value of the record, and no message Yorisoi puts on LINE — the chatbot's
 * replies to every question of both chat question sets, the account texts, the notices, everything the
 * fake platform received in this file — carries a value of any record or what the family typed.
 */
let t: LineTestApp;
let records: PersonalRecord[];
/** Every personal value of every record, as it could appear in a text. */
let values: string[];

const SECTIONS = ['identity', 'address', 'contact', 'household', 'income', 'concerns', 'selfReliancePlan', 'protection'] as const;

function leaves(value: unknown, out: string[]): void {
  if (value == null || typeof value === 'boolean') return;
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (value instanceof Date) out.push(value.toISOString().slice(0, 10));
  else if (typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
}

beforeAll(async () => {
  t = await startLineApp({ records: 40 });
  const em = t.em();
  records = await em.find(PersonalRecord, { municipality: LINE_CODE });
  const all: string[] = [];
  for (const r of records) {
    all.push(r.referenceNumber);
    for (const s of ['identity', 'address', 'contact', 'income', 'concerns'] as const) {
      const section = { ...(r[s] as unknown as Record<string, unknown>) };
      // The municipality's own prefecture and city are on its public pages, not a family's secret;
      // hashes, flags and category codes are not text a message could carry.
      for (const k of ['prefecture', 'city', 'phoneHash', 'emailHash', 'categories', 'contactAllowed', 'preferredChannel']) delete section[k];
      leaves(section, all);
    }
  }
  for (const c of await em.execute<{ birth_date: unknown; name?: unknown }[]>('select * from child where municipality_code = ?', [LINE_CODE]))
    leaves([c.birth_date, c.name], all);
  // Short values (a 1-digit count, "0") would match anything. Amounts are matched as stored digits: written
  // with separators they collide with the public rules' thresholds (a record earning 850,000 yen and the
  // allowance answer's income limit), which are not a family's data.
  values = [...new Set(all.filter((v) => v.length >= 4))];
});
afterAll(async () => {
  await t?.close();
});

function leaked(messages: unknown): string[] {
  const text = JSON.stringify(messages);
  return values.filter((v) => text.includes(v));
}

/** The names of the record's fields (section properties), from the ORM's metadata. */
function recordFieldNames(): string[] {
  const meta = t.db.orm.getMetadata();
  const names = new Set<string>(['referenceNumber']);
  for (const cls of [
    'IdentitySection',
    'AddressSection',
    'ContactSection',
    'HouseholdData',
    'IncomeSection',
    'ConcernsSection',
    'SelfReliancePlan',
    'ProtectionSection',
  ]) {
    for (const p of Object.keys(meta.find(cls)?.properties ?? {})) names.add(p);
  }
  return [...names];
}

describe('no personal data on LINE', () => {
  it('the records have values to look for', () => {
    expect(records.length).toBeGreaterThan(10);
    expect(values.length).toBeGreaterThan(100);
    expect(SECTIONS.length).toBe(8);
  });

  it('templates: the only placeholders are {url} and {number}, never a field of the record', () => {
    const fields = recordFieldNames();
    expect(fields).toEqual(expect.arrayContaining(['familyName', 'phone', 'email', 'street', 'postalCode', 'birthDate', 'note']));
    for (const [key, text] of Object.entries({ ...LT, ...LB })) {
      for (const l of LOCALES) {
        const placeholders = [...text[l].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        for (const p of placeholders) {
          expect(['url', 'number'], `${key}.${l}: {${p}}`).toContain(p);
          expect(fields, `${key}.${l}: {${p}}`).not.toContain(p);
        }
      }
    }
  });

  it('every chatbot reply to both question sets, rendered for LINE, carries no record value and no typed personal data', () => {
    const root = join(__dirname, '..', 'chat');
    const files = [
      join(root, 'questions.yaml'),
      ...readdirSync(join(root, 'heldout'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(root, 'heldout', f)),
    ];
    const questions = files.flatMap((f) => (parse(readFileSync(f, 'utf8')) as { items: { q: string }[] }).items.map((i) => i.q));
    expect(questions.length).toBeGreaterThan(300);
    const s = t.app.services;
    const chat = new ChatService(t.em(), { knowledge: s.chat.knowledge, catalogue: s.catalogue, municipalities: s.intake.municipalities }, 'ja');
    const channel = t.settings.channels.get(LINE_CODE)!;
    const r = records.find((x) => x.identity.familyName && x.contact.phone)!;
    const typed = [r.identity.familyName!, r.contact.phone!, r.referenceNumber];
    for (const [i, q] of questions.entries()) {
      const l: Locale = LOCALES[i % 3]!;
      // Every third question also carries a record's name, phone and reference number, as families type them.
      const message = i % 3 === 0 ? `${typed.join(' ')} ${q}` : q;
      const messages = chatReplyMessages(chat.respond(message, l, LINE_CODE, null).reply, l, channel, s.catalogue);
      expect(leaked(messages), q).toEqual([]);
    }
  });

  it('notices say the same discreet sentence for every kind, in every locale', () => {
    const kinds = ['programme-fits', 'amount-changed', 'programme-lapses', 'deadline', 'campaign', 'reminder'] as const;
    const sender = t.app.line.notices as unknown as { message(n: { municipalityCode: string; locale?: Locale }): string };
    for (const l of LOCALES) {
      const texts = new Set(kinds.map(() => sender.message({ municipalityCode: LINE_CODE, locale: l })));
      expect(texts.size).toBe(1);
      expect(leaked([...texts])).toEqual([]);
    }
  });

  it('everything the platform received from a linked family’s conversation and notices', async () => {
    const r = records.find((x) => x.identity.familyName && x.contact.phone && x.address.street)!;
    const user = FakeLine.newUserId();
    const typed = `${r.identity.familyName}${r.identity.givenName ?? ''}です。${r.address.street}に住んでいます。電話は${r.contact.phone}。児童扶養手当について`;
    const events = [
      t.fake.followEvent(user),
      t.fake.messageEvent(user, typed),
      t.fake.messageEvent(user, `${r.referenceNumber}の申請は？`),
      t.fake.messageEvent(user, 'もう死にたい'),
      t.fake.postbackEvent(user, 'v:handoff:staff'),
    ];
    expect((await t.fake.deliver(t.target, events)).status).toBe(200);
    await t.fake.waitFor(user, events.length);
    // Linked and opted in (as linking.test.ts does it end to end), then every kind of notice.
    const token = new URL(t.app.line.links.startUrl(t.base, LINE_CODE, r.id)).searchParams.get('t')!;
    const html = await (await fetch(`${t.base}/line/${LINE_CODE}/link`, { method: 'POST', body: new URLSearchParams({ t: token }) })).text();
    expect(leaked(html)).toEqual([]);
    const code = /連携コード ([A-Z]{28})/.exec(html)![1]!;
    expect((await t.fake.deliver(t.target, [t.fake.messageEvent(user, `連携コード ${code}`)])).status).toBe(200);
    const [dialog] = (await t.fake.waitFor(user, events.length + 1)).slice(-1);
    await fetch(dialog!.messages[0]!.template!.actions[0]!.uri!);
    await t.fake.waitFor(user, events.length + 2);
    expect((await t.fake.deliver(t.target, [t.fake.postbackEvent(user, 'notices:on')])).status).toBe(200);
    await t.fake.waitFor(user, events.length + 3);
    for (const kind of ['programme-fits', 'amount-changed', 'programme-lapses', 'deadline', 'campaign', 'reminder'] as const) {
      expect((await t.app.line.notices.sendLine({ id: randomUUID(), municipalityCode: LINE_CODE, recordId: r.id, kind })).status).toBe('DELIVERED');
    }
    const sent: SentMessage[] = t.fake.deliveries.flatMap((d) => d.messages);
    expect(sent.length).toBeGreaterThan(10);
    expect(leaked(sent)).toEqual([]);
    expect(t.fake.refused).toEqual([]);
  });
});
