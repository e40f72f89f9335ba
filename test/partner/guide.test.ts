import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../api/access/policy';
import { MAX_PAGE_SIZE } from '../../api/common/connection';
import { CLIENT_CODES } from '../../api/common/format-error';
import { ROOT_DIR, SEEDS_DIR } from '../../api/common/paths';
import { buildApiSchema } from '../../api/schema/build';

/** docs/partners.md says what the API does: its codes, queries, partner column and limits are checked here. */
const GUIDE = readFileSync(join(ROOT_DIR, 'docs', 'partners.md'), 'utf8');

/** Rows of the markdown table whose header row starts with `| <first> |`. */
function tableRows(first: string): string[][] {
  const lines = GUIDE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  expect(start, `table starting with "${first}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!.split('|').slice(1, -1).map((c) => c.trim()));
  return rows;
}

describe('docs/partners.md', () => {
  it('lists in its error table exactly the codes the API returns', () => {
    const documented = tableRows('code').map((r) => r[0]!.replace(/`/g, '')).sort();
    expect(documented).toEqual([...CLIENT_CODES, 'INTERNAL_SERVER_ERROR'].sort());
  });

  it('shows only GraphQL that is valid against the schema', () => {
    const blocks = [...GUIDE.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const schema = buildApiSchema();
    for (const block of blocks) expect(validate(schema, parse(block)).map((e) => e.message), block).toEqual([]);
  });

  it('states the partner column of the default policy as seeds/policy/default.yaml has it', () => {
    const policy = parsePolicy(readFileSync(join(SEEDS_DIR, 'policy', 'default.yaml'), 'utf8'), 'default.yaml');
    const partner = policy.get('partner')!;
    const rows = tableRows('section');
    expect(rows.map((r) => r[0]!.split(' ')[0]!.replace(/`/g, '')).sort()).toEqual([...partner.keys()].sort());
    for (const row of rows) {
      const section = row[0]!.split(' ')[0]!.replace(/`/g, '');
      expect(row[2]!.startsWith('✓'), section).toBe(partner.get(section as never)!.read);
    }
  });

  it('gives the page size limit the API enforces', () => {
    expect(tableRows('what').find((r) => r[0]!.includes('first'))![1]).toBe(`1–${MAX_PAGE_SIZE} (else \`BAD_USER_INPUT\` on \`first\`)`);
  });
});
