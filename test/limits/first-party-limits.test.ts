import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { armor, resolveLimits } from '../../api/limits';

// Every operation our own widgets send must pass the limits a production server applies (GraphQL Armor:
// cost, depth, aliases, directives). The other tests run with wide limits (test/support/app.ts), so a
// console screen whose query a real deployment refuses passed them all: the worklist, the console's start
// page, asked with `first: 50` written in the text, which Armor multiplies into the cost (18,437 > 5,000),
// and every member of staff met 「問い合わせ（クエリ）が正しくないか、大きすぎます。」 on signing in.

const root = join(__dirname, '..', '..');
const schema = buildSchema(readFileSync(join(root, 'schema', 'schema.graphql'), 'utf8'));

/** The files that hold the widgets' GraphQL documents, as exported string constants. */
const FILES = [
  ...readdirSync(join(root, 'widgets', 'staff'))
    .filter((f) => /queries\.ts$/.test(f))
    .map((f) => `widgets/staff/${f}`),
  'widgets/mypage/queries.ts',
  'widgets/intake/model.ts',
  'widgets/chat/model.ts',
];

async function documents(): Promise<{ where: string; text: string }[]> {
  const out: { where: string; text: string }[] = [];
  for (const file of FILES) {
    const mod = (await import(join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'string' && /^\s*(query|mutation)\b/.test(value)) out.push({ where: `${file} ${name}`, text: value });
    }
  }
  // What a partner NPO's developer starts from (docs/partners.md): its operations meet the same limits.
  out.push({ where: 'examples/partner/src/operations.graphql', text: readFileSync(join(root, 'examples', 'partner', 'src', 'operations.graphql'), 'utf8') });
  return out;
}

describe("the widgets' own operations under production limits", () => {
  it('finds the documents (the staff console, the family page, intake, chat and the partner example)', async () => {
    const docs = await documents();
    expect(docs.length).toBeGreaterThan(60);
    expect(docs.map((d) => d.where)).toContain('widgets/staff/queries.ts WORKLIST');
  });

  function refusals(text: string): string[] {
    const { validationRules } = armor(resolveLimits());
    try {
      return validate(schema, parse(text), validationRules).map((e) => e.message);
    } catch (e) {
      // Armor's rules throw their rejection (propagateOnRejection).
      return [(e as Error).message];
    }
  }

  it('each is valid against the schema and within cost, depth, aliases and directives', async () => {
    const refused: string[] = [];
    for (const d of await documents()) for (const m of refusals(d.text)) refused.push(`${d.where}: ${m}`);
    expect(refused).toEqual([]);
  });

  it('every operation of the public widgets is a trusted document (anonymous callers may send no other in production)', async () => {
    const { TRUSTED_OPERATIONS } = (await import(join(root, 'widgets', 'trusted-documents.ts'))) as { TRUSTED_OPERATIONS: readonly string[] };
    const trusted = new Set(TRUSTED_OPERATIONS);
    const publicDocs = (await documents()).filter((d) => /^widgets\/(mypage|intake|chat)\//.test(d.where));
    expect(publicDocs.length).toBeGreaterThan(15);
    expect(publicDocs.filter((d) => !trusted.has(d.text)).map((d) => d.where)).toEqual([]);
  });

  it('would catch the worklist with its list size written into the text (the check can fail)', async () => {
    const worklist = (await documents()).find((d) => d.where.endsWith(' WORKLIST'))!.text;
    expect(worklist).toContain('first: $first');
    expect(refusals(worklist.replace('first: $first', 'first: 50')).join(' ')).toMatch(/Cost limit/);
  });
});
